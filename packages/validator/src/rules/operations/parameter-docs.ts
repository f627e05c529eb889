import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleDefinition } from '../../model/rule.js';
import { asString } from '../../swagger/json-values.js';
import { writtenParameters, type WrittenParameter } from './parameter-index.js';
import { isInternalVisibility, nonEmptyString } from './rule-kit.js';

const X_MS_SUMMARY_MAX_LENGTH = 80;

/** Parameters a maker fills in: used by a visible operation, not internal, not the body. */
function visibleNonBodyParameters(parameters: WrittenParameter[]): WrittenParameter[] {
  return parameters.filter(
    (parameter) =>
      parameter.visible &&
      parameter.in !== 'body' &&
      !isInternalVisibility(parameter.value['x-ms-visibility']),
  );
}

export const parameterDocumentationRules: RuleDefinition[] = [
  {
    id: 'SWG-PARAM-XMS-SUMMARY',
    file: 'swagger',
    title: 'Give every visible parameter an x-ms-summary.',
    description:
      "x-ms-summary is the parameter's label in the designer; the certification validator requires it (PR #1003, #3407). Calibrated on merged connectors: internal parameters, parameters of internal operations and body parameters are exempt (thousands lack it), visible ones almost never do.",
    levels: certificationLevels('error', 'info'),
    msCode: 'RequiredPropertyMissing',
    msMessage: "The '{0}' property is required.",
    example: {
      bad: '{ "name": "status", "in": "query", "type": "string", "description": "Only tasks with this status." }',
      good: '{ "name": "status", "in": "query", "type": "string", "x-ms-summary": "Status", "description": "Only tasks with this status." }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      for (const parameter of visibleNonBodyParameters(writtenParameters(swagger))) {
        if (nonEmptyString(parameter.value['x-ms-summary']) !== undefined) continue;
        report({ pointer: parameter.pointer, message: "The 'x-ms-summary' property is required." });
      }
    },
  },
  {
    id: 'SWG-PARAM-DESC',
    file: 'swagger',
    title: 'Give every visible parameter a description.',
    description:
      'The description is the hint under the field; the certification validator requires it (PR #3407). Internal parameters, parameters of internal operations and body parameters are exempt.',
    levels: certificationLevels('error', 'info'),
    msCode: 'RequiredPropertyMissing',
    msMessage: "The '{0}' property is required.",
    example: {
      bad: '{ "name": "status", "in": "query", "type": "string", "x-ms-summary": "Status" }',
      good: '{ "name": "status", "in": "query", "type": "string", "x-ms-summary": "Status", "description": "Only tasks with this status." }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      for (const parameter of visibleNonBodyParameters(writtenParameters(swagger))) {
        if (nonEmptyString(parameter.value.description) !== undefined) continue;
        report({ pointer: parameter.pointer, message: "The 'description' property is required." });
      }
    },
  },
  {
    id: 'SWG-PARAM-XMS-SUMMARY-LEN',
    file: 'swagger',
    title: `Keep parameter x-ms-summary to ${X_MS_SUMMARY_MAX_LENGTH} characters.`,
    description:
      'The string guidance gives x-ms-summary "a limit of 80 characters"; the longest in merged connectors is exactly 80, so the limit is enforced.',
    levels: certificationLevels('error'),
    example: {
      bad: '"x-ms-summary": "The status of the tasks that should be returned by this operation, open or done"',
      good: '"x-ms-summary": "Status"',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      for (const parameter of writtenParameters(swagger)) {
        const summary = asString(parameter.value['x-ms-summary']);
        if (summary === undefined || summary.length <= X_MS_SUMMARY_MAX_LENGTH) continue;
        report({
          pointer: childPointer(parameter.pointer, 'x-ms-summary'),
          message: `The 'x-ms-summary' value goes over the character limit '${X_MS_SUMMARY_MAX_LENGTH}' (it has ${summary.length}).`,
        });
      }
    },
  },
];
