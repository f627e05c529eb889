import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { entriesOf, isObject } from '../../swagger/json-values.js';
import { effectiveMimeTypes, fill } from './rule-kit.js';
import { operationLabel } from '../../swagger/operation-label.js';
import { nameExcerpt } from '../../text/message-values.js';

export const responseExampleRule: RuleDefinition = {
  id: 'SWG-RESP-EXAMPLE',
  file: 'swagger',
  title: 'Key response examples by a MIME type the operation produces.',
  description:
    "An example for a MIME type that is not in the operation's `produces` can never be returned (SVR ResponseExampleMustBeProducedByOperation).",
  levels: sameLevels('error'),
  msCode: 'ResponseExampleMustBeProducedByOperation',
  msMessage: "The response example '{0}' is not produced by the operation '{1}'.",
  example: {
    placement: 'response',
    bad: '"produces": ["application/json"], … "examples": { "text/xml": "<a/>" }',
    good: '"produces": ["application/json"], … "examples": { "application/json": {} }',
  },
  check({ swagger, report }) {
    if (!swagger) return;
    for (const operation of swagger.operations) {
      // The allowed types are worked out only for operations with examples, a few of them.
      let allowed: Set<string> | undefined;
      for (const response of operation.responses) {
        const examples = response.value.examples;
        if (!isObject(examples)) continue;
        if (allowed === undefined) {
          const produces = effectiveMimeTypes(swagger, operation, 'produces');
          if (!produces) break;
          allowed = new Set(produces.map((type) => type.toLowerCase()));
        }
        for (const [mimeType] of entriesOf(examples)) {
          if (allowed.has(mimeType.toLowerCase())) continue;
          report({
            pointer: childPointer(response.definitionPointer, 'examples', mimeType),
            message: fill(
              "The response example '{0}' is not produced by the operation '{1}'.",
              nameExcerpt(mimeType),
              operationLabel(operation),
            ),
          });
        }
      }
    }
  },
};
