import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { perModel } from './rule-kit.js';

/**
 * What the path rules read of a path key, worked out once per path of a document. Five rules read
 * it for every operation, and a path item holds several operations: parsing the key in each rule
 * for each operation (regular-expression matches, sets, splits) cost ~6 MB and ~10 ms a corpus run.
 *
 * Segments are counted, never split: SWG-PATH-PARTIAL-DUP compares them in place (see
 * partiallyDuplicates), and splitting every key into segments and flags cost ~2 MB a corpus run.
 */
export class PathTemplate {
  /** Names of its `{variables}`, each once, in order of first appearance. */
  readonly variables: readonly string[];
  /** How many segments the key has when split on '/'. */
  readonly segmentCount: number;
  /** How many segments are a whole `{variable}`. */
  readonly variableSegmentCount: number;

  constructor(readonly path: string) {
    const hasBrace = path.includes('{');
    this.variables = hasBrace ? scanVariables(path) : NO_VARIABLES;
    let segmentCount = 1;
    let variableSegmentCount = 0;
    let start = 0;
    for (let slash = path.indexOf('/'); ; slash = path.indexOf('/', start)) {
      const end = slash === -1 ? path.length : slash;
      if (hasBrace && isVariableSegment(path, start, end)) variableSegmentCount++;
      if (slash === -1) break;
      segmentCount++;
      start = slash + 1;
    }
    this.segmentCount = segmentCount;
    this.variableSegmentCount = variableSegmentCount;
  }

  /**
   * The key with each `{variable}` as `{}`: two keys that are the same route have the same. Built
   * when read: SWG-PATH-DUP compares routeHash first, and reads it only for swaggers where two
   * routes may be the same (none of the corpus).
   */
  get route(): string {
    return routeOf(this.path);
  }
}

/**
 * The template of each of the model's operations, by index into `model.operations`: the operations
 * of a path item come one after the other and share one. Why not a map by path key: four rules
 * asked it for every operation, ~1.3 ms of lookups and ~0.7 MB of map a corpus run.
 */
export type OperationTemplates = readonly PathTemplate[];

/** Ask once per check: the per-document lookup is a WeakMap's. */
export const pathTemplates = perModel((model: SwaggerModel): OperationTemplates => {
  const operations: readonly OperationInfo[] = model.operations;
  const templates = new Array<PathTemplate>(operations.length);
  let last: PathTemplate | undefined;
  for (let index = 0; index < operations.length; index++) {
    const path = operations[index]!.path;
    if (last === undefined || last.path !== path) last = new PathTemplate(path);
    templates[index] = last;
  }
  return templates;
});

// Shared by every key without a variable; never looped over with for…of (a frozen array there
// stops V8 optimizing the loop).
const NO_VARIABLES: readonly string[] = Object.freeze([]);

/** Same segment count, and every segment equal or a variable on either side, but not identical. */
export function partiallyDuplicates(a: PathTemplate, b: PathTemplate): boolean {
  if (a.segmentCount !== b.segmentCount) return false;
  const left = a.path;
  const right = b.path;
  let leftStart = 0;
  let rightStart = 0;
  let differs = false;
  for (;;) {
    const leftEnd = segmentEnd(left, leftStart);
    const rightEnd = segmentEnd(right, rightStart);
    const leftVariable = isVariableSegment(left, leftStart, leftEnd);
    const rightVariable = isVariableSegment(right, rightStart, rightEnd);
    if (leftVariable !== rightVariable) differs = true;
    else if (!leftVariable && !sameText(left, leftStart, leftEnd, right, rightStart, rightEnd)) return false;
    // As many segments on both sides: the right one ends with the left one.
    if (leftEnd === left.length) return differs;
    leftStart = leftEnd + 1;
    rightStart = rightEnd + 1;
  }
}

function segmentEnd(path: string, start: number): number {
  const slash = path.indexOf('/', start);
  return slash === -1 ? path.length : slash;
}

function sameText(
  left: string,
  leftStart: number,
  leftEnd: number,
  right: string,
  rightStart: number,
  rightEnd: number,
): boolean {
  if (leftEnd - leftStart !== rightEnd - rightStart) return false;
  for (let offset = 0; leftStart + offset < leftEnd; offset++) {
    if (left.charCodeAt(leftStart + offset) !== right.charCodeAt(rightStart + offset)) return false;
  }
  return true;
}

export function parsePathTemplate(path: string): PathTemplate {
  return new PathTemplate(path);
}

/** Whether the segment `path[start, end)` is `{name}`, with no other brace inside. */
function isVariableSegment(path: string, start: number, end: number): boolean {
  const last = end - 1;
  if (last < start + 1 || path.charCodeAt(start) !== OPEN || path.charCodeAt(last) !== CLOSE) return false;
  for (let index = start + 1; index < last; index++) {
    const code = path.charCodeAt(index);
    if (code === OPEN || code === CLOSE) return false;
  }
  return true;
}

/**
 * Where the match of `/\{([^{}]*)\}/` that starts at the '{' at `open` ends: the index of its '}',
 * or -1 when another brace or the end comes first.
 */
function matchEnd(path: string, open: number): number {
  for (let index = open + 1; index < path.length; index++) {
    const code = path.charCodeAt(index);
    if (code === CLOSE) return index;
    if (code === OPEN) return -1;
  }
  return -1;
}

/**
 * Variables a key has before its names are de-duplicated through a set rather than a search of the
 * list: real keys have one to four, where the list search is fastest, but a key that a pull request
 * fills with thousands made it quadratic (100,000 variables did not finish in 5 minutes).
 */
const MAX_SEARCHED_VARIABLES = 16;

/** What `/\{([^{}]*)\}/g` matches: the names, each once, in order. */
function scanVariables(path: string): string[] {
  const variables: string[] = [];
  let seen: Set<string> | undefined;
  for (let open = path.indexOf('{'); open !== -1;) {
    const close = matchEnd(path, open);
    if (close === -1) {
      open = path.indexOf('{', open + 1);
      continue;
    }
    const name = path.slice(open + 1, close);
    if (seen !== undefined) {
      if (!seen.has(name)) {
        seen.add(name);
        variables.push(name);
      }
    } else if (!variables.includes(name)) {
      variables.push(name);
      if (variables.length > MAX_SEARCHED_VARIABLES) seen = new Set(variables);
    }
    open = path.indexOf('{', close + 1);
  }
  return variables;
}

/** The key with each match of `/\{([^{}]*)\}/g` replaced by `{}`: see PathTemplate.route. */
export function routeOf(path: string): string {
  let route = '';
  let copied = 0;
  for (let open = path.indexOf('{'); open !== -1;) {
    const close = matchEnd(path, open);
    if (close === -1) {
      open = path.indexOf('{', open + 1);
      continue;
    }
    route += path.slice(copied, open) + '{}';
    copied = close + 1;
    open = path.indexOf('{', copied);
  }
  return copied === 0 ? path : route + path.slice(copied);
}

/**
 * A number that is the same for two keys of the same route (see PathTemplate.route), worked out
 * from the key in place: a map of routes to find duplicates among a swagger's paths built and
 * hashed a new string for every key with a variable (~2 ms a corpus run in SWG-PATH-DUP).
 */
export function routeHash(path: string): number {
  let hash = 0;
  for (let index = 0; index < path.length; index++) {
    const code = path.charCodeAt(index);
    const close = code === OPEN ? matchEnd(path, index) : -1;
    if (close === -1) hash = (Math.imul(hash, 31) + code) | 0;
    else {
      // As the route's '{}'.
      hash = (Math.imul(hash, 31) + OPEN) | 0;
      hash = (Math.imul(hash, 31) + CLOSE) | 0;
      index = close;
    }
  }
  return hash;
}
const OPEN = 0x7b;
const CLOSE = 0x7d;
