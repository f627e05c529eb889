import { sameScriptOperations, scriptOperationsOf } from '@connector-alm/core';
import { excerpt, nameExcerpt } from '../../text/message-values.js';
import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleDefinition } from '../../model/rule.js';
import { asArray } from '../../swagger/json-values.js';
import { propertiesOf } from './connection-parameters.js';
import { reportSchemaProblems } from './schema-problems.js';
import { valueWrite } from '../value-write-advice.js';

/** Capabilities seen on the platform; `actions` and `triggers` are the documented examples. */
const KNOWN_CAPABILITIES = ['actions', 'triggers', 'gateway', 'cloud only'];

export const apiPropertiesCapabilityRules: RuleDefinition[] = [
  {
    id: 'PROP-CAPABILITIES',
    file: 'apiProperties',
    title: 'List only known capabilities.',
    description:
      'capabilities is an array of strings; the schema and README give `actions` and `triggers`, and merged connectors also use `gateway` and `cloud only`. Other values are most likely typos.',
    levels: certificationLevels('warning', 'info'),
    example: {
      placement: 'apiProperties',
      bad: '"capabilities": ["action"]',
      good: '"capabilities": ["actions"]',
    },
    namesFixes: 'valueWrites',
    check(context) {
      reportSchemaProblems(context, 'PROP-CAPABILITIES');
      const capabilities = asArray(propertiesOf(context.apiProperties)?.capabilities) ?? [];
      capabilities.forEach((capability, index) => {
        if (typeof capability !== 'string' || KNOWN_CAPABILITIES.includes(capability)) return;
        const pointer = childPointer('/properties/capabilities', index);
        if (KNOWN_CAPABILITIES.includes(capability.toLowerCase())) {
          context.report({
            pointer,
            severity: 'info',
            message: `Write the capability "${capability}" in lower case: "${capability.toLowerCase()}".`,
            ...valueWrite(context, 'apiProperties', capability.toLowerCase()),
          });
        } else {
          context.report({
            pointer,
            message: `"${excerpt(capability)}" is not a known capability (${KNOWN_CAPABILITIES.join(', ')}).`,
          });
        }
      });
    },
  },
  {
    id: 'PROP-SCRIPTOPS',
    file: 'apiProperties',
    title: '`scriptOperations` names operations of the swagger, and goes with script.csx.',
    description:
      'scriptOperations lists the operationIds whose calls go through script.csx (paconn README); newer tooling writes them as `script.operationIds` instead (`"script": {"language": "CSharpScript", "operationIds": [...]}`, 2 merged certified connectors), which this rule, CSX-OPIDS and the diff read alike. A name that is not an operationId does nothing; a list without script.csx is pointless; a script without a list runs for every operation (25 merged connectors), which is worth knowing. Which list the platform uses when both are written is not documented: connector-alm reads scriptOperations and says so at script.operationIds, as a warning when they differ.',
    levels: certificationLevels('warning'),
    example: {
      placement: 'apiProperties',
      bad: '"scriptOperations": ["ListTask"]',
      good: '"scriptOperations": ["ListTasks"]',
    },
    check(context) {
      reportSchemaProblems(context, 'PROP-SCRIPTOPS');
      const properties = propertiesOf(context.apiProperties);
      if (!properties) return;
      const hasScript = context.connector.files.script !== undefined;
      const list = scriptOperationsOf(properties);
      if (!list) {
        if (hasScript) {
          context.report({
            pointer: '/properties/scriptOperations',
            severity: 'info',
            message:
              'script.csx is present but apiProperties.json has no scriptOperations, so the script runs for every operation. List the operationIds it handles if it is meant for only some.',
          });
        }
        return;
      }
      if (list.unread) {
        const differ = !sameScriptOperations(list.value, list.unread.value);
        context.report({
          pointer: list.unread.pointer,
          severity: differ ? 'warning' : 'info',
          message: `apiProperties.json lists the script's operations both in ${list.key} and in ${list.unread.key}${differ ? ', and the lists differ' : ''}. Which one the platform uses is not documented, and connector-alm reads ${list.key}: keep only one.`,
        });
      }
      if (!hasScript) {
        context.report({
          pointer: list.pointer,
          message: `${list.key} is set but the folder has no script.csx; add the script or remove ${list.key}.`,
        });
      }
      const swagger = context.swagger;
      if (!swagger) return;
      for (const { pointer, value } of list.unread ? [list, list.unread] : [list]) {
        (asArray(value) ?? []).forEach((name, index) => {
          if (typeof name !== 'string' || swagger.operationsById.has(name)) return;
          context.report({
            pointer: childPointer(pointer, index),
            message: `The script operation "${nameExcerpt(name)}" is not an operationId of the swagger, so the script never runs for it.`,
          });
        });
      }
    },
  },
];
