import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { entriesOf, isObject } from '../../swagger/json-values.js';

/** An object with at least two own keys. */
function hasTwoKeys(value: unknown): boolean {
  if (!isObject(value)) return false;
  let count = 0;
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key) && ++count === 2) return true;
  return false;
}

export const responseHeadersRule: RuleDefinition = {
  id: 'SWG-RESP-HEADERS',
  file: 'swagger',
  title: 'Name each response header once.',
  description:
    'HTTP header names are case-insensitive, so `Location` and `location` are the same header (SVR ResponseHeadersAreNotUnique).',
  levels: sameLevels('error'),
  msCode: 'ResponseHeadersAreNotUnique',
  msMessage: 'The response headers are not unique.',
  example: {
    placement: 'response',
    bad: '"headers": { "Location": { "type": "string" }, "location": { "type": "string" } }',
  },
  check({ swagger, report }) {
    const seenResponses = new Set<string>();
    for (const operation of swagger?.operations ?? []) {
      for (const response of operation.responses) {
        // Two names are needed for a duplicate: most responses are skipped before their pointer is built.
        if (!hasTwoKeys(response.value.headers) || seenResponses.has(response.definitionPointer)) continue;
        seenResponses.add(response.definitionPointer);
        const seen = new Set<string>();
        for (const [name] of entriesOf(response.value.headers)) {
          const key = name.toLowerCase();
          if (seen.has(key)) {
            report({
              pointer: childPointer(response.definitionPointer, 'headers', name),
              message: `The response headers are not unique. '${name}' is defined more than once (header names are case-insensitive).`,
            });
          }
          seen.add(key);
        }
      }
    }
  },
};
