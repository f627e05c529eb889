import type { ErrorObject } from 'ajv';
import { toSchemaProblems, type SchemaProblem } from './newtonsoft-messages.js';
import { ConnectorCache } from '../../model/connector-cache.js';

/**
 * A validate function as Ajv generates it, at run time (`ajv.compile`) or ahead of time
 * (`packages/validator/src/generated/`, from standalone-validators.ts): true, or false with the
 * errors left on the function.
 */
export interface SchemaValidateFunction {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** The problems a validator finds in a value, each worded as Newtonsoft.Json.Schema words it. */
export function schemaProblemsValidator(
  validate: SchemaValidateFunction,
): (value: unknown) => SchemaProblem[] {
  return (value) => (validate(value) ? [] : toSchemaProblems(validate.errors, value));
}

/**
 * Validates each document once, however many rules read its problems. Keyed by the parsed value,
 * which every rule of one connector shares.
 */
export function cachedSchemaProblems(
  validate: (value: unknown) => SchemaProblem[],
): (value: unknown) => SchemaProblem[] {
  const cache = new ConnectorCache<object, SchemaProblem[]>();
  return (value) => {
    if (value === null || typeof value !== 'object') return validate(value);
    return cache.getOrBuild(value, validate);
  };
}
