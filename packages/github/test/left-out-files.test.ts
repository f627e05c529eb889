import { describe, expect, it } from '@jest/globals';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runGit } from '@connector-alm/testing';
import {
  CONNECTOR,
  connectorFiles,
  contributorFork,
  filesOnBranch,
  mergeUpstream,
  writeConnector,
} from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { gitIgnoredFiles } from '../src/git-ignored.js';
import { submitConnector } from './helpers/submit-connector.js';

const scenario = scenarioForEachTest();

/** paconn's settings.json, as the walkthrough's maker had it: the ids of their own environment. */
const SETTINGS = JSON.stringify(
  {
    connectorId: 'shared_contoso-5f1e2d3c4b5a69788796a5b4c3d2e1f0',
    environment: 'Default-1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9',
    apiProperties: 'apiProperties.json',
    apiDefinition: 'apiDefinition.swagger.json',
    icon: 'icon.png',
  },
  null,
  2,
);

/** The workspace made a git checkout that holds the connector, committed, with this .gitignore. */
function commitWorkspace(gitignore: string): void {
  writeFileSync(path.join(scenario.workspace, '.gitignore'), gitignore);
  runGit(scenario.workspace, ['init', '-q', '-b', 'main']);
  runGit(scenario.workspace, ['add', '--all']);
  runGit(scenario.workspace, ['commit', '-qm', 'connector']);
}

/**
 * A repository of its own at `folder` of the connector folder, with a commit of one file: a maker's
 * clone of their tools, which `git add` of the workspace commits as a link (mode 160000).
 */
function nestedClone(folder: string): string {
  const nested = path.join(scenario.workspace, CONNECTOR, folder);
  mkdirSync(nested, { recursive: true });
  writeFileSync(path.join(nested, 'notes.md'), 'Mine.\n');
  runGit(nested, ['init', '-q', '-b', 'main']);
  runGit(nested, ['add', '--all']);
  runGit(nested, ['commit', '-qm', folder]);
  return nested;
}

/**
 * Submits the connector, whose swagger alone differs from the upstream's, and checks that `file` was
 * left out with `line` and that the branch holds the upstream's copy of it, `upstream`.
 */
async function expectLeftOutKeepingUpstreamCopy(file: string, line: string, upstream: Buffer): Promise<void> {
  const { promise, logger } = submitConnector(scenario);
  const result = await promise;
  expect(result.operation).toBe('created');
  expect(logger.lines).toContain(line);
  expect(logger.lines).toContain(
    `The pull request proposes 1 file to add or update and 0 to delete in ${CONNECTOR}, against microsoft/PowerPlatformConnectors@dev: apiDefinition.swagger.json (updated).`,
  );
  const files = await filesOnBranch(contributorFork(scenario)!, result.branch, CONNECTOR);
  expect(await contributorFork(scenario)!.git.readBlob(files[file]!)).toEqual(upstream);
}

describe('the files a pull request leaves out of the connector folder', () => {
  it('are the ones git ignores and settings.json, named with why, and the body speaks of what is sent', async () => {
    writeConnector(scenario.workspace, {
      ...connectorFiles(),
      'settings.json': SETTINGS,
      'notes.local.md': 'My own notes.\n',
    });
    commitWorkspace('settings.json\n*.local.md\n');
    expect(runGit(scenario.workspace, ['status', '--short', '--ignored'])).toContain(
      `!! "${CONNECTOR}/notes.local.md"`,
    );
    const { promise, logger } = submitConnector(scenario);
    const result = await promise;
    expect(result.operation).toBe('created');
    const files = await filesOnBranch(contributorFork(scenario)!, result.branch, CONNECTOR);
    expect(Object.keys(files).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'readme.md',
    ]);
    expect(logger.lines).toContain(
      'Left out of the pull request: notes.local.md and settings.json, which git ignores (.gitignore); no commit would carry them either.',
    );
    expect(logger.lines).toContain(
      `The pull request proposes 3 files to add or update and 0 to delete in ${CONNECTOR}, against microsoft/PowerPlatformConnectors@dev: apiDefinition.swagger.json (added), apiProperties.json (added) and readme.md (added).`,
    );
    const body = scenario.upstream.pulls[0]!.body!;
    expect(body).not.toContain('settings.json');
    expect(body).not.toContain('notes.local.md');
    expect(body).not.toContain('SET-NOT-IN-PR');
  });

  it('keep settings.json out whatever git says of it, and outside a checkout, and leave the upstream copy as it is', async () => {
    // The upstream has a settings.json of its own (3 of 1,035 merged folders do).
    await mergeUpstream(scenario, { ...connectorFiles(), 'settings.json': '{}\n' });
    writeConnector(scenario.workspace, {
      ...connectorFiles('A description the maker changed, long enough for the rules.'),
      'settings.json': SETTINGS,
    });
    await expectLeftOutKeepingUpstreamCopy(
      'settings.json',
      'Left out of the pull request: settings.json, which holds the ids of your own environment and connector (SET-NOT-IN-PR); a copy the upstream has stays as it is.',
      Buffer.from('{}\n'),
    );
    expect(scenario.upstream.pulls[0]!.body).not.toContain('settings.json');
    // A rerun finds the branch as it should be: the upstream's settings.json on it is no change.
    expect(await submitConnector(scenario).promise).toMatchObject({ operation: 'none' });
  });

  // pr sent a certified connector's icon without a word, though the getting-started guide says it goes
  // with the certification package, not into the repository, and settings.json was left out likewise.
  it("keep a certified connector's icon out, saying why, and leave the upstream's copy as it is", async () => {
    // The upstream has an icon of its own (11 of 619 certified folders do); the maker's is another.
    await mergeUpstream(scenario, { ...connectorFiles(), 'icon.png': Buffer.from('an older icon') });
    writeConnector(
      scenario.workspace,
      connectorFiles('A description the maker changed, long enough for the rules.'),
    );
    await expectLeftOutKeepingUpstreamCopy(
      'icon.png',
      "Left out of the pull request: icon.png, as a certified connector's icon goes with the certification package, not into the repository (ICON-IN-REPO); a copy the upstream has stays as it is.",
      Buffer.from('an older icon'),
    );
    // Its findings are of no file the reviewers get.
    expect(scenario.upstream.pulls[0]!.body).not.toContain('ICON-IN-REPO');
  });

  it("come off the open pull request's branch on a rerun, once left out after a first push", async () => {
    // Sent by a first run, then git-ignored and untracked by the maker (or settings.json, sent by
    // connector-alm before it left that file out): the rerun's branch must not carry it any more.
    writeConnector(scenario.workspace, { ...connectorFiles(), 'secret.local.md': 'TOKEN=abc\n' });
    commitWorkspace('');
    const first = await submitConnector(scenario).promise;
    expect(first.operation).toBe('created');
    const fork = contributorFork(scenario)!;
    expect(Object.keys(await filesOnBranch(fork, first.branch, CONNECTOR))).toContain('secret.local.md');
    writeFileSync(path.join(scenario.workspace, '.gitignore'), '*.local.md\n');
    runGit(scenario.workspace, ['rm', '-q', '--cached', `${CONNECTOR}/secret.local.md`]);
    runGit(scenario.workspace, ['commit', '-qam', 'ignore the local notes']);
    const { promise, logger } = submitConnector(scenario);
    const second = await promise;
    expect(second.operation).toBe('updated');
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^The branch still changes secret\.local\.md of microsoft\/PowerPlatformConnectors@dev, which the pull request leaves out now: it is built again on [0-9a-f]{40}\.$/,
      ),
    );
    expect(Object.keys(await filesOnBranch(fork, second.branch, CONNECTOR)).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'readme.md',
    ]);
    // And a third run finds the branch as it should be.
    expect(await submitConnector(scenario).promise).toMatchObject({ operation: 'none' });
  });

  it('refuse the connector for the findings of a committed settings.json, as validate-connector on a checkout does', async () => {
    // Not sent, yet committed: the publish workflow's validate step finds it broken and fails the job,
    // and submit must not open the pull request all the same.
    writeConnector(scenario.workspace, { ...connectorFiles(), 'settings.json': '{"icon": "icon.png"\n' });
    commitWorkspace('');
    const result = await submitConnector(scenario).promise;
    expect(result).toMatchObject({ operation: 'refused', refusal: 'findings' });
    expect(result.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'GEN-JSON-PARSE', file: `${CONNECTOR}/settings.json` }),
    );
    expect(contributorFork(scenario)).toBeUndefined();
  });

  it('do not refuse the connector for the findings of the files git ignores', async () => {
    // A git-ignored backup of the swagger: REPO-FILENAMES takes it for a misnamed swagger, an error,
    // which refuses a connector at the default fail-on. It is not sent, so it refuses nothing.
    writeConnector(scenario.workspace, { ...connectorFiles(), 'apiDefinition.swagger.json.bak': '{}' });
    commitWorkspace('*.bak\n');
    const { promise, logger } = submitConnector(scenario);
    expect(await promise).toMatchObject({ operation: 'created' });
    expect(logger.lines).toContain(
      'Left out of the pull request: apiDefinition.swagger.json.bak, which git ignores (.gitignore); no commit would carry it either.',
    );
  });

  it("refuse a connector whose swagger git ignores, saying so, rather than propose deleting the upstream's", async () => {
    await mergeUpstream(scenario, connectorFiles());
    commitWorkspace('*.swagger.json\n');
    const result = await submitConnector(scenario, { failOn: 'never' }).promise;
    expect(result).toMatchObject({ operation: 'refused', refusal: 'no-swagger' });
    expect(result.reason).toBe(
      "git ignores its apiDefinition.swagger.json (git check-ignore -v names the line of .gitignore that does), and sending the folder would propose deleting the upstream's connector: nothing was pushed, no pull request opened or updated",
    );
    expect(contributorFork(scenario)).toBeUndefined();
  });

  it('refuse a connector with a file validation reads git-ignored, since the one sent would not be the one validated', async () => {
    // The upstream's apiProperties.json would stay, yet validation and breaking changes were of the
    // maker's; the upstream's readme would stay, though validation read the maker's. A certified
    // connector's icon is left out anyway (ICON-IN-REPO): git ignoring it refuses nothing.
    await mergeUpstream(scenario, connectorFiles());
    writeConnector(
      scenario.workspace,
      connectorFiles('A description the maker changed, long enough for the rules.'),
    );
    commitWorkspace('apiProperties.json\nicon.png\nreadme.md\n');
    const result = await submitConnector(scenario).promise;
    expect(result).toMatchObject({ operation: 'refused', refusal: 'git-ignored' });
    expect(result.reason).toBe(
      "git ignores its apiProperties.json and readme.md (git check-ignore -v names the line of .gitignore that does), which validation read as the connector's, so the pull request would not send the connector validated: nothing was pushed, no pull request opened or updated",
    );
    expect(result.breakingChanges).toBeUndefined();
    expect(contributorFork(scenario)).toBeUndefined();
  });

  it('leave out a nested repository committed as a link, and say that .gitignore does not untrack it', async () => {
    // `git add` commits a folder with a .git of its own as a gitlink (mode 160000), not its files: no
    // checkout has them, so the pull request sends none of them either, and says why. The line said
    // to list it in .gitignore, which leaves a tracked path tracked: the maker who did saw it again.
    writeConnector(scenario.workspace, connectorFiles());
    nestedClone('tools');
    commitWorkspace('');
    writeFileSync(path.join(scenario.workspace, '.gitignore'), `${CONNECTOR}/tools/\n`);
    runGit(scenario.workspace, ['commit', '-qam', 'ignore tools']);
    expect(runGit(scenario.workspace, ['ls-files', '-s', `${CONNECTOR}/tools`])).toMatch(/^160000 /);
    const { promise, logger } = submitConnector(scenario);
    const result = await promise;
    expect(result.operation).toBe('created');
    expect(logger.lines).toContain(
      "Left out of the pull request: tools/, which git tracks as a link to another repository (a submodule, or a clone that `git add` met), not as files. Listing it in .gitignore does nothing while git tracks it: run `git rm --cached 'certified-connectors/Contoso Tasks/tools'` first (for a submodule, remove its entry from .gitmodules too) and commit, or move it out of the connector folder (git mv).",
    );
    // What the line says to do untracks it: then git ignores it, as .gitignore says.
    runGit(scenario.workspace, ['rm', '-q', '--cached', `${CONNECTOR}/tools`]);
    runGit(scenario.workspace, ['commit', '-qm', 'untrack tools']);
    expect(await gitIgnoredFiles(path.join(scenario.workspace, CONNECTOR), CONNECTOR)).toEqual({
      files: new Set(['tools/']),
      nestedRepositories: new Set(),
      linkedRepositories: new Set(),
    });
    const files = await filesOnBranch(contributorFork(scenario)!, result.branch, CONNECTOR);
    expect(Object.keys(files).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'readme.md',
    ]);
  });

  it('send the files of a folder with a .git that git commits as files, and leave out the clones git links', async () => {
    // git, not a `.git` entry, tells a nested repository: an empty .git folder, a .git file that names
    // no gitdir, and a folder whose files the checkout tracks already (git init run in it afterwards)
    // have their files committed as any others; a clone committed (a gitlink) or not yet is linked.
    writeConnector(scenario.workspace, connectorFiles());
    const connector = path.join(scenario.workspace, CONNECTOR);
    for (const folder of ['emptygit/.git', 'garbage', 'tracked'])
      mkdirSync(path.join(connector, folder), { recursive: true });
    writeFileSync(path.join(connector, 'emptygit', 'a.md'), 'a\n');
    writeFileSync(path.join(connector, 'garbage', '.git'), 'not a gitdir\n');
    writeFileSync(path.join(connector, 'garbage', 'b.md'), 'b\n');
    writeFileSync(path.join(connector, 'tracked', 'c.md'), 'c\n');
    const tools = nestedClone('tools');
    commitWorkspace('');
    runGit(path.join(connector, 'tracked'), ['init', '-q', '-b', 'main']);
    writeFileSync(path.join(connector, 'tracked', 'new.md'), 'new\n');
    runGit(scenario.workspace, ['clone', '-q', tools, path.join(connector, 'vendor')]);
    const { promise, logger } = submitConnector(scenario);
    const result = await promise;
    expect(result.operation).toBe('created');
    // tools/ is committed as a link, vendor/ not yet: .gitignore serves only for the one.
    expect(logger.lines).toContain(
      'Left out of the pull request: vendor/, which is a git repository of its own: a commit carries a link to it, not its files. Move it out of the connector folder, or list it in .gitignore.',
    );
    expect(logger.lines).toContain(
      "Left out of the pull request: tools/, which git tracks as a link to another repository (a submodule, or a clone that `git add` met), not as files. Listing it in .gitignore does nothing while git tracks it: run `git rm --cached 'certified-connectors/Contoso Tasks/tools'` first (for a submodule, remove its entry from .gitmodules too) and commit, or move it out of the connector folder (git mv).",
    );
    const files = await filesOnBranch(contributorFork(scenario)!, result.branch, CONNECTOR);
    expect(Object.keys(files).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'emptygit/a.md',
      'garbage/b.md',
      'readme.md',
      'tracked/c.md',
      'tracked/new.md',
    ]);
  });

  it('leave out a submodule never initialised, an empty folder, as the link git tracks', async () => {
    // As a clone without --recurse-submodules has it: the link and its entry in .gitmodules, and an
    // empty folder. No file is left out, but the link is, and .gitignore would not untrack it either.
    writeConnector(scenario.workspace, connectorFiles());
    mkdirSync(path.join(scenario.workspace, CONNECTOR, 'tools'));
    commitWorkspace('');
    writeFileSync(
      path.join(scenario.workspace, '.gitmodules'),
      `[submodule "tools"]\n\tpath = ${CONNECTOR}/tools\n\turl = https://github.com/contoso/tools.git\n`,
    );
    const link = `160000,${'1'.repeat(40)},${CONNECTOR}/tools`;
    runGit(scenario.workspace, ['update-index', '--add', '--cacheinfo', link]);
    runGit(scenario.workspace, ['add', '.gitmodules']);
    runGit(scenario.workspace, ['commit', '-qm', 'tools as a submodule']);
    // `-`: git knows the submodule, not initialised.
    expect(runGit(scenario.workspace, ['submodule', 'status'])).toBe(`-${'1'.repeat(40)} ${CONNECTOR}/tools`);
    const { promise, logger } = submitConnector(scenario);
    const result = await promise;
    expect(result.operation).toBe('created');
    expect(logger.lines).toContain(
      "Left out of the pull request: tools/, which git tracks as a link to another repository (a submodule, or a clone that `git add` met), not as files. Listing it in .gitignore does nothing while git tracks it: run `git rm --cached 'certified-connectors/Contoso Tasks/tools'` first (for a submodule, remove its entry from .gitmodules too) and commit, or move it out of the connector folder (git mv).",
    );
    const files = await filesOnBranch(contributorFork(scenario)!, result.branch, CONNECTOR);
    expect(Object.keys(files).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'readme.md',
    ]);
  });

  it('take in a nested repository git ignores, listed as one folder, and a symbolic link in an ignored folder', async () => {
    // git ls-files lists an ignored nested repository as `nested/`, not file by file; a link under an
    // ignored folder is never sent, so it refuses nothing as a link that is sent does.
    writeConnector(scenario.workspace, connectorFiles());
    const connector = path.join(scenario.workspace, CONNECTOR);
    for (const folder of ['nested', 'tmp']) mkdirSync(path.join(connector, folder));
    writeFileSync(path.join(connector, 'nested', 'notes.md'), 'Mine.\n');
    writeFileSync(path.join(connector, 'tmp', 'a.txt'), 'a\n');
    runGit(path.join(connector, 'nested'), ['init', '-q', '-b', 'main']);
    symlinkSync(path.join(connector, 'tmp', 'a.txt'), path.join(connector, 'tmp', 'link'));
    commitWorkspace('nested/\ntmp/\n');
    const { promise, logger } = submitConnector(scenario);
    const result = await promise;
    expect(result.operation).toBe('created');
    expect(logger.lines).toContain(
      'Left out of the pull request: nested/, tmp/a.txt and tmp/link, which git ignores (.gitignore); no commit would carry them either.',
    );
    // Neither folder is sent, nor in any checkout: the body lists no finding on them (REPO-EXTRA-FILES).
    expect(scenario.upstream.pulls[0]!.body).toContain(
      'Profile `certified`: 0 errors, 0 warnings, 0 notices.',
    );
    const files = await filesOnBranch(contributorFork(scenario)!, result.branch, CONNECTOR);
    expect(Object.keys(files).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'readme.md',
    ]);
  });
});
