/**
 * What the dynamic rules cost on holders written in `definitions`, whose users are the operations
 * whose `$ref`s reach them (definition-users.ts). A swagger is hostile input, and a run must not slow
 * down faster than it grows:
 *
 * - one definition sent by `size` operations, whose dropdown passes `size` references (users x
 *   references, half the operations lacking three of them: findings at their `$ref`s);
 * - a chain of `size` definitions, each holding a dropdown and referencing the next, the last one
 *   the first (a cycle), sent by 20 operations: read back from each definition, the chain was
 *   walked again for each (definitions x chain); each definition's users are built once, from its
 *   referrers' (reaching-seeds.ts).
 *
 * - a chain of `size` definitions, each holding a dropdown and sent by its own operation: each
 *   definition is shown by every operation above it, so the users of all the dropdowns are
 *   size^2/2. Listed per definition, and each dropdown checked in each of them, that grew with the
 *   pairs: with 4,000, the dynamic calls took ~2 s and SWG-DYN-PARAMS ~6 s, 840 MB. A definition's
 *   users are now a group of its own seeds and its referrers' groups (reaching-seeds.ts), listed
 *   only for a finding, and each call is judged once per kind of user (user-kinds.ts). Each size
 *   runs in a process of its own, for its peak memory, next to one that only walks the structure.
 *
 *   Measured on the 2-core machine (the three rules, x the walk; peak RSS), before -> after:
 *     1,000:  1,170 ms (26x),  229 MB  ->   228 ms (4.0x), 113 MB (the walk alone: 76 MB)
 *     4,000: 14,400 ms (126x), 1.4 GB  ->   364 ms (6.5x), 180 MB (104 MB)
 *    16,000: out of memory at a 4 GB heap, after 6 min -> 2,297 ms (6.7x), 415 MB (186 MB)
 *   Left open (session 39), time still growing with the pairs, memory not: the same chain with a
 *   reference with steps (`body/next`, judged per user: 2,000 took ~5 s before and after), or with
 *   each operation of a kind of its own (past 64 kinds a definition's are listed at each question:
 *   2,000 took ~7 s, against ~4 s and twice the memory before). Judging by what each reference
 *   reads (kinds per reference name) would answer both.
 *
 * The structure walk is done before the rules are timed. Each size is timed next to a baseline
 * measured in the same run (the structure walk of the document, which grows in its definitions as
 * much as in its paths); the ratio to it should not grow with the size.
 */
import { spawnSync } from 'node:child_process';
import { isFolderRule, type RuleContext } from '../src/model/rule.js';
import { ALL_RULES } from '../src/rules/index.js';
import { writtenSchemasOf } from '../src/rules/swagger/structure.js';
import type { SwaggerModel } from '../src/swagger/swagger-model.js';
import { printSizes, timeOnModel } from './support/model-sizes.js';

const RULE_IDS = ['SWG-DYN-PARAMS', 'SWG-DYN-INTERNAL-SRC', 'SWG-DYN-LIST-AMBIG'];
const rules = ALL_RULES.filter((rule) => RULE_IDS.includes(rule.id)).flatMap((rule) =>
  isFolderRule(rule) ? [rule] : [],
);
if (rules.length !== RULE_IDS.length) throw new Error(`rules missing: ${RULE_IDS.join(', ')}`);

const LOOKUP_PATH = {
  '/choices': {
    get: {
      operationId: 'ListChoices',
      'x-ms-visibility': 'internal',
      responses: { '200': { description: 'OK' } },
    },
  },
};

function dropdown(references: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'string',
    'x-ms-dynamic-values': { operationId: 'ListChoices', 'value-path': 'id', parameters: references },
  };
}

/** `size` operations POST Thing, whose dropdown passes `size` references; the even ones have 3. */
function sharedDefinition(size: number): Record<string, unknown> {
  const references: Record<string, unknown> = {};
  for (let at = 0; at < size; at++) references[`p${at}`] = { parameter: `ref${at}` };
  const paths: Record<string, unknown> = { ...LOOKUP_PATH };
  for (let at = 0; at < size; at++) {
    const parameters: unknown[] = [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Thing' } }];
    if (at % 2 === 0) {
      for (let reference = 0; reference < 3; reference++)
        parameters.push({ name: `ref${reference}`, in: 'query', type: 'string' });
    }
    paths[`/items${at}`] = { post: { operationId: `PostItem${at}`, parameters, responses: {} } };
  }
  const definitions = { Thing: { type: 'object', properties: { kind: dropdown(references) } } };
  return { swagger: '2.0', info: { title: 'Bench', version: '1' }, paths, definitions };
}

/** D0 -> D1 -> … -> D(size-1) -> D0, each with a dropdown passing `q`; 20 operations POST D0. */
function chainOfDefinitions(size: number): Record<string, unknown> {
  const paths: Record<string, unknown> = { ...LOOKUP_PATH };
  for (let at = 0; at < 20; at++) {
    const parameters = [
      { name: 'q', in: 'query', type: 'string' },
      { name: 'body', in: 'body', schema: { $ref: '#/definitions/D0' } },
    ];
    paths[`/items${at}`] = { post: { operationId: `PostItem${at}`, parameters, responses: {} } };
  }
  const definitions: Record<string, unknown> = {};
  for (let at = 0; at < size; at++) {
    const next = { $ref: `#/definitions/D${(at + 1) % size}` };
    definitions[`D${at}`] = {
      type: 'object',
      properties: { kind: dropdown({ q: { parameter: 'q' } }), next },
    };
  }
  return { swagger: '2.0', info: { title: 'Bench', version: '1' }, paths, definitions };
}

/** D0 -> … -> D(size-1), each with a dropdown passing `q`, each POSTed by its own operation. */
function chainSentAtEachLevel(size: number): Record<string, unknown> {
  const paths: Record<string, unknown> = { ...LOOKUP_PATH };
  const definitions: Record<string, unknown> = {};
  for (let at = 0; at < size; at++) {
    const parameters = [
      { name: 'q', in: 'query', type: 'string' },
      { name: 'body', in: 'body', schema: { $ref: `#/definitions/D${at}` } },
    ];
    paths[`/items${at}`] = { post: { operationId: `PostItem${at}`, parameters, responses: {} } };
    const properties: Record<string, unknown> = { kind: dropdown({ q: { parameter: 'q' } }) };
    if (at + 1 < size) properties.next = { $ref: `#/definitions/D${at + 1}` };
    definitions[`D${at}`] = { type: 'object', properties };
  }
  return { swagger: '2.0', info: { title: 'Bench', version: '1' }, paths, definitions };
}

function runRules(model: SwaggerModel): number {
  let findings = 0;
  // These rules read the swagger and report, nothing else of the context.
  const context = { swagger: model, report: () => findings++ } as unknown as RuleContext;
  for (const rule of rules) rule.check(context);
  return findings;
}

const runs = 5;
const CHAIN_FLAG = '--chain-at-each-level';

/** One size of the chain sent at each level, in this process: its timings and peak memory (or the walk's only). */
function chainInThisProcess(size: number, walkOnly: boolean): void {
  const timing = timeOnModel(
    size,
    chainSentAtEachLevel(size),
    walkOnly ? 1 : 3,
    (model) => {
      if (walkOnly) return;
      const findings = runRules(model);
      if (findings !== size) throw new Error(`chain, an operation at each level: ${findings} findings`);
    },
    writtenSchemasOf,
    writtenSchemasOf,
  );
  console.log(JSON.stringify({ ...timing, peakMb: process.resourceUsage().maxRSS / 1024 }));
}

if (process.argv.includes(CHAIN_FLAG)) {
  const at = process.argv.indexOf(CHAIN_FLAG);
  chainInThisProcess(Number(process.argv[at + 1]), process.argv[at + 2] === 'walk');
  process.exit(0);
}

/** The chain sent at each level, one process per size: its rules, and a walk of the same document alone. */
function chainInOwnProcesses(sizes: readonly number[]): void {
  const label = 'chain, an operation at each level';
  const run = (size: number, walkOnly: boolean) => {
    const args = [process.argv[1]!, CHAIN_FLAG, String(size), walkOnly ? 'walk' : 'rules'];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`${label} ${size}: ${child.stderr}`);
    return JSON.parse(child.stdout) as { ms: number; baselineMs: number; size: number; peakMb: number };
  };
  const timings = sizes.map((size) => {
    const rules = run(size, false);
    const walk = run(size, true);
    console.log(
      `${label.padEnd(32)} ${String(size).padStart(6)} size: peak ${rules.peakMb.toFixed(0)} MB` +
        ` (the walk alone ${walk.peakMb.toFixed(0)} MB)`,
    );
    return rules;
  });
  printSizes(label, 'size', timings);
}

console.log(`median of ${runs} runs; baseline: the structure walk of a fresh model`);
for (const [label, swaggerOf, sizes, expected] of [
  [
    'definition, refs x users',
    sharedDefinition,
    [1000, 1000, 4000], // Each reference names no parameter of ListChoices; refs 3… fail everywhere, once at the
    // reference; refs 0-2 in the odd operations only, at each one's $ref.
    (size: number) => size + (size - 3) + (3 * size) / 2,
  ],
  ['chain of definitions (a cycle)', chainOfDefinitions, [2000, 2000, 8000], (size: number) => size],
] as const) {
  const timings = sizes.map((size, at) =>
    timeOnModel(
      size,
      swaggerOf(size),
      at === 0 ? 2 : runs,
      (model) => {
        const findings = runRules(model);
        if (findings !== expected(size)) throw new Error(`${label}: ${findings} findings`);
      },
      writtenSchemasOf,
      writtenSchemasOf,
    ),
  );
  printSizes(label, 'size', timings.slice(1)); // the first, a warm-up
}
chainInOwnProcesses([1000, 4000, 16000]);
