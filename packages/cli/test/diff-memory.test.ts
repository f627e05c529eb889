import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runGit, temporaryFolder } from '@connector-alm/testing';

// One definition of 10,000 properties, made all required, is the body of 400 operations: 4,000,000
// BRK-OPTIONAL-TO-REQUIRED from a 430 KB swagger. Capped at 1,000, the report is small, but the
// changes were all built before the cap: 4.4 GB, and a little more died with V8's native stack. In
// 256 MB the CLI must still finish, with the count of the rest.
const bundle = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const OPERATIONS = 400;
const FIELDS = 10_000;
const HEAP_MB = 256;
const rest = (changes: number) =>
  `${(changes - 1_000).toLocaleString('en-US')} more changes of this rule are not listed`;
const REST = rest(OPERATIONS * FIELDS);
let scratch: string;

/**
 * How each operation's body reaches D: by `$ref`; by `$ref` and through the body parameter's `items`
 * too, so that each operation's two reports (the parameter's and its schema's) may repeat each
 * other; so, with the parameter's description edited too (a change of its own beside D's); or
 * wrapped in an inline object, written anew in each operation (a schema of its own); or merged
 * into such an object through allOf, which wraps it too (each field reached twice).
 */
type BodyShape = 'ref' | 'items' | 'described' | 'wrapped' | 'allOf';

/** `operations` operations whose body is D, reached as `shape` says. */
function swagger(required: boolean, operations = OPERATIONS, shape: BodyShape = 'ref'): object {
  const properties: Record<string, object> = {};
  for (let index = 0; index < FIELDS; index++) properties[`p${index}`] = { type: 'string' };
  const paths: Record<string, object> = {};
  const body = () => ({
    name: 'body',
    in: 'body',
    required: true,
    schema:
      shape === 'wrapped'
        ? { type: 'object', properties: { wrap: { $ref: '#/definitions/D' } } }
        : shape === 'allOf'
          ? { allOf: [{ $ref: '#/definitions/D' }], properties: { wrap: { $ref: '#/definitions/D' } } }
          : { $ref: '#/definitions/D' },
    ...(shape === 'items' || shape === 'described' ? { items: { $ref: '#/definitions/D' } } : {}),
    ...(shape === 'described' ? { description: required ? 'The item, edited.' : 'The item.' } : {}),
  });
  for (let index = 0; index < operations; index++) {
    paths[`/items${index}`] = {
      post: {
        operationId: `Post${index}`,
        summary: `Post ${index}`,
        description: 'Posts an item.',
        parameters: [body()],
        responses: { 200: { description: 'OK' } },
      },
    };
  }
  return {
    swagger: '2.0',
    info: { title: 'Required Probe', description: 'Probes required fields.', version: '1.0' },
    host: 'example.com',
    basePath: '/',
    schemes: ['https'],
    paths,
    definitions: {
      D: { type: 'object', properties, ...(required ? { required: Object.keys(properties) } : {}) },
    },
  };
}

function writeSwagger(folder: string, required: boolean, operations?: number, shape?: BodyShape): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, 'apiDefinition.swagger.json'),
    JSON.stringify(swagger(required, operations, shape)),
  );
}

function cli(cwd: string, args: readonly string[]) {
  return spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, bundle, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

interface ReportedChange {
  ruleId: string;
  breaking: boolean;
  message: string;
}

/**
 * A diff's report of the swaggers above: breaking, its first 1,000 BRK-OPTIONAL-TO-REQUIRED listed
 * and one more counting the rest, whose text `unlisted` starts. Returns the listed changes.
 */
function cappedChanges(
  run: ReturnType<typeof cli>,
  unlisted: string,
): (ReportedChange & { valuePath?: string })[] {
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  const report = JSON.parse(run.stdout) as { changes: ReportedChange[]; classification: string };
  expect(report.classification).toBe('breaking');
  expect(report.changes).toHaveLength(1_001);
  expect(report.changes.every((change) => change.ruleId === 'BRK-OPTIONAL-TO-REQUIRED')).toBe(true);
  expect(report.changes.at(-1)).toMatchObject({ breaking: true, message: expect.stringContaining(unlisted) });
  return report.changes;
}

beforeAll(() => {
  scratch = temporaryFolder('connector-alm-diff-memory-');
  writeSwagger(path.join(scratch, 'old'), false);
  writeSwagger(path.join(scratch, 'new'), true);
});

describe('a diff of millions of changes from one shared definition', () => {
  it(`finishes diff of two folders in ${HEAP_MB} MB, 1,000 listed and the rest counted`, () => {
    cappedChanges(cli(scratch, ['diff', 'old', 'new', '--format', 'json']), REST);
  }, 120_000);

  it(`finishes in ${HEAP_MB} MB when each operation's parameter and its schema both reach the definition`, () => {
    // Two reports of one operation whose places overlap are deduped with each other. A key kept per
    // change offered made 40 operations x 2 x 10,000 changes an OOM in 256 MB (680 MB in 4 GB). Only
    // 40: each parameter was a schema of its own, whose list of 10,000 changes the comparer held.
    // Since a nested schema's list is shared rather than copied (schema-lists.ts), the parameter's
    // report is D's list at 'body/items', which no longer overlaps 'body/schema'.
    const operations = 40;
    writeSwagger(path.join(scratch, 'items-old'), false, operations, 'items');
    writeSwagger(path.join(scratch, 'items-new'), true, operations, 'items');
    const run = cli(scratch, ['diff', 'items-old', 'items-new', '--format', 'json']);
    // Each field once through the parameter's `items` and once through its schema, per operation.
    cappedChanges(run, rest(operations * 2 * FIELDS));
  }, 120_000);

  it(`finishes in ${HEAP_MB} MB when each operation's parameter has a change of its own beside the definition's`, () => {
    // The parameter is a schema of its own in each operation, with an edited description beside its
    // `items`: it held a list of that change and a copy of D's 10,000, and 400 of them ran out of
    // memory in 256 MB. Its own change is a list of one, and D's list is shared at 'body/items'.
    writeSwagger(path.join(scratch, 'described-old'), false, OPERATIONS, 'described');
    writeSwagger(path.join(scratch, 'described-new'), true, OPERATIONS, 'described');
    const run = cli(scratch, ['diff', 'described-old', 'described-new', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const { changes } = JSON.parse(run.stdout) as { changes: (ReportedChange & { valuePath?: string })[] };
    expect(
      changes.filter((change) => change.ruleId === 'CHG-TEXT-EDITED').map((change) => change.valuePath),
    ).toEqual(Array.from({ length: OPERATIONS }, (_, index) => `operation/Post${index}/parameter/body`));
    const required = changes.filter((change) => change.ruleId === 'BRK-OPTIONAL-TO-REQUIRED');
    expect(required).toHaveLength(1_001);
    expect(required[0]!.valuePath).toBe('operation/Post0/parameter/body/items/p0');
    // Each field once through the parameter's `items` and once through its schema, per operation.
    expect(required.at(-1)!.message).toContain(rest(OPERATIONS * 2 * FIELDS));
    expect(changes).toHaveLength(OPERATIONS + 1_001);
  }, 120_000);

  it(`finishes in ${HEAP_MB} MB when each operation's body wraps the definition in an inline object`, () => {
    // Each body schema is written in its operation, so each is compared as a schema of its own: each
    // held a list of the 10,000 changes under its `wrap`, and 400 of them ran out of memory in 256 MB.
    // They share D's list, a step deeper.
    writeSwagger(path.join(scratch, 'wrapped-old'), false, OPERATIONS, 'wrapped');
    writeSwagger(path.join(scratch, 'wrapped-new'), true, OPERATIONS, 'wrapped');
    const changes = cappedChanges(
      cli(scratch, ['diff', 'wrapped-old', 'wrapped-new', '--format', 'json']),
      REST,
    );
    expect(changes[0]!.valuePath).toBe('operation/Post0/parameter/body/schema/wrap/p0');
  }, 120_000);

  it(`finishes in ${HEAP_MB} MB when each operation's body merges the definition through allOf and wraps it`, () => {
    // Each body schema, written in its operation, has D's properties as its own through allOf: each
    // compared them anew and kept a list of their 10,000 changes and the 10,000 under its `wrap`
    // (19 MB an operation: 100 took 1.9 GB). It shares D's compared properties, and D's list is
    // reported twice, at the body and a step deeper. 100 operations: the test is fast.
    const operations = 100;
    writeSwagger(path.join(scratch, 'allOf-old'), false, operations, 'allOf');
    writeSwagger(path.join(scratch, 'allOf-new'), true, operations, 'allOf');
    const changes = cappedChanges(
      cli(scratch, ['diff', 'allOf-old', 'allOf-new', '--format', 'json']),
      rest(operations * 2 * FIELDS),
    );
    expect(changes.slice(0, 2).map((change) => change.valuePath)).toEqual([
      'operation/Post0/parameter/body/schema/wrap/p0',
      'operation/Post0/parameter/body/schema/p0',
    ]);
  }, 120_000);

  it(`finishes validate --base in ${HEAP_MB} MB, the rest one finding`, () => {
    const repo = path.join(scratch, 'repo');
    const folder = path.join(repo, 'certified-connectors', 'Required Probe');
    writeSwagger(folder, false);
    runGit(repo, ['init', '-q', '-b', 'dev']);
    runGit(repo, ['add', '.']);
    runGit(repo, ['commit', '-q', '-m', 'base']);
    runGit(repo, ['checkout', '-q', '-b', 'pr']);
    writeSwagger(folder, true);
    runGit(repo, ['commit', '-q', '-am', 'all required']);
    const run = cli(repo, ['validate', '.', '--base', 'dev', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: ReportedChange[] }).findings.filter(
      (finding) => finding.ruleId === 'BRK-OPTIONAL-TO-REQUIRED',
    );
    expect(findings).toHaveLength(1_001);
    expect(findings.filter((finding) => finding.message.includes('not listed'))).toEqual([
      expect.objectContaining({ message: expect.stringContaining(REST) }),
    ]);
  }, 120_000);
});
