import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, temporaryFolders } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

// A value left out before the next option: Commander gives the option whatever word follows.
// `validate --base --fail-on warning`, as the open-source guide once wrote it, compared with a git ref
// "--fail-on" and advised `git fetch origin --fail-on`; `validate . -o --fail-on` wrote the report to a
// file named --fail-on.

const example = path.join(REPO_ROOT, 'examples/certified-connectors/Contoso Tasks');
const folders = temporaryFolders('cli-option-as-value-');
afterAll(() => folders.cleanup());

async function run(argv: string[]) {
  const cwd = folders.make();
  const io = memoryIo(cwd);
  const code = await runCli(argv, io);
  return { code, err: io.err(), out: io.out(), cwd };
}

describe('an option given another option of the command as its value', () => {
  it.each([
    [
      'validate --base --fail-on warning',
      ['validate', '--base', '--fail-on', 'warning'],
      '--base was given the option --fail-on as its value. Give --base its value right after it (--base <ref>), then --fail-on.',
    ],
    [
      'validate <folder> -o --fail-on',
      ['validate', example, '-o', '--fail-on'],
      '--output was given the option --fail-on as its value. Give --output its value right after it (-o, --output <file>), then --fail-on.',
    ],
    [
      'validate <folder> -o --fail-on=warning',
      ['validate', example, '-o', '--fail-on=warning'],
      '--output was given the option --fail-on=warning as its value. Give --output its value right after it (-o, --output <file>), then --fail-on.',
    ],
    [
      'pr <folder> --label a --label --draft',
      [
        'pr',
        example,
        '--token',
        'ghp_x',
        '--api-url',
        'http://127.0.0.1:9',
        '--label',
        'a',
        '--label',
        '--draft',
      ],
      '--label was given the option --draft as its value. Give --label its value right after it (--label <label>), then --draft.',
    ],
  ])('%s is a usage error, exit 2, nothing written', async (_name, argv, message) => {
    const result = await run(argv);
    expect(result.err).toBe(`error: ${message}\n`);
    expect(result.out).toBe('');
    expect(result.code).toBe(2);
    expect(existsSync(path.join(result.cwd, '--fail-on'))).toBe(false);
  });

  it('takes a value that starts with a dash but is no option of the command', async () => {
    const result = await run(['validate', example, '--fail-on', 'never', '-o', '-report.txt']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(path.join(result.cwd, '-report.txt'))).toBe(true);
  });
});
