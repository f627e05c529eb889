import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { shellWord } from '@connector-alm/core';
import { REPO_ROOT, temporaryFolders } from '@connector-alm/testing';

// The built CLI's dev-server banner, in the clone and elsewhere: the lines to paste run this CLI.

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const folders = temporaryFolders('dev-server-self-command-');
afterAll(() => folders.cleanup());

/** The banner of the built dev-server started in `cwd`, which is then stopped. */
async function banner(cwd: string): Promise<string> {
  const child = spawn(process.execPath, [CLI, 'dev-server'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const closed = new Promise((resolve) => child.on('close', resolve));
  let stdout = '';
  await new Promise<void>((resolve) =>
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('Press Ctrl+C to stop.')) resolve();
    }),
  );
  child.kill('SIGINT');
  await closed;
  return stdout;
}

describe('dev-server built, its lines to paste', () => {
  it('run npx connector-alm in the clone, whose bin npx runs', async () => {
    expect(await banner(REPO_ROOT)).toContain('\n  npx connector-alm import <solution.zip>\n');
  }, 30_000);

  it('run the bundle with node elsewhere, where npx would fetch a registry package of that name', async () => {
    const text = await banner(folders.make());
    expect(text).toContain(`\n  node ${shellWord(realpathSync(CLI))} import <solution.zip>\n`);
    expect(text).not.toContain('npx connector-alm');
  }, 30_000);
});
