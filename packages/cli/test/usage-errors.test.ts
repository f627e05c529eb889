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

describe('a missing input path exits 2, as the README says, and says what to give', () => {
  const dataverse = [
    '--environment-url',
    'http://127.0.0.1:9',
    '--tenant-id',
    '11111111-2222-3333-4444-555555555555',
    '--app-id',
    'app',
  ];
  it.each([
    [
      'pack',
      ['pack', 'no-such-folder', 'out.zip'],
      /^\S*no-such-folder: error: does not exist\. Give the folder/,
    ],
    [
      'build-solution',
      [
        'build-solution',
        'no-such-folder',
        '--out',
        'x.zip',
        '--unique-name',
        'X',
        '--publisher',
        'p',
        '--prefix',
        'pp',
      ],
      /^\S*no-such-folder: error: does not exist\. Give a connector folder/,
    ],
    [
      'import',
      ['import', 'no-such.zip', ...dataverse],
      /^\S*no-such\.zip: error: does not exist\. Check the path of the solution zip to import\./,
    ],
    [
      'unpack',
      ['unpack', 'no-such.zip', 'out'],
      /^\S*no-such\.zip: error: does not exist\. Check the path of the zip file\./,
    ],
    [
      'package check',
      ['package', 'check', 'no-such.zip'],
      /^\S*no-such\.zip: error: does not exist\. Check the path/,
    ],
  ])('%s', async (_name, argv, message) => {
    const result = await run(argv, folders.make(), { CONNECTOR_ALM_CLIENT_SECRET: 'secret' });
    expect(result.err).toMatch(message);
    expect(result.code).toBe(2);
  });

  it('package check of a folder is located at that folder, not at its bare name', async () => {
    const cwd = folders.make();
    mkdirSync(path.join(cwd, 'sub/package.zip'), { recursive: true });
    const result = await run(['package', 'check', 'sub/package.zip'], cwd);
    expect(result.err).toBe(
      `${path.join(cwd, 'sub/package.zip')}: error: is a folder, not a zip archive. Give the zip file itself.\n`,
    );
    expect(result.code).toBe(1);
  });
});
