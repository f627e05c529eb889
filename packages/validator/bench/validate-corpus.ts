/**
 * Validates the whole corpus and prints our time next to two baselines measured in the same run:
 * only reading and JSON.parse-ing the same files (target: at most 3x), and
 * @apidevtools/swagger-parser's validate on the same swaggers (target: at least 10x faster).
 * Peak memory target: under 500 MB.
 *
 * Ours is measured three ways: warm on this thread (the median of five runs after six warm-ups), as a
 * one-off run in a fresh process (what `npx connector-alm validate` pays: V8 compiles and optimises
 * the rules while they run, which costs about as much again), and warm on worker threads, one per
 * core (given the worker bundle as argv[2]). The CPU time of both runs is printed too, V8's helper
 * threads included: threads shorten the wait, not the work. A run without any rule shows the floor
 * of our pipeline (discovering, reading and parsing), so that what the rules cost can be read off.
 *
 * No garbage collection is forced between runs: a forced full collection also throws away compiled
 * code, which made every "warm" run pay part of the compilation again (about 40% slower) while the
 * parse-only baseline, native code, paid nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { discoverConnectorFolders } from '../src/loader/discover.js';
import { folderFiles, readAndParseOnly } from './support/parse-only.js';
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

function middle(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(fn))[0]);
  return middle(times);
}

// The one-off measurement: this same script in a fresh process validates once and reports.
if (process.argv.includes('--one-off')) {
  const [ms] = await time(() => validatePaths([corpus], { cwd: corpus, concurrency: 'off' }));
  console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

function oneOffRun(): { ms: number; maxRssMb: number } {
  const run = spawnSync(process.execPath, [process.argv[1]!, '--one-off'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`one-off run failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { ms: number; maxRssMb: number };
}

const folders = await discoverConnectorFolders([corpus]);
const files = await folderFiles(folders);
const swaggers = files.filter((file) => /apidefinition\.swagger\.json$/i.test(file));

const parseOnly = async (): Promise<void> => readAndParseOnly(files);

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

// The floor of our pipeline: discovering, reading and parsing every file (strict JSON, with the
// tolerant parser where JSON.parse refuses), no rule run. What the rules cost is the difference.
const loadOnly = async (): Promise<void> => {
  await validatePaths([corpus], { cwd: corpus, concurrency: 'off', rules: [] });
};

const runs = 5;

/**
 * The process's CPU time per run since `before`: every thread, V8's own helper threads (background
 * GC and compilation) included, so that the one-thread run and the worker run compare like for like.
 */
function cpuMsPerRunSince(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / runs;
}
// Warm-up: V8 moves each rule up its compiler tiers over several runs of the corpus; runs 2 to 6
// were still 5-10 % slower than the steady state measured from run 7 on.
const warmUps = 6;
for (let i = 0; i < warmUps; i++) await ours();
const oursCpuBefore = process.cpuUsage();
const oursMs = await median(runs, ours);
const oursCpuMs = cpuMsPerRunSince(oursCpuBefore);
await loadOnly();
const loadOnlyMs = await median(runs, loadOnly);
// Warm-up of the workers: each sees 1/threads of the folders per run, so it takes `threads` times as
// many runs for each to have validated as much as the one thread above had when its timing began.
for (let i = 0; i < warmUps * threads; i++) await oursParallel();
const cpuBefore = process.cpuUsage();
const parallelMs = await median(runs, oursParallel);
const parallelCpuMs = cpuMsPerRunSince(cpuBefore);
const parseMs = await median(runs, parseOnly);
const oneOffs = [oneOffRun(), oneOffRun(), oneOffRun()];
const oneOffMs = middle(oneOffs.map((run) => run.ms));
const oneOffPeakMb = Math.max(...oneOffs.map((run) => run.maxRssMb));
// This process has run everything above, worker threads included: an upper bound.
const allPeakMb = process.resourceUsage().maxRSS / 1024;
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
  `(median of ${runs}) = ${(oursMs / parseMs).toFixed(2)}x parse-only (target <= 3x); CPU ${oursCpuMs.toFixed(0)} ms`,
);
row(
  '  no rule: discover, read, parse',
  loadOnlyMs,
  `(median of ${runs}) = ${(loadOnlyMs / parseMs).toFixed(2)}x parse-only; the rules and locating their findings: ${(oursMs - loadOnlyMs).toFixed(0)} ms`,
);
row(
  'connector-alm validate, 1 thread, one-off',
  oneOffMs,
  `(fresh process, median of 3) = ${(oneOffMs / parseMs).toFixed(2)}x parse-only`,
);
row(
  `connector-alm validate, ${threads} worker threads`,
  parallelMs,
  `(median of ${runs}) = ${(parallelMs / parseMs).toFixed(2)}x parse-only; CPU ${parallelCpuMs.toFixed(0)} ms`,
);
row(
  'baseline: swagger-parser validate',
  swaggerParserMs,
  `(1 run) = ${(swaggerParserMs / oursMs).toFixed(1)}x slower than ours on 1 thread ` +
    `(${(swaggerParserMs / oneOffMs).toFixed(1)}x one-off), ` +
    `${(swaggerParserMs / parallelMs).toFixed(1)}x on ${threads} (target >= 10x)`,
);
console.log(
  `peak memory (max RSS) of a one-off run: ${oneOffPeakMb.toFixed(0)} MB (target < 500 MB); ` +
    `of this bench process after every run above, ${threads} workers included: ${allPeakMb.toFixed(0)} MB`,
);
