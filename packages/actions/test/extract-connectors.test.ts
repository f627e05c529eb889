import { afterAll, expect, it } from '@jest/globals';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { unpackSolution } from '@connector-alm/solution';
import {
  describeWith,
  runActionBundle,
  runGit,
  SOLUTION_FIXTURES,
  temporaryFolders,
  withShiftJisWebResource,
  writeRawZip,
} from '@connector-alm/testing';
import { actionRunner } from './helpers/action-runner.js';
import { errorContaining, expectFailedWith } from './helpers/step-failure.js';

const AOAI = path.join(
  SOLUTION_FIXTURES,
  'AzureOpenAIServiceCustomConnector/AzureOpenAIServiceCustomConnector_1_0_0_1_managed.zip',
);

const workspaces = temporaryFolders('workspace-');
/** The workspace made a repository whose one commit holds everything in it, as a checkout is. */
function commitAll(dir: string): void {
  runGit(dir, ['init', '-q']);
  runGit(dir, ['add', '-A']);
  runGit(dir, ['commit', '-q', '-m', 'snapshot']);
}
afterAll(() => workspaces.cleanup());
// Real paths, as the action names them (on macOS the temp folder is reached through the /var link).
const workspace = () => realpathSync(workspaces.make());
const extract = actionRunner('extract-connectors');
const describeWithFixtures = describeWith(SOLUTION_FIXTURES, 'extract-connectors action');

describeWithFixtures('extract-connectors, run as the runner runs it', () => {
  it('writes each connector into the repository layout and lists the folders and files', async () => {
    const dir = workspace();
    const run = await extract(dir, { source: AOAI, destination: 'custom-connectors' });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.connectors!)).toEqual([
      {
        name: 'ppchal_azureopenaiservice',
        displayName: 'AzureOpenAIService',
        folder: 'custom-connectors/AzureOpenAIService',
      },
    ]);
    expect(JSON.parse(run.outputs.folders!)).toEqual(['custom-connectors/AzureOpenAIService']);
    expect(JSON.parse(run.outputs.written!).sort()).toEqual(
      ['apiDefinition.swagger.json', 'apiProperties.json', 'icon.png', 'readme.md', 'script.csx'].map(
        (file) => `custom-connectors/AzureOpenAIService/${file}`,
      ),
    );
    expect(run.summary).toContain(
      '<h3>Extracted connectors</h3>\n<table><tr><th>Connector</th><th>Folder</th><th>Files</th></tr>' +
        '<tr><td>AzureOpenAIService (ppchal_azureopenaiservice)</td><td>custom-connectors/AzureOpenAIService</td>',
    );
    // Nothing removed or moved: no list, where there was a lone, unclosed <ul>.
    expect(run.summary).not.toContain('<ul>');
  });

  // max-size-mb counts megabytes: 1 takes this solution, which a limit read as kilobytes (or bytes)
  // would refuse as too large.
  it('reads max-size-mb in megabytes', async () => {
    const run = await extract(workspace(), {
      source: AOAI,
      destination: 'custom-connectors',
      'max-size-mb': '1',
    });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.folders!)).toEqual(['custom-connectors/AzureOpenAIService']);
  });

  // A solution of flows or tables alone (or the wrong zip): a green step that wrote nothing, said as a
  // warning, so that a snapshot workflow extracting from it is not taken for one that found nothing new.
  it('warns that a solution without a custom connector has none, and writes nothing', async () => {
    const dir = workspace();
    const source = path.join(SOLUTION_FIXTURES, 'CodeInterpreterControl/CodeInterpreterControlSolution.zip');
    const run = await extract(dir, { source, destination: 'custom-connectors' });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toEqual([
      expect.objectContaining({ level: 'warning', message: `${source} has no custom connector.` }),
    ]);
    expect(run.outputs).toMatchObject({ connectors: '[]', folders: '[]', written: '[]', removed: '[]' });
    expect(existsSync(path.join(dir, 'custom-connectors'))).toBe(false);
  });

  // The folder's file of another case (ApiDefinition.swagger.json, as a Windows or macOS checkout may
  // have it) is replaced by the name extraction writes: the one it replaces is listed as deleted.
  it('lists a file it replaced by the same name in another case in the deleted output', async () => {
    const dir = workspace();
    const first = await extract(dir, { source: AOAI, destination: 'custom-connectors' });
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.outputs.deleted!)).toEqual([]);
    const folder = path.join(dir, 'custom-connectors/AzureOpenAIService');
    renameSync(
      path.join(folder, 'apiDefinition.swagger.json'),
      path.join(folder, 'ApiDefinition.swagger.json'),
    );
    commitAll(dir);
    const run = await extract(dir, { source: AOAI, destination: 'custom-connectors' });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.deleted!)).toEqual([
      'custom-connectors/AzureOpenAIService/ApiDefinition.swagger.json',
    ]);
    expect(JSON.parse(run.outputs.written!)).toEqual([
      'custom-connectors/AzureOpenAIService/apiDefinition.swagger.json',
    ]);
    expect(readdirSync(folder).sort()).toEqual(
      ['apiDefinition.swagger.json', 'apiProperties.json', 'icon.png', 'readme.md', 'script.csx'].sort(),
    );
  });

  // Extracted into runner.temp, to compare with the repository: the folders were ../../_temp/… (from
  // the workspace) on a hosted runner, a path no one wrote, as unpack-solution's folder was.
  it('names folders and files under runner.temp by their absolute paths, which validate-connector takes', async () => {
    const dir = workspace();
    const temp = realpathSync(workspaces.make());
    const root = path.join(temp, 'custom-connectors');
    const run = await runActionBundle('extract-connectors', {
      workspace: dir,
      inputs: { source: AOAI, destination: root },
      env: { RUNNER_TEMP: temp },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const folder = path.join(root, 'AzureOpenAIService');
    expect(JSON.parse(run.outputs.folders!)).toEqual([folder]);
    expect(JSON.parse(run.outputs.connectors!)).toEqual([expect.objectContaining({ folder })]);
    expect(JSON.parse(run.outputs.written!)).toContain(path.join(folder, 'apiDefinition.swagger.json'));
    expect(run.stdout).toContain(`→ ${folder}:`);
    expect(`${run.stdout}${run.summary}`).not.toContain('../');
    const validate = await runActionBundle('validate-connector', {
      workspace: dir,
      inputs: { path: JSON.parse(run.outputs.folders!).join('\n'), 'fail-on': 'never' },
      env: { RUNNER_TEMP: temp },
    });
    expect(validate.stderr).toBe('');
    expect(validate.exitCode).toBe(0);
  });

  it('keeps the readme and the publisher already in the repository', async () => {
    const dir = workspace();
    const folder = path.join(dir, 'custom-connectors/AzureOpenAIService');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'readme.md'), '# Written by hand\n');
    writeFileSync(
      path.join(folder, 'apiProperties.json'),
      '{"properties": {"publisher": "Contoso", "stackOwner": "Contoso"}}',
    );
    const run = await extract(dir, { source: AOAI, destination: 'custom-connectors' });
    expect(run.exitCode).toBe(0);
    expect(readFileSync(path.join(folder, 'readme.md'), 'utf8')).toBe('# Written by hand\n');
    expect(
      JSON.parse(readFileSync(path.join(folder, 'apiProperties.json'), 'utf8')).properties,
    ).toMatchObject({ publisher: 'Contoso', stackOwner: 'Contoso', iconBrandColor: '#007ee5' });
  });

  // Upstream names many folders otherwise than the display name: the action wrote a duplicate
  // beside the connector's own, and the snapshot workflow validated and committed it.
  it('writes into the folder that holds the connector under another name, and says so', async () => {
    const dir = workspace();
    const folder = path.join(dir, 'custom-connectors/Azure OpenAI Service');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'readme.md'), '# Written by hand\n');
    writeFileSync(
      path.join(folder, 'apiDefinition.swagger.json'),
      '{"swagger": "2.0", "info": {"title": "AzureOpenAIService"}}',
    );
    const run = await extract(dir, { source: AOAI, destination: 'custom-connectors' });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(readdirSync(path.join(dir, 'custom-connectors'))).toEqual(['Azure OpenAI Service']);
    expect(JSON.parse(run.outputs.folders!)).toEqual(['custom-connectors/Azure OpenAI Service']);
    expect(JSON.parse(run.outputs.connectors!)).toEqual([
      {
        name: 'ppchal_azureopenaiservice',
        displayName: 'AzureOpenAIService',
        folder: 'custom-connectors/Azure OpenAI Service',
        foundUnder: { instead: 'custom-connectors/AzureOpenAIService', matched: 'title' },
      },
    ]);
    expect(readFileSync(path.join(folder, 'readme.md'), 'utf8')).toBe('# Written by hand\n');
    expect(run.summary).toContain(
      'custom-connectors/Azure OpenAI Service: its own folder, found under another name (its API definition&#39;s title is &quot;AzureOpenAIService&quot;), so no new custom-connectors/AzureOpenAIService.',
    );
  });

  it('reads names in the code page zip-name-encoding gives, and says to give it', async () => {
    const dir = workspace();
    // The export as Japanese Windows zips it again, with a name code page 437 would split.
    await writeRawZip(path.join(dir, 'sjis.zip'), withShiftJisWebResource(readFileSync(AOAI)));
    const refused = await extract(dir, { source: 'sjis.zip', destination: 'custom-connectors' });
    expectFailedWith(
      refused,
      errorContaining('made the zip: zip-name-encoding: shift_jis (Japanese, cp932)'),
    );
    const run = await extract(dir, {
      source: 'sjis.zip',
      destination: 'custom-connectors',
      'zip-name-encoding': 'shift_jis',
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.folders!)).toEqual(['custom-connectors/AzureOpenAIService']);
    const unknown = await extract(dir, {
      source: 'sjis.zip',
      destination: 'other',
      'zip-name-encoding': 'klingon',
    });
    expectFailedWith(unknown, errorContaining("'klingon' is not an encoding for zip entry names"));
    expect(existsSync(path.join(dir, 'other'))).toBe(false);
  });

  it('warns, removes nothing and still writes the connectors when previous-source cannot be read', async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'custom-connectors/Hand Made'), { recursive: true });
    mkdirSync(path.join(dir, 'notes'));
    writeFileSync(path.join(dir, 'notes/todo.md'), '# Not a solution\n');
    const run = await extract(dir, {
      source: AOAI,
      destination: 'custom-connectors',
      'previous-source': 'notes',
    });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(
          /^Input 'previous-source' \(notes\) could not be read: is neither a solution zip nor an unpacked solution folder .* No connector folder was removed\.$/,
        ),
      }),
    ]);
    expect(JSON.parse(run.outputs.folders!)).toEqual(['custom-connectors/AzureOpenAIService']);
    expect(JSON.parse(run.outputs.removed!)).toEqual([]);
    expect(existsSync(path.join(dir, 'custom-connectors/Hand Made'))).toBe(true);
  });

  it("names the files it updated, and warns when the solution's version replaced the maker's edit", async () => {
    const dir = workspace();
    await unpackSolution(AOAI, path.join(dir, 'previous'));
    const first = await extract(dir, { source: 'previous', destination: 'custom-connectors' });
    expect(JSON.parse(first.outputs.created!)).toHaveLength(5);
    expect(JSON.parse(first.outputs.updated!)).toEqual([]);
    const script = path.join(dir, 'custom-connectors/AzureOpenAIService/script.csx');
    writeFileSync(script, `// Edited by the maker\n${readFileSync(script, 'utf8')}`);
    // Committed, as in the snapshot workflow's checkout: git has the edit.
    commitAll(dir);

    const run = await extract(dir, {
      source: AOAI,
      destination: 'custom-connectors',
      'previous-source': 'previous',
    });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.updated!)).toEqual(['custom-connectors/AzureOpenAIService/script.csx']);
    expect(JSON.parse(run.outputs.created!)).toEqual([]);
    expect(JSON.parse(run.outputs.written!)).toEqual(['custom-connectors/AzureOpenAIService/script.csx']);
    expect(run.stdout).toContain(
      'AzureOpenAIService (ppchal_azureopenaiservice) → custom-connectors/AzureOpenAIService: updated script.csx; 3 unchanged; readme.md kept: still the template, TODOs to fill in.',
    );
    const warning =
      "custom-connectors/AzureOpenAIService: script.csx was edited in this folder since the last extraction (it is not what previous-source gives): the solution's version replaced the edit.";
    expect(run.annotations).toEqual([
      { level: 'warning', message: expect.stringContaining(warning) as unknown as string },
    ]);
    expect(run.summary).toContain('updated script.csx; 3 unchanged');
    expect(run.summary).toContain(warning.replace(/'/g, '&#39;'));
  });

  // The walkthrough's loss, in a workflow that edits the folder before extracting (or a self-hosted
  // runner's leftover): the step replaced the edit, and its warning said git diff showed it.
  it('leaves an edit that is not committed as it is, and fails with what to do', async () => {
    const dir = workspace();
    await unpackSolution(AOAI, path.join(dir, 'previous'));
    expect((await extract(dir, { source: 'previous', destination: 'custom-connectors' })).exitCode).toBe(0);
    commitAll(dir);
    const script = path.join(dir, 'custom-connectors/AzureOpenAIService/script.csx');
    const edited = `// Edited by the maker\n${readFileSync(script, 'utf8')}`;
    writeFileSync(script, edited);

    const run = await extract(dir, {
      source: AOAI,
      destination: 'custom-connectors',
      'previous-source': 'previous',
    });
    const message =
      "custom-connectors/AzureOpenAIService: script.csx was edited in this folder since the last extraction (it is not what previous-source gives), and the change is not committed: it was left as it is, not replaced by the solution's version.";
    expectFailedWith(run, errorContaining(message));
    expect(readFileSync(script, 'utf8')).toBe(edited);
    expect(JSON.parse(run.outputs.updated!)).toEqual([]);
    expect(JSON.parse(run.outputs.folders!)).toEqual(['custom-connectors/AzureOpenAIService']);
    expect(run.stdout).toContain(
      'AzureOpenAIService (ppchal_azureopenaiservice) → custom-connectors/AzureOpenAIService: 3 unchanged; script.csx not replaced: edit not committed; readme.md kept: still the template, TODOs to fill in.',
    );
    expect(run.summary).toContain(message.replace(/'/g, '&#39;'));
  });

  // Removing the folder of a connector that left deleted it whole, an uncommitted readme with it.
  it('removes the folder of a connector that left since previous-source, and says so in the log and the summary', async () => {
    const dir = workspace();
    const hil = path.join(SOLUTION_FIXTURES, 'customHIL/customHIL_1_0_0_3.zip');
    expect((await extract(dir, { source: hil, destination: 'custom-connectors' })).exitCode).toBe(0);
    commitAll(dir);
    const run = await extract(dir, {
      source: AOAI,
      destination: 'custom-connectors',
      'previous-source': hil,
    });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.removed!)).toEqual(['custom-connectors/Human-in-the-Loop']);
    expect(run.stdout).toContain(
      `custom-connectors/Human-in-the-Loop removed: its connector is no longer in ${AOAI}.`,
    );
    expect(run.summary).toContain(
      'custom-connectors/Human-in-the-Loop removed: its connector is no longer in the solution.',
    );
  });

  it('keeps the folder of a connector that left when it holds an uncommitted edit, and fails with what to do', async () => {
    const dir = workspace();
    await unpackSolution(AOAI, path.join(dir, 'previous'));
    expect((await extract(dir, { source: 'previous', destination: 'custom-connectors' })).exitCode).toBe(0);
    commitAll(dir);
    const readme = path.join(dir, 'custom-connectors/AzureOpenAIService/readme.md');
    writeFileSync(readme, '# Azure OpenAI\n\nWritten by the maker: which deployment to use.\n');

    // The solution since has another connector, and not this one.
    const run = await extract(dir, {
      source: path.join(SOLUTION_FIXTURES, 'customHIL/customHIL_1_0_0_3.zip'),
      destination: 'custom-connectors',
      'previous-source': 'previous',
    });
    const message =
      `custom-connectors/AzureOpenAIService: not removed: connector 'ppchal_azureopenaiservice' ("AzureOpenAIService") left the solution, ` +
      `but removing this folder would lose what neither previous-source nor git has: readme.md: the change is not committed. Nothing in it was deleted.`;
    expectFailedWith(run, errorContaining(message));
    expect(JSON.parse(run.outputs.removed!)).toEqual([]);
    expect(JSON.parse(run.outputs.folders!)).toEqual(['custom-connectors/Human-in-the-Loop']);
    expect(readFileSync(readme, 'utf8')).toContain('Written by the maker');
    expect(run.summary).toContain(message.replace(/'/g, '&#39;').replace(/"/g, '&quot;'));
  });

  it("keeps the maker's readme of a connector renamed since previous-source, and says so", async () => {
    const dir = workspace();
    await unpackSolution(AOAI, path.join(dir, 'previous'));
    const first = await extract(dir, { source: 'previous', destination: 'custom-connectors' });
    expect(first.exitCode).toBe(0);
    const readme = '# Azure OpenAI\n\nWritten by the maker: which deployment to use.\n';
    writeFileSync(path.join(dir, 'custom-connectors/AzureOpenAIService/readme.md'), readme);
    writeFileSync(path.join(dir, 'custom-connectors/AzureOpenAIService/.DS_Store'), 'Finder');
    writeFileSync(path.join(dir, 'custom-connectors/AzureOpenAIService/readme.md~'), 'backup');
    // Renamed in the maker portal: the same connector, another display name and API title.
    await unpackSolution(AOAI, path.join(dir, 'solution'));
    const connectors = path.join(dir, 'solution/Connectors');
    for (const [file, from, to] of [
      ['ppchal_azureopenaiservice.xml', /<displayname>AzureOpenAIService</, '<displayname>Azure OpenAI<'],
      [
        'ppchal_azureopenaiservice_openapidefinition.json',
        /"title": *"Azure OpenAI Service"/,
        '"title": "Azure OpenAI"',
      ],
    ] as const) {
      const text = readFileSync(path.join(connectors, file), 'utf8');
      expect(text).toMatch(from);
      writeFileSync(path.join(connectors, file), text.replace(from, to));
    }

    const run = await extract(dir, {
      source: 'solution',
      destination: 'custom-connectors',
      'previous-source': 'previous',
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    // The move said once, as the CLI says it, with the maker's file and not the leftovers.
    const moved =
      'moved from custom-connectors/AzureOpenAIService (the connector was renamed), carrying readme.md; ' +
      '2 leftovers of editors and file managers not carried (.DS_Store, readme.md~)';
    expect(run.stdout).not.toContain('custom-connectors/AzureOpenAIService removed');
    expect(run.stdout).toContain(
      `Azure OpenAI (ppchal_azureopenaiservice) → custom-connectors/Azure OpenAI: created apiDefinition.swagger.json, apiProperties.json, icon.png, readme.md, script.csx; ${moved}.`,
    );
    expect(run.summary).toContain(`custom-connectors/Azure OpenAI: ${moved}.`);
    expect(run.summary).not.toContain('AzureOpenAIService removed');
    expect(JSON.parse(run.outputs.connectors!)).toEqual([
      {
        name: 'ppchal_azureopenaiservice',
        displayName: 'Azure OpenAI',
        folder: 'custom-connectors/Azure OpenAI',
        renamedFrom: {
          folder: 'custom-connectors/AzureOpenAIService',
          kept: ['readme.md'],
          leftBehind: ['.DS_Store', 'readme.md~'],
        },
      },
    ]);
    expect(JSON.parse(run.outputs.written!)).not.toContain('custom-connectors/Azure OpenAI/.DS_Store');
    expect(readFileSync(path.join(dir, 'custom-connectors/Azure OpenAI/readme.md'), 'utf8')).toBe(readme);
    expect(JSON.parse(run.outputs.removed!)).toEqual(['custom-connectors/AzureOpenAIService']);
    expect(existsSync(path.join(dir, 'custom-connectors/AzureOpenAIService'))).toBe(false);
  });

  // Run 1 moved the renamed connector from custom-connectors/AzureOpenAIService and removed it; run 2,
  // from the same snapshots, took another connector's folder named like its old name for the one it
  // was in, carried its files into the new folder and removed it.
  it("leaves another connector's folder named like a renamed connector's old name alone, run after run, and says so", async () => {
    const dir = workspace();
    await unpackSolution(AOAI, path.join(dir, 'previous'));
    expect((await extract(dir, { source: 'previous', destination: 'custom-connectors' })).exitCode).toBe(0);
    await unpackSolution(AOAI, path.join(dir, 'solution'));
    const connectors = path.join(dir, 'solution/Connectors');
    const xml = path.join(connectors, 'ppchal_azureopenaiservice.xml');
    writeFileSync(
      xml,
      readFileSync(xml, 'utf8').replace(/<displayname>AzureOpenAIService</, '<displayname>Azure OpenAI<'),
    );
    const inputs = { source: 'solution', destination: 'custom-connectors', 'previous-source': 'previous' };
    const first = await extract(dir, inputs);
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.outputs.removed!)).toEqual(['custom-connectors/AzureOpenAIService']);
    // Another connector's folder, named as the old display name reads.
    const other = path.join(dir, 'custom-connectors/Azure OpenAI Service');
    mkdirSync(other);
    const swagger = { swagger: '2.0', info: { title: 'Azure OpenAI Service', version: '1.0' }, paths: {} };
    writeFileSync(path.join(other, 'apiDefinition.swagger.json'), JSON.stringify(swagger));
    writeFileSync(path.join(other, 'apiProperties.json'), '{"properties": {}}');
    writeFileSync(path.join(other, 'notes.md'), "Another connector's notes.\n");

    const run = await extract(dir, inputs);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.removed!)).toEqual([]);
    expect(readdirSync(path.join(dir, 'custom-connectors')).sort()).toEqual([
      'Azure OpenAI',
      'Azure OpenAI Service',
    ]);
    expect(existsSync(path.join(dir, 'custom-connectors/Azure OpenAI/notes.md'))).toBe(false);
    const warning =
      `custom-connectors/Azure OpenAI Service: left alone: connector 'ppchal_azureopenaiservice' ("Azure OpenAI") was "AzureOpenAIService" in previous-source, ` +
      `and this folder could be the one it was in (its name reads as "AzureOpenAIService"), but it holds the connector neither as previous-source gives it ` +
      `nor as the solution does (its apiDefinition.swagger.json differs): it may be another connector's.`;
    expect(run.annotations).toEqual([
      { level: 'warning', message: expect.stringContaining(warning) as unknown as string },
    ]);
    expect(run.summary).toContain(warning.replace(/'/g, '&#39;').replace(/"/g, '&quot;'));
  });

  it('fails with a clear annotation when the source does not exist', async () => {
    const dir = workspace();
    const run = await extract(dir, { source: 'missing.zip', destination: 'out' });
    // No file of the repository to show it on: the text names the path.
    expectFailedWith(run, {
      level: 'error',
      message: 'missing.zip: does not exist. Give a solution zip, or the folder that unpack wrote.',
    });
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('puts the error of a source below a file on the file in the way', async () => {
    // It said "file.txt/x.zip: does not exist.", at a path that cannot exist, with no file to show it on.
    const dir = workspace();
    writeFileSync(path.join(dir, 'file.txt'), 'not a folder\n');
    const run = await extract(dir, { source: 'file.txt/x.zip', destination: 'out' });
    expectFailedWith(run, {
      level: 'error',
      file: 'file.txt',
      message:
        'is a file, not a folder, so x.zip cannot be read inside it. Give a solution zip, or the folder that unpack wrote.',
    });
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('names the connector folder in the text of a warning, not as the file of the annotation', async () => {
    const dir = workspace();
    await unpackSolution(AOAI, path.join(dir, 'solution'));
    writeFileSync(path.join(dir, 'solution/Connectors/ppchal_azureopenaiservice_iconblob.Png'), 'GIF89a');
    const run = await extract(dir, { source: 'solution', destination: 'custom-connectors' });
    expect(run.exitCode).toBe(0);
    // A folder is no file GitHub can show an annotation on.
    expect(run.annotations).toEqual([
      {
        level: 'warning',
        message:
          "custom-connectors/AzureOpenAIService: The icon of 'ppchal_azureopenaiservice' is not a PNG (.Png); icon.png was not written.",
      },
    ]);
  });

  it('shows names from the solution as text in the job summary, never as HTML', async () => {
    const dir = workspace();
    await unpackSolution(AOAI, path.join(dir, 'solution'));
    const xml = path.join(dir, 'solution/Connectors/ppchal_azureopenaiservice.xml');
    // What a maker can type as a connector's name in make.powerapps.com, as the export writes it.
    const name = 'Tasks <img src=x onerror=alert(1)></td></tr></table>\n\n# Approved';
    const escaped = name
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\n/g, '&#10;');
    writeFileSync(xml, readFileSync(xml, 'utf8').replace(/<displayname>[^<]*</, `<displayname>${escaped}<`));
    const run = await extract(dir, { source: 'solution', destination: 'custom-connectors' });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.connectors!)[0].displayName).toBe(name);
    expect(run.summary).not.toContain('<img');
    // A blank line would end the HTML table and let the rest be read as markdown.
    expect(run.summary).not.toContain('\n\n');
    expect(run.summary).toContain(
      'Tasks &lt;img src=x onerror=alert(1)&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt; # Approved (ppchal_azureopenaiservice)',
    );
  });
});

it('refuses a destination outside the workspace and runner.temp, before reading the source', async () => {
  const dir = workspace();
  const outside = workspace();
  const run = await extract(dir, { source: AOAI, destination: path.join(outside, 'custom-connectors') });
  expectFailedWith(run, {
    level: 'error',
    message: expect.stringContaining(
      `Input 'destination' must name a place inside the workspace or the runner's temp folder; got '${path.join(outside, 'custom-connectors')}', which is '${path.join(outside, 'custom-connectors')}'. Nothing was written.`,
    ),
  });
  expect(readdirSync(outside)).toEqual([]);
});
