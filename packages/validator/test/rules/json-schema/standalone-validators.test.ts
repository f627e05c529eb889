import { describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@connector-alm/testing';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { BUNDLE_OPTIONS } from '../../../../../scripts/validation-worker.mjs';
import { compileSchema } from '../../../src/rules/json-schema/compile-schema.js';
import {
  GENERATE_COMMAND,
  GENERATED_FOLDER,
  STANDALONE_VALIDATORS,
  standaloneValidatorFiles,
} from '../../../src/rules/json-schema/standalone-validators.js';
import type { SchemaValidateFunction } from '../../../src/rules/json-schema/ajv-validator.js';
import validateApiProperties from '../../../src/generated/validate-api-properties.cjs';
import validateConfig from '../../../src/generated/validate-config.cjs';
import validateSettings from '../../../src/generated/validate-settings.cjs';

const folder = path.join(REPO_ROOT, GENERATED_FOLDER);

/** A generated file as committed, or undefined when it is missing. */
function committed(name: string): string | undefined {
  const file = path.join(folder, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

describe(`${GENERATED_FOLDER}`, () => {
  const generated = standaloneValidatorFiles();

  it(`holds the validators as generated from the current schemas (run ${GENERATE_COMMAND} after changing one)`, () => {
    const stale = generated.filter(({ name, text }) => committed(name) !== text).map(({ name }) => name);
    expect(stale).toEqual([]);
  });

  it(`holds no file that is not generated (run ${GENERATE_COMMAND} after removing a validator)`, () => {
    expect(readdirSync(folder).sort()).toEqual(generated.map(({ name }) => name).sort());
  });
});

/** The errors of a validation, or true. */
function outcome(validate: SchemaValidateFunction, value: unknown): unknown {
  return validate(value) ? true : validate.errors;
}

describe('the precompiled validators', () => {
  const modules: Record<string, SchemaValidateFunction> = {
    'validate-api-properties': validateApiProperties,
    'validate-settings': validateSettings,
    'validate-config': validateConfig,
  };
  const documents: Record<string, unknown[]> = {
    'validate-api-properties': [
      { properties: { iconBrandColor: '#007ee5' } },
      {
        properties: {
          publisher: 7,
          extra: true,
          connectionParameters: {
            'bad name': { type: 'oauthSetting' },
            token: {
              type: 'oauthSetting',
              oAuthSettings: { identityProvider: 'nope', redirectUrl: 'not a uri', redirectMode: 'x' },
            },
          },
        },
      },
      [],
    ],
    'validate-settings': [
      { flowUrl: 'https://flow.microsoft.com' },
      { flowUrl: 'not a uri', apiProperty: 'x' },
    ],
    'validate-config': [
      { rules: { 'SWG-FORMAT': 'error' } },
      { profile: 'certfied', rules: { A: 'loud', B: {}, C: { custom: 'nope' } }, ignore: [''], other: 1 },
    ],
  };

  it.each(STANDALONE_VALIDATORS.map((validator) => [validator.module, validator] as const))(
    '%s reports what Ajv compiling its schema at run time reports',
    (module, validator) => {
      const compiled = compileSchema(validator.schema, validator.options).validate;
      const precompiled = modules[module]!;
      for (const document of documents[module]!) {
        expect(outcome(precompiled, document)).toEqual(outcome(compiled, document));
      }
      // Both the valid document and the invalid ones are among them.
      expect(documents[module]!.map((document) => precompiled(document))).toContain(true);
      expect(documents[module]!.map((document) => precompiled(document))).toContain(false);
    },
  );

  it('check the formats they require (ajv-formats, by reference)', () => {
    expect(validateSettings({ flowUrl: 'not a uri' })).toBe(false);
    expect(validateSettings.errors?.map((error) => error.keyword)).toEqual(['format']);
  });

  it("leave Ajv's compiler out of every bundle: nothing that runs compiles a schema", async () => {
    const entries = [
      'packages/cli/src/main.ts',
      ...readdirSync(path.join(REPO_ROOT, 'packages/actions/src'), { withFileTypes: true })
        .map((entry) => `packages/actions/src/${entry.name}/index.ts`)
        .filter((entry) => existsSync(path.join(REPO_ROOT, entry))),
      'packages/validator/src/parallel/worker-entry.ts',
    ];
    const result = await build({
      ...(BUNDLE_OPTIONS as object),
      entryPoints: entries.map((entry) => path.join(REPO_ROOT, entry)),
      outdir: path.join(REPO_ROOT, '.tmp', 'no-compiler'),
      write: false,
      metafile: true,
      logLevel: 'error',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('packages/validator/src/generated/validate-api-properties.cjs');
    expect(
      inputs.filter((input) =>
        /node_modules\/ajv\/dist\/(?:core|compile)|json-schema\/compile-schema/.test(input),
      ),
    ).toEqual([]);
  });
});
