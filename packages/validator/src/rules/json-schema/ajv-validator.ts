import Ajv, { type ValidateFunction } from 'ajv';
import addFormats, { type FormatName } from 'ajv-formats';
import { toSchemaProblems, type SchemaProblem } from './newtonsoft-messages.js';
import { ConnectorCache } from '../../model/connector-cache.js';

/**
 * A schema compiled on first use (compiling costs more than validating a file, and a CLI run that
 * never meets an apiProperties.json should not pay for it), with every error reported, not only the first.
 *
 * Not `verbose`: it copies each checked value and its schema into the errors, and its generated code
 * validated the corpus's files about 10% slower inside a warm corpus run (sum of each file's fastest
 * validation over 8 runs: 3.44 -> 3.09 ms and 3.69 -> 3.23; 0.46 -> 0.18 ms in a microbenchmark of
 * the valid files alone). The messages that quote a value read it from the document (toSchemaProblems).
 */
export function lazySchemaValidator(schema: object): (value: unknown) => SchemaProblem[] {
  let validate: ValidateFunction | undefined;
  return (value) => {
    if (!validate) {
      const ajv = new Ajv({
        allErrors: true,
        strict: false,
        allowUnionTypes: true,
        // Our own schemas are checked against the JSON Schema meta-schema by the tests: compiling
        // the meta-schema in every process cost more than compiling the schema itself (a pull-request
        // check validates a folder or two, so this was a third of its own time).
        validateSchema: false,
      });
      // Only the formats the schema names: each one is a pattern to compile.
      addFormats(ajv, formatsUsedBy(schema));
      validate = ajv.compile(schema);
    }
    return validate(value) ? [] : toSchemaProblems(validate.errors, value);
  };
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

/** The `format` names a schema uses, anywhere in it. */
export function formatsUsedBy(schema: unknown): FormatName[] {
  const names = new Set<FormatName>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'format' && typeof value === 'string') names.add(value as FormatName);
        else visit(value);
      }
    }
  };
  visit(schema);
  return [...names].sort();
}
