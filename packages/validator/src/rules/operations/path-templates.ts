import type { SwaggerModel } from '../../swagger/swagger-model.js';
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

const templatesOf = perModel((): Map<string, PathTemplate> => new Map());

/** The template of a path key of the model's document. */
export function pathTemplate(model: SwaggerModel, path: string): PathTemplate {
  const templates = templatesOf(model);
  let template = templates.get(path);
  if (template === undefined) {
    template = parsePathTemplate(path);
    templates.set(path, template);
  }
  return template;
}

const NO_VARIABLES: readonly string[] = Object.freeze([]);

export function parsePathTemplate(path: string): PathTemplate {
  const segments = path.split('/');
  const variableSegments = segments.map(isVariableSegment);
  let variableSegmentCount = 0;
  for (const isVariable of variableSegments) if (isVariable) variableSegmentCount++;
  const variables = path.includes('{') ? uniqueVariables(path) : NO_VARIABLES;
  return {
    variables,
    segments,
    variableSegments,
    variableSegmentCount,
    route: variables.length === 0 ? path : path.replace(/\{[^{}]*\}/g, '{}'),
  };
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

/** The names `/\{([^{}]*)\}/g` matches, each once. */
function uniqueVariables(path: string): string[] {
  const names: string[] = [];
  for (const match of path.matchAll(PATH_VARIABLE)) {
    if (!names.includes(match[1]!)) names.push(match[1]!);
  }
  return names;
}

const PATH_VARIABLE = /\{([^{}]*)\}/g;
const OPEN = 0x7b;
const CLOSE = 0x7d;
