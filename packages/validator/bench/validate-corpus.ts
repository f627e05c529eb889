/**
 * Validates the whole corpus and prints our time next to two baselines measured in the same run:
 * only reading and JSON.parse-ing the same files (target: at most 3x), and
 * @apidevtools/swagger-parser's validate on the same swaggers (target: at least 10x faster).
 * Peak memory target: under 500 MB.
 *
 * Ours is measured twice: on this thread only, and on worker threads, one per core (given the
 * worker bundle as argv[2]). The CPU time of the parallel run is printed too: threads shorten the
 * wait, not the work. Both are warm runs (the median of five after a warm-up, workers kept between
 * runs); a one-off CLI run also pays for compiling the rules, in every worker.
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { discoverConnectorFolders } from '../src/loader/discover.js';
import { validatePaths } from '../src/validate.js';

const corpus = path.resolve(process.cwd(), '../shared/corpus');
if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} is absent`);
  process.exit(0);
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    times.push((await time(fn))[0]);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const folders = await discoverConnectorFolders([corpus]);
const files: string[] = [];
for (const folder of folders) {
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    if (entry.isFile()) files.push(path.join(folder, entry.name));
  }
}
const swaggers = files.filter((file) => /apidefinition\.swagger\.json$/i.test(file));

// Synchronous reads: the fastest way to read many small files, so the baseline is not flattered.
const parseOnly = async (): Promise<void> => {
  for (const file of files) {
    const bytes = readFileSync(file);
    if (file.toLowerCase().endsWith('.json')) {
      try {
        JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
      } catch {
        // The corpus has files that are not strict JSON; parse-only simply moves on.
      }
    }
  }
};

const workerScript = process.argv[2];
if (!workerScript || !existsSync(workerScript)) {
  console.error('usage: validate-corpus.mjs <validate-worker.cjs> (npm run bench builds it)');
  process.exit(2);
}

let findings = 0;
const ours = async (): Promise<void> => {
  const result = await validatePaths([corpus], { cwd: corpus, concurrency: 'off' });
  findings = result.findings.length;
};
// One worker per core, as `--concurrency <cores>` would: `auto` leaves a core free, which on a
// two-core machine means no workers at all.
const threads = Math.max(2, availableParallelism());
let parallelFindings = 0;
const oursParallel = async (): Promise<void> => {
  const result = await validatePaths([corpus], { cwd: corpus, concurrency: threads, workerScript });
  parallelFindings = result.findings.length;
};

const runs = 5;
await ours(); // warm-up: JIT and module initialisation
const oursMs = await median(runs, ours);
const cpuBefore = process.cpuUsage();
const parallelMs = await median(runs, oursParallel);
const parallelCpuMs = (() => {
  const used = process.cpuUsage(cpuBefore);
  return (used.user + used.system) / 1000 / runs;
})();
const peakMb = process.resourceUsage().maxRSS / 1024;
const parseMs = await median(runs, parseOnly);
if (parallelFindings !== findings) {
  console.error(`worker threads found ${parallelFindings} findings, one thread ${findings}`);
  process.exit(1);
}

const [swaggerParserMs] = await time(async () => {
  for (const file of swaggers) {
    try {
      await SwaggerParser.validate(file);
    } catch {
      // Invalid swaggers count too: the time to find out is what we compare.
    }
  }
});

const row = (name: string, ms: number, note = '') =>
  console.log(`${name.padEnd(38)} ${ms.toFixed(0).padStart(7)} ms  ${note}`);
console.log(
  `corpus: ${folders.length} connectors, ${files.length} files, ${swaggers.length} swaggers; ${findings} findings`,
);
row('baseline: read + JSON.parse only', parseMs, `(median of ${runs})`);
row(
  'connector-alm validate, 1 thread',
  oursMs,
  `(median of ${runs}) = ${(oursMs / parseMs).toFixed(2)}x parse-only (target <= 3x)`,
);
row(
  `connector-alm validate, ${threads} worker threads`,
  parallelMs,
  `(median of ${runs}) = ${(parallelMs / parseMs).toFixed(2)}x parse-only; CPU ${parallelCpuMs.toFixed(0)} ms`,
);
row(
  'baseline: swagger-parser validate',
  swaggerParserMs,
  `(1 run) = ${(swaggerParserMs / oursMs).toFixed(1)}x slower than ours on 1 thread, ` +
    `${(swaggerParserMs / parallelMs).toFixed(1)}x on ${threads} (target >= 10x)`,
);
console.log(
  `peak memory (max RSS, both validations + parse-only): ${peakMb.toFixed(0)} MB (target < 500 MB)`,
);
