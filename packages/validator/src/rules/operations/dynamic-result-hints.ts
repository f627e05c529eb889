import { closestMatcher, joinedList } from '@connector-alm/core';
import { asArray, asObject, has, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { nameExcerpt } from '../../text/message-values.js';
import { resolved, type SchemaPathMissing } from './schema-path.js';
import { meantTypeOf } from '../../swagger/meant-type.js';

/**
 * What SWG-DYN-RESULT adds to a path the target's response lacks: the name it likely meant, else
 * what is there to name. Microsoft's message says only that the path is not in the response, and the
 * upstream findings are mostly a name slipped or left from an older response (JIRA's 'value' where
 * the response has 'values', DocuSign's 'recipientTypes' where it has 'tabTypes'), or a call without
 * a collection on a response that wraps its list in a property (Gravity Forms' 'entries').
 */

/** How many names of what is there a hint lists: more says little about which one is meant. */
const MAX_NAMED = 3;

/** What a missing step of `path` likely meant, or the arrays (`array`) or properties there. */
export function missingStepHint(
  model: SwaggerModel,
  missing: SchemaPathMissing,
  path: string,
  wanted: 'array' | 'property',
): string {
  const prefix = path.slice(0, missing.start);
  const properties = namedProperties(model, missing.parent);
  const names = properties.map(([name]) => name);
  const meant = closestMatcher(names)(path.slice(missing.start, missing.end));
  if (meant !== undefined) return ` Did you mean '${nameExcerpt(`${prefix}${meant}`)}'?`;
  const candidates = wanted === 'array' ? properties.filter(([, schema]) => isArray(schema)) : properties;
  return thereHint(
    candidates.map(([name]) => `${prefix}${name}`),
    wanted,
  );
}

/** The arrays among a response's top-level properties: where a call without a collection should point. */
export function arraysHint(model: SwaggerModel, response: JsonObject): string {
  const arrays = namedProperties(model, response).filter(([, schema]) => isArray(schema));
  return thereHint(
    arrays.map(([name]) => name),
    'array',
  );
}

function thereHint(paths: readonly string[], wanted: 'array' | 'property'): string {
  if (paths.length === 0 || paths.length > MAX_NAMED) return '';
  const list = joinedList(
    paths.map((path) => nameExcerpt(path)),
    { quote: "'" },
  );
  if (paths.length === 1) return ` The response's ${wanted} there is ${list}.`;
  return ` The response's ${wanted === 'array' ? 'arrays' : 'properties'} there are ${list}.`;
}

/** A schema's properties, its own then its `allOf` members', with their schemas resolved. */
function namedProperties(model: SwaggerModel, schema: JsonObject): [string, JsonObject | undefined][] {
  const named: [string, JsonObject | undefined][] = [];
  const add = (properties: JsonObject | undefined): void => {
    if (!properties) return;
    for (const name in properties) {
      if (has(properties, name)) named.push([name, resolved(model, properties[name])]);
    }
  };
  add(asObject(schema.properties));
  for (const member of asArray(schema.allOf) ?? []) add(asObject(resolved(model, member)?.properties));
  return named;
}

function isArray(schema: JsonObject | undefined): boolean {
  return schema !== undefined && (meantTypeOf(schema) === 'array' || has(schema, 'items'));
}
