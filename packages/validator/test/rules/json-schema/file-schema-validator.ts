import { schemaProblemsValidator } from '../../../src/rules/json-schema/ajv-validator.js';
import { compileSchema } from '../../../src/rules/json-schema/compile-schema.js';
import { FILE_SCHEMA_OPTIONS } from '../../../src/rules/json-schema/standalone-validators.js';
import type { SchemaProblem } from '../../../src/rules/json-schema/newtonsoft-messages.js';

/**
 * The schema problems a schema of the tests' own finds, compiled at run time as the connector files'
 * schemas are compiled ahead of time (same options, same formats), so its errors are theirs.
 */
export function fileSchemaValidator(schema: object): (value: unknown) => SchemaProblem[] {
  return schemaProblemsValidator(compileSchema(schema, FILE_SCHEMA_OPTIONS).validate);
}
