import { asObject } from './json-values.js';
import type { SwaggerModel } from './swagger-model.js';

/** Keys that describe a schema without telling the designer anything about its shape. */
const DESCRIPTIVE_KEYS: ReadonlySet<string> = new Set(['type', 'description', 'title', 'x-ms-summary']);

/**
 * `{}` or a bare `{"type": "object"}` (after `$ref`s): a response schema that declares no output
 * field, so makers need a Parse JSON step (reviewers reject it on new work, SWG-RESP-EMPTY-SCHEMA).
 */
export function isEmptySchema(model: SwaggerModel, schema: unknown, pointer: string): boolean {
  const resolved = asObject(model.resolve(schema, pointer).value);
  if (!resolved) return false;
  const meaningful = Object.keys(resolved).filter((key) => !DESCRIPTIVE_KEYS.has(key));
  return meaningful.length === 0 && (resolved.type === undefined || resolved.type === 'object');
}
