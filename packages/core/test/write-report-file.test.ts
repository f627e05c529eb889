import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { writeReportFile } from '../src/index.js';
import { bundleScript } from './helpers/bundled-script.js';

// The report writer (validate -o, the action's sarif-file) writes in place. A report it made and
// could not finish is removed, so that no cut-off SARIF is left for upload-sarif; a file that was
// there, and a link the user made, are left.

describe('writeReportFile', () => {
  it('writes a new report, and one shorter than the report there before, whole', async () => {
    const folder = temporaryFolder('report-');
    const file = path.join(folder, 'report.sarif');
    await writeReportFile(file, '{"runs": [1, 2, 3]}');
    expect(readFileSync(file, 'utf8')).toBe('{"runs": [1, 2, 3]}');
    await writeReportFile(file, '{"runs": []}');
    expect(readFileSync(file, 'utf8')).toBe('{"runs": []}');
  });

  // A name too long for the file system: the removal after the failed write fails the same way, and
  // must not take the place of the write's own error, which names the call that failed.
  it("fails with the write's own error when the removal after it fails too", async () => {
    const file = path.join(temporaryFolder('report-'), `${'r'.repeat(300)}.sarif`);
    const failure = await writeReportFile(file, '{}').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ENAMETOOLONG', syscall: 'open' });
  });

  (process.platform === 'win32' ? it.skip : it)(
    'leaves a link the user made when the file it leads to cannot be written',
    async () => {
      const folder = temporaryFolder('report-');
      const link = path.join(folder, 'report.sarif');
      symlinkSync(path.join(folder, 'missing-folder', 'report.sarif'), link);
      await expect(writeReportFile(link, '{}')).rejects.toMatchObject({ code: 'ENOENT' });
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
    },
  );
});

// Past the file size limit (ulimit -f) the system refuses the write with EFBIG, half-way: the one
// failure that a test can have without a full disk. Run in a child process that has the limit.
const WITH_ULIMIT = process.platform !== 'win32' && spawnSync('bash', ['-c', 'ulimit -f 1']).status === 0;

(WITH_ULIMIT ? describe : describe.skip)('writeReportFile past the file size limit', () => {
  /** Runs writeReportFile(file, 8 KB) in a process limited to 1 KB files; returns the error code. */
  async function writeTooLarge(file: string): Promise<string> {
    const script = path.join(temporaryFolder('report-script-'), 'write-report.cjs');
    await bundleScript(
      `import { writeReportFile } from './write-report-file.js';
      writeReportFile(process.argv[2]!, 'x'.repeat(8192)).then(
        () => process.stdout.write('written'),
        (error: NodeJS.ErrnoException) => process.stdout.write(String(error.code)),
      );`,
      script,
    );
    const run = spawnSync('bash', ['-c', 'ulimit -f 1 && exec "$0" "$@"', process.execPath, script, file], {
      encoding: 'utf8',
    });
    return run.stdout;
  }

  it('removes the report it made and could not finish', async () => {
    const file = path.join(temporaryFolder('report-'), 'report.sarif');
    expect(await writeTooLarge(file)).toBe('EFBIG');
    expect(existsSync(file)).toBe(false);
  });

  it('leaves a report that was there before', async () => {
    const file = path.join(temporaryFolder('report-'), 'report.sarif');
    writeFileSync(file, '{}');
    expect(await writeTooLarge(file)).toBe('EFBIG');
    expect(existsSync(file)).toBe(true);
  });
});
