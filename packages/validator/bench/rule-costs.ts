/**
 * Where validating the corpus spends its time, for whoever works on the speed target of
 * validate-corpus: each rule's share, the garbage collector's, and the pipeline without rules, next
 * to the same baseline (reading and JSON.parse-ing every file), measured in the same run.
 *
 * Rules run through the real engine, each wrapped in a timer (two clock reads per rule and folder:
 * a few milliseconds per run). The shared indexes many rules read (the operations, the structure
 * walk, the written parameters, the readme outline) are built first, each timed under its own name
 * ("index: …"), so that a rule's figure is its own work: paid by whichever rule asked first, the
 * structure walk made GEN-SECRETS look like the costliest rule (session 37). An index not listed
 * there still counts under the first rule that asks for it. No target of its own: a breakdown, not a
 * benchmark to meet. Its runs are timed in
 * blocks, not in pairs as validate-corpus's are: the 1-minute load average printed at the start and
 * the end tells whether neighbours may have moved the shares.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { discoverConnectorFolders } from '../src/loader/discover.js';
import { describeLoad } from './support/machine-load.js';
import { bareWalk, folderFiles, parsedValues, readAndParseOnly } from './support/parse-only.js';
import { isFolderRule, type RuleContext, type RuleDefinition } from '../src/model/rule.js';
import { ALL_RULES } from '../src/rules/index.js';
import { writtenParameters } from '../src/rules/operations/parameter-index.js';
import { outline } from '../src/rules/readme/outline.js';
import { structureOf } from '../src/rules/swagger/structure.js';
import { validatePaths } from '../src/validate.js';

const corpus = path.resolve(process.cwd(), '../shared/corpus');
if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} is absent`);
  process.exit(0);
}

console.log(describeLoad('start', loadavg()[0]!, availableParallelism(), process.platform));

/**
 * The shared indexes built before the rules, as rules of their own that report nothing: on in every
 * profile, so that they are built for every folder, as the rules that read them are run.
 */
const SHARED_INDEXES: [string, (context: RuleContext) => unknown][] = [
  ['swagger operations', (context) => context.swagger?.operations],
  ['structure walk', (context) => context.swagger && structureOf(context.swagger)],
  ['written parameters', (context) => context.swagger && writtenParameters(context.swagger)],
  ['readme outline (markdown-it)', (context) => outline(context)],
];
const indexRules: RuleDefinition[] = SHARED_INDEXES.map(([name, build]) => ({
  id: `index: ${name}`,
  file: 'swagger',
  title: `Builds the ${name}.`,
  description: 'A shared index, built before the rules that read it.',
  levels: { certified: 'info', 'independent-publisher': 'info', custom: 'info' },
  check(context) {
    build(context);
  },
}));

const spentByRule = new Map<string, number>();
const timedRules: RuleDefinition[] = [...indexRules, ...ALL_RULES].map((rule) => {
  if (!isFolderRule(rule)) return rule;
  return {
    ...rule,
    check(context) {
      const start = performance.now();
      try {
        rule.check(context);
      } finally {
        spentByRule.set(rule.id, (spentByRule.get(rule.id) ?? 0) + performance.now() - start);
      }
    },
  };
});

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

const folders = await discoverConnectorFolders([corpus]);
const files = await folderFiles(folders);
const parseOnly = (): void => readAndParseOnly(files);

const warmUps = 2;
const runs = 4;
let totalMs = 0;
let totalGcMs = 0;
for (let run = 0; run < warmUps + runs; run++) {
  if (run === warmUps) {
    spentByRule.clear();
    totalMs = 0;
    totalGcMs = 0;
  }
  const gcBefore = gcMs;
  const start = performance.now();
  await validatePaths([corpus], { cwd: corpus, concurrency: 'off', rules: timedRules });
  totalMs += performance.now() - start;
  // Observers are told after the run's last task: wait for the entries of this run.
  await new Promise((resolve) => setTimeout(resolve, 20));
  totalGcMs += gcMs - gcBefore;
}
const noRuleTimes: number[] = [];
for (let run = 0; run < runs + 1; run++) {
  const start = performance.now();
  await validatePaths([corpus], { cwd: corpus, concurrency: 'off', rules: [] });
  if (run > 0) noRuleTimes.push(performance.now() - start);
}
const parseTimes: number[] = [];
for (let run = 0; run < runs + 1; run++) {
  const start = performance.now();
  parseOnly();
  if (run > 0) parseTimes.push(performance.now() - start);
}
// One walk over every parsed value, doing nothing at each node: the floor of any single-pass design
// (rules dispatched per node instead of ~200 rules each finding their own nodes), for weighing one.
const values = parsedValues(files);
const walkTimes: number[] = [];
let members = 0;
for (let run = 0; run < runs + 1; run++) {
  const start = performance.now();
  members = values.reduce<number>((sum, value) => sum + bareWalk(value), 0);
  if (run > 0) walkTimes.push(performance.now() - start);
}
const middle = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
const parseMs = middle(parseTimes);
const perRun = (ms: number) => ms / runs;
const rulesMs = perRun([...spentByRule.values()].reduce((sum, ms) => sum + ms, 0));
const share = (ms: number) => `${((ms / parseMs) * 100).toFixed(0).padStart(4)}% of parse-only`;
const row = (name: string, ms: number, note = '') =>
  console.log(`${name.padEnd(38)} ${ms.toFixed(1).padStart(7)} ms  ${note}`);

console.log(`corpus: ${folders.length} connectors, ${files.length} files; mean of ${runs} warm runs`);
row('baseline: read + JSON.parse only', parseMs, `(median of ${runs})`);
row('whole run, rules timed', perRun(totalMs), share(perRun(totalMs)));
row('  no rule: discover, read, parse', middle(noRuleTimes), share(middle(noRuleTimes)));
row('  every rule (inside their checks)', rulesMs, share(rulesMs));
row('  garbage collection (all of the run)', perRun(totalGcMs), share(perRun(totalGcMs)));
row(
  'one bare walk over every parsed value',
  middle(walkTimes),
  `${share(middle(walkTimes))} (${members} members; the floor of one pass of a single-pass design)`,
);
console.log('shared indexes, built before the rules:');
for (const rule of indexRules)
  row(`  ${rule.id}`, perRun(spentByRule.get(rule.id) ?? 0), share(perRun(spentByRule.get(rule.id) ?? 0)));
const ruleCosts = [...spentByRule].filter(([id]) => !id.startsWith('index: '));
console.log(
  'costliest rules (their own work; an index not listed above counts under the first rule that builds it):',
);
for (const [id, ms] of ruleCosts.sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  row(`  ${id}`, perRun(ms), share(perRun(ms)));
}
const cheap = ruleCosts.filter(([, ms]) => perRun(ms) < 1).length;
console.log(`${cheap} of ${ruleCosts.length} rules cost less than 1 ms a run each.`);
console.log(describeLoad('end', loadavg()[0]!, availableParallelism(), process.platform));
