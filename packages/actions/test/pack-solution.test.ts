import { afterAll, expect, it } from '@jest/globals';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { ZipReader } from '@connector-alm/solution';
import {
  describeWith,
  REPO_ROOT,
  runActionBundle,
  SOLUTION_FIXTURES,
  temporaryFolders,
} from '@connector-alm/testing';
import { expectFailedWith } from './helpers/step-failure.js';

const HIL = path.join(SOLUTION_FIXTURES, 'customHIL/customHIL_1_0_0_3.zip');

const workspaces = temporaryFolders('workspace-');
afterAll(() => workspaces.cleanup());
const describeWithFixtures = describeWith(SOLUTION_FIXTURES, 'pack-solution action');

/** A workspace holding customHIL unpacked by the unpack-solution action itself. */
async function unpackedWorkspace(): Promise<string> {
  const dir = workspaces.make();
  const run = await runActionBundle('unpack-solution', {
    workspace: dir,
    inputs: { 'solution-file': HIL, folder: 'src' },
  });
  if (run.exitCode !== 0) throw new Error(run.stdout);
  return dir;
}

describeWithFixtures('pack-solution, run as the runner runs it', () => {
  it('packs the folder into a zip with the version given', async () => {
    const dir = await unpackedWorkspace();
    const run = await runActionBundle('pack-solution', {
      workspace: dir,
      inputs: { folder: 'src', 'solution-file': 'out/customHIL.zip', version: '1.0.0.9' },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      'solution-files': '["out/customHIL.zip"]',
      'unique-name': 'customHIL',
      version: '1.0.0.9',
      connectors: '["cat_human-2din-2dthe-2dloop"]',
      'unmanaged-solution-file': 'out/customHIL.zip',
      'managed-solution-file': '',
    });
    expect(readFileSync(path.join(dir, 'out/customHIL.zip')).subarray(0, 2).toString()).toBe('PK');
    expect(run.summary).toContain('<h3>Packed customHIL 1.0.0.9</h3>');
    expect(run.summary).toContain('out/customHIL.zip (unmanaged, 8 entries)');
  });

  it('writes through a solution-file that links into runner.temp, and keeps the link', async () => {
    // The zip was renamed onto the link: it replaced the link in the workspace, and nothing reached
    // runner.temp, unlike validate-connector's sarif-file, which is written through.
    const dir = await unpackedWorkspace();
    const temp = realpathSync(workspaces.make());
    const zip = path.join(temp, 'customHIL.zip');
    symlinkSync(zip, path.join(dir, 'out.zip'));
    const run = await runActionBundle('pack-solution', {
      workspace: dir,
      inputs: { folder: 'src', 'solution-file': 'out.zip' },
      env: { RUNNER_TEMP: temp },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');
    expect(lstatSync(path.join(dir, 'out.zip')).isSymbolicLink()).toBe(true);
    // Packed again onto the zip now there: replaced through the link, which stays.
    const again = await runActionBundle('pack-solution', {
      workspace: dir,
      inputs: { folder: 'src', 'solution-file': 'out.zip', version: '1.0.0.9' },
      env: { RUNNER_TEMP: temp },
    });
    expect(again.exitCode).toBe(0);
    expect(lstatSync(path.join(dir, 'out.zip')).isSymbolicLink()).toBe(true);
    expect(readdirSync(temp)).toEqual(['customHIL.zip']);
  });

  // The promote workflow packs into runner.temp: its zip was ../../_temp/connector-promote/solution.zip
  // (from the workspace) on a hosted runner, a path no one wrote.
  it('names a zip under runner.temp by its absolute path in the log, the summary and the outputs', async () => {
    const dir = await unpackedWorkspace();
    const temp = realpathSync(workspaces.make());
    const zip = path.join(temp, 'connector-promote', 'solution.zip');
    const run = await runActionBundle('pack-solution', {
      workspace: dir,
      inputs: { folder: 'src', 'solution-file': zip },
      env: { RUNNER_TEMP: temp },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      'solution-files': JSON.stringify([zip]),
      'unmanaged-solution-file': zip,
      'managed-solution-file': '',
    });
    expect(run.stdout).toContain(`${zip}: customHIL 1.0.0.3 (unmanaged), 8 entries.`);
    expect(run.summary).toContain(`${zip} (unmanaged, 8 entries)`);
    expect(`${run.stdout}\n${run.summary}`).not.toContain('../');
    // The output as a later step's input (import-solution's solution-file) takes it, whatever its working-directory.
    expect(path.resolve(dir, 'any', run.outputs['unmanaged-solution-file']!)).toBe(zip);
    expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');
  });

  /** A workspace whose src/ unpack-solution wrote from both exports of the ColumnLevelSecurity fixture. */
  async function unpackedFromBothExports(): Promise<string> {
    const dir = workspaces.make();
    const unpacked = await runActionBundle('unpack-solution', {
      workspace: dir,
      inputs: {
        'solution-file': path.join(
          SOLUTION_FIXTURES,
          'ColumnLevelSecurity/ColumnLevelSecuritySampleSolution.zip',
        ),
        folder: 'src',
        'package-type': 'both',
      },
    });
    expect(unpacked.exitCode).toBe(0);
    return dir;
  }

  it('packs both zips with package-type auto from a folder unpacked from both exports', async () => {
    const dir = await unpackedFromBothExports();
    const run = await runActionBundle('pack-solution', {
      workspace: dir,
      inputs: { folder: 'src', 'solution-file': 'out/Cls.zip' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['solution-files']).toBe('["out/Cls.zip","out/Cls_managed.zip"]');
    // By kind, for a workflow that deploys the managed one (see connector-promote.yml).
    expect(run.outputs).toMatchObject({
      'unmanaged-solution-file': 'out/Cls.zip',
      'managed-solution-file': 'out/Cls_managed.zip',
    });
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['Cls.zip', 'Cls_managed.zip']);
    expect(run.stdout).toContain(
      'out/Cls_managed.zip: ColumnLevelSecuritySampleSolution 1.0.0.0 (managed), 9 entries.',
    );
    expect(run.summary).toContain('out/Cls_managed.zip (managed, 9 entries)');
    // package-type picks the one kind from such a folder, into the zip named.
    const managed = await runActionBundle('pack-solution', {
      workspace: dir,
      inputs: { folder: 'src', 'solution-file': 'deploy/Cls.zip', 'package-type': 'managed' },
    });
    expect(managed.exitCode).toBe(0);
    expect(managed.outputs).toMatchObject({
      'solution-files': '["deploy/Cls.zip"]',
      'unmanaged-solution-file': '',
      'managed-solution-file': 'deploy/Cls.zip',
    });
    expect(readdirSync(path.join(dir, 'deploy'))).toEqual(['Cls.zip']);
  });

  // solution-file was checked, and the managed zip beside it written wherever a link of its name led:
  // out of the workspace and runner.temp, which every other output of the actions refuses.
  it('refuses a managed zip whose name is a link out of the workspace, writing neither zip', async () => {
    const dir = await unpackedFromBothExports();
    const outside = realpathSync(workspaces.make());
    mkdirSync(path.join(dir, 'out'));
    symlinkSync(path.join(outside, 'stolen.zip'), path.join(dir, 'out/Cls_managed.zip'));
    const run = await runActionBundle('pack-solution', {
      workspace: dir,
      inputs: { folder: 'src', 'solution-file': 'out/Cls.zip' },
    });
    expectFailedWith(run, {
      level: 'error',
      message: expect.stringMatching(
        /^Input 'solution-file' must name a place inside the workspace or the runner's temp folder; got 'out\/Cls_managed\.zip', which a symbolic link leads to '.*stolen\.zip'\. Nothing was written\./,
      ),
    });
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['Cls_managed.zip']);
  });

  it('leaves files at the folder root out of the zip, with a warning each and the left-out output', async () => {
    const dir = await unpackedWorkspace();
    writeFileSync(path.join(dir, 'src/README.md'), '# customHIL\n');
    writeFileSync(path.join(dir, 'src/customHIL.zip'), readFileSync(HIL));
    const run = await runActionBundle('pack-solution', {
      workspace: dir,
      inputs: { folder: 'src', 'solution-file': 'out/customHIL.zip' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toEqual(
      ['src/README.md', 'src/customHIL.zip'].map((file) =>
        expect.objectContaining({
          level: 'warning',
          message: `${file}: left out of the solution zip: a solution has no file at the root of its folder. Its parts live in Other/ and the component folders (Connectors/, Workflows/, WebResources/ …); move the file into one of those if it belongs to the solution, or out of the folder to silence this.`,
        }),
      ),
    );
    // Named as the warnings name them, and as unpack-solution's kept names them: from the workspace.
    expect(run.outputs['left-out']).toBe('["src/README.md","src/customHIL.zip"]');
    // As many entries as the folder unpack wrote packs to.
    expect(run.summary).toContain('out/customHIL.zip (unmanaged, 8 entries)');
  });

  it('leaves a connector folder at the folder root out of the zip, with one warning naming it and its files in left-out', async () => {
    // A copy of a PowerPlatformConnectors folder: packed before, without a word, as entries
    // Dataverse does not read.
    const dir = await unpackedWorkspace();
    const example = path.join(REPO_ROOT, 'examples/certified-connectors/Contoso Tasks');
    cpSync(example, path.join(dir, 'src/Contoso Tasks'), { recursive: true });
    const files = readdirSync(example).sort();
    const run = await runActionBundle('pack-solution', {
      workspace: dir,
      inputs: { folder: 'src', 'solution-file': 'out/customHIL.zip' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        message:
          `src/Contoso Tasks: left out of the solution zip with the ${files.length} files in it: ` +
          'a folder at the root of a solution holding apiDefinition.swagger.json is a connector in the PowerPlatformConnectors layout, ' +
          'not a part of the solution, which keeps its connectors in Connectors/ as unpack wrote them. ' +
          'Move the folder out of the solution folder (extract-connectors writes such folders beside it) to silence this.',
      }),
    ]);
    expect(JSON.parse(run.outputs['left-out']!)).toEqual(files.map((file) => `src/Contoso Tasks/${file}`));
    expect(run.summary).toContain('out/customHIL.zip (unmanaged, 8 entries)');
  });

  it('leaves the leftovers of editors and git in component folders out of the zip, with a warning each and the left-out output', async () => {
    const dir = await unpackedWorkspace();
    const backup = 'Connectors/cat_human-2din-2dthe-2dloop_openapidefinition.json~';
    const merged = 'Connectors/cat_human-2din-2dthe-2dloop.xml.orig';
    writeFileSync(path.join(dir, 'src', backup), '{}');
    writeFileSync(path.join(dir, 'src', merged), '<Connector />');
    writeFileSync(path.join(dir, 'src/README.md'), '# customHIL\n');
    const run = await runActionBundle('pack-solution', {
      workspace: dir,
      inputs: { folder: 'src', 'solution-file': 'out/customHIL.zip' },
    });
    expect(run.exitCode).toBe(0);
    const tail =
      'not a part of the solution. Delete it (or move it out of the folder) to silence this; rename it if the solution needs it.';
    expect(run.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: `src/${merged}: left out of the solution zip: it is a copy git mergetool keeps of a conflicted file (.orig), ${tail}`,
      }),
      expect.objectContaining({
        level: 'warning',
        message: `src/${backup}: left out of the solution zip: it is a backup an editor left (a name ending in '~'), ${tail}`,
      }),
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(
          /^src\/README\.md: left out of the solution zip: a solution has no file at the root/,
        ),
      }),
    ]);
    expect(JSON.parse(run.outputs['left-out']!)).toEqual([`src/${merged}`, `src/${backup}`, 'src/README.md']);
    const reader = await ZipReader.open(path.join(dir, 'out/customHIL.zip'));
    const names = reader.files.map((entry) => entry.name);
    reader.close();
    expect(names.filter((name) => /~$|\.orig$|README/.test(name))).toEqual([]);
    expect(run.summary).toContain('out/customHIL.zip (unmanaged, 8 entries)');
  });

  it('says Other/Customizations.xml is a folder, on it, and writes no zip', async () => {
    const dir = await unpackedWorkspace();
    rmSync(path.join(dir, 'src/Other/Customizations.xml'));
    mkdirSync(path.join(dir, 'src/Other/Customizations.xml'));
    const run = await runActionBundle('pack-solution', {
      workspace: dir,
      inputs: { folder: 'src', 'solution-file': 'out.zip' },
    });
    // A folder is no place for GitHub to show an annotation: the path is in the text.
    expectFailedWith(run, {
      level: 'error',
      message:
        "src/Other/Customizations.xml: is a folder, not a file; Other/Customizations.xml is the file that holds the solution's components. " +
        'Move anything you keep in it elsewhere and delete the folder, then restore the file Other/Customizations.xml (e.g. from git), or unpack the solution again.',
    });
    expect(existsSync(path.join(dir, 'out.zip'))).toBe(false);
  });

  it('puts malformed connector JSON on its file, fails, and writes no zip', async () => {
    const dir = await unpackedWorkspace();
    writeFileSync(
      path.join(dir, 'src/Connectors/cat_human-2din-2dthe-2dloop_connectionparameters.json'),
      '{"a": }',
    );
    const run = await runActionBundle('pack-solution', {
      workspace: dir,
      inputs: { folder: 'src', 'solution-file': 'out.zip' },
    });
    expectFailedWith(
      run,
      expect.objectContaining({
        level: 'error',
        // As the repository names it, for GitHub to show the error on the file.
        file: 'src/Connectors/cat_human-2din-2dthe-2dloop_connectionparameters.json',
        line: 1,
        column: 7,
        // The annotation carries the place; its text says only what is wrong and what to do.
        message: 'invalid JSON: value expected. Fix the JSON in the connector, or export the solution again.',
      }),
    );
    expect(existsSync(path.join(dir, 'out.zip'))).toBe(false);
  });

  it('refuses a connector Solution.xml lists whose files were deleted, on Solution.xml, saying what to do, once', async () => {
    const dir = await unpackedWorkspace();
    for (const file of readdirSync(path.join(dir, 'src/Connectors')))
      rmSync(path.join(dir, 'src/Connectors', file));
    const run = await runActionBundle('pack-solution', {
      workspace: dir,
      inputs: { folder: 'src', 'solution-file': 'out.zip' },
    });
    expectFailedWith(run, expect.objectContaining({ level: 'error', file: 'src/Other/Solution.xml' }));
    const { message } = run.annotations[0]!;
    expect(message).toContain(
      'lists connector cat_human-2din-2dthe-2dloop (<RootComponent type="372">) but Connectors/cat_human-2din-2dthe-2dloop.xml is missing. Restore Connectors/cat_human-2din-2dthe-2dloop.xml',
    );
    expect(message.split('Other/Solution.xml')).toHaveLength(2); // the hint's "remove it from"; the file is the annotation's
    expect(existsSync(path.join(dir, 'out.zip'))).toBe(false);
  });

  it('refuses an output that is not a .zip', async () => {
    const run = await runActionBundle('pack-solution', {
      workspace: await unpackedWorkspace(),
      inputs: { folder: 'src', 'solution-file': 'out.tar' },
    });
    // out.tar does not exist: an annotation on it showed up nowhere useful, its text not naming the
    // path. The text begins with the path then, as the CLI's pack prints it; said once.
    expectFailedWith(run, {
      level: 'error',
      message:
        "out.tar: Input 'solution-file' must end in .zip. Dataverse imports a solution only from a .zip file.",
    });
  });

  // Windows tools save OUT.ZIP: Dataverse takes the name in any case, and so does the action.
  it('writes an output whose extension is .ZIP in capitals', async () => {
    const dir = await unpackedWorkspace();
    const run = await runActionBundle('pack-solution', {
      workspace: dir,
      inputs: { folder: 'src', 'solution-file': 'OUT.ZIP' },
    });
    expect(run.exitCode).toBe(0);
    expect(existsSync(path.join(dir, 'OUT.ZIP'))).toBe(true);
  });

  it('names an output path that is a folder in the text, not as the file of the annotation', async () => {
    const dir = await unpackedWorkspace();
    mkdirSync(path.join(dir, 'out.zip'));
    const run = await runActionBundle('pack-solution', {
      workspace: dir,
      inputs: { folder: 'src', 'solution-file': 'out.zip' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toHaveLength(1);
    expect(run.annotations[0]).not.toHaveProperty('file');
    expect(run.annotations[0]!.message).toMatch(/^out\.zip: /);
  });
});

it('refuses a version that is not a solution version, naming the input, before reading the folder', async () => {
  const dir = workspaces.make();
  const run = await runActionBundle('pack-solution', {
    workspace: dir,
    inputs: { folder: 'src', 'solution-file': 'out.zip', version: '1.2.3.4.5' },
  });
  expectFailedWith(
    run,
    expect.objectContaining({
      level: 'error',
      message:
        "Input 'version': '1.2.3.4.5' is not a solution version. Use two to four numbers separated by dots, e.g. 1.0.0.0.",
    }),
  );
  expect(readdirSync(dir)).toEqual([]);
});

it('refuses a solution-file outside the workspace and runner.temp, before reading the folder', async () => {
  const dir = workspaces.make();
  const name = `${path.basename(dir)}.zip`;
  const run = await runActionBundle('pack-solution', {
    workspace: dir,
    inputs: { folder: 'src', 'solution-file': `../${name}` },
  });
  expectFailedWith(run, {
    level: 'error',
    message: expect.stringMatching(
      new RegExp(
        `^Input 'solution-file' must name a place inside the workspace or the runner's temp folder; got '\\.\\./${name}', .* such as '\\$\\{\\{ runner\\.temp \\}\\}/${name}'\\.`,
      ),
    ),
  });
  expect(existsSync(path.join(dir, '..', name))).toBe(false);
});
