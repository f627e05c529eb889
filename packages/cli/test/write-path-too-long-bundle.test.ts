import { afterAll, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeWith, REPO_ROOT, SOLUTION_FIXTURES, temporaryFolders } from '@connector-alm/testing';

// The writers stage their output beside it (a hidden .x.zip.<random>.tmp file or folder) and rename it
// into place. A path the file system refuses there said so by the temporary's absolute path
// ("(ENAMETOOLONG, open /home/me/…/.x.zip.5a1f5ed6ff26.tmp/Other/Solution.xml)"), located the package
// build's error at its staged zip, or failed "unexpectedly" when removing a temporary that could not
// be made. Each now names the path the user gave, from the working directory, and leaves nothing.

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const HIL = path.join(SOLUTION_FIXTURES, 'customHIL/customHIL_1_0_0_3.zip');
const CONNECTOR = path.join(REPO_ROOT, 'examples/certified-connectors/Contoso Tasks');
/** Linux's longest path, with the terminating NUL: a longer one fails with ENAMETOOLONG, even for root. */
const PATH_MAX = 4096;
const TOO_LONG = 'its path is longer than the file system allows';
const HINT = 'Give a path with shorter names.';
const folders = temporaryFolders('cli-write-too-long-');
afterAll(() => folders.cleanup());

/**
 * A folder `deep` in `cwd` holding folders down to an absolute path of `length` characters, made one
 * level at a time (a longer path cannot be given to a system call), and its path from `cwd`.
 */
function deepFolder(cwd: string, length: number): string {
  const script = `
    const names = [];
    fs.mkdirSync('deep'); process.chdir('deep');
    for (let left = ${length} - process.cwd().length; left > 0; ) {
      // No level can be one character ('/' alone): the one before it gives up a 'd'.
      const length = Math.min(200, left - 1) - (left - 201 === 1 ? 1 : 0);
      const name = 'd'.repeat(length);
      fs.mkdirSync(name); process.chdir(name); names.push(name); left -= name.length + 1;
    }
    process.stdout.write(['deep', ...names].join('/'));`;
  const relative = execFileSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8' });
  expect(path.join(cwd, relative)).toHaveLength(length);
  return relative;
}

function run(cwd: string, argv: string[]): { status: number | null; stderr: string } {
  return spawnSync(process.execPath, [CLI, ...argv], { cwd, encoding: 'utf8' });
}

function buildSolutionArgs(zip: string): string[] {
  return [
    'build-solution',
    CONNECTOR,
    '-o',
    zip,
    '--unique-name',
    'Built',
    '--publisher',
    'CAT',
    '--prefix',
    'cat',
  ];
}

describeWith(SOLUTION_FIXTURES, 'solution fixtures')(
  'a path to write that the file system refuses as too long',
  () => {
    const linuxOnly = process.platform === 'linux' ? it : it.skip;

    it('names the folder that could not be made as the user gave it, from the working directory', () => {
      const cwd = folders.make();
      expect(run(cwd, ['unpack', HIL, 'src']).status).toBe(0);
      const long = 'x'.repeat(300);
      const result = run(cwd, ['pack', 'src', `out/${long}/x.zip`]);
      // It named /tmp/…/out/xxx…, where the user typed out/xxx….
      expect(result.stderr).toBe(
        `${path.join('out', long, 'x.zip')}: error: cannot be written: ${TOO_LONG} (ENAMETOOLONG, mkdir ${path.join('out', long)}). ${HINT}\n`,
      );
      expect(result.status).toBe(1);
      expect(readdirSync(cwd)).toEqual(['src']);
    });

    const packageArgs = (folder: string): string[] => [
      'package',
      'build',
      `${folder}/p.zip`,
      '--intro',
      'intro.md',
      '--connector-solution',
      HIL,
      '--flow-solution',
      'flow.zip',
    ];

    // [command, what it writes, the absolute length of the folder it writes in, its arguments]
    linuxOnly.each<[string, string, number, (folder: string) => string[]]>([
      // The output fits, the temporary beside it does not: each failed "unexpectedly" removing it.
      ['pack', 'x.zip', PATH_MAX - 16, (folder) => ['pack', 'src', `${folder}/x.zip`]],
      ['build-solution', 'x.zip', PATH_MAX - 16, (folder) => buildSolutionArgs(`${folder}/x.zip`)],
      ['package build', 'p.zip', PATH_MAX - 16, packageArgs],
      // The staging folder fits, the files in it do not: named by their absolute paths.
      ['build-solution', 'x.zip', PATH_MAX - 36, (folder) => buildSolutionArgs(`${folder}/x.zip`)],
      [
        'extract-connectors',
        'Human-in-the-Loop',
        PATH_MAX - 46,
        (folder) => ['extract-connectors', HIL, folder],
      ],
      // The zips the package build stages beside its target fit, the temporaries they are written
      // through do not: located at the staged zip (.p.zip.<random>.tmp), it is now at the package.
      ['package build', 'p.zip', PATH_MAX - 40, packageArgs],
    ])('%s writing %s in a folder %d characters long', (_command, written, length, argv) => {
      const cwd = folders.make();
      expect(run(cwd, ['unpack', HIL, 'src']).status).toBe(0);
      writeFileSync(path.join(cwd, 'intro.md'), '# Intro\n');
      copyFileSync(HIL, path.join(cwd, 'flow.zip'));
      const folder = deepFolder(cwd, length);
      try {
        const result = run(cwd, argv(folder));
        const shown = path.join(folder, written).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect(result.stderr).toMatch(
          new RegExp(
            `^${shown}: error: cannot be written: ${TOO_LONG} \\(ENAMETOOLONG, [a-z]+\\)\\. ${HINT}\\n$`,
          ),
        );
        expect(result.status).toBe(1);
        expect(readdirSync(path.join(cwd, folder))).toEqual([]);
      } finally {
        // Node's rmSync cannot remove it; rm works one level at a time.
        execFileSync('rm', ['-rf', path.join(cwd, 'deep')]);
      }
    });
  },
);
