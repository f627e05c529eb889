import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleDefinition } from '../../model/rule.js';
import { asString } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { HolderKey } from './holder-key-bits.js';
import { holderKeysOf } from './holder-keys.js';
import { writtenParameters, type WrittenParameter } from './parameter-index.js';
import { nonEmptyString } from './rule-kit.js';
import { nameExcerpt } from '../../text/message-values.js';
import { isInternalVisibility } from '../../swagger/visibility.js';

const X_MS_SUMMARY_MAX_LENGTH = 80;

/**
 * Calls `visit` with the parameters a maker fills in: used by a visible operation, not internal,
 * not the body. A loop, not a filtered list: SWG-PARAM-XMS-SUMMARY and SWG-PARAM-DESC each made one
 * of the corpus's ~13,000 written parameters (~0.6 MB a warm run), and x-ms-visibility is read only
 * from those holderKeysOf notes with the key, most parameters having none.
 */
function forEachVisibleNonBodyParameter(
  model: SwaggerModel,
  visit: (parameter: WrittenParameter) => void,
): void {
  const parameters = writtenParameters(model);
  const keys = holderKeysOf(model).parameters;
  for (let index = 0; index < parameters.length; index++) {
    const parameter = parameters[index]!;
    if (!parameter.visible || parameter.in === 'body') continue;
    if (
      (keys[index]! & HolderKey.visibility) !== 0 &&
      isInternalVisibility(parameter.value['x-ms-visibility'])
    )
      continue;
    visit(parameter);
  }
}

/** "query parameter 'status'": which parameter, for a file that lists many on nearby lines. */
function describeParameter(parameter: WrittenParameter): string {
  const where = parameter.in === undefined ? '' : `${nameExcerpt(parameter.in)} `;
  return parameter.name === undefined
    ? `${where}parameter`
    : `${where}parameter '${nameExcerpt(parameter.name)}'`;
}

/** Keys makers write where a parameter's x-ms-summary belongs. */
const LABEL_KEYS_WRITTEN_INSTEAD = ['summary', 'title'];

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
      placement: 'parameter',
      bad: '{ "name": "status", "in": "query", "type": "string", "description": "Only tasks with this status." }',
      good: '{ "name": "status", "in": "query", "type": "string", "x-ms-summary": "Status", "description": "Only tasks with this status." }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      forEachVisibleNonBodyParameter(swagger, (parameter) => {
        if (nonEmptyString(parameter.value['x-ms-summary']) !== undefined) return;
        // A label written as an operation's or an OpenAPI 3 schema's: the fix is a rename, at that key.
        const written = LABEL_KEYS_WRITTEN_INSTEAD.find(
          (key) => nonEmptyString(parameter.value[key]) !== undefined,
        );
        if (written) {
          report({
            pointer: childPointer(parameter.pointer, written),
            message: `The 'x-ms-summary' property is required. Rename '${written}' to 'x-ms-summary': the designer labels a parameter with its x-ms-summary, and '${written}' is not a parameter property.`,
          });
          return;
        }
        report({
          pointer: parameter.pointer,
          message: `The 'x-ms-summary' property is required. Give the ${describeParameter(parameter)} the label the designer shows for it.`,
        });
      });
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
      placement: 'parameter',
      bad: '{ "name": "status", "in": "query", "type": "string", "x-ms-summary": "Status" }',
      good: '{ "name": "status", "in": "query", "type": "string", "x-ms-summary": "Status", "description": "Only tasks with this status." }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      forEachVisibleNonBodyParameter(swagger, (parameter) => {
        if (nonEmptyString(parameter.value.description) !== undefined) return;
        report({
          pointer: parameter.pointer,
          message: `The 'description' property is required. Describe the ${describeParameter(parameter)}: the designer shows it as the field's hint.`,
        });
      });
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
      placement: 'parameter',
      bad: '"x-ms-summary": "The status of the tasks that should be returned by this operation: either open or done"',
      good: '"x-ms-summary": "Status"',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      for (const parameter of writtenParameters(swagger)) {
        const summary = asString(parameter.value['x-ms-summary']);
        if (summary === undefined || summary.length <= X_MS_SUMMARY_MAX_LENGTH) continue;
        report({
          pointer: childPointer(parameter.pointer, 'x-ms-summary'),
          message: `The 'x-ms-summary' value goes over the character limit '${X_MS_SUMMARY_MAX_LENGTH}'.`,
          // The count comes and goes while the problem stays: a note, which the baseline of
          // `validate --base` matches without, so that a label shortened but still too long stays existing.
          transientNote: `It has ${summary.length}.`,
        });
      }
    },
  },
];
