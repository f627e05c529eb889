import { describe, expect, it } from '@jest/globals';
import {
  CHANGED_DESCRIPTION,
  connectorFiles,
  contributorFork,
  putUpstreamMasterBehindDev,
  writeConnector,
} from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { submitConnector } from './helpers/submit-connector.js';

const scenario = scenarioForEachTest();

describe('a branch that heads an open pull request against another base', () => {
  it('is not built on the new base, which would bring its commits into that pull request', async () => {
    // PowerPlatformConnectors has a master behind dev: a first run targeted it by mistake.
    const upstream = scenario.upstream;
    await putUpstreamMasterBehindDev(scenario);
    const first = await submitConnector(scenario, { base: 'master' }).promise;
    expect(first).toMatchObject({ operation: 'created', number: 1 });

    const { promise, logger } = submitConnector(scenario, { base: 'dev' });
    const rerun = await promise;
    const reason = `the branch ${first.branch} of contoso-dev/PowerPlatformConnectors is the head of pull request #1 (${first.url}), which targets master: built on microsoft/PowerPlatformConnectors@dev, the branch would bring the commits of dev into it. Nothing was pushed for it`;
    expect(rerun).toMatchObject({ operation: 'refused', refusal: 'other-base', reason });
    expect(logger.lines).toContain(`certified-connectors/Contoso Tasks: ${reason}.`);
    expect(await contributorFork(scenario)!.git.readRef(`refs/heads/${first.branch}`)).toBe(first.headSha);
    expect(upstream.pulls).toHaveLength(1);
  });

  // A rerun listed the branch's open pull requests twice: against the run's base, then against any.
  it("is found by the rerun's one look for the branch's open pull requests", async () => {
    const first = await submitConnector(scenario).promise;
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const before = scenario.github.requests.length;
    expect(await submitConnector(scenario).promise).toMatchObject({ operation: 'updated', number: 1 });
    const lists = scenario.github.requests
      .slice(before)
      .filter((request) => request.operationId === 'pulls/list')
      .map((request) => new URL(request.path, scenario.github.url).searchParams);
    expect(lists.map((query) => [query.get('state'), query.get('head'), query.get('base')])).toEqual([
      ['open', `contoso-dev:${first.branch}`, null],
    ]);
  });

  it('is built on the base of the run once that pull request targets it, as the refusal advises', async () => {
    const upstream = scenario.upstream;
    await putUpstreamMasterBehindDev(scenario);
    await submitConnector(scenario, { base: 'master' }).promise;
    // Its author changed the base on GitHub, as the refusal says.
    upstream.pulls[0]!.base.ref = 'dev';
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const rerun = await submitConnector(scenario, { base: 'dev' }).promise;
    expect(rerun).toMatchObject({ operation: 'updated', number: 1 });
    expect((await contributorFork(scenario)!.git.readCommit(rerun.headSha!)).parents).toEqual([
      await upstream.git.readRef('refs/heads/dev'),
    ]);
  });

  // PowerPlatformConnectors' master has merge commits dev lacks: a branch built on master, its pull
  // request's base changed to dev on GitHub, showed them until the connector next changed.
  it("is built again on the run's base, unchanged, when its pull request shows the other base's commits", async () => {
    const upstream = scenario.upstream;
    await putUpstreamMasterBehindDev(scenario);
    await scenario.github.commit(upstream, 'master', { 'README.md': 'Merge dev into master.\n' });
    const first = await submitConnector(scenario, { base: 'master' }).promise;
    upstream.pulls[0]!.base.ref = 'dev';
    const { promise, logger } = submitConnector(scenario, { base: 'dev' });
    const rerun = await promise;
    const dev = await upstream.git.readRef('refs/heads/dev');
    expect(rerun).toMatchObject({ operation: 'updated', number: 1 });
    expect((await contributorFork(scenario)!.git.readCommit(rerun.headSha!)).parents).toEqual([dev]);
    const builtOn = (await contributorFork(scenario)!.git.readCommit(first.headSha!)).parents[0];
    expect(logger.lines).toContain(
      `Pull request #1 shows 2 commits, not only the branch's own: the commit the branch is built on (${builtOn}) is not in microsoft/PowerPlatformConnectors@dev's history, so the branch is built again on ${dev}.`,
    );
  });

  it('stays on the older base when its pull request shows its own commit alone', async () => {
    const upstream = scenario.upstream;
    await putUpstreamMasterBehindDev(scenario);
    const first = await submitConnector(scenario, { base: 'master' }).promise;
    upstream.pulls[0]!.base.ref = 'dev';
    const rerun = await submitConnector(scenario, { base: 'dev' }).promise;
    expect(rerun.headSha).toBe(first.headSha);
  });
});
