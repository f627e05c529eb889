import { perModel } from './rule-kit.js';

/**
 * What the path rules read of a path key, worked out once per path of a document. Five rules read
 * it for every operation, and a path item holds several operations: parsing the key in each rule
 * for each operation (regular-expression matches, sets, splits) cost ~6 MB and ~10 ms a corpus run.
 */
export interface PathTemplate {
  /** Names of its `{variables}`, each once, in order of first appearance. */
  readonly variables: readonly string[];
  /** The key split on '/'. */
  readonly segments: readonly string[];
  /** Whether each segment is a whole `{variable}`. */
  readonly variableSegments: readonly boolean[];
  readonly variableSegmentCount: number;
  /** The key with each `{variable}` as `{}`: two keys that are the same route have the same. */
  readonly route: string;
}

/** The templates of a document's path keys, each parsed when first asked for. */
export class PathTemplates {
  private readonly byPath = new Map<string, PathTemplate>();

  of(path: string): PathTemplate {
    let template = this.byPath.get(path);
    if (template === undefined) {
      template = parsePathTemplate(path);
      this.byPath.set(path, template);
    }
    return template;
  }
}

/** Ask once per check, then per path: the per-document lookup is a WeakMap's, slower than a Map's. */
export const pathTemplates = perModel((): PathTemplates => new PathTemplates());

const NO_VARIABLES: readonly string[] = Object.freeze([]);

export function parsePathTemplate(path: string): PathTemplate {
  const segments = path.split('/');
  const variableSegments = segments.map(isVariableSegment);
  let variableSegmentCount = 0;
  for (const isVariable of variableSegments) if (isVariable) variableSegmentCount++;
  if (!path.includes('{')) {
    return { variables: NO_VARIABLES, segments, variableSegments, variableSegmentCount, route: path };
  }
  const { variables, route } = scanVariables(path);
  return { variables, segments, variableSegments, variableSegmentCount, route };
}

/** `{name}`, and no other brace inside. */
function isVariableSegment(segment: string): boolean {
  const last = segment.length - 1;
  if (last < 1 || segment.charCodeAt(0) !== OPEN || segment.charCodeAt(last) !== CLOSE) return false;
  for (let index = 1; index < last; index++) {
    const code = segment.charCodeAt(index);
    if (code === OPEN || code === CLOSE) return false;
  }
  return true;
}

/**
 * In one pass, what `/\{([^{}]*)\}/g` matches: the names (each once) and the key with each match
 * replaced by `{}`. A '{' starts a match when a '}' comes before any other brace.
 */
function scanVariables(path: string): { variables: string[]; route: string } {
  const variables: string[] = [];
  let route = '';
  let copied = 0;
  for (let open = path.indexOf('{'); open !== -1;) {
    let close = open + 1;
    while (close < path.length && path.charCodeAt(close) !== OPEN && path.charCodeAt(close) !== CLOSE)
      close++;
    if (close < path.length && path.charCodeAt(close) === CLOSE) {
      const name = path.slice(open + 1, close);
      if (!variables.includes(name)) variables.push(name);
      route += path.slice(copied, open) + '{}';
      copied = close + 1;
      open = path.indexOf('{', copied);
    } else {
      // Another '{' (where the next match may start) or the end: no match at this one.
      open = close < path.length ? close : -1;
    }
  }
  return { variables, route: copied === 0 ? path : route + path.slice(copied) };
}
const OPEN = 0x7b;
const CLOSE = 0x7d;
