import { afterAll, expect, it } from '@jest/globals';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {
  describeWith,
  runActionBundle,
  SOLUTION_FIXTURES,
  temporaryFolders,
  withShiftJisWebResource,
  writeRawZip,
} from '@connector-alm/testing';
import { actionRunner } from './helpers/action-runner.js';
import { errorContaining, expectFailedWith } from './helpers/step-failure.js';

const HIL = path.join(SOLUTION_FIXTURES, 'customHIL/customHIL_1_0_0_3.zip');

const workspaces = temporaryFolders('workspace-');
afterAll(() => workspaces.cleanup());
const workspace = () => workspaces.make();
const unpack = actionRunner('unpack-solution');
const describeWithFixtures = describeWith(SOLUTION_FIXTURES, 'unpack-solution action');

describeWithFixtures('unpack-solution, run as the runner runs it', () => {
  it('unpacks a real export into the workspace and lists what it wrote', async () => {
    const dir = workspace();
    const run = await unpack(dir, {
      'solution-file': HIL,
      folder: 'solutions/customHIL',
      'reset-version': '0.0.0.0',
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      folder: 'solutions/customHIL',
      'unique-name': 'customHIL',
      version: '0.0.0.0',
      changed: 'true',
      deleted: '[]',
    });
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['cat_human-2din-2dthe-2dloop']);
    expect(JSON.parse(run.outputs.written!)).toContain(
      'solutions/customHIL/Connectors/cat_human-2din-2dthe-2dloop.xml',
    );
    expect(readFileSync(path.join(dir, 'solutions/customHIL/Other/Solution.xml'), 'utf8')).toContain(
      '<Version>0.0.0.0</Version>',
    );
    expect(run.summary).toContain('Unpacked customHIL 0.0.0.0');
  });

  // A solution unpacked into runner.temp, to look at or compare with beside the workspace: the
  // folder was ../../_temp/… (from the workspace) on a hosted runner, a path no one wrote.
  it('names a folder under runner.temp and its files by their absolute paths', async () => {
    const dir = workspace();
    const temp = realpathSync(workspaces.make());
    const folder = path.join(temp, 'previous');
    const run = await runActionBundle('unpack-solution', {
      workspace: dir,
      inputs: { 'solution-file': HIL, folder },
      env: { RUNNER_TEMP: temp },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.folder).toBe(folder);
    const written = JSON.parse(run.outputs.written!) as string[];
    expect(written).toContain(path.join(folder, 'Other', 'Solution.xml'));
    expect(written.every((file) => file.startsWith(`${folder}${path.sep}`))).toBe(true);
    expect(existsSync(path.join(folder, 'Other', 'Solution.xml'))).toBe(true);
  });

  it('says how to unpack into a folder with content in the words of its inputs, not the CLI options', async () => {
    const dir = workspace();
    await unpack(dir, { 'solution-file': HIL, folder: 'src' });
    const again = await unpack(dir, { 'solution-file': HIL, folder: 'src', overwrite: 'false' });
    expectFailedWith(
      again,
      errorContaining('src: already holds 9 files. Update it in place (overwrite: true).'),
    );
    mkdirSync(path.join(dir, 'docs/Notes'), { recursive: true });
    writeFileSync(path.join(dir, 'docs/Notes/notes.txt'), 'mine');
    const beside = await unpack(dir, { 'solution-file': HIL, folder: 'docs' });
    expectFailedWith(beside, errorContaining('or add the solution beside those files (stale-files: keep).'));
    const both = await unpack(dir, { 'solution-file': HIL, folder: 'both', 'package-type': 'both' });
    expectFailedWith(
      both,
      errorContaining(
        'Export the solution as managed too (export-solution with managed: true) into that file, or unpack customHIL_1_0_0_3.zip alone (package-type: auto).',
      ),
    );
  });

  it('reports no change when the same export is unpacked again', async () => {
    const dir = workspace();
    const inputs = { 'solution-file': HIL, folder: 'src' };
    await unpack(dir, inputs);
    const again = await unpack(dir, inputs);
    expect(again.exitCode).toBe(0);
    expect(again.outputs).toMatchObject({ changed: 'false', written: '[]', deleted: '[]' });
  });

  it('reads names in the code page zip-name-encoding gives, and says to give it', async () => {
    const dir = workspace();
    // The export as Japanese Windows zips it again, with a name code page 437 would split.
    await writeRawZip(path.join(dir, 'sjis.zip'), withShiftJisWebResource(readFileSync(HIL)));
    const refused = await unpack(dir, { 'solution-file': 'sjis.zip', folder: 'src' });
    expectFailedWith(
      refused,
      errorContaining('made the zip: zip-name-encoding: shift_jis (Japanese, cp932)'),
    );
    expect(existsSync(path.join(dir, 'src'))).toBe(false);
    const run = await unpack(dir, {
      'solution-file': 'sjis.zip',
      folder: 'src',
      'zip-name-encoding': 'shift_jis',
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(readdirSync(path.join(dir, 'src/WebResources'))).toEqual(['表.js']);
    expect(readFileSync(path.join(dir, 'src/WebResources/表.js'), 'utf8')).toBe('x');
    expect(JSON.parse(run.outputs.written!)).toContain('src/WebResources/表.js');
    const unknown = await unpack(dir, {
      'solution-file': 'sjis.zip',
      folder: 'other',
      'zip-name-encoding': 'klingon',
    });
    expectFailedWith(unknown, errorContaining("'klingon' is not an encoding for zip entry names"));
    expect(existsSync(path.join(dir, 'other'))).toBe(false);
  });

  it('fails with one clear annotation for a zip that is not a solution, and writes nothing', async () => {
    const dir = workspace();
    const run = await unpack(dir, {
      'solution-file': path.join(SOLUTION_FIXTURES, 'not-a-solution/PatternTry-Catch-Finally.zip'),
      folder: 'src',
    });
    expectFailedWith(run, errorContaining('is not a Dataverse solution'));
    expect(run.stdout).not.toMatch(/at .*\.cjs:\d+/);
    expect(existsSync(path.join(dir, 'src'))).toBe(false);
  });

  it("refuses 'folder: .' with the default inputs instead of deleting the repository's files", async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, '.github/workflows/export.yml'), 'on: workflow_dispatch\n');
    writeFileSync(path.join(dir, 'README.md'), '# Contoso\n');
    writeFileSync(path.join(dir, 'docs/setup.md'), '# Setup\n');
    const run = await unpack(dir, { 'solution-file': HIL, folder: '.' });
    expectFailedWith(run, errorContaining('holds 1 file but no unpacked solution (no Other/Solution.xml)'));
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('# Contoso\n');
    expect(readdirSync(dir).sort()).toEqual(['.github', 'README.md', 'docs']);
  });

  it("keeps the maker's files that pack-solution leaves out when it updates a folder, and says how many", async () => {
    // Deleted as stale before, without a word: a readme beside the solution and a merge's .orig.
    const dir = workspace();
    const inputs = { 'solution-file': HIL, folder: 'src' };
    await unpack(dir, inputs);
    const makers = ['src/README.md', 'src/Workflows/Flow.json.orig', 'src/.github/CODEOWNERS'];
    for (const file of makers) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), 'mine\n');
    }
    writeFileSync(path.join(dir, 'src/Workflows/Removed-1111.json'), '{}\n');
    const again = await unpack(dir, inputs);
    expect(again.exitCode).toBe(0);
    expect(again.outputs).toMatchObject({ deleted: '["src/Workflows/Removed-1111.json"]', changed: 'true' });
    // Named in an output, as unpack --format json names them: a later step can delete or move them.
    expect(JSON.parse(again.outputs.kept!)).toEqual(['src/README.md', 'src/Workflows/Flow.json.orig']);
    expect(again.stdout).toContain(
      'customHIL 1.0.0.3: 0 written, 9 unchanged, 1 deleted; kept 2 files that are not part of the solution.',
    );
    for (const file of makers) expect(readFileSync(path.join(dir, file), 'utf8')).toBe('mine\n');
  });

  it("fails, writing nothing, rather than delete a maker's file in a folder the solution has as a file", async () => {
    const dir = workspace();
    const inputs = { 'solution-file': HIL, folder: 'src' };
    await unpack(dir, inputs);
    const xml = 'src/Connectors/cat_human-2din-2dthe-2dloop.xml';
    rmSync(path.join(dir, xml));
    mkdirSync(path.join(dir, xml));
    writeFileSync(path.join(dir, xml, 'draft.xml~'), 'mine\n');
    const again = await unpack(dir, inputs);
    expectFailedWith(
      again,
      errorContaining(
        'is a folder holding 1 file that is not part of the solution (draft.xml~), which unpack keeps; the solution has a file there. Move that file out of the folder (or delete it), then unpack again.',
      ),
    );
    expect(readFileSync(path.join(dir, xml, 'draft.xml~'), 'utf8')).toBe('mine\n');
    expect(again.outputs.deleted).toBeUndefined();
  });

  it('says a lone kept file as one, and counts what it wrote, left and deleted in the job summary', async () => {
    const dir = workspace();
    const inputs = { 'solution-file': HIL, folder: 'src' };
    await unpack(dir, inputs);
    writeFileSync(path.join(dir, 'src/README.md'), 'mine\n');
    mkdirSync(path.join(dir, 'src/Workflows'), { recursive: true });
    writeFileSync(path.join(dir, 'src/Workflows/Removed-1111.json'), '{}\n');
    const again = await unpack(dir, inputs);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain(
      'customHIL 1.0.0.3: 0 written, 9 unchanged, 1 deleted; kept 1 file that is not part of the solution.',
    );
    expect(again.summary).toContain('<h3>Unpacked customHIL 1.0.0.3</h3>');
    expect(again.summary).toContain(
      '<tr><th>Written</th><th>Unchanged</th><th>Deleted</th><th>Connectors</th></tr>' +
        '<tr><td>0</td><td>9</td><td>1</td><td>cat_human-2din-2dthe-2dloop</td></tr>',
    );
  });

  it('shows a dash for the connectors of a solution that has none', async () => {
    const run = await unpack(workspace(), {
      'solution-file': path.join(
        SOLUTION_FIXTURES,
        'CodeInterpreterControl/CodeInterpreterControlSolution.zip',
      ),
      folder: 'src',
    });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.connectors!)).toEqual([]);
    expect(run.summary).toMatch(/<td>0<\/td><td>0<\/td><td>—<\/td><\/tr>/);
  });

  it('refuses a bad input value before doing anything', async () => {
    const run = await unpack(workspace(), {
      'solution-file': HIL,
      folder: 'src',
      'stale-files': 'sometimes',
    });
    expectFailedWith(
      run,
      expect.objectContaining({
        level: 'error',
        message: "Input 'stale-files' must be one of delete, keep; got 'sometimes'.",
      }),
    );
  });
});

it('refuses a reset-version that is not a solution version, naming the input, before anything is written', async () => {
  const dir = workspace();
  const run = await unpack(dir, { 'solution-file': 'missing.zip', folder: 'src', 'reset-version': '0' });
  expectFailedWith(
    run,
    expect.objectContaining({
      level: 'error',
      message:
        "Input 'reset-version': '0' is not a solution version. Use two to four numbers separated by dots, e.g. 1.0.0.0.",
    }),
  );
  expect(readdirSync(dir)).toEqual([]);
});

it('refuses a folder that a symbolic link in the workspace leads outside, before anything is written', async () => {
  const dir = workspace();
  const outside = workspace();
  symlinkSync(outside, path.join(dir, 'solutions'));
  const run = await unpack(dir, { 'solution-file': HIL, folder: 'solutions/customHIL' });
  expectFailedWith(run, {
    level: 'error',
    message: expect.stringContaining(
      `Input 'folder' must name a place inside the workspace or the runner's temp folder; got 'solutions/customHIL', which a symbolic link leads to '${path.join(realpathSync(outside), 'customHIL')}'. Nothing was written.`,
    ),
  });
  expect(readdirSync(outside)).toEqual([]);
  expect(run.stdout).not.toContain('::group::Unpack');
});
