import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, SOLUTION_FIXTURES, temporaryFolders } from '@connector-alm/testing';

// A write the machine has no room for, made real with the shell's file size limit (ulimit -f: past
// it the system refuses the write with EFBIG, as a full disk does with ENOSPC). pack failed as a bug
// ("failed unexpectedly"): the refused write names no path, so it was not taken for the zip's. And
// validate -o left an empty report file behind, for a later step to read.

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const folders = temporaryFolders('cli-file-size-limit-');
afterAll(() => folders.cleanup());

/** Runs the CLI bundle in `cwd` with files limited to 4 KB. */
function runLimited(cwd: string, args: string[]) {
  const run = spawnSync('bash', ['-c', 'ulimit -f 4 && exec node "$@"', 'bash', CLI, ...args], {
    cwd,
    encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr };
}

const TOO_LARGE =
  'cannot be written: it would grow past the largest file this process may write (EFBIG, write). Raise the file size limit (ulimit -f) and run it again.';

describe('a write past the file size limit', () => {
  it('validate -o says so at the report, and leaves no report file', () => {
    const cwd = folders.make();
    // A connector of little more than a title: its SARIF report of some twenty findings takes ~20 KB.
    const connector = folders.make();
    writeFileSync(
      path.join(connector, 'apiDefinition.swagger.json'),
      '{"swagger": "2.0", "info": {"title": "Contoso"}, "paths": {}}',
    );
    writeFileSync(path.join(connector, 'apiProperties.json'), '{}');
    const result = runLimited(cwd, [
      'validate',
      connector,
      '--format',
      'sarif',
      '-o',
      'reports/connector-alm.sarif',
    ]);
    expect(result.stderr).toBe(`reports/connector-alm.sarif: error: ${TOO_LARGE}\n`);
    expect(result.status).toBe(1);
    expect(readdirSync(cwd)).toEqual([]);
  });

  const unpacked = path.join(SOLUTION_FIXTURES, 'AzureOpenAIServiceCustomConnector', 'unpacked', 'src');
  (existsSync(unpacked) ? it : it.skip)('pack says so at the zip, and leaves nothing behind', () => {
    const cwd = folders.make();
    const result = runLimited(cwd, ['pack', unpacked, 'out/solution.zip']);
    expect(result.stderr).toBe(`out/solution.zip: error: ${TOO_LARGE}\n`);
    expect(result.status).toBe(1);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
