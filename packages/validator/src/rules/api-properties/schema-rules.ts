import { childPointer } from '../../json/pointer.js';
import { certificationLevels, sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asObject, has } from '../../swagger/json-values.js';
import { connectionParametersOf } from './connection-parameters.js';
import { meantPropertiesKey, unknownKeyAdvice, uiDefinitionAdvice } from './schema-advice.js';
import { redirectUrlListAdvice } from './redirect-url-list.js';
import { reportSchemaProblems, schemaProblemsFor } from './schema-problems.js';
import { enclosedExcerpt } from '../../text/message-values.js';
import { renamedByFix, RENAME_ADVICE } from '../key-rename-advice.js';

/** The rules that report our apiProperties schema's findings (see schema.ts), one area each. */
export const apiPropertiesSchemaRules: RuleDefinition[] = [
  {
    id: 'PROP-SCHEMA',
    file: 'apiProperties',
    title: 'apiProperties.json must match the apiProperties schema.',
    description:
      "Microsoft's apiProperties pipeline (PR #1427) validates the file with Newtonsoft.Json.Schema and fails on any error (PR #1421: `Invalid type. Expected Boolean but got String.`). The published schema is stale, so this rule uses our own schema with the fixes merged connectors need (scriptOperations, connectionParameterSets, GlobalPerConnector, hidden as boolean or string, DocuSign, extra policy templates). Problems owned by a more specific PROP-* rule are reported there.",
    levels: certificationLevels('error'),
    namesFixes: 'valueWrites',
    msMessage: 'Invalid type. Expected {0} but got {1}.',
    example: {
      goodPlacement: 'oauthSettings',
      bad: '{ "properties": { "iconBrandColor": "#3b5bdb", "connectionParameters": { "api_key": { "type": "securestring", "oAuthSettings": { "identityProvider": "oauth2", "scopes": "read" } } } } }',
      good: '"scopes": ["read"]',
    },
    check(context) {
      reportSchemaProblems(context, 'PROP-SCHEMA', (problem) =>
        redirectUrlListAdvice(context.apiProperties, problem),
      );
    },
  },
  {
    id: 'PROP-ROOT',
    file: 'apiProperties',
    title: 'apiProperties.json is an object with only `properties` (and `$schema`).',
    description:
      'The schema requires a root object `{ "properties": { … } }` and allows nothing else but `$schema`; paconn and the portal read only `properties`.',
    levels: certificationLevels('error'),
    example: {
      bad: '{ "iconBrandColor": "#3b5bdb" }',
      good: '{ "properties": { "iconBrandColor": "#3b5bdb" } }',
    },
    check(context) {
      reportSchemaProblems(context, 'PROP-ROOT');
    },
  },
  {
    id: 'PROP-BRAND-REQ',
    file: 'apiProperties',
    title: 'Set `properties.iconBrandColor`.',
    description:
      'The schema requires iconBrandColor: it is the background of the connector icon in the designers.',
    levels: certificationLevels('error'),
    example: {
      goodPlacement: 'apiProperties',
      bad: '{ "properties": { "publisher": "Contoso" } }',
      good: '"iconBrandColor": "#3b5bdb"',
    },
    check(context) {
      reportSchemaProblems(context, 'PROP-BRAND-REQ');
    },
  },
  {
    id: 'PROP-UNKNOWN-KEYS',
    file: 'apiProperties',
    title: 'Use only known keys under `properties`.',
    description:
      'The published schema closes `properties` over iconBrandColor, publisher, stackOwner, capabilities, connectionParameters and policyTemplateInstances, but the platform and paconn also use scriptOperations, connectionParameterSets and isCustomApi (72 merged certified files would fail only for this), so those are allowed. Anything else is most likely a typo that the platform ignores: the finding names the key it likely misspells (`scriptOperation` for `scriptOperations`), which `validate --fix` renames it to, or else lists the allowed keys.',
    levels: certificationLevels('warning'),
    msMessage: 'Property {0} has not been defined and the schema does not allow additional properties.',
    example: {
      goodPlacement: 'apiProperties',
      bad: '"properties": { "iconBrandColour": "#3b5bdb" }',
      good: '"iconBrandColor": "#3b5bdb"',
    },
    namesFixes: 'keyRenames',
    check(context) {
      // The key it likely misspells is the fix `validate --fix` makes, as for the swagger's keys;
      // fix/key-renames.ts refuses, and says why, a rename onto a key the object already has.
      const problems = schemaProblemsFor(context, 'PROP-UNKNOWN-KEYS');
      // Said where --fix renames the key, as the swagger's misspelled keys are: meantPropertiesKey
      // names only keys of `properties`.
      const properties = asObject(context.apiProperties?.properties) ?? {};
      const meant = problems.flatMap((problem) => {
        const to = meantPropertiesKey(problem);
        return to === undefined ? [] : [{ problem, key: problem.key!, meant: to }];
      });
      const renamed = new Set(
        [...renamedByFix(context.connector.files.apiProperties, meant, () => properties)].map(
          (use) => use.problem,
        ),
      );
      for (const problem of problems) {
        const to = meantPropertiesKey(problem);
        const advice = unknownKeyAdvice(problem);
        const fixable = renamed.has(problem);
        context.report({
          pointer: problem.pointer,
          message: `${advice ? `${problem.message} ${advice}` : problem.message}${fixable ? ` ${RENAME_ADVICE}` : ''}`,
          ...(to === undefined ? {} : { fix: { renameKey: to } }),
          ...(fixable ? { fixable: true } : {}),
        });
      }
    },
  },
  {
    id: 'PROP-CP-NAME',
    file: 'apiProperties',
    title: 'Name connection parameters with letters, digits and underscores.',
    description:
      'Connection parameter names match `^[0-9a-zA-Z_]+$`, or `name:sub`, or are exactly `token:TenantId` (schema). Other names are rejected on import.',
    levels: certificationLevels('error'),
    example: {
      placement: 'connectionParameters',
      bad: '"api-key": { "type": "securestring" }',
      good: '"api_key": { "type": "securestring" }',
    },
    check(context) {
      reportSchemaProblems(context, 'PROP-CP-NAME');
    },
  },
  {
    id: 'PROP-CP-TYPE',
    file: 'apiProperties',
    title: 'Give each connection parameter a known type.',
    description:
      'A connection parameter `type` is one of string, securestring, int, bool, gatewaySetting, oauthSetting (schema; the values are case-sensitive, one merged connector writes `oAuthSetting`). A value written in other case of one of them (`AAD`, `direct`, `oAuthSetting`) is written right by `validate --fix`.',
    levels: certificationLevels('error'),
    namesFixes: 'valueWrites',
    example: { placement: 'connectionParameter', bad: '"type": "password"', good: '"type": "securestring"' },
    check(context) {
      reportSchemaProblems(
        context,
        'PROP-CP-TYPE',
        'Use one of: string, securestring, int, bool, gatewaySetting, oauthSetting.',
      );
    },
  },
  {
    id: 'PROP-CP-UI',
    file: 'apiProperties',
    title: 'Write connection parameter `uiDefinition`s as the schema describes.',
    description:
      'uiDefinition has displayName, description, tooltip (strings), tabIndex (integer) and constraints {clearText: boolean, required: "true"/"false", tabIndex, capability[], hidden, allowedValues[{value, text}], dependencies}. The schema wants `constraints.required` as the string "true" or "false" (760 merged uses); 8 merged files write a boolean, which works, so that gets an info note. A value of the wrong type is told what its key holds.',
    levels: certificationLevels('error'),
    example: {
      placement: 'uiDefinition',
      bad: '"constraints": { "tabIndex": "2" }',
      good: '"constraints": { "tabIndex": 2 }',
    },
    check(context) {
      reportSchemaProblems(context, 'PROP-CP-UI', uiDefinitionAdvice);
      for (const parameter of connectionParametersOf(context.apiProperties)) {
        const constraints = asObject(asObject(parameter.value.uiDefinition)?.constraints);
        if (typeof constraints?.required === 'boolean') {
          context.report({
            pointer: childPointer(parameter.pointer, 'uiDefinition', 'constraints', 'required'),
            severity: 'info',
            message: `constraints.required is the boolean ${constraints.required}; the schema documents the string "${constraints.required}". Write it as the string: "required": "${constraints.required}".`,
          });
        }
      }
    },
  },
  {
    id: 'PROP-CP-HIDDEN-TYPE',
    file: 'apiProperties',
    title: 'Write `constraints.hidden` as a boolean.',
    description:
      'The published schema says `hidden` is a string, but the apiProperties pipeline rejected the string "true" with `Invalid type. Expected Boolean but got String.` (PR #1421). Merged connectors use both (61 strings, 31 booleans), so both are accepted and a string gets this note. `token:TenantId` is the exception: its exact shape has `hidden: "true"`.',
    levels: sameLevels('info'),
    msMessage: 'Invalid type. Expected Boolean but got String.',
    example: {
      placement: 'uiDefinition',
      bad: '"constraints": { "hidden": "true" }',
      good: '"constraints": { "hidden": true }',
    },
    check(context) {
      for (const parameter of connectionParametersOf(context.apiProperties)) {
        if (parameter.name === 'token:TenantId') continue;
        const constraints = asObject(asObject(parameter.value.uiDefinition)?.constraints);
        if (constraints && has(constraints, 'hidden') && typeof constraints.hidden === 'string') {
          context.report({
            pointer: childPointer(parameter.pointer, 'uiDefinition', 'constraints', 'hidden'),
            message: `Invalid type. Expected Boolean but got String. Microsoft's apiProperties pipeline rejects "hidden": ${enclosedExcerpt(JSON.stringify(constraints.hidden))} (PR #1421); write ${constraints.hidden.toLowerCase() === 'true'}.`,
          });
        }
      }
    },
  },
];
