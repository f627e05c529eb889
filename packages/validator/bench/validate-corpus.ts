/**
 * Validates the whole corpus and prints our time next to two baselines measured in the same run:
 * only reading and JSON.parse-ing the same files (target: at most 3x), and
 * @apidevtools/swagger-parser's validate on the same swaggers (target: at least 10x faster).
 * Peak memory target: under 500 MB.
 *
 * Ours is measured three ways: warm on this thread (after six warm-ups), as a one-off run in a fresh
 * process (what `npx connector-alm validate` pays: V8 compiles and optimises the rules while they
 * run, which costs about as much again), and warm on worker threads, one per core (given the worker
 * bundle as argv[2]). The CPU time of both warm runs is printed too, V8's helper threads included:
 * threads shorten the wait, not the work. A run without any rule shows the floor of our pipeline
 * (discovering, reading and parsing), so that what the rules cost can be read off.
 *
 * The warm runs are timed in interleaved pairs with the parse-only baseline (support/interleaved-
 * pairs.ts), and their ratio is the median of the pairs' ratios, printed with the lowest and highest
 * pair ratio: timed in two separate blocks, one load spike from a neighbour on a shared machine moved
 * the ratio from 3.1x to 4.5x for the same code. The 1-minute load average is printed at the start
 * and the end, so that a quiet run can be told from a busy one.
 *
 * No garbage collection is forced between runs: a forced full collection also throws away compiled
 * code, which made every "warm" run pay part of the compilation again (about 40% slower) while the
 * parse-only baseline, native code, paid nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { discoverConnectorFolders } from '../src/loader/discover.js';
import {
  describePairs,
  measurePairs,
  summarisePairs,
  type PairSummary,
} from './support/interleaved-pairs.js';
import { describeLoad } from './support/machine-load.js';
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

const cores = availableParallelism();
console.log(describeLoad('start', loadavg()[0]!, cores, process.platform));

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
const threads = Math.max(2, cores);
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

// Seven pairs: an odd count has a middle pair, and one spoiled pair moves the median ratio by one
// rank at most. Seven runs of ours instead of five plus the baseline beside each: a few seconds
// more than two blocks of five, in a bench that takes about a minute.
const pairs = 7;
// Warm-up: V8 moves each rule up its compiler tiers over several runs of the corpus; runs 2 to 6
// were still 5-10 % slower than the steady state measured from run 7 on. The baseline gets one
// warm-up run too, so that its first timed run does not pay for being the first.
const warmUps = 6;
for (let i = 0; i < warmUps; i++) await ours();
await parseOnly();
const oneThread = summarisePairs(await measurePairs(pairs, parseOnly, ours));
await loadOnly();
const noRule = summarisePairs(await measurePairs(pairs, parseOnly, loadOnly));
// Warm-up of the workers: each sees 1/threads of the folders per run, so it takes `threads` times as
// many runs for each to have validated as much as the one thread above had when its timing began.
for (let i = 0; i < warmUps * threads; i++) await oursParallel();
const parallel = summarisePairs(await measurePairs(pairs, parseOnly, oursParallel));
const parseMs = oneThread.baselineMs;
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
const paired = (summary: PairSummary) => describePairs(summary, 'parse-only');
row(
  'baseline: read + JSON.parse only',
  parseMs,
  `(median of its ${pairs} runs in the 1-thread pairs); median CPU ${oneThread.baselineCpuMs.toFixed(0)} ms`,
);
row(
  'connector-alm validate, 1 thread',
  oneThread.oursMs,
  `${paired(oneThread)}, target <= 3x; median CPU ${oneThread.oursCpuMs.toFixed(0)} ms`,
);
row(
  '  no rule: discover, read, parse',
  noRule.oursMs,
  `${paired(noRule)}; the rules and locating their findings: ${(oneThread.oursMs - noRule.oursMs).toFixed(0)} ms`,
);
row(
  'connector-alm validate, 1 thread, one-off',
  oneOffMs,
  `(fresh process, median of 3) = ${(oneOffMs / parseMs).toFixed(2)}x the parse-only above`,
);
row(
  `connector-alm validate, ${threads} worker threads`,
  parallel.oursMs,
  `${paired(parallel)}; median CPU ${parallel.oursCpuMs.toFixed(0)} ms`,
);
row(
  'baseline: swagger-parser validate',
  swaggerParserMs,
  `(1 run) = ${(swaggerParserMs / oneThread.oursMs).toFixed(1)}x slower than ours on 1 thread ` +
    `(${(swaggerParserMs / oneOffMs).toFixed(1)}x one-off), ` +
    `${(swaggerParserMs / parallel.oursMs).toFixed(1)}x on ${threads} (target >= 10x)`,
);
console.log(
  `peak memory (max RSS) of a one-off run: ${oneOffPeakMb.toFixed(0)} MB (target < 500 MB); ` +
    `of this bench process after every run above, ${threads} workers included: ${allPeakMb.toFixed(0)} MB`,
);
console.log(describeLoad('end', loadavg()[0]!, cores, process.platform));
