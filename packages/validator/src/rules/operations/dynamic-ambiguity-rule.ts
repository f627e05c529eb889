import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { has } from '../../swagger/json-values.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { perModel } from './rule-kit.js';
import { callArgument, callArguments, dynamicCalls, type DynamicCall } from './dynamic-index.js';

/** References the service cannot resolve without the newer extension: property paths or names in two locations. */
function ambiguousReferences(model: SwaggerModel, call: DynamicCall): string[] {
  const names: string[] = [];
  let twice: ReadonlySet<string> | undefined;
  for (const [, entry] of callArguments(call.call)) {
    const argument = callArgument(entry);
    if (argument.kind !== 'reference') continue;
    if (argument.name.includes('/') || (twice ??= namedTwiceInUsers(model, call)).has(argument.name))
      names.push(argument.name);
  }
  return names;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The names that two parameters (in two locations) of one of the call's users have: a plain
 * reference cannot tell which. Read once per call, not per reference and user (references x users x
 * parameters on a parameter shared by thousands of operations; bench/dynamic-owners.ts), and once
 * per kind of user: users of one kind have the same parameter names (user-kinds.ts).
 */
function namedTwiceInUsers(model: SwaggerModel, call: DynamicCall): ReadonlySet<string> {
  let names: Set<string> | undefined;
  for (const { first } of call.kinds) {
    for (const name of namedTwice(model, first)) (names ??= new Set()).add(name);
  }
  return names ?? NONE;
}

const namedTwiceByOperation = perModel(() => new Map<OperationInfo, ReadonlySet<string>>());

/** The names two of an operation's parameters have, read once per operation (mostly none). */
function namedTwice(model: SwaggerModel, operation: OperationInfo): ReadonlySet<string> {
  const known = namedTwiceByOperation(model);
  let twice = known.get(operation);
  if (twice) return twice;
  let seen: Set<string> | undefined;
  let found: Set<string> | undefined;
  for (const parameter of operation.parameters) {
    const name = parameter.name;
    if (name === undefined) continue;
    if ((seen ??= new Set()).has(name)) (found ??= new Set()).add(name);
    else seen.add(name);
  }
  twice = found ?? NONE;
  known.set(operation, twice);
  return twice;
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
      if (!swagger) return;
      for (const call of dynamicCalls(swagger)) {
        if (call.extension !== legacy || has(call.holder, modern)) continue;
        const ambiguous = ambiguousReferences(swagger, call);
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
