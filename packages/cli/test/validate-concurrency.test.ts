import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, temporaryFolder } from '@connector-alm/testing';

// The built CLI starts dist/cli/validate-worker.cjs in worker threads for runs over many folders.
const bundle = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const example = path.join(REPO_ROOT, 'examples/certified-connectors/Contoso Tasks');
let scratch: string;
let tree: string;

function validate(cli: string, concurrency: string) {
  return spawnSync(
    process.execPath,
    [cli, 'validate', '.', '--format', 'json', '--concurrency', concurrency],
    {
      cwd: tree,
      encoding: 'utf8',
    },
  );
}

beforeAll(() => {
  scratch = temporaryFolder('connector-alm-cli-concurrency-');
  tree = path.join(scratch, 'repo');
  // Copies of the bundled example, some broken, so that results out of place would show.
  for (let i = 0; i < 6; i++) {
    const folder = path.join(tree, 'certified-connectors', `Contoso ${i}`);
    cpSync(example, folder, { recursive: true });
    if (i % 2 === 1) {
      const file = path.join(folder, 'apiDefinition.swagger.json');
      const swagger = JSON.parse(readFileSync(file, 'utf8'));
      delete swagger.info.description;
      swagger.host = `contoso-${i}.example.com/api`;
      writeFileSync(file, JSON.stringify(swagger, null, 2));
    }
  }
});

describe('connector-alm validate --concurrency', () => {
  it('reports the same findings in the same order on worker threads as on one thread', () => {
    const serial = validate(bundle, 'off');
    const parallel = validate(bundle, '3');
    expect(serial.status).toBe(1);
    expect(JSON.parse(serial.stdout).findings.length).toBeGreaterThan(0);
    expect(parallel.status).toBe(serial.status);
    expect(parallel.stdout).toBe(serial.stdout);
  });

  it('uses the worker bundle beside it', () => {
    // A copy of the CLI with a worker that cannot start: only a run that uses it fails.
    const copy = path.join(scratch, 'cli');
    cpSync(path.dirname(bundle), copy, { recursive: true });
    writeFileSync(path.join(copy, 'validate-worker.cjs'), 'throw new Error("worker bundle loaded");');
    const parallel = validate(path.join(copy, 'index.cjs'), '2');
    expect(parallel.status).toBe(1);
    expect(parallel.stdout).toBe('');
    expect(parallel.stderr).toMatch(/A validation worker failed: worker bundle loaded/);
    expect(parallel.stderr).not.toMatch(/\n\s+at /);
    const onThisThread = validate(path.join(copy, 'index.cjs'), 'off');
    expect(onThisThread.stderr).toBe('');
    expect(JSON.parse(onThisThread.stdout).connectors).toHaveLength(6);
  });

  it('refuses a count that is not a number, auto or off', () => {
    const run = validate(bundle, 'many');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--concurrency <n>' argument 'many' is invalid/);
  });
});
