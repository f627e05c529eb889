import { describe, expect, it } from '@jest/globals';
import { createMemoryLogger } from '@connector-alm/core';
import { createGitHubClient, openPullRequests } from '../src/index.js';
import type { Account, Repository } from '../src/local-server/index.js';
import {
  CHANGED_DESCRIPTION,
  CONNECTOR,
  connectorFiles,
  connectorFilesWithSwagger,
  mergeUpstream,
  submissionTarget,
  writeConnector,
  type Scenario,
} from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { submitConnector } from './helpers/submit-connector.js';

const scenario = scenarioForEachTest();

/** `account`'s client, and its fork of the upstream, as GitHub's Fork button makes it (or finds it). */
async function clientAndFork(target: Scenario, account: Account) {
  const client = createGitHubClient({
    token: account.token,
    baseUrl: target.github.url,
    logger: createMemoryLogger(),
    writeIntervalMs: 0,
  });
  await client.rest.repos.createFork({
    owner: 'microsoft',
    repo: 'PowerPlatformConnectors',
    default_branch_only: true,
  });
  return { client, fork: target.github.state.findRepository(account.login, 'PowerPlatformConnectors')! };
}

/**
 * A pull request `account` (the contributor by default) opens by hand, over the API as GitHub's pages
 * do: its fork, a branch `branch` on the fork's dev with `files` (path → content) committed, and the
 * pull request against dev.
 */
async function openByHand(
  target: Scenario,
  branch: string,
  files: Record<string, string | Buffer>,
  account: Account = target.contributor,
): Promise<number> {
  const { client, fork } = await clientAndFork(target, account);
  await fork.git.updateRef(`refs/heads/${branch}`, (await fork.git.readRef('refs/heads/dev'))!);
  await target.github.commit(fork, branch, files, 'My connector');
  const { data } = await client.rest.pulls.create({
    owner: 'microsoft',
    repo: 'PowerPlatformConnectors',
    head: `${account.login}:${branch}`,
    base: 'dev',
    title: 'Contoso Tasks',
  });
  return data.number;
}

/** The head of a fork's dev, and the blobs under `folder` there (path inside it, mode, SHA). */
async function blobsOnDev(fork: Repository, folder: string) {
  const dev = (await fork.git.readRef('refs/heads/dev'))!;
  const entries = await fork.git.listTree(`refs/heads/dev:${folder}`, true);
  return { dev, blobs: entries.filter((entry) => entry.type === 'blob') };
}

/**
 * A pull request the contributor opens by hand that moves the folder `from` to `to` (a rename of
 * every file, as `git mv` makes it), from a branch of their fork.
 */
async function moveByHand(target: Scenario, branch: string, from: string, to: string): Promise<number> {
  const { client, fork } = await clientAndFork(target, target.contributor);
  const { dev, blobs } = await blobsOnDev(fork, from);
  const tree = await fork.git.writeTree((await fork.git.readCommit(dev)).tree, [
    ...blobs.map((blob) => ({ path: `${from}/${blob.path}`, remove: true as const })),
    ...blobs.map((blob) => ({ path: `${to}/${blob.path}`, mode: blob.mode, sha: blob.sha })),
  ]);
  const who = { name: 'contoso-dev', email: 'contoso-dev@users.noreply.local', date: '2026-01-01T00:00:00Z' };
  await fork.git.updateRef(
    `refs/heads/${branch}`,
    await fork.git.writeCommit(tree, [dev], 'Move it', who, who),
  );
  const { data } = await client.rest.pulls.create({
    owner: 'microsoft',
    repo: 'PowerPlatformConnectors',
    head: `${target.contributor.login}:${branch}`,
    base: 'dev',
    title: 'Move Contoso Tasks',
  });
  return data.number;
}

const inFolder = (folder: string, files: Record<string, string | Buffer>) =>
  Object.fromEntries(Object.entries(files).map(([name, content]) => [`${folder}/${name}`, content]));

describe('a pull request of the same owner from another branch', () => {
  it('is warned of when it changes the connector folder too, and the pull request is opened all the same', async () => {
    // Not warned of: pull requests of the owner that change other folders (one whose name starts
    // like the connector's among them), and another contributor's that changes the same folder.
    await openByHand(
      scenario,
      'fix-fabrikam',
      inFolder('certified-connectors/Fabrikam', { 'readme.md': '# Fabrikam\n' }),
    );
    await openByHand(
      scenario,
      'add-contoso-tasks-v2',
      inFolder(`${CONNECTOR} V2`, { 'readme.md': '# Contoso Tasks V2\n' }),
    );
    const stranger = scenario.github.addAccount('fabrikam-dev');
    await openByHand(scenario, 'add-contoso-tasks', inFolder(CONNECTOR, connectorFiles()), stranger);
    const byHand = await openByHand(scenario, 'add-contoso-tasks', inFolder(CONNECTOR, connectorFiles()));

    const { promise, logger } = submitConnector(scenario);
    const result = await promise;
    const warning = `Pull request #${byHand} (${scenario.github.url}/microsoft/PowerPlatformConnectors/pull/${byHand}), from contoso-dev:add-contoso-tasks, changes ${CONNECTOR} too, and the reviewers of microsoft/PowerPlatformConnectors take one pull request per connector: close one of the two.`;
    expect(result).toMatchObject({ operation: 'created', number: byHand + 1, warnings: [warning] });
    expect(logger.lines).toContain(`warning: ${warning}`);

    // Looked for before a pull request is opened only: a rerun updates the open one, as before.
    const before = scenario.github.requests.length;
    const rerun = await submitConnector(scenario, { title: 'Contoso Tasks connector' }).promise;
    expect(rerun).toMatchObject({ operation: 'updated', warnings: [] });
    expect(
      scenario.github.requests.slice(before).filter((request) => request.operationId === 'pulls/list-files'),
    ).toEqual([]);
  });
});

describe('a pull request of the same owner that moves the connector folder away', () => {
  it('is warned of, by the folder its files come from', async () => {
    // GitHub lists a moved file under its new name, with the old one as previous_filename.
    await mergeUpstream(scenario, connectorFiles());
    const moved = await moveByHand(
      scenario,
      'move-contoso-tasks',
      CONNECTOR,
      'certified-connectors/Legacy Tasks',
    );
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const result = await submitConnector(scenario).promise;
    expect(result.operation).toBe('created');
    expect(result.warnings).toEqual([expect.stringContaining(`Pull request #${moved} `)]);
  });
});

describe('a pull request the owner opened from the fork of another account', () => {
  it('is warned of when it changes the connector folder, as one from their own fork is', async () => {
    // The maker opened it by hand from their organisation's fork; connector-alm's token is their own.
    const organisation = scenario.github.addAccount('contoso', { type: 'Organization' });
    const orgFork = await scenario.github.state.addRepository(
      organisation,
      'PowerPlatformConnectors',
      'dev',
      scenario.upstream,
    );
    await orgFork.git.updateRef('refs/heads/dev', (await scenario.upstream.git.readRef('refs/heads/dev'))!);
    await orgFork.git.updateRef(
      'refs/heads/add-contoso-tasks',
      (await orgFork.git.readRef('refs/heads/dev'))!,
    );
    await scenario.github.commit(orgFork, 'add-contoso-tasks', inFolder(CONNECTOR, connectorFiles()));
    const client = createGitHubClient({
      token: scenario.contributor.token,
      baseUrl: scenario.github.url,
      logger: createMemoryLogger(),
      writeIntervalMs: 0,
    });
    const { data: byHand } = await client.rest.pulls.create({
      owner: 'microsoft',
      repo: 'PowerPlatformConnectors',
      head: 'contoso:add-contoso-tasks',
      base: 'dev',
      title: 'Contoso Tasks',
      maintainer_can_modify: false,
    });

    const result = await submitConnector(scenario).promise;
    expect(result.operation).toBe('created');
    expect(result.warnings).toEqual([
      `Pull request #${byHand.number} (${byHand.html_url}), from contoso:add-contoso-tasks, changes ${CONNECTOR} too, and the reviewers of microsoft/PowerPlatformConnectors take one pull request per connector: close one of the two.`,
    ]);
  });
});

describe('a pull request of the same owner behind a hundred newer ones', () => {
  it('is found on the second page GitHub lists the open pull requests on', async () => {
    // PowerPlatformConnectors has hundreds of open pull requests; GitHub lists them newest first, a
    // hundred a page at most. The maker's, opened first, is on the second.
    const byHand = await openByHand(scenario, 'add-contoso-tasks', inFolder(CONNECTOR, connectorFiles()));
    const stranger = scenario.github.addAccount('fabrikam-dev');
    await openByHand(
      scenario,
      'fix-0',
      inFolder('certified-connectors/Fabrikam', { 'readme.md': '# Fabrikam\n' }),
      stranger,
    );
    const { client, fork } = await clientAndFork(scenario, stranger);
    const fix = (await fork.git.readRef('refs/heads/fix-0'))!;
    for (let n = 1; n <= 100; n++) {
      await fork.git.updateRef(`refs/heads/fix-${n}`, fix);
      await client.rest.pulls.create({
        owner: 'microsoft',
        repo: 'PowerPlatformConnectors',
        head: `${stranger.login}:fix-${n}`,
        base: 'dev',
        title: `Fabrikam fix ${n}`,
      });
    }

    const before = scenario.github.requests.length;
    const result = await submitConnector(scenario).promise;
    expect(result.operation).toBe('created');
    expect(result.warnings).toEqual([expect.stringContaining(`Pull request #${byHand} `)]);
    const pages = scenario.github.requests
      .slice(before)
      .filter((request) => request.operationId === 'pulls/list' && !request.path.includes('head='));
    expect(pages).toHaveLength(2);
  });
});

describe('a pull request of the same owner that changes the connector after a hundred other files', () => {
  it('is found by the files GitHub lists on the second page', async () => {
    // GitHub lists a pull request's files a hundred a page at most: in a tidy-up of many connectors,
    // Contoso Tasks' folder can be on the second page (here it is, after A000-A099 in path order).
    const others = Object.fromEntries(
      Array.from({ length: 100 }, (_, n) => [
        `certified-connectors/A${String(n).padStart(3, '0')}/readme.md`,
        `# ${n}\n`,
      ]),
    );
    const byHand = await openByHand(scenario, 'tidy-readmes', {
      ...others,
      ...inFolder(CONNECTOR, { 'readme.md': '# Contoso Tasks\n' }),
    });
    const result = await submitConnector(scenario).promise;
    expect(result.operation).toBe('created');
    expect(result.warnings).toEqual([expect.stringContaining(`Pull request #${byHand} `)]);
  });
});

describe('the connectors of one call', () => {
  it('read the token owner, the open pull requests against the base and their files once for all', async () => {
    // A pr of ten connectors asked GET /user ten times, and paged through every open pull request
    // of the upstream and listed the files of the owner's once per connector.
    const other = 'certified-connectors/Fabrikam Notes';
    writeConnector(
      scenario.workspace,
      connectorFilesWithSwagger((swagger) => {
        swagger.info.title = 'Fabrikam Notes';
      }),
      other,
    );
    const byHand = await openByHand(
      scenario,
      'fix-contoso-tasks',
      inFolder(CONNECTOR, { 'readme.md': '# Contoso Tasks\n' }),
    );
    const before = scenario.github.requests.length;
    const results = [];
    for await (const result of openPullRequests(
      { ...submissionTarget(scenario), connectors: [CONNECTOR, other] },
      { logger: createMemoryLogger(), sleep: async () => {}, writeIntervalMs: 0 },
    ))
      results.push(result);
    expect(results.map((result) => result.operation)).toEqual(['created', 'created']);
    // Still warned of by what was read once: the pull request by hand changes the first folder only.
    expect(results[0]!.warnings).toEqual([expect.stringContaining(`Pull request #${byHand} `)]);
    expect(results[1]!.warnings).toEqual([]);
    const sent = scenario.github.requests.slice(before);
    const count = (operationId: string, test: (path: string) => boolean = () => true) =>
      sent.filter((request) => request.operationId === operationId && test(request.path)).length;
    expect(count('users/get-authenticated')).toBe(1);
    expect(count('pulls/list', (query) => query.includes('base=dev') && !query.includes('head='))).toBe(1);
    expect(count('pulls/list-files')).toBe(1);
    // Each connector's own branch is asked for its own pull requests, open and closed.
    expect(count('pulls/list', (query) => query.includes('head=') && query.includes('state=open'))).toBe(2);
  });
});
