import { afterAll, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeWith, REPO_ROOT, SOLUTION_FIXTURES, temporaryFolders } from '@connector-alm/testing';

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
