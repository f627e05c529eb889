/**
 * What the rules that read a dynamic call's users cost on a parameter shared by many operations
 * (SWG-DYN-PARAMS, SWG-DYN-INTERNAL-SRC, SWG-DYN-LIST-AMBIG): one `#/parameters/shared` whose
 * dropdown passes `size` references, listed by `size` operations, half of which have 3 of them. A
 * swagger is hostile input, and a run must not slow down faster than it grows. When each reference
 * was judged in each operation, with a did-you-mean found for each failure and a matcher prepared
 * per operation, these rules took 2.55 s and 6.46 s for 1,000 and 2,000 (50x and 149x the baseline),
 * and the CLI 5.6 s on 2,000 (main, which read the first operation only: 2.5 s in the review). With
 * the operations judged once per kind of inputs, a suggestion found only for the findings told, and
 * each call's source parameters and twice-listed names read once: 0.03 s and 0.07 s (1.2x and 1.6x),
 * the CLI 0.73 s, with the same findings (session 38, one run of each). Each size is timed next to
 * a baseline measured in the same run (listing the dynamic calls and their users); the ratio to it
 * should not grow with the size.
 */
import { isFolderRule, type RuleContext } from '../src/model/rule.js';
import { ALL_RULES } from '../src/rules/index.js';
import { dynamicCalls } from '../src/rules/operations/dynamic-index.js';
import { SwaggerModel } from '../src/swagger/swagger-model.js';

type Report = Parameters<RuleContext['report']>[0];

const RULE_IDS = ['SWG-DYN-PARAMS', 'SWG-DYN-INTERNAL-SRC', 'SWG-DYN-LIST-AMBIG'];
const rules = ALL_RULES.filter((rule) => RULE_IDS.includes(rule.id)).flatMap((rule) =>
  isFolderRule(rule) ? [rule] : [],
);
if (rules.length !== RULE_IDS.length) throw new Error(`rules missing: ${RULE_IDS.join(', ')}`);

function swaggerOf(size: number): Record<string, unknown> {
  const references: Record<string, unknown> = {};
  for (let at = 0; at < size; at++) references[`p${at}`] = { parameter: `ref${at}` };
  const paths: Record<string, unknown> = {
    '/choices': {
      get: {
        operationId: 'ListChoices',
        'x-ms-visibility': 'internal',
        responses: { '200': { description: 'OK' } },
      },
    },
  };
  for (let at = 0; at < size; at++) {
    const parameters: unknown[] = [{ $ref: '#/parameters/shared' }];
    if (at % 2 === 0) {
      for (let reference = 0; reference < 3; reference++) {
        parameters.push({ name: `ref${reference}`, in: 'query', type: 'string' });
      }
    }
    paths[`/items${at}`] = {
      get: { operationId: `GetItem${at}`, parameters, responses: { '200': { description: 'OK' } } },
    };
  }
  const shared = {
    name: 'shared',
    in: 'query',
    type: 'string',
    'x-ms-dynamic-values': { operationId: 'ListChoices', 'value-path': 'id', parameters: references },
  };
  return { swagger: '2.0', info: { title: 'Bench', version: '1' }, paths, parameters: { shared } };
}

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * The median of `runs` timings, each on a fresh copy of the document. The dynamic calls and their
 * users are listed before the rules are timed: that listing is the baseline.
 */
function rulesMs(size: number, runs: number): { rulesMs: number; baselineMs: number; findings: number } {
  const root = swaggerOf(size);
  const times: number[] = [];
  const baseline: number[] = [];
  let findings = 0;
  for (let run = 0; run < runs; run++) {
    const swagger = new SwaggerModel(structuredClone(root));
    baseline.push(timed(() => dynamicCalls(swagger)));
    const reports: Report[] = [];
    // These rules read the swagger and report, nothing else of the context.
    const context = { swagger, report: (report: Report) => reports.push(report) } as unknown as RuleContext;
    times.push(timed(() => rules.forEach((rule) => rule.check(context))));
    findings = reports.length;
  }
  const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  return { rulesMs: median(times), baselineMs: median(baseline), findings };
}

const runs = 5;
const sizes = [1000, 2000];
console.log(`median of ${runs} runs; baseline: listing the dynamic calls and their users`);
rulesMs(1000, 2); // warm-up
const [small, large] = sizes.map((size) => rulesMs(size, runs));
for (const [at, size] of sizes.entries()) {
  const { rulesMs: ms, baselineMs, findings } = [small, large][at]!;
  console.log(
    `${'shared dropdown, refs x users'.padEnd(32)} ${String(size).padStart(6)} ${ms.toFixed(1).padStart(8)} ms` +
      `  (baseline ${baselineMs.toFixed(1)} ms, ${(ms / baselineMs).toFixed(1)}x; ${findings} findings)`,
  );
}
console.log(`${''.padEnd(32)} twice the size: ${(large!.rulesMs / small!.rulesMs).toFixed(1)}x the time`);
