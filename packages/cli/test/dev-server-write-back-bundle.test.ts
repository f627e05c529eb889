import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, temporaryFolders } from '@connector-alm/testing';
import { buildSolutionZip } from '@connector-alm/dataverse/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';
import { bannerVariables } from './banner-variables.js';

// dev-server writes each import back to its --solutions folder. When the disk refused that write
// (made real here with the shell's file size limit, ulimit -f: EFBIG, as a full disk gives ENOSPC), the
// import was answered with HTTP 500 "An unexpected error occurred" though it had taken effect, and half
// a zip stayed in the folder for the next start to skip. The built CLI is run.

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const folders = temporaryFolders('cli-dev-server-write-back-');
afterAll(() => folders.cleanup());

describe('dev-server that cannot write an import back to its folder', () => {
  it('imports it all the same, serves it from memory, and says so in its log', async () => {
    const solutions = folders.make();
    const server = spawn(
      'bash',
      ['-c', 'ulimit -f 16 && exec "$0" "$@"', process.execPath, CLI, 'dev-server', '--solutions', solutions],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    server.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    try {
      await new Promise<void>((resolve) =>
        server.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          if (stdout.includes('Press Ctrl+C to stop.')) resolve();
        }),
      );
      const io = memoryIo(folders.make(), bannerVariables(stdout));
      // Random text does not compress: the zip is well past the 16 KB limit.
      const zip = buildSolutionZip({
        uniqueName: 'ContosoTasks',
        version: '1.0.0.3',
        extra: { 'padding.txt': randomBytes(48 * 1024).toString('base64') },
      });
      writeFileSync(path.join(io.cwd, 'contoso.zip'), zip);
      expect(await runCli(['import', 'contoso.zip'], io)).toBe(0);
      expect(io.err()).toBe('');
      expect(await runCli(['export', 'ContosoTasks', '-o', 'out.zip', '--no-publish'], io)).toBe(0);
      expect(stderr).toContain(
        `note: ContosoTasks 1.0.0.3 is imported, but ${path.join(solutions, 'ContosoTasks.zip')} could not be written (it would grow past the largest file this process may write): it is served from memory until the server stops. Raise the file size limit (ulimit -f) and run it again.\n`,
      );
      expect(readdirSync(solutions)).toEqual([]);
    } finally {
      server.kill('SIGINT');
    }
  }, 60_000);
});
