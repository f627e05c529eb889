// Runs every benchmark (packages/*/bench/*.ts): each is bundled with esbuild and run in its own
// node process, so that its peak memory is its own. Benchmarks print their figures next to a named
// baseline measured in the same run; they assert nothing about time.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildValidationWorker, NATIVE_CRC32 } from './validation-worker.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const benches = readdirSync(path.join(root, 'packages'))
  .flatMap((pkg) => {
    const dir = path.join(root, 'packages', pkg, 'bench');
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.ts'))
          .map((f) => path.join(dir, f))
      : [];
  })
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)));

// Benchmarks that validate on worker threads get the worker bundle, built as for dist/, as argv[2].
const workerScript = path.join(root, '.tmp', 'bench', 'validate-worker.cjs');
await buildValidationWorker(workerScript, 'bench');

let failed = false;
for (const file of benches) {
  const outfile = path.join(
    root,
    '.tmp',
    'bench',
    `${path.basename(path.dirname(path.dirname(file)))}-${path.basename(file, '.ts')}.mjs`,
  );
  await build({
    entryPoints: [file],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    mainFields: ['module', 'main'],
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'warning',
    // As in every bundle (BUNDLE_OPTIONS): yazl's CRC-32 from zlib.
    alias: { 'buffer-crc32': NATIVE_CRC32 },
  });
  console.log(`\n== ${path.relative(root, file)}`);
  const run = spawnSync(process.execPath, ['--expose-gc', outfile, workerScript], {
    stdio: 'inherit',
    cwd: root,
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
