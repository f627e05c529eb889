import { describe, expect, it } from '@jest/globals';
import { createMemoryLogger } from '@connector-alm/core';
import { contributorFork } from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { contributorClient } from './helpers/submit-connector.js';

const scenario = scenarioForEachTest();

/** The contributor's fork of the upstream, made over the API as GitHub's pages do. */
async function forked() {
  const client = contributorClient(scenario, createMemoryLogger());
  await client.rest.repos.createFork({
    owner: 'microsoft',
    repo: 'PowerPlatformConnectors',
    default_branch_only: true,
  });
  return { client, fork: contributorFork(scenario)! };
}

// The local GitHub's compare endpoint (repos/compare-commits-with-basehead), whose answers the
// server checks against GitHub's OpenAPI description (a violation fails the test).
describe('the local GitHub compares two commits', () => {
  it("says a fork's branch is behind the upstream's, and lists the commits only head has", async () => {
    const { client, fork } = await forked();
    const forkDev = (await fork.git.readRef('refs/heads/dev'))!;
    await scenario.github.commit(scenario.upstream, 'dev', { 'README.md': 'newer\n' });
    const dev = (await scenario.upstream.git.readRef('refs/heads/dev'))!;
    const compare = (basehead: string) =>
      client.rest.repos.compareCommitsWithBasehead({
        owner: 'contoso-dev',
        repo: 'PowerPlatformConnectors',
        basehead,
      });

    const behind = (await compare(`${dev}...${forkDev}`)).data;
    expect(behind).toMatchObject({
      status: 'behind',
      ahead_by: 0,
      behind_by: 1,
      total_commits: 0,
      commits: [],
    });
    expect(behind.merge_base_commit.sha).toBe(forkDev);
    expect(behind.base_commit.sha).toBe(dev);

    const ahead = (await compare(`${forkDev}...${dev}`)).data;
    expect(ahead).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1 });
    expect(ahead.commits.map((commit) => commit.sha)).toEqual([dev]);
    expect(ahead.commits[0]!.commit.message).toBe((await scenario.upstream.git.readCommit(dev)).message);

    expect((await compare(`${dev}...${dev}`)).data).toMatchObject({ status: 'identical', ahead_by: 0 });

    await scenario.github.commit(fork, 'dev', { 'NOTES.md': 'mine\n' });
    const diverged = (await compare(`${dev}...dev`)).data;
    expect(diverged).toMatchObject({ status: 'diverged', ahead_by: 1, behind_by: 1 });
    expect(diverged.merge_base_commit.sha).toBe(forkDev);
  });

  it("reads an owner's branch of the same network, as `owner:branch`", async () => {
    const { client } = await forked();
    await scenario.github.commit(scenario.upstream, 'dev', { 'README.md': 'newer\n' });
    const { data } = await client.rest.repos.compareCommitsWithBasehead({
      owner: 'microsoft',
      repo: 'PowerPlatformConnectors',
      basehead: 'dev...contoso-dev:dev',
    });
    expect(data).toMatchObject({ status: 'behind', behind_by: 1 });
  });

  it('answers 404 for a side that names nothing', async () => {
    const { client } = await forked();
    await expect(
      client.rest.repos.compareCommitsWithBasehead({
        owner: 'contoso-dev',
        repo: 'PowerPlatformConnectors',
        basehead: 'dev...no-such-branch',
      }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
