import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleDefinition } from '../../model/rule.js';
import { asArray, asObject, asString, has } from '../../swagger/json-values.js';
import { propertiesOf } from './connection-parameters.js';
import {
  OPERATION_NAME_PARAMETER,
  POLICY_PARAMETER_ENUMS,
  POLICY_TEMPLATE_REQUIRED_PARAMETERS,
  TEMPLATE_PARAMETER_PREFIX,
} from './policy-templates.js';
import { reportSchemaProblems } from './schema-problems.js';

export const apiPropertiesPolicyRules: RuleDefinition[] = [
  {
    id: 'PROP-POLICY',
    file: 'apiProperties',
    title: 'Use known policy templates with their required parameters and real operationIds.',
    description:
      'policyTemplateInstances[*].templateId is a platform policy template (any case), each with its required `x-ms-apimTemplateParameter.*` parameters (published schema). `dynamicsubdomain`, `moveproperties` and `setconnectionstatustounauthenticated` are real templates missing from the schema. The optional `x-ms-apimTemplate-operationName` lists the operationIds the policy applies to; a name that is not an operationId of the swagger silently applies to nothing.',
    levels: certificationLevels('error'),
    example: {
      bad: '{ "templateId": "setheader", "title": "Set header", "parameters": { "x-ms-apimTemplateParameter.name": "Accept" } }',
      good: '{ "templateId": "setheader", "title": "Set header", "parameters": { "x-ms-apimTemplateParameter.name": "Accept", "x-ms-apimTemplateParameter.value": "application/json" } }',
    },
    check(context) {
      reportSchemaProblems(context, 'PROP-POLICY');
      const instances = asArray(propertiesOf(context.apiProperties)?.policyTemplateInstances) ?? [];
      instances.forEach((raw, index) => {
        const instance = asObject(raw);
        const templateId = asString(instance?.templateId);
        if (!instance || templateId === undefined) return;
        const pointer = childPointer('/properties/policyTemplateInstances', index);
        const key = templateId.toLowerCase();
        const required = POLICY_TEMPLATE_REQUIRED_PARAMETERS.get(key);
        if (!required) {
          context.report({
            pointer: childPointer(pointer, 'templateId'),
            message: `Value "${templateId}" is not defined in enum. It is not a known policy template; see https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates.`,
          });
          return;
        }
        const parameters = asObject(instance.parameters);
        if (!parameters) return;
        const parametersPointer = childPointer(pointer, 'parameters');
        const missing = required.filter((name) => !has(parameters, TEMPLATE_PARAMETER_PREFIX + name));
        if (missing.length > 0) {
          context.report({
            pointer: parametersPointer,
            message: `Required properties are missing from object: ${missing.map((name) => TEMPLATE_PARAMETER_PREFIX + name).join(', ')}. The ${templateId} template needs them.`,
          });
        }
        for (const [name, allowed] of Object.entries(POLICY_PARAMETER_ENUMS.get(key) ?? {})) {
          const value = parameters[TEMPLATE_PARAMETER_PREFIX + name];
          if (typeof value === 'string' && !allowed.includes(value)) {
            context.report({
              pointer: childPointer(parametersPointer, TEMPLATE_PARAMETER_PREFIX + name),
              message: `Value "${value}" is not defined in enum. Use one of: ${allowed.join(', ')}.`,
            });
          }
        }
        checkOperationNames(
          parameters[OPERATION_NAME_PARAMETER],
          childPointer(parametersPointer, OPERATION_NAME_PARAMETER),
        );
      });

      function checkOperationNames(value: unknown, pointer: string): void {
        const swagger = context.swagger;
        if (value === undefined || !swagger) return;
        const names = asArray(value);
        if (!names) {
          context.report({ pointer, message: `${OPERATION_NAME_PARAMETER} is a list of operationIds.` });
          return;
        }
        names.forEach((name, index) => {
          if (typeof name !== 'string') return;
          if (swagger.operationsById.has(name)) return;
          context.report({
            pointer: childPointer(pointer, index),
            message: `The operation "${name}" does not exist in the swagger, so this policy applies to nothing. Use an operationId of apiDefinition.swagger.json.`,
          });
        });
      }
    },
  },
];
