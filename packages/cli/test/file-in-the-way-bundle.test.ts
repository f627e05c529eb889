import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  cannotRunAsNobody,
  describeWith,
  REPO_ROOT,
  SOLUTION_FIXTURES,
  spawnAsNobody,
  temporaryFolders,
} from '@connector-alm/testing';

// A file, or a link that leads nowhere, where a writer must make a folder: mkdir says only EEXIST,
// ENOTDIR or ENOENT, at a path that does not name it. Each writer of the built CLI refuses such a
// path before it writes, located at the file in the way, exit 2, and leaves nothing behind.

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const ZIP = path.join(SOLUTION_FIXTURES, 'InstagramBasicDisplay/InstagramBasicDisplay.zip');
const CONNECTOR = path.join(REPO_ROOT, 'examples/certified-connectors/Contoso Tasks');
const MADE_HINT = 'Give a path that runs through folders only, or move the file out of the way.';
const folders = temporaryFolders('cli-file-in-the-way-');
afterAll(() => folders.cleanup());

describeWith(SOLUTION_FIXTURES, 'file in the way')('a writer whose path runs through a file', () => {
  // [command, argv with IN_THE_WAY for the file or link, what cannot be made below it, hint]
  it.each<[string, (way: string) => string[], string, string]>([
    [
      'validate -o (said "is under a file, not a folder" at the report, or "cannot be created there")',
      (way) => ['validate', CONNECTOR, '-o', `${way}/reports/r.sarif`],
      path.join('reports', 'r.sarif'),
      'Give -o a path that runs through folders only, or move the file out of the way.',
    ],
    ['pack', (way) => ['pack', 'src', `${way}/out/x.zip`], path.join('out', 'x.zip'), MADE_HINT],
    ['unpack', (way) => ['unpack', ZIP, `${way}/out`], 'out', MADE_HINT],
    ['extract-connectors', (way) => ['extract-connectors', ZIP, `${way}/out`], 'out', MADE_HINT],
    [
      'dev-server --solutions (said "make it first", which the file prevents)',
      (way) => ['dev-server', '--solutions', `${way}/out`],
      'out',
      'Give --solutions a folder whose path runs through folders only, or move the file out of the way, or leave --solutions out to keep the solutions in memory.',
    ],
  ])('%s', (_command, argv, below, hint) => {
    const cwd = folders.make();
    spawnSync(process.execPath, [CLI, 'unpack', ZIP, 'src'], { cwd });
    writeFileSync(path.join(cwd, 'notes.txt'), 'a file\n');
    symlinkSync('nowhere', path.join(cwd, 'dangling'));
    const before = readdirSync(cwd).sort();
    for (const way of ['notes.txt', 'dangling']) {
      const run = spawnSync(process.execPath, [CLI, ...argv(way)], { cwd, encoding: 'utf8' });
      const verb = argv(way)[0] === 'dev-server' ? 'read' : 'made';
      // A link that leads nowhere was called a file too, which sent users looking for one.
      const what =
        way === 'dangling'
          ? "is a symbolic link that leads nowhere (to 'nowhere')"
          : 'is a file, not a folder';
      expect(run.stderr).toBe(`${way}: error: ${what}, so ${below} cannot be ${verb} inside it. ${hint}\n`);
      expect(run.status).toBe(2);
      expect(readdirSync(cwd).sort()).toEqual(before);
    }
  });
});

describe('a path to write that is itself a link that leads nowhere', () => {
  const REPORT_HINT = 'Give -o the path of the report file to write, e.g. report.sarif, or remove the link.';

  it('validate -o: refused before validating, naming the link; a link to a file not there yet is written through', () => {
    // -o loop failed "unexpectedly: ELOOP … This is a bug" after validating; -o to a link into a
    // missing folder said "cannot be created there" without naming the link.
    const cwd = folders.make();
    symlinkSync('loop', path.join(cwd, 'loop'));
    symlinkSync(path.join('missing', 'r.sarif'), path.join(cwd, 'endlink'));
    for (const [link, to] of [
      ['loop', 'loop'],
      ['endlink', path.join('missing', 'r.sarif')],
    ]) {
      const run = spawnSync(process.execPath, [CLI, 'validate', CONNECTOR, '-o', link!], {
        cwd,
        encoding: 'utf8',
      });
      expect(run.stderr).toBe(
        `${link}: error: is a symbolic link that leads nowhere (to '${to}'); nothing can be written through it. ${REPORT_HINT}\n`,
      );
      expect(run.status).toBe(2);
    }
    expect(readdirSync(cwd).sort()).toEqual(['endlink', 'loop']);
    // A link to a file not there yet, in a folder that is: the report is written through it, as before.
    symlinkSync('report.sarif', path.join(cwd, 'to-new'));
    const run = spawnSync(process.execPath, [CLI, 'validate', CONNECTOR, '-o', 'to-new'], { cwd });
    expect(run.status).toBe(0);
    expect(existsSync(path.join(cwd, 'report.sarif'))).toBe(true);
  });

  describeWith(SOLUTION_FIXTURES, 'link in the way')('as the folder to write', () => {
    it.each([['unpack'], ['extract-connectors']])(
      '%s: names the link, not "exists and is not a folder"',
      (command) => {
        const cwd = folders.make();
        symlinkSync('loop', path.join(cwd, 'loop'));
        const run = spawnSync(process.execPath, [CLI, command, ZIP, 'loop'], { cwd, encoding: 'utf8' });
        expect(run.stderr).toBe(
          "loop: error: is a symbolic link that leads nowhere (to 'loop'); nothing can be written through it. Give the path of a folder, or remove the link.\n",
        );
        expect(run.status).toBe(2);
      },
    );
  });
});

const nobodyCannot = cannotRunAsNobody();
if (nobodyCannot) console.warn(`Skipping the link-into-a-closed-folder test: ${nobodyCannot}.`);

(nobodyCannot ? describe.skip : describe)('a link to a folder the user may not enter', () => {
  it('validate -o: says permission is denied, not that the link leads nowhere', () => {
    // Any stat failure after a good lstat was "leads nowhere": the user looked for a missing target.
    const cwd = folders.make();
    const closed = folders.make();
    mkdirSync(path.join(closed, 'reports'));
    chmodSync(closed, 0o700);
    chmodSync(cwd, 0o755);
    symlinkSync(path.join(closed, 'reports'), path.join(cwd, 'reports'));
    const run = spawnAsNobody(process.execPath, [CLI, 'validate', CONNECTOR, '-o', 'reports/r.sarif'], {
      cwd,
    });
    expect(run.stderr).toBe(
      `reports: error: is a symbolic link whose target cannot be reached (permission denied) (to '${path.join(closed, 'reports')}'), so r.sarif cannot be made inside it. Give -o a path that runs through folders only, or move the file out of the way.\n`,
    );
    expect(run.status).toBe(2);
  });
});
