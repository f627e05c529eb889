// The validation worker bundle (validate-worker.cjs), which validatePaths starts in worker threads.
// scripts/build.mjs puts one beside each bundle that validates many folders; the benchmark and the
// worker tests build their own from the current sources with the same options.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const WORKER_ENTRY = path.join(root, 'packages/validator/src/parallel/worker-entry.ts');

/** buffer-crc32's interface over zlib.crc32, given to yazl in place of buffer-crc32. */
export const NATIVE_CRC32 = path.join(root, 'packages/solution/src/zip/native-crc32.ts');

/** Options shared by every bundle of this repository: CommonJS for node20, ESM builds preferred. */
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Prefer ESM builds: jsonc-parser's UMD "main" hides its requires from the bundler.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  // yazl's CRC-32 from Node's zlib instead of buffer-crc32's JavaScript loop (see native-crc32.ts).
  alias: { 'buffer-crc32': NATIVE_CRC32 },
};

/** Builds the worker bundle alone, to `outfile`. */
export async function buildValidationWorker(outfile, version = '0.0.0-dev') {
  await build({
    ...BUNDLE_OPTIONS,
    entryPoints: [WORKER_ENTRY],
    outfile,
    define: { __CONNECTOR_ALM_VERSION__: JSON.stringify(version) },
  });
}
