import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { operationLabel } from '../../swagger/operation-label.js';
import { nameExcerpt } from '../../text/message-values.js';
import { firstWrongSource } from './dynamic-call-operations.js';
import { callArgument, callArguments, dynamicCalls } from './dynamic-index.js';
import { fill } from './rule-kit.js';
import { isInternalVisibility } from '../../swagger/visibility.js';

export const dynamicInternalSourceRule: RuleDefinition = {
  id: 'SWG-DYN-INTERNAL-SRC',
  file: 'swagger',
  title: 'Do not feed dynamic calls from internal parameters.',
  description:
    'A dynamic call that reads a parameter the maker cannot see gets no value at design time (SVR SourcePropertyInternal).',
  levels: sameLevels('error'),
  msCode: 'SourcePropertyInternal',
  msMessage:
    "The parameter reference '{0}' in the source operation '{1}' is internal or one of its parent(s) are internal.",
  example: {
    placement: 'dynamicValues',
    bad: '"parameters": { "site": { "parameter": "site" } } where site has "x-ms-visibility": "internal"',
  },
  check({ swagger, report }) {
    if (!swagger) return;
    for (const call of dynamicCalls(swagger)) {
      if (call.kinds.length === 0) continue;
      for (const [name, entry] of callArguments(call.call)) {
        const argument = callArgument(entry);
        if (argument.kind !== 'reference') continue;
        const internal = firstWrongSource(swagger, call, argument.name, (source) =>
          isInternalVisibility(source.visibility),
        );
        if (!internal) continue;
        report({
          pointer: childPointer(call.pointer, 'parameters', name),
          message: fill(
            "The parameter reference '{0}' in the source operation '{1}' is internal or one of its parent(s) are internal.",
            nameExcerpt(argument.name),
            operationLabel(internal.operation),
          ),
        });
      }
    }
  },
};
