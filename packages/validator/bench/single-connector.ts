/**
 * What a pull-request check or `npx connector-alm validate <folder>` waits for: one connector
 * validated in a fresh process (Node's start, loading the validator, compiling its schemas, cold
 * JIT), next to a baseline measured in the same run: a fresh process that only reads and
 * JSON.parses the same folder's files. Three folders of the corpus: a small, a median and the
 * largest swagger. No target of its own; the corpus-wide targets are validate-corpus's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { discoverConnectorFolders } from '../src/loader/discover.js';
import { validatePaths } from '../src/validate.js';

const corpus = path.resolve(process.cwd(), '../shared/corpus');
if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} is absent`);
  process.exit(0);
}

// The measured child: this same script validates one folder and exits.
const oneOff = process.argv.indexOf('--validate');
if (oneOff !== -1) {
  const result = await validatePaths([process.argv[oneOff + 1]!], { cwd: corpus, concurrency: 'off' });
  process.stdout.write(String(result.findings.length));
  process.exit(0);
}

const PARSE_ONLY = `
const fs = require('node:fs'), path = require('node:path');
const folder = process.argv[1];
for (const name of fs.readdirSync(folder)) {
  const bytes = fs.readFileSync(path.join(folder, name));
  if (name.toLowerCase().endsWith('.json')) {
    try { JSON.parse(bytes.toString('utf8').replace(/^\\uFEFF/, '')); } catch {}
  }
}`;

function timed(args: string[]): { ms: number; stdout: string } {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return { ms, stdout: run.stdout };
}

function median(runs: number, args: string[]): { ms: number; stdout: string } {
  const results = Array.from({ length: runs }, () => timed(args));
  return results.sort((a, b) => a.ms - b.ms)[Math.floor(runs / 2)]!;
}

const swaggerBytes = (folder: string): number => {
  const name = readdirSync(folder).find((file) => /^apidefinition\.swagger\.json$/i.test(file));
  return name === undefined ? 0 : statSync(path.join(folder, name)).size;
};
const folders = (await discoverConnectorFolders([corpus]))
  .map((folder) => ({ folder, bytes: swaggerBytes(folder) }))
  .filter(({ bytes }) => bytes > 0)
  .sort((a, b) => a.bytes - b.bytes);
const picks = [
  ['small', folders[Math.floor(folders.length * 0.1)]!],
  ['median', folders[Math.floor(folders.length / 2)]!],
  ['largest', folders[folders.length - 1]!],
] as const;

const runs = 5;
const row = (name: string, ms: number, note = '') =>
  console.log(`${name.padEnd(38)} ${ms.toFixed(0).padStart(7)} ms  ${note}`);
console.log(`one connector in a fresh process, median of ${runs}; ${process.version}`);
row('node itself (node -e 0)', median(runs, ['-e', '0']).ms);
for (const [label, { folder, bytes }] of picks) {
  const baseline = median(runs, ['-e', PARSE_ONLY, folder]);
  const ours = median(runs, [process.argv[1]!, '--validate', folder]);
  console.log(`${label}: ${path.relative(corpus, folder)} (swagger ${(bytes / 1024).toFixed(0)} KB)`);
  row('  baseline: start, read + JSON.parse', baseline.ms);
  row(
    '  connector-alm validate',
    ours.ms,
    `= ${(ours.ms / baseline.ms).toFixed(1)}x the baseline; ${ours.stdout} findings`,
  );
}
