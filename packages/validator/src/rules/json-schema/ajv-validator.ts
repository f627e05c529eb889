import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { toSchemaProblems, type SchemaProblem } from './newtonsoft-messages.js';

/**
 * A schema compiled on first use (compiling costs more than validating a file, and a CLI run that
 * never meets an apiProperties.json should not pay for it), with every error reported, not only the first.
 */
export function lazySchemaValidator(schema: object): (value: unknown) => SchemaProblem[] {
  let validate: ValidateFunction | undefined;
  return (value) => {
    if (!validate) {
      const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true });
      addFormats(ajv);
      validate = ajv.compile(schema);
    }
    return validate(value) ? [] : toSchemaProblems(validate.errors);
  };
}

/**
 * Validates each document once, however many rules read its problems. Keyed by the parsed value,
 * which every rule of one connector shares.
 */
export function cachedSchemaProblems(
  validate: (value: unknown) => SchemaProblem[],
): (value: unknown) => SchemaProblem[] {
  const cache = new WeakMap<object, SchemaProblem[]>();
  return (value) => {
    if (value === null || typeof value !== 'object') return validate(value);
    let problems = cache.get(value);
    if (!problems) {
      problems = validate(value);
      cache.set(value, problems);
    }
    return problems;
  };
}
