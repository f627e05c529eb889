import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleContext, type RuleDefinition } from '../../model/rule.js';
import { asObject, has } from '../../swagger/json-values.js';
import { excerpt, joinWithin, nameExcerpt, quoteList } from '../../text/message-values.js';
import {
  HTTP_METHODS,
  type HttpMethod,
  type OperationInfo,
  type SwaggerModel,
} from '../../swagger/swagger-model.js';
import { partiallyDuplicates, pathTemplates, routeHash, type OperationTemplates } from './path-templates.js';
import { fill, pathVariables, perModel } from './rule-kit.js';
import { operationLabel } from '../../swagger/operation-label.js';

/**
 * The keys of `paths`, without extensions (`x-…` keys are allowed there). Listed once per document
 * for the six rules that read them.
 */
const pathKeysOf = perModel((model: SwaggerModel): string[] =>
  Object.keys(model.paths ?? {}).filter((key) => !key.startsWith('x-')),
);

function pathKeys(model: SwaggerModel | undefined): readonly string[] {
  return model ? pathKeysOf(model) : [];
}

/**
 * Reports, at its key, each path key that `problem` finds wrong on its own: what it returns is the
 * message, undefined for a key without the problem.
 */
function reportPathKeys(
  { swagger, report }: RuleContext,
  problem: (path: string) => string | undefined,
): void {
  for (const path of pathKeys(swagger)) {
    const message = problem(path);
    if (message !== undefined) report({ pointer: childPointer('/paths', path), message });
  }
}

/** Why a path template is malformed, or undefined when its braces are fine. */
function templateProblem(path: string): string | undefined {
  let open = -1;
  for (let index = 0; index < path.length; index++) {
    const character = path[index];
    if (character === '{') {
      if (open !== -1) return 'a variable is nested in another one';
      open = index;
    } else if (character === '}') {
      if (open === -1) return "a '}' has no matching '{'";
      if (index === open + 1) return 'a variable has no name';
      open = -1;
    } else if (character === '/' && open !== -1) {
      return 'a variable spans more than one segment';
    }
  }
  return open !== -1 ? "a '{' is never closed" : undefined;
}

/** A loop, not a set of names per operation: most operations have one or two path parameters. */
function hasPathParameter(operation: OperationInfo, name: string): boolean {
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path' && parameter.name === name) return true;
  }
  return false;
}

/** Variables of a key looked up by a loop over the operation's parameters before a set of them is made. */
const MAX_LOOPED_VARIABLES = 8;

/**
 * The variables of a path key that the operation defines no `in: path` parameter for, in order. A
 * loop over the parameters for each variable, as real keys have a few; past that the path
 * parameters' names go into a set once, so that a key with thousands of variables on an operation
 * with thousands of parameters does not multiply the two.
 */
function missingPathParameters(operation: OperationInfo, variables: readonly string[]): string[] {
  let missing: string[] | undefined;
  let defined: Set<string> | undefined;
  if (variables.length > MAX_LOOPED_VARIABLES) {
    defined = new Set();
    for (const parameter of operation.parameters) {
      if (parameter.in === 'path' && parameter.name !== undefined) defined.add(parameter.name);
    }
  }
  for (let at = 0; at < variables.length; at++) {
    const name = variables[at]!;
    if (name === '' || name.includes('=')) continue;
    if (defined ? defined.has(name) : hasPathParameter(operation, name)) continue;
    (missing ??= []).push(name);
  }
  return missing ?? NONE_MISSING;
}

const NONE_MISSING: string[] = [];

/**
 * The most operations SWG-PATH-PARTIAL-DUP compares pairwise: 16 times the platform's limit of 256
 * (SWG-OPS-MAX), which every swagger past it breaks anyway. Routes overlap by wildcards on either
 * side, which no index answers, so each operation is compared with its peers: 40,000 operations took
 * 18 s, and a pull request's swagger of a few hundred thousand would hold the check for its whole
 * timeout.
 */
export const MAX_PAIRED_OPERATIONS = 4096;

/**
 * The most segment comparisons SWG-PATH-PARTIAL-DUP makes (operations of a method and segment count,
 * squared, times their segments): 4,096 routes of 100 segments took 12 s, of 2,000 (as many as a
 * 4,096-character key holds) minutes. 256 operations, the platform's limit, cannot reach it
 * (256² x 2,049 segments is half of it), so a swagger skipped for it always breaks SWG-OPS-MAX.
 */
const MAX_COMPARED_SEGMENTS = 2 ** 28;

/** Whether SWG-PATH-PARTIAL-DUP leaves the swagger unchecked; SWG-OPS-MAX then says so. */
export function overlapSearchSkipped(swagger: SwaggerModel): boolean {
  const operations = swagger.operations;
  if (operations.length > MAX_PAIRED_OPERATIONS) return true;
  const templates = pathTemplates(swagger);
  const counts = new Map<number, { operations: number; segments: number }>();
  for (let index = 0; index < operations.length; index++) {
    const segments = templates[index]!.segmentCount;
    const key = peerKey(segments, operations[index]!.method);
    const group = counts.get(key);
    if (group) group.operations++;
    else counts.set(key, { operations: 1, segments });
  }
  let comparisons = 0;
  for (const group of counts.values()) comparisons += group.operations * group.operations * group.segments;
  return comparisons > MAX_COMPARED_SEGMENTS;
}

/** The longest a path is quoted in SWG-PATH-PARTIAL-DUP's message; the corpus's longest is 135. */
const MAX_LISTED_PATH_LENGTH = 200;

/**
 * The most paths one SWG-PATH-PARTIAL-DUP message lists before "and N more". The corpus's longest
 * list is 75 paths (all listed). Without a bound, n literal routes that one variable route each
 * overlaps, and n such variable routes, wrote n paths into each of n messages: 2,000 of each made
 * 52 MB of report, 16,000 ran out of memory.
 */
const MAX_LISTED_SIMILAR_PATHS = 100;

/** The indexes of the operations of each method, methods in order of first use. */
function groupByMethod(operations: OperationInfo[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let index = 0; index < operations.length; index++) {
    const method = operations[index]!.method;
    const list = groups.get(method);
    if (list === undefined) groups.set(method, [index]);
    else list.push(index);
  }
  return groups;
}

/**
 * Whether two paths that may be of the same route share a method, i.e. whether SWG-PATH-DUP may
 * have something to report: one map of each route hash's methods as bits, instead of a list and a
 * map of route strings for each method. No corpus swagger has a duplicate, and the grouping was
 * most of the rule's ~3 ms and ~2.5 MB a corpus run. A false alarm (two routes of one hash) only
 * costs the full check.
 */
function mayHaveRouteTwice(operations: OperationInfo[]): boolean {
  const methodsByRoute = new Map<number, number>();
  let index = 0;
  while (index < operations.length) {
    const path = operations[index]!.path;
    if (!path.includes('{')) {
      // A key without a brace is its own route, and no other key's: routes with a variable keep a
      // brace. Skipped without hashing: ~2,600 of the corpus's ~6,100 operations have a variable.
      while (index < operations.length && operations[index]!.path === path) index++;
      continue;
    }
    let methods = 0;
    for (; index < operations.length && operations[index]!.path === path; index++)
      methods |= 1 << HTTP_METHODS.indexOf(operations[index]!.method);
    const route = routeHash(path);
    const earlier = methodsByRoute.get(route);
    if (earlier === undefined) methodsByRoute.set(route, methods);
    else if ((earlier & methods) !== 0) return true;
    else methodsByRoute.set(route, earlier | methods);
  }
  return false;
}

/** The methods of the operations, in order of first use. */
function methodsInOrder(operations: readonly OperationInfo[]): HttpMethod[] {
  const methods: HttpMethod[] = [];
  for (let index = 0; index < operations.length; index++) {
    const method = operations[index]!.method;
    if (!methods.includes(method)) methods.push(method);
  }
  return methods;
}

function peerKey(segmentCount: number, method: HttpMethod): number {
  return segmentCount * HTTP_METHODS.length + HTTP_METHODS.indexOf(method);
}

/**
 * The indexes of the operations of each segment count and method (see peerKey), in operation order:
 * the only ones whose paths can partially duplicate each other's. Undefined when no path has a
 * variable segment, so nothing can be reported. Why one map of the document's operations: lists of
 * each method's operations and shapes, a map by segment count per method, a closure per operation
 * and a list of similar paths for each operation with a variable were ~0.7 MB a warm corpus run.
 */
function operationsBySegmentsAndMethod(
  operations: readonly OperationInfo[],
  templates: OperationTemplates,
): Map<number, number[]> | undefined {
  let anyVariable = false;
  for (let index = 0; index < templates.length && !anyVariable; index++)
    anyVariable = templates[index]!.variableSegmentCount !== 0;
  if (!anyVariable) return undefined;
  const peers = new Map<number, number[]>();
  for (let index = 0; index < operations.length; index++) {
    const key = peerKey(templates[index]!.segmentCount, operations[index]!.method);
    const list = peers.get(key);
    if (list === undefined) peers.set(key, [index]);
    else list.push(index);
  }
  return peers;
}

export const pathRules: RuleDefinition[] = [
  {
    id: 'SWG-PATH-SLASH',
    file: 'swagger',
    title: "Start every path with '/'.",
    description:
      "Swagger 2.0 paths are relative to basePath and start with '/' (SVR OperationPathMustStartWithSlash).",
    levels: sameLevels('error'),
    msCode: 'OperationPathMustStartWithSlash',
    msMessage: "The path is not valid, it must start with a '/' character.",
    example: { bad: '"paths": { "tasks": {} }', good: '"paths": { "/tasks": {} }' },
    check(context) {
      reportPathKeys(context, (path) =>
        path.startsWith('/') ? undefined : "The path is not valid, it must start with a '/' character.",
      );
    },
  },
  {
    id: 'SWG-PATH-QUERY',
    file: 'swagger',
    title: 'Keep query strings and fragments out of paths.',
    description:
      "Query values are parameters with `in: query`; a '?' or '#' in a path key is rejected (SVR OperationPathMayNotContainQueryOrFragment).",
    levels: sameLevels('error'),
    msCode: 'OperationPathMayNotContainQueryOrFragment',
    msMessage:
      "The path is not valid, it must not contain a query part or fragment identifier. To include '?' or '#' characters in the path, they must be URL encoded.",
    example: {
      placement: 'paths',
      bad: '"/tasks?status=open": {}',
      good: '"/tasks": { "get": { "parameters": [{ "name": "status", "in": "query", "type": "string" }] } }',
    },
    check(context) {
      reportPathKeys(context, (path) =>
        /[?#]/.test(path)
          ? "The path is not valid, it must not contain a query part or fragment identifier. To include '?' or '#' characters in the path, they must be URL encoded."
          : undefined,
      );
    },
  },
  {
    id: 'SWG-PATH-WILDCARD',
    file: 'swagger',
    title: "Do not use '*' in paths.",
    description:
      'Wildcards are not supported in operation paths (SVR OperationPathContainsUnsupportedCharacters).',
    levels: sameLevels('error'),
    msCode: 'OperationPathContainsUnsupportedCharacters',
    msMessage: "The operation path cannot contain wildcard character '*'.",
    example: { placement: 'paths', bad: '"/files/*": {}', good: '"/files/{path}": {}' },
    check(context) {
      reportPathKeys(context, (path) =>
        path.includes('*') ? "The operation path cannot contain wildcard character '*'." : undefined,
      );
    },
  },
  {
    id: 'SWG-PATH-TEMPLATE',
    file: 'swagger',
    title: 'Write path variables as {name}, one segment each.',
    description:
      'Each path template variable is enclosed in braces within a single URL segment (SVR OperationPathTemplateNotValid).',
    levels: sameLevels('error'),
    msCode: 'OperationPathTemplateNotValid',
    msMessage:
      "The path is not valid, each path template variable enclosed by '{{' and '}}' characters must be contained within a single URL segment.",
    example: { placement: 'paths', bad: '"/tasks/{task/id}": {}', good: '"/tasks/{taskId}": {}' },
    check(context) {
      reportPathKeys(context, (path) => {
        const problem = templateProblem(path);
        return problem === undefined
          ? undefined
          : `The path is not valid, each path template variable enclosed by '{' and '}' characters must be contained within a single URL segment. Here ${problem}.`;
      });
    },
  },
  {
    id: 'SWG-PATH-VAR-DEFAULT',
    file: 'swagger',
    title: 'Give path variables defaults in their parameter, not in the path.',
    description:
      'A path variable like `{version=v1}` is rejected (SVR OperationPathVariablesContainDefaults).',
    levels: sameLevels('error'),
    msCode: 'OperationPathVariablesContainDefaults',
    msMessage: "The operation path template variables cannot set default values with character '='.",
    example: { placement: 'paths', bad: '"/{version=v1}/tasks": {}', good: '"/{version}/tasks": {}' },
    check(context) {
      reportPathKeys(context, (path) =>
        // Without an '=' in the key no variable has one: most keys are not parsed at all.
        path.includes('=') && pathVariables(path).some((name) => name.includes('='))
          ? "The operation path template variables cannot set default values with character '='."
          : undefined,
      );
    },
  },
  {
    id: 'SWG-PATH-DUP',
    file: 'swagger',
    title: 'Do not define the same route twice with different variable names.',
    description:
      '`GET /items/{id}` and `GET /items/{itemId}` match the same requests (SVR DuplicateOperationPath).',
    levels: sameLevels('error'),
    msCode: 'DuplicateOperationPath',
    msMessage:
      "The operations '{0}' and '{1}' have the path templates '{2}' and '{3}' which are duplicate and indistinguishable.",
    example: { placement: 'paths', bad: '"/items/{id}": { "get": {} }, "/items/{itemId}": { "get": {} }' },
    check({ swagger, report }) {
      if (!swagger) return;
      const all = swagger.operations;
      if (!mayHaveRouteTwice(all)) return;
      const templates = pathTemplates(swagger);
      for (const indexes of groupByMethod(all).values()) {
        const first = new Map<string, OperationInfo>();
        for (const index of indexes) {
          const operation = all[index]!;
          const key = templates[index]!.route;
          const earlier = first.get(key);
          if (!earlier) {
            first.set(key, operation);
            continue;
          }
          report({
            pointer: operation.pointer,
            message: fill(
              "The operations '{0}' and '{1}' have the path templates '{2}' and '{3}' which are duplicate and indistinguishable.",
              operationLabel(earlier),
              operationLabel(operation),
              nameExcerpt(earlier.path),
              nameExcerpt(operation.path),
            ),
          });
        }
      }
    },
  },
  {
    id: 'SWG-PATH-PARTIAL-DUP',
    file: 'swagger',
    title: 'Avoid routes that differ only by a variable segment.',
    description:
      "`GET /items/{id}` also matches `GET /items/search`, so the service warns that the routes overlap (SVR PartialDuplicateOperationPath). Not checked in a swagger of more than 4,096 operations, 16 times the platform's limit, nor where comparing its routes pairwise would take seconds: both are far past the 256 operations of SWG-OPS-MAX, which says so.",
    levels: sameLevels('warning'),
    msCode: 'PartialDuplicateOperationPath',
    msMessage:
      "The operation '{0}' has the path template '{1}' which is similar to other operation path templates. Partially duplicated paths are: {2}",
    example: { placement: 'paths', bad: '"/items/{id}": { "get": {} }, "/items/search": { "get": {} }' },
    check({ swagger, report }) {
      if (!swagger || overlapSearchSkipped(swagger)) return;
      const templates = pathTemplates(swagger);
      const all = swagger.operations;
      const peers = operationsBySegmentsAndMethod(all, templates);
      if (peers === undefined) return;
      for (const method of methodsInOrder(all)) {
        for (let index = 0; index < all.length; index++) {
          const operation = all[index]!;
          // Only the operation with more variables is reported: it is the one that shadows the others.
          const shape = templates[index]!;
          if (operation.method !== method || shape.variableSegmentCount === 0) continue;
          let similar: string[] | undefined;
          let unlisted = 0;
          // In operation order, as the message lists them. Only paths of as many segments can overlap.
          const candidates = peers.get(peerKey(shape.segmentCount, method))!;
          for (let at = 0; at < candidates.length; at++) {
            const other = templates[candidates[at]!]!;
            if (
              other.variableSegmentCount < shape.variableSegmentCount &&
              partiallyDuplicates(shape, other)
            ) {
              if (similar === undefined || similar.length < MAX_LISTED_SIMILAR_PATHS)
                (similar ??= []).push(excerpt(all[candidates[at]!]!.path, MAX_LISTED_PATH_LENGTH));
              else unlisted++;
            }
          }
          if (similar === undefined) continue;
          report({
            pointer: operation.pointer,
            message: fill(
              "The operation '{0}' has the path template '{1}' which is similar to other operation path templates. Partially duplicated paths are: {2}",
              operationLabel(operation),
              excerpt(operation.path, MAX_LISTED_PATH_LENGTH),
              joinWithin(similar, similar.length + unlisted),
            ),
          });
        }
      }
    },
  },
  {
    id: 'SWG-PATH-CASE',
    file: 'swagger',
    title: 'Do not define a path twice with different capitalization.',
    description: 'Paths must be unique when compared case-insensitively (SVR PathRedefined).',
    levels: sameLevels('error'),
    msCode: 'PathRedefined',
    msMessage:
      "The path '{0}' is defined multiple times with different capitalization. Paths must be unique when compared case-insensitively.",
    example: { placement: 'paths', bad: '"/Tasks": {}, "/tasks": {}' },
    check({ swagger, report }) {
      const seen = new Set<string>();
      for (const path of pathKeys(swagger)) {
        const key = path.toLowerCase();
        if (seen.has(key)) {
          report({
            pointer: childPointer('/paths', path),
            message: fill(
              "The path '{0}' is defined multiple times with different capitalization. Paths must be unique when compared case-insensitively.",
              nameExcerpt(path),
            ),
          });
        }
        seen.add(key);
      }
    },
  },
  {
    id: 'SWG-PATH-REF',
    file: 'swagger',
    title: "Write path items in place; '$ref' is not supported there.",
    description: 'The service does not resolve a `$ref` on a path item (SVR PathItemRefNotSuppored).',
    levels: sameLevels('error'),
    msCode: 'PathItemRefNotSuppored',
    msMessage: "The '$ref' property in a path is not supported.",
    example: { placement: 'paths', bad: '"/tasks": { "$ref": "other.json#/tasks" }' },
    check({ swagger, report }) {
      if (!swagger) return;
      const paths = swagger.paths;
      for (const path in paths) {
        if (!has(paths, path)) continue;
        const pathItem = asObject(paths[path]);
        if (!pathItem || !has(pathItem, '$ref')) continue;
        report({
          pointer: childPointer('/paths', path, '$ref'),
          message: `The '$ref' property in a path is not supported. ${unreadOperations(swagger, pathItem)}`,
        });
      }
    },
  },
  {
    id: 'SWG-PATH-MISSING-PARAM',
    file: 'swagger',
    title: 'Define an `in: path` parameter for every path variable.',
    description:
      'The platform builds the URL from path parameters; a `{variable}` without one cannot be filled (SVR OperationMissingPathParameter).',
    levels: sameLevels('error'),
    msCode: 'OperationMissingPathParameter',
    msMessage: "The operation '{0}' does not define the '{1}' parameter which is required by the path.",
    example: {
      placement: 'paths',
      bad: '"/tasks/{taskId}": { "get": { "parameters": [] } }',
      good: '"/tasks/{taskId}": { "get": { "parameters": [{ "name": "taskId", "in": "path", "required": true, "type": "string" }] } }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      const templates = pathTemplates(swagger);
      const operations = swagger.operations;
      // Indexed loops, not for…of: V8 had not optimized this check in the measured runs, and each step
      // of an array iterator then makes a result object (~0.8 MB a warm corpus run).
      for (let index = 0; index < operations.length; index++) {
        const operation = operations[index]!;
        const variables = templates[index]!.variables;
        if (variables.length === 0) continue;
        const missing = missingPathParameters(operation, variables);
        if (missing.length > 0)
          report({ pointer: operation.pointer, message: missingMessage(operation, missing) });
      }
    },
  },
];

/**
 * One finding per operation, however many variables lack a parameter: each finding repeats the
 * operation's pointer, which holds the path key, so one a variable made the report grow with the
 * square of the key (5,000 variables in one 40 KB key wrote 221 MB of JSON). Microsoft's message for
 * one; the list, cut short, for several.
 */
function missingMessage(operation: OperationInfo, missing: readonly string[]): string {
  if (missing.length === 1) {
    return fill(
      "The operation '{0}' does not define the '{1}' parameter which is required by the path.",
      operationLabel(operation),
      excerpt(missing[0]),
    );
  }
  return fill(
    "The operation '{0}' does not define the {1} parameters which are required by the path: {2}.",
    operationLabel(operation),
    missing.length,
    quoteList(missing),
  );
}

/**
 * What a path item's `$ref` hides: the operations it leads to are checked by no rule (the service
 * does not resolve it, so neither does the operation walk), which the bare message left unsaid. A
 * maker who moved operations under `x-paths` to share them would otherwise see one error, fix
 * nothing else, and learn of the rest one review round later.
 */
function unreadOperations(swagger: SwaggerModel, pathItem: Record<string, unknown>): string {
  const target = swagger.pathItemTarget(pathItem);
  const methods = target ? HTTP_METHODS.filter((method) => asObject(target.value[method])) : [];
  if (methods.length === 0) return 'Write the path item here, in place of the $ref.';
  const which =
    methods.length === 1
      ? `The operation it leads to (${methods[0]}) is`
      : `The ${methods.length} operations it leads to (${methods.join(', ')}) are`;
  return `${which} checked by no rule until written here, in place of the $ref.`;
}
