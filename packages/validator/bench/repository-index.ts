/**
 * What the repository rules add to a pull-request check: indexing the title, host and icon of every
 * other connector folder of the checkout (here the corpus), next to a baseline measured in the same
 * run: reading and JSON.parse-ing the same swaggers, which the index cannot do without.
 * No target of its own: it is paid once per pull-request check, beside git and the folder rules.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { discoverConnectorFolders } from '../src/loader/discover.js';
import { readRepositoryIndex, swaggerFileName } from '../src/repository/read-repository-index.js';
import type { RepositoryFact } from '../src/repository/repository-rule-context.js';

const corpus = path.resolve(process.cwd(), '../shared/corpus');
if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} is absent`);
  process.exit(0);
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const folders = await discoverConnectorFolders([corpus]);
const swaggers = folders.flatMap((folder) => {
  const name = swaggerFileName(readdirSync(folder));
  return name === undefined ? [] : [path.join(folder, name)];
});
const parseOnly = async (): Promise<void> => {
  for (const file of swaggers) {
    try {
      JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      // A broken swagger is read all the same.
    }
  }
};

const allFacts = new Set<RepositoryFact>(['connector-titles', 'connector-hosts', 'connector-icons']);
let indexed = 0;
const index = async (): Promise<void> => {
  indexed = (await readRepositoryIndex(corpus, allFacts)).connectors.length;
};

const runs = 5;
await index(); // warm-up
const indexMs = await median(runs, index);
const parseMs = await median(runs, parseOnly);
const row = (name: string, ms: number, note = '') =>
  console.log(`${name.padEnd(38)} ${ms.toFixed(0).padStart(7)} ms  ${note}`);
console.log(`corpus: ${folders.length} connector folders, ${swaggers.length} swaggers; ${indexed} indexed`);
row('baseline: read + JSON.parse swaggers', parseMs, `(median of ${runs})`);
row(
  'repository index (titles, hosts, icons)',
  indexMs,
  `(median of ${runs}) = ${(indexMs / parseMs).toFixed(2)}x parse-only, ` +
    `${((indexMs / folders.length) * 1000).toFixed(0)} µs per folder`,
);
