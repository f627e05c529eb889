import { asArray, asObject, has, isObject, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { meantTypeOf } from '../../swagger/meant-type.js';

/** The outcome of following a `a/b/c` property path through a schema. */
export type SchemaPathResult =
  | { kind: 'found'; schema: JsonObject }
  | SchemaPathMissing
  /** The schema is open there (dynamic, untyped, additionalProperties…), so nothing can be concluded. */
  | { kind: 'unknown' };

/** A step that names no property of a closed schema. */
export interface SchemaPathMissing {
  kind: 'missing';
  /** Where the step is in the path: `path.slice(start, end)`. */
  start: number;
  end: number;
  /** The schema it names no property of. */
  parent: JsonObject;
}

const MAX_STEPS = 32;

// A shared answer: a path is followed for every dynamic call, one step per segment, and only the
// schema found at its end, or the step that names nothing, needs an object of its own.
const UNKNOWN: SchemaPathResult = Object.freeze({ kind: 'unknown' });

/** A schema as written, or where its `$ref` leads; undefined when that is no object. */
export function resolved(model: SwaggerModel, schema: unknown): JsonObject | undefined {
  // Most schemas are not references: no resolution record for them.
  if (isObject(schema) && typeof schema.$ref !== 'string') return schema;
  return asObject(model.resolve(schema, '').value);
}

/** A schema whose property list is complete: it has `properties` and nothing that adds more. */
function isClosed(schema: JsonObject): boolean {
  return (
    asObject(schema.properties) !== undefined &&
    !has(schema, 'allOf') &&
    !has(schema, 'additionalProperties') &&
    !has(schema, 'x-ms-dynamic-schema') &&
    !has(schema, 'x-ms-dynamic-properties')
  );
}

/** A property by exact name, else by a case-insensitive match (the runtime reads JSON leniently). */
function propertyValue(properties: JsonObject | undefined, name: string): unknown {
  if (!properties) return undefined;
  if (has(properties, name)) return properties[name];
  const lower = name.toLowerCase();
  for (const candidate in properties) {
    if (has(properties, candidate) && candidate.toLowerCase() === lower) return properties[candidate];
  }
  return undefined;
}

/** The schema of a property, or why there is none. */
function property(model: SwaggerModel, schema: JsonObject, name: string): JsonObject | 'missing' | 'unknown' {
  const direct = propertyValue(asObject(schema.properties), name);
  if (direct !== undefined) return resolved(model, direct) ?? 'unknown';
  for (const member of asArray(schema.allOf) ?? []) {
    const memberSchema = resolved(model, member);
    if (!memberSchema) continue;
    const found = propertyValue(asObject(memberSchema.properties), name);
    if (found !== undefined) return resolved(model, found) ?? 'unknown';
  }
  return isClosed(schema) ? 'missing' : 'unknown';
}

/** The properties a schema lists, its own and its `allOf` members': what a step of a path may name. */
export function propertyNames(model: SwaggerModel, schema: JsonObject): string[] {
  const names = Object.keys(asObject(schema.properties) ?? {});
  for (const member of asArray(schema.allOf) ?? []) {
    const properties = asObject(resolved(model, member)?.properties);
    if (properties) names.push(...Object.keys(properties));
  }
  return names;
}

/** Follows a slash-separated property path (`value`, `data/items`) from a schema. */
export function followSchemaPath(model: SwaggerModel, root: unknown, path: string): SchemaPathResult {
  let current = resolved(model, root);
  if (!current) return UNKNOWN;
  // The non-empty segments, at most MAX_STEPS of them, read in place rather than split into lists.
  let steps = 0;
  for (let start = 0; start < path.length && steps < MAX_STEPS;) {
    let end = path.indexOf('/', start);
    if (end === -1) end = path.length;
    if (end > start) {
      steps++;
      const next = property(model, current, path.slice(start, end));
      if (next === 'missing') return { kind: 'missing', start, end, parent: current };
      if (next === 'unknown') return UNKNOWN;
      current = next;
    }
    start = end + 1;
  }
  return { kind: 'found', schema: current };
}

/** The items schema of an array schema, or why not. */
export function arrayItems(
  model: SwaggerModel,
  schema: JsonObject,
): SchemaPathResult | { kind: 'not-array' } {
  if (meantTypeOf(schema) === 'array' || has(schema, 'items')) {
    const items = resolved(model, schema.items);
    return items ? { kind: 'found', schema: items } : UNKNOWN;
  }
  if (schema.type === undefined || has(schema, 'x-ms-dynamic-schema')) return UNKNOWN;
  return { kind: 'not-array' };
}
