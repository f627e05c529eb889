import { beforeEach, describe, expect, it } from '@jest/globals';
import { inputWords, optionWords, UsageError, UserError } from '@connector-alm/core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gitBlobSha, type OpenPullRequestOptions } from '../src/index.js';
import { AUTHORS_TEXT_LINE } from '../src/pull-request-text.js';
import {
  blobShas,
  CHANGED_DESCRIPTION,
  CONNECTOR,
  connectorFiles,
  connectorFilesWithSwagger,
  deprecateWithoutNewVersion,
  contributorFork,
  copyConnector,
  filesOnBranch,
  iconBytes,
  mergeUpstream,
  moveUpstreamBase,
  PROPOSED_DESCRIPTION,
  proposeChange,
  unmarkHeadCommit,
  writeConnector,
} from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { submitConnector } from './helpers/submit-connector.js';

const scenario = scenarioForEachTest();

const run = (overrides: Partial<OpenPullRequestOptions> = {}) => submitConnector(scenario, overrides);

/** The contributor's fork, once a run has made it. */
const forkOf = () => contributorFork(scenario)!;

describe('a title given for an independent-publisher connector', () => {
  const IP_CONNECTOR = 'independent-publisher-connectors/Contoso Tasks';
  // The certified example copied under independent-publisher-connectors/ breaks that profile's
  // rules (brand colour, icon); fail-on never lets these tests be about the title alone.
  beforeEach(() => {
    copyConnector(scenario.workspace, IP_CONNECTOR);
  });

  it('is sent as given, with a warning in REPO-PR-TITLE-IP\'s words when it lacks "(Independent Publisher)"', async () => {
    const { promise, logger } = run({ failOn: 'never', connector: IP_CONNECTOR, title: 'Add Contoso Tasks' });
    const result = await promise;
    const warning =
      'Title the pull request "Contoso Tasks (Independent Publisher)" (or "Proposal - Contoso Tasks (Independent Publisher)" for a proposal); it is "Add Contoso Tasks". The pull request keeps the title given; reviewers of microsoft/PowerPlatformConnectors ask for that form.';
    expect(result).toMatchObject({ operation: 'created', warnings: [warning] });
    expect(logger.lines).toContain(`warning: ${warning}`);
    expect(scenario.upstream.pulls[0]!.title).toBe('Add Contoso Tasks');
  });

  it('warns when it names another connector', async () => {
    const result = await run({
      failOn: 'never',
      connector: IP_CONNECTOR,
      title: 'Contoso Notes (Independent Publisher)',
    }).promise;
    expect(result.warnings).toEqual([
      'The pull request title names "Contoso Notes", but the connector is "Contoso Tasks"; title it "Contoso Tasks (Independent Publisher)". The pull request keeps the title given; reviewers of microsoft/PowerPlatformConnectors ask for that form.',
    ]);
  });

  it('quotes a long title cut, not whole', async () => {
    const title = `Add Contoso Tasks ${'x'.repeat(50_000)}`;
    const result = await run({ failOn: 'never', connector: IP_CONNECTOR, title }).promise;
    expect(result.warnings).toHaveLength(1);
    const [warning] = result.warnings;
    expect(warning!.length).toBeLessThan(1_500);
    expect(warning).toMatch(/; it is "Add Contoso Tasks x+…"\. The pull request keeps the title given;/);
    expect(scenario.upstream.pulls[0]!.title).toBe(title);
  });

  it("is sent without a warning to an upstream other than PowerPlatformConnectors, whose reviewers' form it is", async () => {
    scenario.github.addAccount('contoso', { type: 'Organization' });
    await scenario.github.addRepository('contoso', 'Connectors', {
      defaultBranch: 'dev',
      files: { 'README.md': '# Contoso connectors\n' },
    });
    const result = await run({
      failOn: 'never',
      connector: IP_CONNECTOR,
      upstream: 'contoso/Connectors',
      title: 'Add Contoso Tasks',
    }).promise;
    expect(result).toMatchObject({ operation: 'created', warnings: [] });
  });

  it('is quiet about the form with a note after it, the title connector-alm makes, and certified connectors', async () => {
    const noted = await run({
      failOn: 'never',
      connector: IP_CONNECTOR,
      title: 'Contoso Tasks (Independent Publisher) - Bugfix',
    }).promise;
    expect(noted).toMatchObject({ operation: 'created', warnings: [] });
    const certified = await run({ title: 'Add Contoso Tasks' }).promise;
    expect(certified).toMatchObject({ operation: 'created', warnings: [] });
  });
});

describe('openPullRequest against the local GitHub', () => {
  it('forks, commits the connector byte-exact on a branch of the fork and opens the pull request', async () => {
    const result = await run().promise;
    expect(result).toMatchObject({
      operation: 'created',
      number: 1,
      branch: 'connector-alm/certified-connectors/contoso-tasks',
    });
    const fork = forkOf();
    expect(fork.parent).toBe(scenario.upstream);
    const files = await filesOnBranch(fork, result.branch, CONNECTOR);
    // A certified connector's icon goes with the certification package, not into the repository.
    const { 'icon.png': icon, ...sent } = connectorFiles();
    expect(icon).toBeDefined();
    expect(files).toEqual(blobShas(sent));
    const pull = scenario.upstream.pulls[0]!;
    expect(pull.title).toBe('Contoso Tasks');
    expect(pull.body).toContain('- [ ] I validated the swagger file');
    expect(pull.body).toContain('Profile `certified`: 0 errors');
    expect(result.headSha).toBe(await fork.git.readRef(`refs/heads/${result.branch}`));
  });

  it('sends the binary icon of a connector that is not certified byte for byte', async () => {
    const custom = 'custom-connectors/Contoso Tasks';
    copyConnector(scenario.workspace, custom);
    const result = await run({ connector: custom, failOn: 'never' }).promise;
    expect(result.operation).toBe('created');
    const fork = forkOf();
    const files = await filesOnBranch(fork, result.branch, custom);
    expect(files['icon.png']).toBe(gitBlobSha(iconBytes()));
    expect(await fork.git.readBlob(files['icon.png']!)).toEqual(iconBytes());
  });

  it('updates the same pull request when the connector changes, and does nothing when it does not', async () => {
    await run().promise;
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const second = await run().promise;
    expect(second).toMatchObject({ operation: 'updated', number: 1 });
    const third = await run().promise;
    expect(third).toMatchObject({ operation: 'none', number: 1, headSha: second.headSha });
    expect(scenario.upstream.pulls).toHaveLength(1);
  });

  // A rerun said "4 files to add or update, 0 to delete" just before "The branch already holds this
  // version": the count is of what the pull request proposes against the upstream, and says so.
  it('says on a rerun what the pull request proposes against the upstream, not files still to push', async () => {
    await run().promise;
    const { promise, logger } = run();
    expect(await promise).toMatchObject({ operation: 'none', reason: 'pull request #1 is up to date' });
    const lines = logger.lines.filter((line) => /files? to add|already holds|proposes/.test(line));
    expect(lines).toEqual([
      'The pull request proposes 3 files to add or update and 0 to delete in certified-connectors/Contoso Tasks, against microsoft/PowerPlatformConnectors@dev: apiDefinition.swagger.json (added), apiProperties.json (added) and readme.md (added).',
      expect.stringMatching(
        /^The branch already holds this version of the connector \([0-9a-f]{40}\): nothing to push\.$/,
      ),
    ]);
  });

  it('keeps the boxes the author ticked, and a new source commit alone is no update', async () => {
    await run({ source: 'contoso/connectors@1111111' }).promise;
    const pull = scenario.upstream.pulls[0]!;
    // The author ticks two boxes on GitHub, which keeps a body edited on the web with CRLF.
    pull.body = pull
      .body!.replace('- [ ] I attest that the connector works', '- [x] I attest that the connector works')
      .replace('- [ ] I validated the swagger file', '- [X] I validated the swagger file')
      .replace(/\n/g, '\r\n');
    const ticked = pull.body;

    const rerun = await run({ source: 'contoso/connectors@2222222' }).promise;
    expect(rerun.operation).toBe('none');
    expect(scenario.upstream.pulls[0]!.body).toBe(ticked);

    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const changed = await run({ source: 'contoso/connectors@3333333' }).promise;
    expect(changed.operation).toBe('updated');
    const body = scenario.upstream.pulls[0]!.body!;
    // The Source line names the new commit (an @ in user text gets a zero-width space: no mention).
    expect(body).toMatch(/^Source: contoso\/connectors@\u200b?3333333$/m);
    expect(body).toContain('- [x] I attest that the connector works');
    expect(body).toContain('- [X] I validated the swagger file');
    expect(body).toContain('- [ ] I attest that I have added detailed descriptions');
  });

  it('keeps the text the author added after its last line, on a rerun with nothing new and on an update', async () => {
    // A rerun wrote the body anew: the screenshots the upstream asks of independent publishers went,
    // and a rerun with no change said "updated".
    await run().promise;
    const edit = await fetch(`${scenario.github.url}/repos/microsoft/PowerPlatformConnectors/pulls/1`, {
      method: 'PATCH',
      headers: { authorization: `token ${scenario.contributor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        body: `${scenario.upstream.pulls[0]!.body}\n## Screenshots\n\n![flow run](https://example.com/flow.png)\n`,
      }),
    });
    expect(edit.status).toBe(200);
    const edited = scenario.upstream.pulls[0]!.body!;
    expect(edited).toContain(`${AUTHORS_TEXT_LINE}\n\n## Screenshots`);

    expect((await run().promise).operation).toBe('none');
    expect(scenario.upstream.pulls[0]!.body).toBe(edited);

    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    expect((await run().promise).operation).toBe('updated');
    const body = scenario.upstream.pulls[0]!.body!;
    expect(
      body.endsWith(`${AUTHORS_TEXT_LINE}\n\n## Screenshots\n\n![flow run](https://example.com/flow.png)\n`),
    ).toBe(true);
  });

  it('keeps a title the author edited on GitHub, and says so, when a rerun updates the pull request', async () => {
    await run().promise;
    // The author edits the title on GitHub (the API call the web page makes).
    const edit = await fetch(`${scenario.github.url}/repos/microsoft/PowerPlatformConnectors/pulls/1`, {
      method: 'PATCH',
      headers: { authorization: `token ${scenario.contributor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Contoso Tasks: add the archive action' }),
    });
    expect(edit.status).toBe(200);

    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const { promise, logger } = run();
    expect(await promise).toMatchObject({ operation: 'updated', number: 1 });
    const pull = scenario.upstream.pulls[0]!;
    expect(pull.title).toBe('Contoso Tasks: add the archive action');
    expect(logger.lines).toContain(
      'Pull request #1 keeps the title "Contoso Tasks: add the archive action" given on GitHub; connector-alm would title it "Contoso Tasks".',
    );
  });

  it('renames the pull request with the connector while its title is the one connector-alm gave', async () => {
    await run().promise;
    writeConnector(
      scenario.workspace,
      connectorFilesWithSwagger((swagger) => {
        swagger.info.title = 'Contoso Task Manager';
      }),
    );
    expect(await run().promise).toMatchObject({ operation: 'updated', number: 1 });
    expect(scenario.upstream.pulls[0]!.title).toBe('Contoso Task Manager');
  });

  it('titles the pull request from the connector when the title given is blank, and trims one given', async () => {
    // An action's title input of a space, or a title read from a file with its line break.
    expect(await run({ title: '  ' }).promise).toMatchObject({ operation: 'created', number: 1 });
    expect(scenario.upstream.pulls[0]!.title).toBe('Contoso Tasks');
    await run({ title: ' Contoso Tasks: add the archive action\n' }).promise;
    expect(scenario.upstream.pulls[0]!.title).toBe('Contoso Tasks: add the archive action');
  });

  it('titles the pull request from a swagger saved with a byte-order mark, as Windows editors save it', async () => {
    const files = connectorFilesWithSwagger((swagger) => {
      // Not the folder's name, which is the title a swagger that does not parse gets.
      swagger.info.title = 'Contoso Task Manager';
    });
    writeConnector(scenario.workspace, {
      ...files,
      'apiDefinition.swagger.json': `\uFEFF${String(files['apiDefinition.swagger.json'])}`,
    });
    await run().promise;
    expect(scenario.upstream.pulls[0]!.title).toBe('Contoso Task Manager');
  });

  it('warns, naming the commit, when a rerun replaces a commit someone else pushed to the branch', async () => {
    const first = await run().promise;
    const fork = forkOf();
    // A maintainer fixes the readme on the pull request's branch ("Allow edits by maintainers").
    const fix = await scenario.github.commit(
      fork,
      first.branch,
      { [`${CONNECTOR}/readme.md`]: 'A fixed readme.\n' },
      'Fix a typo in the readme\n\nAs asked in the review.',
    );
    const { promise, logger } = run();
    const rerun = await promise;
    const warning = `The branch ${first.branch} held commit ${fix.slice(0, 7)} ("Fix a typo in the readme"), which does not end with "Made-by: connector-alm": somebody else pushed it, or a connector-alm older than that mark made it (then nothing is lost). This run replaced it with ${CONNECTOR} as your repository has it. If it was a fix, bring it into your repository, or the next run replaces it again; the pull request's timeline links to it.`;
    expect(rerun.warnings).toEqual([warning]);
    expect(logger.lines).toContain(`warning: ${warning}`);
    expect(await fork.git.readRef(`refs/heads/${first.branch}`)).toBe(rerun.headSha);
  });

  it('does not warn when the branch only moves onto a newer upstream base', async () => {
    await run().promise;
    await moveUpstreamBase(scenario);
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const rerun = await run().promise;
    expect(rerun).toMatchObject({ operation: 'updated', warnings: [] });
  });

  it("words the branch's commit as an addition for a new connector and as an update of one the upstream has", async () => {
    // The commit's subject is what the pull request's commit list and the fork's history show.
    const subject = async (sha: string) => (await forkOf().git.readCommit(sha)).message.split('\n')[0];
    const created = await run().promise;
    expect(await subject(created.headSha!)).toBe('Add Contoso Tasks');
    await proposeChange(scenario);
    const updated = await run().promise;
    expect(updated.operation).toBe('updated');
    expect(await subject(updated.headSha!)).toBe('Update Contoso Tasks');
  });

  // A folder that validation takes for a connector folder (in certified-connectors/, or holding
  // apiProperties.json) is the right path with a part missing: refused with its findings, exit code 1
  // as validate's, whatever fail-on, since sending it would propose deleting the upstream connector.
  it.each([
    ['an empty folder in certified-connectors/', CONNECTOR, {}],
    [
      'a folder outside the layout with apiProperties.json only',
      'src/Contoso',
      { 'apiProperties.json': '{}' },
    ],
  ])(
    'refuses %s with its findings instead of proposing to delete the upstream connector',
    async (_, connector, files: Record<string, string>) => {
      await mergeUpstream(scenario, connectorFiles());
      // As an uninitialised submodule or a sparse checkout leaves it: the folder is there, its files not.
      writeConnector(scenario.workspace, files, connector);
      const result = await run({ connector, failOn: 'never' }).promise;
      expect(result).toMatchObject({ connector, operation: 'refused', refusal: 'no-swagger' });
      expect(result.reason).toBe(
        "it has no apiDefinition.swagger.json, and sending the folder would propose deleting the upstream's connector: nothing was pushed, no pull request opened or updated",
      );
      expect(result.findings).toContainEqual(
        expect.objectContaining({
          ruleId: 'REPO-REQUIRED-FILES',
          severity: 'error',
          message: expect.stringContaining('apiDefinition.swagger.json'),
          connector,
        }),
      );
      expect(contributorFork(scenario)).toBeUndefined();
      expect(scenario.upstream.pulls).toHaveLength(0);
    },
  );

  it('refuses a folder outside the layout with no connector file as a path that is no connector folder', async () => {
    // A readme and an icon alone do not make a connector folder, for validate either (exit code 2).
    writeConnector(scenario.workspace, { 'readme.md': '# Contoso\n', 'icon.png': 'png' }, 'src/Contoso');
    const error = await run({ connector: 'src/Contoso' }).promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({
      message: 'is not one connector folder (found 0).',
      location: { file: 'src/Contoso' },
    });
    expect(contributorFork(scenario)).toBeUndefined();
  });

  it('refuses a folder whose swagger is misnamed as a connector with a part missing, naming the file to rename', async () => {
    const { 'apiDefinition.swagger.json': swagger, ...rest } = connectorFiles();
    writeConnector(scenario.workspace, {
      ...rest,
      'Contoso.swagger.json': swagger!,
      'swagger.json': swagger!,
    });
    const error = (await run({ failOn: 'never' }).promise.catch((e: unknown) => e)) as UserError;
    // Not a UsageError (exit code 2): the path given is right, a file in it is misnamed.
    expect(error).toBeInstanceOf(UserError);
    expect(error).not.toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      "has no apiDefinition.swagger.json, but has 'Contoso.swagger.json' and 'swagger.json'.",
    );
    expect(error.location).toEqual({ file: CONNECTOR });
    expect(error.hint).toBe("Rename the one that is the connector's to apiDefinition.swagger.json.");
    expect(contributorFork(scenario)).toBeUndefined();
    expect(scenario.upstream.pulls).toHaveLength(0);
  });

  it('refuses a folder of two connectors, located at the folder, before anything is sent', async () => {
    copyConnector(scenario.workspace, 'certified-connectors/Copy');
    await expect(run({ connector: 'certified-connectors' }).promise).rejects.toThrow(
      expect.objectContaining({
        message: 'is not one connector folder (found 2).',
        location: { file: 'certified-connectors' },
      }),
    );
    expect(scenario.upstream.pulls).toHaveLength(0);
  });

  it('refuses a folder that holds one connector folder, naming that folder, before anything is sent', async () => {
    const error = (await run({ connector: 'certified-connectors' }).promise.catch(
      (e: unknown) => e,
    )) as Error & {
      hint?: string;
      location?: { file: string };
    };
    // Not "holds no apiDefinition.swagger.json … would propose deleting the upstream's connector":
    // the folder the user gave holds the connector one level down.
    expect(error.message).toBe(`holds the connector folder '${CONNECTOR}', not a connector itself.`);
    expect(error.location).toEqual({ file: 'certified-connectors' });
    expect(error.hint).toBe(`Give '${CONNECTOR}' instead.`);
    expect(contributorFork(scenario)).toBeUndefined();
    expect(scenario.upstream.pulls).toHaveLength(0);
  });

  it('updates a connector nested in another folder of the upstream in place, as the refusal above advises', async () => {
    // As upstream keeps certified-connectors/Snowflake v2/ConnectorArtifacts, beside the code of its
    // service: not a new connector certified-connectors/ConnectorArtifacts.
    const nested = 'certified-connectors/Contoso Suite/ConnectorArtifacts';
    await mergeUpstream(scenario, connectorFiles(), nested);
    writeConnector(scenario.workspace, connectorFiles(PROPOSED_DESCRIPTION), nested);
    // REPO-TOP-FOLDER makes nesting an error, as the upstream wants of new connectors.
    const result = await run({ connector: nested, failOn: 'never' }).promise;
    expect(result).toMatchObject({
      operation: 'created',
      targetFolder: nested,
      branch: 'connector-alm/certified-connectors/contoso-suite/connectorartifacts',
    });
    const files = await filesOnBranch(forkOf(), result.branch, 'certified-connectors');
    expect(Object.keys(files).sort()).toEqual([
      'Contoso Suite/ConnectorArtifacts/apiDefinition.swagger.json',
      'Contoso Suite/ConnectorArtifacts/apiProperties.json',
      'Contoso Suite/ConnectorArtifacts/icon.png',
      'Contoso Suite/ConnectorArtifacts/readme.md',
      'Fabrikam/apiDefinition.swagger.json',
      'Fabrikam/apiProperties.json',
    ]);
    expect(files['Contoso Suite/ConnectorArtifacts/apiDefinition.swagger.json']).toBe(
      blobShas(connectorFiles(PROPOSED_DESCRIPTION))['apiDefinition.swagger.json'],
    );
    expect(scenario.upstream.pulls[0]!.body).toContain('- `apiDefinition.swagger.json` updated');
  });

  it.each([
    // A maker's repository named certified-connectors, checked out where Actions puts it: its own
    // folder is no top folder of upstream's, and connectors/ is no connector of upstream's.
    [
      'a repository whose own folder is named certified-connectors',
      'certified-connectors',
      'connectors/Contoso',
      // A certified connector's icon goes with the certification package.
      ['apiDefinition.swagger.json', 'apiProperties.json', 'readme.md'],
    ],
    // A repository grouping its connectors by team, in a folder named as a top folder.
    [
      'a repository that groups connectors, in a folder named custom-connectors',
      'custom-connectors',
      'team-a/Contoso',
      ['apiDefinition.swagger.json', 'apiProperties.json', 'icon.png', 'readme.md'],
    ],
  ])(
    "sends a connector of %s to its profile's top folder under its name",
    async (_, name, connector, sent) => {
      const checkout = path.join(scenario.workspace, name, name);
      mkdirSync(checkout, { recursive: true });
      execFileSync('git', ['init', '-q'], { cwd: checkout });
      writeConnector(checkout, connectorFiles(), connector);
      const result = await run({ cwd: checkout, connector, failOn: 'never' }).promise;
      expect(result).toMatchObject({
        operation: 'created',
        targetFolder: `${name}/Contoso`,
        branch: `connector-alm/${name}/contoso`,
      });
      const files = await filesOnBranch(forkOf(), result.branch, `${name}/Contoso`);
      expect(Object.keys(files).sort()).toEqual(sent);
    },
  );

  it('refuses a file of the connector folder, saying to give the folder, before anything is sent', async () => {
    const file = `${CONNECTOR}/apiDefinition.swagger.json`;
    const error = (await run({ connector: file }).promise.catch((e: unknown) => e)) as Error & {
      hint?: string;
      location?: { file: string };
    };
    // Not "holds the connector folder …, not a connector itself": a file holds no folder.
    expect(error.message).toBe(
      `is a file of the connector folder '${CONNECTOR}'; a pull request sends the whole folder.`,
    );
    expect(error.location).toEqual({ file });
    expect(error.hint).toBe(`Give '${CONNECTOR}' instead.`);
    expect(contributorFork(scenario)).toBeUndefined();
    expect(scenario.upstream.pulls).toHaveLength(0);
  });

  it("takes a swagger named in another case for the connector's, titling the pull request from it", async () => {
    // As a Windows editor may save it: the same file to every tool of the maker's, not a part missing.
    const { 'apiDefinition.swagger.json': swagger, ...others } = connectorFilesWithSwagger((definition) => {
      definition.info.title = 'Contoso Task Manager';
    });
    writeConnector(scenario.workspace, { ...others, 'ApiDefinition.Swagger.json': swagger! });
    const result = await run({ failOn: 'never' }).promise;
    expect(result.operation).toBe('created');
    expect(scenario.upstream.pulls[0]!.title).toBe('Contoso Task Manager');
  });

  it('names the connector in the body, not the title the maker gave the pull request', async () => {
    await run({ title: 'Contoso Tasks: the first version' }).promise;
    const pull = scenario.upstream.pulls[0]!;
    expect(pull.title).toBe('Contoso Tasks: the first version');
    expect(pull.body).toContain('Connector: **Contoso Tasks** in `certified-connectors/Contoso Tasks`');
  });

  it('lists the files new to the upstream as added and the others as updated or deleted', async () => {
    const files = connectorFiles();
    await scenario.github.commit(scenario.upstream, 'dev', {
      [`${CONNECTOR}/readme.md`]: 'An older readme.\n',
      [`${CONNECTOR}/apiProperties.json`]: files['apiProperties.json']!,
      [`${CONNECTOR}/script.csx`]: 'public class Script {}\n',
    });
    await run().promise;
    const changes = scenario.upstream.pulls[0]!.body!.split('### Changes\n\n')[1]!.split('\n\n')[0];
    expect(changes).toBe(
      ['- `apiDefinition.swagger.json` added', '- `readme.md` updated', '- `script.csx` deleted'].join('\n'),
    );
  });

  it('deletes on the branch a file the connector no longer has, not only in the body', async () => {
    // The body's "deleted" line must be what the pull request's diff does to the upstream.
    await mergeUpstream(scenario, { ...connectorFiles(), 'script.csx': 'public class Script {}\n' });
    const result = await run().promise;
    expect(result.operation).toBe('created');
    // The upstream's icon stays: a certified connector's icon is left out, not deleted.
    expect(await filesOnBranch(forkOf(), result.branch, CONNECTOR)).toEqual(blobShas(connectorFiles()));
  });

  it('refuses a linked file in the connector instead of leaving it out of the pull request', async () => {
    const icon = path.join(scenario.workspace, CONNECTOR, 'icon.png');
    const elsewhere = path.join(scenario.workspace, 'shared-icon.png');
    renameSync(icon, elsewhere);
    symlinkSync(elsewhere, icon);
    await expect(run().promise).rejects.toThrow(
      expect.objectContaining({
        message: 'is a symbolic link; a pull request carries real files only.',
        // As given, as the connector's other errors name it: not the absolute path of the checkout.
        location: { file: path.join(CONNECTOR, 'icon.png') },
      }),
    );
    expect(scenario.upstream.pulls).toHaveLength(0);
  });

  it('says a rate limit that outlasts the retries is one, not a missing permission', async () => {
    scenario.github.state.faults.secondaryRateLimit = { times: 100, retryAfterSeconds: 1 };
    const error = await run().promise.catch((e: unknown) => e);
    scenario.github.state.faults.secondaryRateLimit = { times: 0, retryAfterSeconds: 0 };
    expect(String(error)).toMatch(/rate limit stopped/);
    expect(String(error)).not.toMatch(/not allowed to do this/);
  });

  it.each([
    ['secondary', { secondaryRateLimit: { times: 1, retryAfterSeconds: 3600 } }],
    ['primary', { primaryRateLimit: { times: 1, resetInSeconds: 3600 } }],
  ] as const)(
    'does not sit out a %s rate limit that asks for an hour: it stops at once and says why',
    async (kind, fault) => {
      Object.assign(scenario.github.state.faults, fault);
      const { promise, logger } = run();
      const error = (await promise.catch((e: unknown) => e)) as Error & { hint?: string };
      expect(error.message).toMatch(/^GitHub's rate limit stopped /);
      expect(error.hint).toMatch(/run the job again later/);
      expect(logger.lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^warning: GitHub's ${kind} rate limit hit GET /repos/microsoft/PowerPlatformConnectors/[^{}\\s]+: it asks to wait 36\\d\\d s, more than the 300 s a wait may take; giving up\\.$`,
          ),
        ),
      );
    },
    10_000,
  );

  it.each([
    ['the CLI', optionWords, 'Give another folder of the upstream (--target-folder <folder>).'],
    ['an action', inputWords, 'Give another folder of the upstream (target-folder: <folder>).'],
  ])(
    'says, in the words of %s, to choose another target folder when it names a file upstream',
    async (_, say, hint) => {
      const error = (await run({ targetFolder: 'README.md', say }).promise.catch(
        (e: unknown) => e,
      )) as Error & {
        hint?: string;
      };
      expect(error.message).toBe('README.md in microsoft/PowerPlatformConnectors is not a folder.');
      expect(error.hint).toBe(hint);
    },
  );

  it('says the upstream has no such base branch, and names its default, instead of a 404 about the token', async () => {
    scenario.github.addAccount('contoso', { type: 'Organization' });
    await scenario.github.addRepository('contoso', 'Connectors', {
      defaultBranch: 'main',
      files: { 'README.md': '# Contoso connectors\n' },
    });
    const error = (await run({ upstream: 'contoso/Connectors' }).promise.catch(
      (e: unknown) => e,
    )) as Error & {
      hint?: string;
    };
    // The base names nothing to target: a usage error (exit 2 on the CLI), as an unknown validate --base is.
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      "contoso/Connectors has no branch 'dev' for the pull request to target; its default branch is 'main'.",
    );
    expect(error.hint).toBe(
      'Name the branch the pull request should target (--base main, or another). PowerPlatformConnectors takes pull requests on dev.',
    );
    expect(scenario.github.state.findRepository('contoso-dev', 'Connectors')).toBeUndefined();
  });

  it('still says 404 about the name and the token when the upstream itself cannot be seen', async () => {
    const error = (await run({ upstream: 'contoso/Missing' }).promise.catch((e: unknown) => e)) as Error & {
      hint?: string;
    };
    expect(String(error)).toMatch(
      /GitHub answered 404 while reading the base branch dev on contoso\/Missing\./,
    );
    // The CLI's words: its message names the repository; the action names its upstream input instead.
    expect(error.hint).toMatch(
      /^Check the name; GitHub also answers 404 when the token may not see the repository\. /,
    );
  });

  it('waits out a secondary rate limit answered with 429 for as long as its Retry-After says', async () => {
    scenario.github.setFaults({ secondaryRateLimit: { times: 2, retryAfterSeconds: 2, status: 429 } });
    const { promise, logger } = run();
    expect(await promise).toMatchObject({ operation: 'created', number: 1 });
    const limited = scenario.github.requests.filter((request) => request.status === 429);
    expect(limited).toHaveLength(2);
    // The path each request went to, not its route's template (/repos/{owner}/{repo}/…).
    expect(logger.lines.filter((line) => line.includes('rate limit hit'))).toEqual(
      limited.map(
        (request) =>
          `warning: GitHub's secondary rate limit hit ${request.method} ${request.path}; trying again in 2 s.`,
      ),
    );
    expect(limited[0]!.path).toMatch(/^\/repos\/microsoft\/PowerPlatformConnectors\//);
  }, 20_000);

  it('says a 429 that outlasts the retries is a rate limit, without the token', async () => {
    scenario.github.setFaults({ secondaryRateLimit: { times: 100, retryAfterSeconds: 1, status: 429 } });
    const { promise, logger } = run();
    const error = (await promise.catch((e: unknown) => e)) as Error & { hint?: string };
    scenario.github.setFaults({ secondaryRateLimit: { times: 0, retryAfterSeconds: 0 } });
    expect(error.message).toMatch(
      /^GitHub's rate limit stopped reading the base branch dev .*\(429 You have exceeded a secondary rate limit/,
    );
    expect(error.hint).toMatch(/run the job again later/);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^warning: GitHub's secondary rate limit hit GET \/repos\/microsoft\/PowerPlatformConnectors\/[^{}\s]+ again; giving up after 3 retries\.$/,
      ),
    );
    expect([error.message, error.hint, ...logger.lines].join('\n')).not.toContain(scenario.contributor.token);
    // The first answer and the three retries': a fourth retry would wait out yet another limit.
    expect(scenario.github.requests.filter((request) => request.status === 429)).toHaveLength(4);
  }, 20_000);

  it('does not sit out a rate limit that asks for a second more than the longest wait', async () => {
    scenario.github.setFaults({ secondaryRateLimit: { times: 1, retryAfterSeconds: 301 } });
    const { promise, logger } = run();
    const error = (await promise.catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^GitHub's rate limit stopped /);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(/: it asks to wait 301 s, more than the 300 s a wait may take; giving up\.$/),
    );
  }, 10_000);

  it('tells a token refused upstream what it lacks, not to get write access to the upstream', async () => {
    const readOnly = scenario.github.addAccount('read-only-dev', { canWrite: false });
    const error = (await run({ token: readOnly.token }).promise.catch((e: unknown) => e)) as Error & {
      hint?: string;
    };
    expect(error.message).toMatch(
      /^GitHub refused creating the fork on microsoft\/PowerPlatformConnectors \(403 /,
    );
    // Nobody needs write access to the upstream: a pull request from a fork needs a classic token.
    expect(error.hint).not.toMatch(/write to microsoft/);
    expect(error.hint).toMatch(
      /^The token is not allowed to do this on microsoft\/PowerPlatformConnectors: a scope is missing, or it is a fine-grained token, which reaches only its owner's repositories\. Use a classic personal access token/,
    );
  });

  it('refuses a token with a line break without quoting it', async () => {
    const error = await run({ token: 'ghp_SECRETPART\nMORESECRET' }).promise.catch((e: unknown) => e);
    expect(String(error)).toMatch(/token holds a space, a line break/);
    expect(String(error)).not.toMatch(/SECRETPART|MORESECRET/);
  });

  it('refuses a token with a space before anything is sent, rather than have GitHub answer 401', async () => {
    // A token pasted with the word before it ("token ghp_…"): the header would carry it as it is.
    const before = scenario.github.requests.length;
    const error = await run({ token: `token ${scenario.contributor.token}` }).promise.catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(String(error)).toMatch(/token holds a space, a line break/);
    expect(scenario.github.requests.length).toBe(before);
  });

  it('answers none without fork, branch or pull request when upstream already has the connector', async () => {
    await mergeUpstream(scenario, connectorFiles());
    const result = await run().promise;
    expect(result.operation).toBe('none');
    expect(result.number).toBeUndefined();
    expect(contributorFork(scenario)).toBeUndefined();
  });

  it('answers none as well for a connector with a subfolder, which the upstream has alike', async () => {
    // The upstream's listing of the folder names the subfolder too: a folder is no file to delete.
    await mergeUpstream(scenario, { ...connectorFiles(), 'samples/request.json': '{}\n' });
    mkdirSync(path.join(scenario.workspace, CONNECTOR, 'samples'));
    writeFileSync(path.join(scenario.workspace, CONNECTOR, 'samples', 'request.json'), '{}\n');
    const result = await run().promise;
    expect(result).toMatchObject({
      operation: 'none',
      reason: 'no difference from microsoft/PowerPlatformConnectors@dev',
    });
    expect(contributorFork(scenario)).toBeUndefined();
  });

  it('brings an open pull request back to the upstream version when the author reverts, and says it can be closed', async () => {
    const upstreamVersion = connectorFiles('The description the upstream has, long enough for the rules.');
    await proposeChange(scenario, upstreamVersion);
    const proposed = await run().promise;
    expect(proposed).toMatchObject({ operation: 'created', number: 1 });

    // The author reverts the change: the connector is the upstream's again.
    writeConnector(scenario.workspace, upstreamVersion);
    const { promise, logger } = run();
    const reverted = await promise;
    expect(reverted).toMatchObject({ operation: 'emptied', number: 1 });
    expect(reverted.reason).toMatch(/proposes no change/);
    const fork = forkOf();
    expect(await filesOnBranch(fork, reverted.branch, CONNECTOR)).toEqual(
      await filesOnBranch(scenario.upstream, 'dev', CONNECTOR),
    );
    expect(reverted.headSha).toBe(await fork.git.readRef(`refs/heads/${reverted.branch}`));
    expect(reverted.headSha).not.toBe(proposed.headSha);
    // Still open (the author decides), and its body no longer lists the stale changes.
    const pull = scenario.upstream.pulls[0]!;
    expect(pull.state).toBe('open');
    expect(pull.body).not.toContain('`apiDefinition.swagger.json` updated');
    expect(pull.body).toMatch(/no change/i);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(/^warning: Pull request #1 .* now proposes no change.*close it/i),
    );

    // A rerun writes nothing more, and still says so.
    const again = await run().promise;
    expect(again).toMatchObject({ operation: 'emptied', number: 1, headSha: reverted.headSha });
    expect(scenario.upstream.pulls).toHaveLength(1);
  });

  it('applies maintainer-can-modify to an open pull request, and says its draft state is left as is', async () => {
    await run({ draft: true }).promise;
    const pull = scenario.upstream.pulls[0]!;
    expect(pull).toMatchObject({ draft: true, maintainerCanModify: true });

    const { promise, logger } = run({ draft: false, maintainerCanModify: false });
    expect(await promise).toMatchObject({ operation: 'updated', number: 1 });
    expect(pull.maintainerCanModify).toBe(false);
    // GitHub's REST API cannot change the draft state, and the author may have chosen it on GitHub.
    expect(pull.draft).toBe(true);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^Pull request #1 is a draft, which a run without --draft leaves as is.*Ready for review/,
      ),
    );

    const rerun = await run({ draft: false, maintainerCanModify: false }).promise;
    expect(rerun.operation).toBe('none');
    expect(scenario.upstream.pulls).toHaveLength(1);
  });

  it('takes the "already exists" race as an update, and retries labels GitHub cannot resolve yet', async () => {
    scenario.upstream.collaborators.add('contoso-dev');
    scenario.github.setFaults({ pullRequestCreateRace: 1, nodeNotResolved: 0 });
    const raced = await run().promise;
    expect(raced).toMatchObject({ operation: 'updated', number: 1 });
    await scenario.github.closePull(scenario.upstream.pulls[0]!);
    // A changed connector: what a closed pull request proposed is not opened again.
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    scenario.github.setFaults({ nodeNotResolved: 2 });
    const { promise, delays } = run({ labels: ['new-connector'] });
    const labelled = await promise;
    expect(labelled).toMatchObject({ operation: 'created', number: 2, warnings: [] });
    expect(scenario.upstream.pulls[1]!.labels).toEqual(['new-connector']);
    expect(delays).toEqual([1000, 2000]);
  });

  it('adds labels and requests reviews once, when it opens the pull request, not on every update', async () => {
    // A rerun that asked again would notify the reviewers each time the connector changes.
    scenario.upstream.collaborators.add('contoso-dev');
    scenario.github.addAccount('fabrikam-reviewer');
    scenario.upstream.collaborators.add('fabrikam-reviewer');
    const decorate = { labels: ['new-connector'], reviewers: ['fabrikam-reviewer'] };
    expect(await run(decorate).promise).toMatchObject({ operation: 'created', warnings: [] });
    const before = scenario.github.requests.length;
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    expect(await run(decorate).promise).toMatchObject({ operation: 'updated', warnings: [] });
    const decorations = scenario.github.requests
      .slice(before)
      .filter((request) =>
        ['issues/add-labels', 'pulls/request-reviewers'].includes(request.operationId ?? ''),
      );
    expect(decorations).toEqual([]);
  });

  it('warns, and still succeeds, when labels need rights the contributor lacks', async () => {
    const result = await run({ labels: ['new-connector'], reviewers: ['someone'] }).promise;
    expect(result.operation).toBe('created');
    // GitHub's message once: octokit's repeats it, with the documentation link after it.
    expect(result.warnings).toEqual([
      'Could not add the labels new-connector on pull request #1 (403 Resource not accessible by personal access token). This needs triage rights on microsoft/PowerPlatformConnectors; a maintainer can do it instead.',
      'Could not request reviews from someone on pull request #1 (403 Resource not accessible by personal access token). This needs triage rights on microsoft/PowerPlatformConnectors; a maintainer can do it instead.',
    ]);
  });

  // With triage rights, a reviewer who is no collaborator is GitHub's 422, which rights do not change:
  // it was told as missing triage rights.
  it("warns in GitHub's words when a reviewer is no collaborator of the upstream", async () => {
    scenario.upstream.collaborators.add('contoso-dev');
    const result = await run({ labels: ['new-connector'], reviewers: ['someone'] }).promise;
    expect(result.operation).toBe('created');
    expect(scenario.upstream.pulls[0]!.labels).toEqual(['new-connector']);
    expect(result.warnings).toEqual([
      'Could not request reviews from someone on pull request #1: GitHub refused it (422 Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the microsoft/PowerPlatformConnectors repository.). The pull request is open all the same; request reviews from someone on GitHub, or ask a maintainer of microsoft/PowerPlatformConnectors to.',
    ]);
  });

  it('warns after the retries when GitHub never resolves the new pull request for its labels', async () => {
    scenario.upstream.collaborators.add('contoso-dev');
    // One more "Could not resolve to a node" than the retries: the last one is told, not dropped.
    scenario.github.setFaults({ nodeNotResolved: 4 });
    const { promise, delays } = run({ labels: ['new-connector'] });
    const result = await promise;
    expect(result).toMatchObject({ operation: 'created', number: 1 });
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /^Could not add the labels new-connector on pull request #1: GitHub refused it \(422 Could not resolve to a node with the global id of '[^']+'\)\. The pull request is open all the same;/,
    );
    expect(scenario.upstream.pulls[0]!.labels).toEqual([]);
  });

  it('waits until GitHub has copied a new fork, which answers 409 until then, and then writes to it', async () => {
    scenario.github.setFaults({ forkNotReadyFor: 3 });
    const { promise, delays } = run();
    expect(await promise).toMatchObject({ operation: 'created', number: 1 });
    // Polled by the run itself, with its backoff: not sent again by the client's retries.
    expect(delays).toEqual([1000, 2000, 4000]);
    const polls = scenario.github.requests.filter(
      (request) => request.path === '/repos/contoso-dev/PowerPlatformConnectors/git/ref/heads%2Fdev',
    );
    expect(polls.map((request) => request.status)).toEqual([409, 409, 409, 200]);
  });

  it("makes a fork of the upstream when the account's repository of that name is a fork of another one", async () => {
    // A fork of somebody else's PowerPlatformConnectors (not in the upstream's network) has the name:
    // a branch written there could head no pull request on the upstream.
    scenario.github.addAccount('fabrikam');
    const elsewhere = await scenario.github.addRepository('fabrikam', 'PowerPlatformConnectors', {
      defaultBranch: 'dev',
      files: { 'README.md': '# Fabrikam connectors\n' },
    });
    const unrelated = await scenario.github.state.addRepository(
      scenario.contributor,
      'PowerPlatformConnectors',
      'dev',
      elsewhere,
    );
    await unrelated.git.updateRef('refs/heads/dev', (await elsewhere.git.readRef('refs/heads/dev'))!);
    const { promise, logger } = run();
    const result = await promise;
    expect(result).toMatchObject({ operation: 'created', number: 1 });
    const fork = scenario.upstream.pulls[0]!.head.repository;
    expect(fork.parent).toBe(scenario.upstream);
    expect(fork.name).toBe('PowerPlatformConnectors-1');
    expect(logger.lines).toContainEqual(
      expect.stringMatching(/^Using your fork contoso-dev\/PowerPlatformConnectors-1,/),
    );
    expect(await unrelated.git.readRef(`refs/heads/${result.branch}`)).toBeUndefined();
  });

  it('commits a connector of more files than one tree request takes, every one of them', async () => {
    // Trees are written 100 entries at a time, each on the last: every chunk must stay in the commit.
    const notes = Object.fromEntries(
      Array.from({ length: 150 }, (_, index) => [
        `note-${String(index).padStart(3, '0')}.txt`,
        `Note ${index}.\n`,
      ]),
    );
    writeConnector(scenario.workspace, { ...connectorFiles(), ...notes });
    const before = scenario.github.requests.length;
    const result = await run({ failOn: 'never' }).promise;
    expect(result.operation).toBe('created');
    const { 'icon.png': icon, ...sent } = { ...connectorFiles(), ...notes };
    expect(icon).toBeDefined();
    expect(await filesOnBranch(forkOf(), result.branch, CONNECTOR)).toEqual(blobShas(sent));
    const trees = scenario.github.requests
      .slice(before)
      .filter((request) => request.operationId === 'git/create-tree');
    expect(trees).toHaveLength(2);
  });
});

/** The files as git checks them out on Windows (core.autocrlf true): text with CRLF, binaries as they are. */
function windowsCheckout(files: Record<string, string | Buffer>): Record<string, string | Buffer> {
  return Object.fromEntries(
    Object.entries(files).map(([name, content]) => [
      name,
      typeof content === 'string' ? content.replace(/\r?\n/g, '\r\n') : content,
    ]),
  );
}

const withCrlf = (text: string | Buffer): string => String(text).replace(/\r?\n/g, '\r\n');

describe('a fork renamed away from the upstream name', () => {
  const RENAMED = 'contoso-connectors';
  function renameFork(): void {
    // As the author renames it in the fork's settings (no redirect: the old name may be reused).
    contributorFork(scenario)!.name = RENAMED;
  }

  it('is found for the pull request a reverted connector brings back to the upstream version', async () => {
    const upstreamVersion = connectorFiles('The description the upstream has, long enough for the rules.');
    await proposeChange(scenario, upstreamVersion);
    expect(await run().promise).toMatchObject({ operation: 'created', number: 1 });
    renameFork();

    writeConnector(scenario.workspace, upstreamVersion);
    const reverted = await run().promise;
    expect(reverted).toMatchObject({ operation: 'emptied', number: 1 });
    const fork = scenario.github.state.findRepository('contoso-dev', RENAMED)!;
    expect(reverted.headSha).toBe(await fork.git.readRef(`refs/heads/${reverted.branch}`));
  });

  it('is the one a rerun updates, with no fork created by name', async () => {
    await run().promise;
    renameFork();
    const firstRun = scenario.github.requests.length;
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const { promise, logger } = run();
    const rerun = await promise;
    expect(rerun).toMatchObject({ operation: 'updated', number: 1 });
    expect(logger.lines).toContain(`Using the fork contoso-dev/${RENAMED}, the head of pull request #1.`);
    const fork = scenario.github.state.findRepository('contoso-dev', RENAMED)!;
    expect(rerun.headSha).toBe(await fork.git.readRef(`refs/heads/${rerun.branch}`));
    expect(contributorFork(scenario)).toBeUndefined();
    // The pull request names the fork: no look-up by name, no fork request.
    expect(
      scenario.github.requests
        .slice(firstRun)
        .filter(
          (request) =>
            request.operationId?.startsWith('repos/') || request.operationId === 'users/get-authenticated',
        )
        .map((request) => request.operationId),
    ).toEqual(['users/get-authenticated']);
  });

  it('is used, not taken for a new one, when it has no open pull request', async () => {
    await run().promise;
    scenario.upstream.pulls[0]!.state = 'closed';
    renameFork();
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const { promise, logger } = run();
    expect(await promise).toMatchObject({ operation: 'created', number: 2 });
    expect(logger.lines).toContainEqual(
      expect.stringMatching(/^Using your fork contoso-dev\/contoso-connectors/),
    );
    expect(scenario.upstream.pulls[1]!.head.repository.name).toBe(RENAMED);
    expect(scenario.github.state.repositories.filter((r) => r.owner.login === 'contoso-dev')).toHaveLength(1);
  });
});

describe('openPullRequest from a Windows checkout (CRLF line endings)', () => {
  it('finds no change when the files differ from the upstream only in their line endings', async () => {
    await mergeUpstream(scenario, connectorFiles());
    writeConnector(scenario.workspace, windowsCheckout(connectorFiles()));
    const result = await run().promise;
    expect(result.operation).toBe('none');
    expect(contributorFork(scenario)).toBeUndefined();
  });

  it('sends a changed file with the line endings its upstream version has', async () => {
    const upstream = connectorFiles();
    // One upstream file with CRLF, as a quarter of PowerPlatformConnectors' text files have.
    upstream['apiProperties.json'] = withCrlf(upstream['apiProperties.json']!);
    await mergeUpstream(scenario, upstream);
    const changed = connectorFiles(CHANGED_DESCRIPTION);
    // A blank line more: a change that validation has nothing against (fail-on would refuse one it had).
    changed['apiProperties.json'] = String(changed['apiProperties.json']).replace('{', '{\n');
    writeConnector(scenario.workspace, windowsCheckout(changed));

    const result = await run().promise;
    expect(result.operation).toBe('created');
    const fork = forkOf();
    const files = await filesOnBranch(fork, result.branch, CONNECTOR);
    expect(files).toEqual({
      'apiDefinition.swagger.json': gitBlobSha(Buffer.from(String(changed['apiDefinition.swagger.json']))),
      'apiProperties.json': gitBlobSha(Buffer.from(withCrlf(changed['apiProperties.json']!))),
      'readme.md': gitBlobSha(Buffer.from(String(upstream['readme.md']))),
      'icon.png': gitBlobSha(iconBytes()),
    });
    expect(scenario.upstream.pulls[0]!.body).not.toContain('`readme.md`');
    expect((await run().promise).operation).toBe('none');
  });

  it('finds no change in an LF file with a final newline whose upstream version has CRLF and none', async () => {
    // As PowerPlatformConnectors has Dad Jokes, and extract-connectors writes it.
    const upstream = connectorFiles();
    upstream['apiDefinition.swagger.json'] = withCrlf(upstream['apiDefinition.swagger.json']!).trimEnd();
    await mergeUpstream(scenario, upstream);
    const local = connectorFiles();
    local['apiDefinition.swagger.json'] = `${String(local['apiDefinition.swagger.json'])}\n`;
    writeConnector(scenario.workspace, local);
    const result = await run().promise;
    expect(result.operation).toBe('none');
    expect(contributorFork(scenario)).toBeUndefined();
  });

  it('sends a changed file without a final newline when its upstream version has none', async () => {
    const upstream = connectorFiles();
    upstream['apiProperties.json'] = withCrlf(upstream['apiProperties.json']!).trimEnd();
    await mergeUpstream(scenario, upstream);
    const changed = connectorFiles();
    changed['apiProperties.json'] = String(changed['apiProperties.json']).replace('{', '{\n');
    writeConnector(scenario.workspace, changed);

    const result = await run().promise;
    expect(result.operation).toBe('created');
    const files = await filesOnBranch(forkOf(), result.branch, CONNECTOR);
    expect(files['apiProperties.json']).toBe(
      gitBlobSha(Buffer.from(withCrlf(changed['apiProperties.json']!).trimEnd())),
    );
    expect(scenario.upstream.pulls[0]!.body).toContain('### Changes\n\n- `apiProperties.json` updated\n\n');
    expect((await run().promise).operation).toBe('none');
  });

  it('sends a new connector with LF line endings, as git commits it from a Windows checkout', async () => {
    writeConnector(scenario.workspace, windowsCheckout(connectorFiles()));
    const result = await run().promise;
    expect(result.operation).toBe('created');
    const fork = forkOf();
    const { 'icon.png': _icon, ...sent } = connectorFiles();
    expect(await filesOnBranch(fork, result.branch, CONNECTOR)).toEqual(blobShas(sent));
  });
});

describe('syncing the fork', () => {
  it("fast-forwards the fork's base branch to the upstream's when asked", async () => {
    await run().promise;
    await moveUpstreamBase(scenario);
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const result = await run({ syncFork: true }).promise;
    expect(result.operation).toBe('updated');
    expect(result.warnings).toEqual([]);
    expect(await forkOf().git.readRef('refs/heads/dev')).toBe(
      await scenario.upstream.git.readRef('refs/heads/dev'),
    );
  });

  it('only warns when the fork has diverged, and still updates the pull request', async () => {
    await run().promise;
    await scenario.github.commit(forkOf(), 'dev', { 'mine.txt': 'a commit only the fork has\n' });
    await moveUpstreamBase(scenario);
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const result = await run({ syncFork: true }).promise;
    expect(result.operation).toBe('updated');
    expect(result.warnings).toEqual([
      expect.stringMatching(/Could not sync contoso-dev\/PowerPlatformConnectors@dev/),
    ]);
  });

  it('leaves the fork alone by default', async () => {
    await run().promise;
    const before = await forkOf().git.readRef('refs/heads/dev');
    await moveUpstreamBase(scenario);
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    await run().promise;
    expect(await forkOf().git.readRef('refs/heads/dev')).toBe(before);
  });
});

describe('a rerun after the upstream base moved on', () => {
  /** The requests that write something, from the index given on. */
  const writesSince = (from: number) =>
    scenario.github.requests
      .slice(from)
      .filter((request) => request.method !== 'GET')
      .map((request) => request.operationId);
  const parentOf = async (sha: string) => (await forkOf().git.readCommit(sha)).parents;

  it('keeps the branch, pushes nothing and says the pull request is up to date when another folder changed', async () => {
    const first = await run().promise;
    // Another contributor's connector is merged, and the upstream readme changes.
    await scenario.github.commit(scenario.upstream, 'dev', {
      'certified-connectors/Fabrikam/readme.md': 'Fabrikam, merged meanwhile.\n',
      'README.md': 'A newer upstream readme.\n',
    });
    const before = scenario.github.requests.length;
    const { promise, logger } = run();
    const rerun = await promise;
    expect(rerun).toMatchObject({
      operation: 'none',
      reason: 'pull request #1 is up to date',
      number: 1,
      headSha: first.headSha,
      warnings: [],
    });
    expect(await forkOf().git.readRef(`refs/heads/${first.branch}`)).toBe(first.headSha);
    expect(writesSince(before)).toEqual([]);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^The branch already holds this version of the connector \([0-9a-f]{40}\), on an older microsoft\/PowerPlatformConnectors@dev whose certified-connectors\/Contoso Tasks is the same: left as it is/,
      ),
    );
  });

  it('keeps the branch when the folder did not change upstream either, then updates it when the maker changes a file', async () => {
    // The upstream has the connector; the maker proposes a new description.
    await proposeChange(scenario);
    const first = await run().promise;
    await moveUpstreamBase(scenario);
    const before = scenario.github.requests.length;
    expect((await run().promise).headSha).toBe(first.headSha);
    // The pull request is read once: for the commits it shows, then for its maintainer edits.
    expect(
      scenario.github.requests.slice(before).filter((request) => request.operationId === 'pulls/get'),
    ).toHaveLength(1);

    writeConnector(scenario.workspace, connectorFiles('A second change the maker proposes, long enough.'));
    const changed = await run().promise;
    expect(changed.operation).toBe('updated');
    expect(changed.headSha).not.toBe(first.headSha);
    // Rebuilt on the upstream's dev as it is now.
    expect(await parentOf(changed.headSha!)).toEqual([await scenario.upstream.git.readRef('refs/heads/dev')]);
    expect(await filesOnBranch(forkOf(), changed.branch, CONNECTOR)).toEqual(
      blobShas(connectorFiles('A second change the maker proposes, long enough.')),
    );
  });

  it("rebuilds the branch on the new base when the upstream changed the connector's own folder", async () => {
    await proposeChange(scenario);
    const first = await run().promise;
    // Someone else's commit to the same connector is merged upstream: the pull request's diff changes.
    await scenario.github.commit(scenario.upstream, 'dev', {
      [`${CONNECTOR}/readme.md`]: 'A readme somebody else rewrote upstream.\n',
    });
    const rerun = await run().promise;
    expect(rerun).toMatchObject({ operation: 'updated', number: 1, warnings: [] });
    expect(rerun.headSha).not.toBe(first.headSha);
    expect(await parentOf(rerun.headSha!)).toEqual([await scenario.upstream.git.readRef('refs/heads/dev')]);
    // The branch holds the maker's folder, their readme included.
    expect(await filesOnBranch(forkOf(), rerun.branch, CONNECTOR)).toEqual(
      blobShas(connectorFiles(PROPOSED_DESCRIPTION)),
    );
    // And the next rerun keeps it.
    expect(await run().promise).toMatchObject({ operation: 'none', headSha: rerun.headSha });
  });

  it('still syncs the fork when asked, and keeps the branch', async () => {
    const first = await run().promise;
    await moveUpstreamBase(scenario);
    const before = scenario.github.requests.length;
    const rerun = await run({ syncFork: true }).promise;
    expect(rerun).toMatchObject({ operation: 'none', headSha: first.headSha, warnings: [] });
    expect(await forkOf().git.readRef('refs/heads/dev')).toBe(
      await scenario.upstream.git.readRef('refs/heads/dev'),
    );
    expect(writesSince(before)).toEqual(['repos/merge-upstream']);
  });

  it('keeps the branch of a pull request that proposes no change any more', async () => {
    const upstreamVersion = connectorFiles('The description the upstream has, long enough for the rules.');
    await proposeChange(scenario, upstreamVersion);
    await run().promise;
    writeConnector(scenario.workspace, upstreamVersion);
    const emptied = await run().promise;
    expect(emptied.operation).toBe('emptied');
    await moveUpstreamBase(scenario);
    const before = scenario.github.requests.length;
    expect(await run().promise).toMatchObject({ operation: 'emptied', number: 1, headSha: emptied.headSha });
    expect(writesSince(before)).toEqual([]);
  });

  it('builds the branch on the base as it is now for a pull request resubmitted after the last one was closed', async () => {
    const first = await run().promise;
    await scenario.github.closePull(scenario.upstream.pulls[0]!);
    await moveUpstreamBase(scenario);
    const reopened = await run({ resubmit: true }).promise;
    expect(reopened).toMatchObject({ operation: 'created', number: 2 });
    expect(reopened.headSha).not.toBe(first.headSha);
    expect(await parentOf(reopened.headSha!)).toEqual([
      await scenario.upstream.git.readRef('refs/heads/dev'),
    ]);
  });

  it('replaces, and names, a head commit without the connector-alm mark even when the folder is unchanged', async () => {
    const first = await run().promise;
    // As a connector-alm older than the mark left it: the same tree on the same base, another message.
    const old = await unmarkHeadCommit(forkOf(), first.branch, first.headSha!);
    await moveUpstreamBase(scenario);
    const rerun = await run().promise;
    expect(rerun.operation).toBe('updated');
    expect(rerun.warnings).toEqual([
      expect.stringContaining(`held commit ${old.slice(0, 7)} ("Add Contoso Tasks")`),
    ]);
    expect(await parentOf(rerun.headSha!)).toEqual([await scenario.upstream.git.readRef('refs/heads/dev')]);
  });
});

describe('breaking changes against the upstream version of the connector', () => {
  /** The connector with GetTask renamed, which deletes GetTask for the flows that use it. */
  const renamedOperation = () =>
    connectorFilesWithSwagger((swagger) => {
      swagger.paths['/tasks/{taskId}'].get.operationId = 'GetTaskV2';
    });

  it('are listed in the body and warned of, and the connector is submitted, by default', async () => {
    await mergeUpstream(scenario, connectorFiles());
    writeConnector(scenario.workspace, renamedOperation());
    const { promise, logger } = run();
    const result = await promise;
    expect(result.operation).toBe('created');
    expect(result.breakingChanges?.map((finding) => finding.ruleId)).toEqual(['BRK-OP-DELETED']);
    expect(result.breakingChanges![0]!.file).toBe(path.join(CONNECTOR, 'apiDefinition.swagger.json'));
    const warning = `${CONNECTOR} has 1 breaking change against microsoft/PowerPlatformConnectors@dev, listed in the pull request for its reviewers; --fail-on-breaking refuses such a connector.`;
    expect(result.warnings).toEqual([warning]);
    expect(logger.lines).toContain(`warning: ${warning}`);
    const body = scenario.upstream.pulls[0]!.body!;
    expect(body).toContain('### Breaking changes against `microsoft/PowerPlatformConnectors@dev`');
    expect(body).toMatch(/\| error \| BRK-OP-DELETED \| apiDefinition\.swagger\.json:\d+ \| .*GetTask/);
  });

  // pr listed the breaking changes only: a deprecation half done, which validate --base and the action
  // report as a warning, reached neither the maker nor the reviewers.
  it('come with the warnings that break nothing, listed apart, which failOnBreaking lets by', async () => {
    await mergeUpstream(scenario, connectorFiles());
    writeConnector(scenario.workspace, connectorFilesWithSwagger(deprecateWithoutNewVersion));
    const { promise, logger } = run({ failOnBreaking: true });
    const result = await promise;
    expect(result.operation).toBe('created');
    expect(result.breakingChanges).toBeUndefined();
    expect(result.changeWarnings?.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['BRK-DEPRECATION-PROCESS', 'warning'],
    ]);
    const warning = `${CONNECTOR} has 1 warning about its change against microsoft/PowerPlatformConnectors@dev (BRK-DEPRECATION-PROCESS), listed in the pull request for its reviewers apart from the breaking changes: put it right before they ask.`;
    expect(result.warnings).toEqual([warning]);
    expect(logger.lines).toContain(`warning: ${warning}`);
    const body = scenario.upstream.pulls[0]!.body!;
    expect(body).not.toContain('### Breaking changes');
    expect(body).toContain(
      '### Warnings about the change against `microsoft/PowerPlatformConnectors@dev`\n\n1 change that breaks no flow but that reviewers ask to be put right',
    );
    expect(body).toMatch(/\| warning \| BRK-DEPRECATION-PROCESS \| apiDefinition\.swagger\.json:\d+ \| /);
  });

  it('refuse the connector with failOnBreaking, before anything is pushed', async () => {
    await mergeUpstream(scenario, connectorFiles());
    writeConnector(scenario.workspace, renamedOperation());
    const result = await run({ failOnBreaking: true, say: inputWords }).promise;
    expect(result).toMatchObject({
      operation: 'refused',
      refusal: 'breaking',
      reason:
        '1 breaking change against microsoft/PowerPlatformConnectors@dev (fail-on-breaking: true): nothing was pushed, no pull request opened or updated',
    });
    expect(result.findings?.map((finding) => finding.ruleId)).toEqual(['BRK-OP-DELETED']);
    expect(contributorFork(scenario)).toBeUndefined();
    expect(scenario.upstream.pulls).toEqual([]);
  });

  it("come with a warning when the update changes the upstream's publisher, whose connector it may be", async () => {
    await mergeUpstream(scenario, connectorFiles());
    const files = connectorFiles();
    const apiProperties = JSON.parse(String(files['apiProperties.json'])) as {
      properties: Record<string, unknown>;
    };
    apiProperties.properties.publisher = 'Jane Doe';
    files['apiProperties.json'] = JSON.stringify(apiProperties, null, 2);
    writeConnector(scenario.workspace, files);
    const result = await run().promise;
    expect(result.operation).toBe('created');
    expect(result.warnings).toEqual([
      `${CONNECTOR} changes apiProperties.json's publisher from "Contoso Ltd" to "Jane Doe", as microsoft/PowerPlatformConnectors@dev has the connector: is it someone else's? Its reviewers will ask; keep the upstream's values unless you are taking the connector over.`,
    ]);
  });

  it('come with no owner warning when the upstream names no publisher, which the update adds', async () => {
    // Only a publisher the upstream has can be someone else's; one the update adds takes nothing over.
    const upstreamVersion = connectorFiles();
    const apiProperties = JSON.parse(String(upstreamVersion['apiProperties.json'])) as {
      properties: Record<string, unknown>;
    };
    delete apiProperties.properties.publisher;
    upstreamVersion['apiProperties.json'] = JSON.stringify(apiProperties, null, 2);
    await mergeUpstream(scenario, upstreamVersion);
    const result = await run().promise;
    expect(result).toMatchObject({ operation: 'created', warnings: [] });
  });

  it('are none for a new connector, and for a change that breaks nothing', async () => {
    const added = await run({ failOnBreaking: true }).promise;
    expect(added).toMatchObject({ operation: 'created', warnings: [] });
    expect(added.breakingChanges).toBeUndefined();
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    await mergeUpstream(scenario, connectorFiles());
    const changed = await run({ failOnBreaking: true }).promise;
    expect(changed).toMatchObject({ operation: 'updated', warnings: [] });
    expect(scenario.upstream.pulls[0]!.body).not.toContain('### Breaking changes');
  });
});
