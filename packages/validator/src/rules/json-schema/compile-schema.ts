import Ajv, { type Options, type ValidateFunction } from 'ajv';
import addFormats, { type FormatName } from 'ajv-formats';

/**
 * Ajv's compiler, for scripts/schema-validators.mjs and the tests: the validators run time uses are
 * generated ahead of time (standalone-validators.ts), so no run imports this module and the bundles
 * carry no compiler.
 */
export interface CompiledSchema {
  /** The instance that compiled it, which ajv/dist/standalone needs to write the validator's module. */
  ajv: Ajv;
  validate: ValidateFunction;
}

/**
 * Compiles a schema with the formats it names, and keeps the generated source, so that the same
 * compilation can be written out as a module. ajv-formats gives Ajv each format by reference
 * (`require("ajv-formats/dist/formats").fullFormats.uri`), which is what such a module requires.
 */
export function compileSchema(schema: object, options: Options): CompiledSchema {
  const ajv = new Ajv({ ...options, code: { ...options.code, source: true, lines: true } });
  // Only the formats the schema names: each one is code the module would otherwise carry for nothing.
  addFormats(ajv, formatsUsedBy(schema));
  return { ajv, validate: ajv.compile(schema) };
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
