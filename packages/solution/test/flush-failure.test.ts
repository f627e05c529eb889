import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cannotTrace } from '@connector-alm/testing';
import { bundleScript } from '@connector-alm/testing/bundled-script';
import { fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

// A flush the disk refuses (EIO from fdatasync, as a failing disk or a lost network share gives it,
// with no path) is the destination's problem like any other failed write, said of the zip or folder
// being written. No test can make a healthy disk fail a flush, so strace makes the kernel fail that
// one system call (fault injection): the code under test runs whole, in its own process.

const SOURCES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const ZIP = 'CodeInterpreterControl/CodeInterpreterControlSolution.zip';

const untraceable = process.platform === 'linux' ? cannotTrace() : 'strace runs on Linux only';
if (untraceable) console.warn(`Skipping the tests of a failed flush: ${untraceable}.`);
const describeTraced = untraceable ? describe.skip : describe;

const temp = temporaryFolders('flush-failure-');
afterAll(() => temp.cleanup());

describeTraced('a flush the disk refuses', () => {
  let script: string;
  beforeAll(async () => {
    script = path.join(temp.make(), 'write.cjs');
    await bundleScript(
      `import { unpackSolution, writeZipAtomically } from './index.js';
      const [command, source, target] = process.argv.slice(2) as [string, string, string];
      const writing =
        command === 'zip'
          ? writeZipAtomically(target, [{ name: 'solution.xml', data: Buffer.from(source) }])
          : unpackSolution(source, target);
      writing.then(
        () => console.log(JSON.stringify({ written: true })),
        (error: { message: string; location?: { file: string } }) =>
          console.log(JSON.stringify({ message: error.message, file: error.location?.file })),
      );`,
      script,
      SOURCES,
    );
  });

  /** What the script said when every fdatasync and fsync it made failed with EIO. */
  function runFailingFlushes(args: string[]): { written?: boolean; message?: string; file?: string } {
    const run = spawnSync(
      'strace',
      [
        '-f',
        '-qq',
        '-o',
        '/dev/null',
        '-e',
        'trace=fdatasync,fsync',
        '-e',
        'inject=fdatasync,fsync:error=EIO',
        process.execPath,
        script,
        ...args,
      ],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`the traced script exited ${run.status}: ${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      written?: boolean;
      message?: string;
      file?: string;
    };
  }

  it('writeZipAtomically says it of the zip, and leaves the earlier zip and no temporary file', () => {
    const dir = temp.make();
    const zip = path.join(dir, 'solution.zip');
    writeFileSync(zip, 'the release before');
    expect(runFailingFlushes(['zip', '<ImportExportXml />', zip])).toEqual({
      message: expect.stringMatching(/^cannot be written: .*\(EIO, fdatasync\)\.$/),
      file: zip,
    });
    expect(readFileSync(zip, 'utf8')).toBe('the release before');
    expect(readdirSync(dir)).toEqual(['solution.zip']);
  });

  (existsSync(SOLUTION_FIXTURES) ? it : it.skip)('unpack says it of the folder, and leaves none', () => {
    const dir = temp.make();
    const folder = path.join(dir, 'src');
    expect(runFailingFlushes(['unpack', fixturePath(ZIP), folder])).toEqual({
      message: expect.stringMatching(/^cannot be written: .*\(EIO, fdatasync\)\.$/),
      file: folder,
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});
