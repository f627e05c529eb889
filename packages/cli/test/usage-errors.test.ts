import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, temporaryFolders } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

// Usage mistakes that session 13's argument fuzzer found answered with "failed unexpectedly", exit
// code 1, an empty location or a message that did not say what to do.

const example = path.join(REPO_ROOT, 'examples/certified-connectors/Contoso Tasks');
const folders = temporaryFolders('cli-usage-');
afterAll(() => folders.cleanup());

async function run(argv: string[], cwd: string = folders.make(), env: NodeJS.ProcessEnv = {}) {
  const io = memoryIo(cwd, env);
  const code = await runCli(argv, io);
  return { code, err: io.err(), out: io.out() };
}

describe('validate -o', () => {
  it('names the folder it cannot write the report to, exit 2', async () => {
    const cwd = folders.make();
    mkdirSync(path.join(cwd, 'reports'));
    const result = await run(['validate', example, '-o', 'reports'], cwd);
    expect(result.err).toBe(
      'reports: error: is a folder; the report cannot be written there. Give -o the path of the report file to write, e.g. report.sarif.\n',
    );
    expect(result.code).toBe(2);
  });

  it('says so when the path goes under a file', async () => {
    const cwd = folders.make();
    writeFileSync(path.join(cwd, 'notes'), '');
    const result = await run(['validate', example, '-o', 'notes/report.json'], cwd);
    expect(result.err).toMatch(/^notes\/report\.json: error: is under a file, not a folder; /);
    expect(result.code).toBe(2);
  });
});

describe('validate --base', () => {
  it('outside a git clone says so and what to do, exit 2', async () => {
    const cwd = folders.make();
    const result = await run(['validate', example, '--base', 'main'], cwd);
    expect(result.err).toMatch(
      /: error: is not inside a git work tree; comparing with a base ref needs one\. Run in a clone/,
    );
    expect(result.err).not.toMatch(/unexpectedly/);
    expect(result.code).toBe(2);
  });
});
