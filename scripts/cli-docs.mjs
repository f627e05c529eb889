// Generates the argument and option lists of docs/cli.md from the CLI's commander definitions,
// between the markers <!-- cli:<command>:start --> and <!-- cli:<command>:end --> of each command's
// section, so the reference cannot drift from --help. The TypeScript sources are bundled to a
// temporary file first (as scripts/build.mjs bundles the CLI); a test compares docs/cli.md with
// withCliReference() of packages/cli/src/cli-reference.ts.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_OPTIONS } from './validation-worker.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const temporary = mkdtempSync(path.join(os.tmpdir(), 'cli-docs-'));
try {
  const outfile = path.join(temporary, 'cli-reference.cjs');
  await build({
    ...BUNDLE_OPTIONS,
    entryPoints: [path.join(root, 'packages/cli/src/cli-reference.ts')],
    outfile,
    define: { __CONNECTOR_ALM_VERSION__: JSON.stringify(version) },
  });
  const { referenceProgram, withCliReference } = createRequire(import.meta.url)(outfile);
  const file = path.join(root, 'docs/cli.md');
  writeFileSync(file, withCliReference(readFileSync(file, 'utf8'), referenceProgram()));
  console.log('docs/cli.md: option lists regenerated');
} finally {
  rmSync(temporary, { recursive: true, force: true });
}
