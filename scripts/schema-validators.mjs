// Writes packages/validator/src/generated/: the validators of the schemas the rules and the
// configuration file are checked against, compiled by Ajv ahead of time (ajv/dist/standalone), so that
// no run compiles a schema. The list and the options are in
// packages/validator/src/rules/json-schema/standalone-validators.ts, which is bundled to a temporary
// file first (as scripts/cli-docs.mjs does); a test fails when the committed files differ from what
// it generates. Run after changing a schema, its options or the version of Ajv.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_OPTIONS } from './validation-worker.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const temporary = mkdtempSync(path.join(os.tmpdir(), 'schema-validators-'));
try {
  const outfile = path.join(temporary, 'standalone-validators.cjs');
  await build({
    ...BUNDLE_OPTIONS,
    entryPoints: [path.join(root, 'packages/validator/src/rules/json-schema/standalone-validators.ts')],
    outfile,
  });
  const { GENERATED_FOLDER, standaloneValidatorFiles } = createRequire(import.meta.url)(outfile);
  const folder = path.join(root, GENERATED_FOLDER);
  const files = standaloneValidatorFiles();
  // The folder holds only what is generated: a validator no longer listed must not linger.
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const { name, text } of files) writeFileSync(path.join(folder, name), text);
  console.log(`${GENERATED_FOLDER}: ${readdirSync(folder).length} files generated`);
} finally {
  rmSync(temporary, { recursive: true, force: true });
}
