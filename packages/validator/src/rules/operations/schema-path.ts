import { asArray, asObject, has, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';

/** The outcome of following a `a/b/c` property path through a schema. */
export type SchemaPathResult =
  | { kind: 'found'; schema: JsonObject }
  | { kind: 'missing' }
  /** The schema is open there (dynamic, untyped, additionalProperties…), so nothing can be concluded. */
  | { kind: 'unknown' };

const MAX_STEPS = 32;

function resolved(model: SwaggerModel, schema: unknown): JsonObject | undefined {
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
  const key = Object.keys(properties).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : properties[key];
}

function property(model: SwaggerModel, schema: JsonObject, name: string): SchemaPathResult {
  const direct = propertyValue(asObject(schema.properties), name);
  if (direct !== undefined) {
    const target = resolved(model, direct);
    return target ? { kind: 'found', schema: target } : { kind: 'unknown' };
  }
  for (const member of asArray(schema.allOf) ?? []) {
    const memberSchema = resolved(model, member);
    if (!memberSchema) continue;
    const found = propertyValue(asObject(memberSchema.properties), name);
    if (found !== undefined) {
      const target = resolved(model, found);
      return target ? { kind: 'found', schema: target } : { kind: 'unknown' };
    }
  }
  return isClosed(schema) ? { kind: 'missing' } : { kind: 'unknown' };
}

/** Follows a slash-separated property path (`value`, `data/items`) from a schema. */
export function followSchemaPath(model: SwaggerModel, root: unknown, path: string): SchemaPathResult {
  let current = resolved(model, root);
  if (!current) return { kind: 'unknown' };
  const segments = path.split('/').filter((segment) => segment !== '');
  for (const segment of segments.slice(0, MAX_STEPS)) {
    const next = property(model, current, segment);
    if (next.kind !== 'found') return next;
    current = next.schema;
  }
  return { kind: 'found', schema: current };
}

/** The items schema of an array schema, or why not. */
export function arrayItems(
  model: SwaggerModel,
  schema: JsonObject,
): SchemaPathResult | { kind: 'not-array' } {
  if (schema.type === 'array' || has(schema, 'items')) {
    const items = resolved(model, schema.items);
    return items ? { kind: 'found', schema: items } : { kind: 'unknown' };
  }
  if (schema.type === undefined || has(schema, 'x-ms-dynamic-schema')) return { kind: 'unknown' };
  return { kind: 'not-array' };
}
