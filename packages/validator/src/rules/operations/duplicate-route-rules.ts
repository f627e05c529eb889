import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { operationLabel } from '../../swagger/operation-label.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { HTTP_METHODS, type HttpMethod } from '../../swagger/path-item-methods.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { excerpt, joinWithin, nameExcerpt } from '../../text/message-values.js';
import { partiallyDuplicates, pathTemplates, routeHash, type OperationTemplates } from './path-templates.js';
import { fill } from './rule-kit.js';

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

export const duplicateRouteRule: RuleDefinition = {
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
};

export const partiallyDuplicateRouteRule: RuleDefinition = {
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
          if (other.variableSegmentCount < shape.variableSegmentCount && partiallyDuplicates(shape, other)) {
            if (similar === undefined || similar.length < MAX_LISTED_SIMILAR_PATHS)
              (similar ??= []).push(excerpt(all[candidates[at]!]!.path, MAX_LISTED_PATH_LENGTH));
            else unlisted++;
          }
        }
        if (similar === undefined) continue;
        const problem = fill(
          "The operation '{0}' has the path template '{1}' which is similar to other operation path templates.",
          operationLabel(operation),
          excerpt(operation.path, MAX_LISTED_PATH_LENGTH),
        );
        report({
          pointer: operation.pointer,
          message: `${problem} Partially duplicated paths are: ${joinWithin(similar, similar.length + unlisted)}`,
          // Each similar path is a part: an operation added beside them is new under `validate --base`
          // and named, one removed is fixed in part; the message changed with either, and read as new
          // beside a fixed one. Only a list the message holds whole: past the cap, the paths unlisted
          // are not kept (their count is), so the message is matched as it is.
          ...(unlisted === 0 && { parts: { problem, names: similar } }),
        });
      }
    }
  },
};
