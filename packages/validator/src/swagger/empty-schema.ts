import { asObject } from './json-values.js';
import type { SwaggerModel } from './swagger-model.js';
import { meantTypeOf } from './meant-type.js';

/** Keys that describe a schema without telling the designer anything about its shape. */
const DESCRIPTIVE_KEYS: ReadonlySet<string> = new Set(['type', 'description', 'title', 'x-ms-summary']);

/**
 * `{}` or a bare `{"type": "object"}` (after `$ref`s): a response schema that declares no output
 * field, so makers need a Parse JSON step (reviewers reject it on new work, SWG-RESP-EMPTY-SCHEMA).
 *
 * Asked of every 2xx schema: a `$ref` is followed to its memoized target (a broken or circular
 * chain is not empty), and the keys are read in place up to the first shaping one. Resolving every
 * schema and filtering a list of its keys cost ~1.8 MB a corpus run.
 */
export function isEmptySchema(model: SwaggerModel, schema: unknown): boolean {
  let resolved = asObject(schema);
  if (resolved !== undefined && typeof resolved.$ref === 'string')
    resolved = asObject(model.refTarget(resolved)?.value);
  if (resolved === undefined) return false;
  for (const key in resolved) {
    if (Object.prototype.hasOwnProperty.call(resolved, key) && !DESCRIPTIVE_KEYS.has(key)) return false;
  }
  return resolved.type === undefined || meantTypeOf(resolved) === 'object';
}
