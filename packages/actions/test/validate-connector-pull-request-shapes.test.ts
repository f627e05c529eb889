import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validApiProperties, validReadme, validSwagger } from '@connector-alm/validator/testing';
import {
  commitOnDev,
  git,
  runOnPullRequest,
  workspaceWithConnector,
  writeNotesConnector,
} from './helpers/pull-request-repo.js';

// Shapes of pull request that PowerPlatformConnectors' history holds and that hand-made repositories
// of the other action tests did not.
describe('validate-connector on pull requests of unusual shapes', () => {
  it('checks only the connector that a pull request moves out of the top level, not the whole repository', async () => {
    // Upstream #2178: an earlier pull request had committed a connector's files at the top level of
    // the repository; this one moves them into certified-connectors/ and rewrites README.md. The top
    // level was a connector folder at the base and is none now: it must not be validated as a path,
    // which would check every connector of the repository.
    const workspace = workspaceWithConnector();
    const swagger = validSwagger();
    swagger.info.title = 'Contoso Notes';
    writeFileSync(path.join(workspace, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
    writeFileSync(path.join(workspace, 'apiProperties.json'), JSON.stringify(validApiProperties(), null, 2));
    writeFileSync(path.join(workspace, 'README.md'), validReadme());
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    const notes = path.join(workspace, 'certified-connectors', 'Contoso Notes');
    mkdirSync(notes);
    for (const file of ['apiDefinition.swagger.json', 'apiProperties.json'])
      renameSync(path.join(workspace, file), path.join(notes, file));
    writeFileSync(path.join(notes, 'readme.md'), validReadme());
    writeFileSync(path.join(workspace, 'README.md'), '# Connectors\n');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'move Notes into certified-connectors');

    const run = await runOnPullRequest(workspace, baseSha);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['certified-connectors/Contoso Notes']);
    expect(run.stdout).not.toContain('Contoso Tasks');
    expect(run.outputs['breaking-changes']).toBe('0');
    expect(run.exitCode).toBe(0);
  });

  it('does not say that no connector changed when a pull request only adds a file the comparison does not read', async () => {
    // Upstream #3111 adds an intro.md and nothing else: the connector is checked, as its folder
    // changed, but its swagger, properties, readme, script and icon are as at the base.
    const workspace = workspaceWithConnector();
    const baseSha = commitOnDev(workspace);
    writeFileSync(
      path.join(workspace, 'certified-connectors', 'Contoso Tasks', 'intro.md'),
      '# Contoso Tasks\n',
    );
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'intro');

    const run = await runOnPullRequest(workspace, baseSha);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks']);
    const changes = run.summary.slice(run.summary.indexOf('### Changes against the base branch'));
    expect(changes).not.toContain('No connector changed');
    expect(changes).toMatch(
      /^### Changes against the base branch\n\nNo checked connector's swagger, apiProperties\.json, readme, script or icon differs from the base\.\n/,
    );
  });

  it('names the connectors a pull request re-saved with other line endings after the one it changed', async () => {
    // Upstream #1894 re-saved 19 connectors with CRLF line endings and changed one: the summary listed
    // that one and said nothing of the 19 others it checked.
    const workspace = workspaceWithConnector();
    const notes = writeNotesConnector(workspace);
    const baseSha = commitOnDev(workspace);
    const notesFile = path.join(notes, 'apiDefinition.swagger.json');
    writeFileSync(notesFile, readFileSync(notesFile, 'utf8').replace(/\n/g, '\r\n'));
    const tasksFile = path.join(
      workspace,
      'certified-connectors',
      'Contoso Tasks',
      'apiDefinition.swagger.json',
    );
    const tasks = JSON.parse(readFileSync(tasksFile, 'utf8'));
    tasks.paths['/tasks'].get.description = 'Lists every task of the account, newest first.';
    writeFileSync(tasksFile, JSON.stringify(tasks, null, 2));
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'edit Tasks, re-save Notes');

    const run = await runOnPullRequest(workspace, baseSha);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.outputs.connectors!)).toEqual([
      'certified-connectors/Contoso Notes',
      'certified-connectors/Contoso Tasks',
    ]);
    const changes = run.summary.slice(
      run.summary.indexOf('### Changes against the base branch'),
      run.summary.indexOf('### Findings by rule'),
    );
    expect(changes).toMatch(/^\*\*certified-connectors\/Contoso Tasks\*\*: minor-update/m);
    expect(changes).not.toContain('**certified-connectors/Contoso Notes**');
    expect(changes).toContain(
      'No change in the swagger, apiProperties.json, readme, script or icon of 1 other connector (formatting and line endings aside): certified-connectors/Contoso Notes.',
    );
  });

  it('lists an edit of the readme not read, beside the one read, among the changes', async () => {
    // README.md beside readme.md: the loader reads readme.md, the canonical name, and REPO-FILENAMES
    // reports README.md. A pull request that edited only README.md was summed up as "No checked
    // connector's … readme … differs".
    const workspace = workspaceWithConnector();
    const connector = path.join(workspace, 'certified-connectors', 'Contoso Tasks');
    writeFileSync(path.join(connector, 'README.md'), validReadme());
    const baseSha = commitOnDev(workspace);
    writeFileSync(path.join(connector, 'README.md'), `${validReadme()}\nEdited.\n`);
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'edit README.md');

    const run = await runOnPullRequest(workspace, baseSha);
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks']);
    const changes = run.summary.slice(run.summary.indexOf('### Changes against the base branch'));
    expect(changes).not.toContain('No checked connector');
    expect(changes).toMatch(
      /^\*\*certified-connectors\/Contoso Tasks\*\*: minor-update \(0 breaking, 1 non-breaking\)$/m,
    );
    expect(changes).toContain(
      'The readme has been edited. README.md is not the readme read and validated: readme.md is.',
    );
  });

  it('says in the job summary that a pull request changing no connector folder had nothing to validate', async () => {
    // Upstream #3685 and #3686 edit only scripts/ and README.md. The step passes; its summary is
    // what a reviewer opens to see why the check found nothing, and it was empty.
    const workspace = workspaceWithConnector();
    const baseSha = commitOnDev(workspace);
    mkdirSync(path.join(workspace, 'scripts'));
    writeFileSync(path.join(workspace, 'scripts', 'check.ps1'), 'Write-Output "ok"\n');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'scripts');

    const run = await runOnPullRequest(workspace, baseSha);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.connectors).toBe('[]');
    expect(run.outputs['sarif-file']).toBe('connector-alm.sarif');
    expect(run.summary).toBe(
      '## Connector validation\n\n✅ The pull request changes no connector folder: nothing to validate.\n',
    );
    // The log that closes the alerts the change fixed, uploaded with such pull requests: no result,
    // so no rule description either (the whole catalog made it some 480 KB).
    const sarif = readFileSync(path.join(workspace, 'connector-alm.sarif'), 'utf8');
    expect(JSON.parse(sarif).runs[0]).toMatchObject({ tool: { driver: { rules: [] } }, results: [] });
    expect(Buffer.byteLength(sarif)).toBeLessThan(1000);
  });

  it("picks the connectors by the pull request's commits, not by files an earlier step of the job left changed", async () => {
    // The commits change Tasks; an earlier step rewrote Notes' swagger in the checkout (a formatter, a
    // generator) without committing it: Notes is not the pull request's.
    const workspace = workspaceWithConnector();
    const notes = writeNotesConnector(workspace);
    const baseSha = commitOnDev(workspace);
    const tasks = path.join(workspace, 'certified-connectors', 'Contoso Tasks');
    writeFileSync(path.join(tasks, 'readme.md'), `${validReadme()}\nEdited.\n`);
    git(workspace, 'commit', '-qam', 'edit Tasks');
    writeFileSync(path.join(notes, 'readme.md'), `${validReadme()}\nLeft by an earlier step.\n`);

    const run = await runOnPullRequest(workspace, baseSha);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks']);
  });
});
