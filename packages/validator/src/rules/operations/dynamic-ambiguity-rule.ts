import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { has } from '../../swagger/json-values.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { callArgument, callArguments, dynamicCalls, type DynamicCall } from './dynamic-index.js';

/** References the service cannot resolve without the newer extension: property paths or names in two locations. */
function ambiguousReferences(call: DynamicCall): string[] {
  const names: string[] = [];
  for (const [, entry] of callArguments(call.call)) {
    const argument = callArgument(entry);
    if (argument.kind !== 'reference') continue;
    if (argument.name.includes('/') || call.users.some((user) => namedTwice(user, argument.name)))
      names.push(argument.name);
  }
  return names;
}

/** Two of the operation's parameters have this name (in two locations): a plain reference cannot tell which. */
function namedTwice(operation: OperationInfo, name: string): boolean {
  let seen = 0;
  for (const parameter of operation.parameters) if (parameter.name === name && ++seen > 1) return true;
  return false;
}

export function ambiguityRule(
  id: string,
  legacy: 'x-ms-dynamic-values' | 'x-ms-dynamic-schema',
  modern: 'x-ms-dynamic-list' | 'x-ms-dynamic-properties',
): RuleDefinition {
  return {
    id,
    file: 'swagger',
    title: `Use ${modern} when ${legacy} refers to body properties or ambiguous names.`,
    description: `${legacy} can only pass plain parameters; references to properties inside a parameter, or names used in two locations, need ${modern} (SVR; openapi-extensions doc).`,
    levels: sameLevels('error'),
    msMessage: `The '${legacy}' extension references ambiguous parameter references. You need to define the '${modern}' extension.`,
    example: {
      placement: 'parameter',
      bad: `"${legacy}": { "operationId": "ListFolders", "parameters": { "site": { "parameter": "body/site" } } }`,
    },
    check({ swagger, report }) {
      for (const call of swagger ? dynamicCalls(swagger) : []) {
        if (call.extension !== legacy || has(call.holder, modern)) continue;
        const ambiguous = ambiguousReferences(call);
        if (ambiguous.length === 0) continue;
        const properties = ambiguous.some((name) => name.includes('/'));
        report({
          pointer: childPointer(call.pointer, 'parameters'),
          message: properties
            ? `The '${legacy}' extension references properties within parameters. You need to define the '${modern}' extension.`
            : `The '${legacy}' extension references ambiguous parameter references. You need to define the '${modern}' extension.`,
        });
      }
    },
  };
}
