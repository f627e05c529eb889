import { describe, expect, it } from '@jest/globals';
import { inputWords } from '@connector-alm/core';
import {
  CHANGED_DESCRIPTION,
  CONNECTOR,
  connectorFiles,
  contributorFork,
  mergeUpstream,
  moveUpstreamBase,
  writeConnector,
} from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { submitConnector } from './helpers/submit-connector.js';

const scenario = scenarioForEachTest();

/** The requests that write something, from the index given on. */
const writesSince = (from: number) =>
  scenario.github.requests
    .slice(from)
    .filter((request) => request.method !== 'GET')
    .map((request) => request.operationId);

const closedWarning = (resubmit: string) =>
  `Pull request #1 (${pullUrl(1)}) was closed without merging, and ${CONNECTOR} has not changed since: no pull request was opened, so as not to send microsoft/PowerPlatformConnectors@dev again what it closed. Read why on the pull request; once you change the connector, the next run opens a new pull request. To send this version again as it is, run with ${resubmit}.`;

const pullUrl = (number: number) =>
  `${new URL(scenario.github.url).origin}/microsoft/PowerPlatformConnectors/pull/${number}`;

describe('a pull request closed without merging', () => {
  it('is not opened again while the connector is unchanged, on every run, and the run says why and what to do', async () => {
    const first = await submitConnector(scenario).promise;
    expect(first).toMatchObject({ operation: 'created', number: 1 });
    await scenario.github.closePull(scenario.upstream.pulls[0]!);

    const before = scenario.github.requests.length;
    const { promise, logger } = submitConnector(scenario);
    const rerun = await promise;
    const warning = closedWarning('--resubmit');
    expect(rerun).toMatchObject({
      operation: 'none',
      number: 1,
      url: pullUrl(1),
      reason: 'pull request #1 was closed without merging, and the connector has not changed since',
      warnings: [warning],
    });
    expect(rerun.headSha).toBeUndefined();
    expect(logger.lines).toContain(`warning: ${warning}`);
    expect(writesSince(before)).toEqual([]);
    expect(scenario.upstream.pulls).toHaveLength(1);

    // The nightly run after the upstream moved on, the branch deleted on GitHub after the close.
    await moveUpstreamBase(scenario);
    await contributorFork(scenario)!.git.git(['update-ref', '-d', `refs/heads/${first.branch}`]);
    const later = await submitConnector(scenario, { say: inputWords }).promise;
    expect(later).toMatchObject({
      operation: 'none',
      number: 1,
      warnings: [closedWarning('resubmit: true')],
    });
    expect(scenario.upstream.pulls).toHaveLength(1);
  });

  it('is followed by a new pull request once the connector changes', async () => {
    await submitConnector(scenario).promise;
    await scenario.github.closePull(scenario.upstream.pulls[0]!);
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const changed = await submitConnector(scenario).promise;
    expect(changed).toMatchObject({ operation: 'created', number: 2, warnings: [] });
    expect(scenario.upstream.pulls[1]!.state).toBe('open');
  });

  it('is followed by a new pull request of the same connector with resubmit', async () => {
    await submitConnector(scenario).promise;
    await scenario.github.closePull(scenario.upstream.pulls[0]!);
    const resubmitted = await submitConnector(scenario, { resubmit: true }).promise;
    expect(resubmitted).toMatchObject({ operation: 'created', number: 2, warnings: [] });
  });

  it('is the last one closed: an earlier one closed with this version does not hold it back', async () => {
    // The maker sent v1 (closed), then v2 (closed), and now sends v1 again: what was last refused is
    // v2, so v1 goes in a new pull request.
    await submitConnector(scenario).promise;
    await scenario.github.closePull(scenario.upstream.pulls[0]!);
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    expect(await submitConnector(scenario).promise).toMatchObject({ operation: 'created', number: 2 });
    await scenario.github.closePull(scenario.upstream.pulls[1]!);
    writeConnector(scenario.workspace, connectorFiles());
    const again = await submitConnector(scenario).promise;
    expect(again).toMatchObject({ operation: 'created', number: 3, warnings: [] });
  });

  it('is looked at only when it is the last: a later pull request still open is updated', async () => {
    await submitConnector(scenario).promise;
    await scenario.github.closePull(scenario.upstream.pulls[0]!);
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    await submitConnector(scenario).promise;
    // Back to the version of the closed pull request, while the second is open.
    writeConnector(scenario.workspace, connectorFiles());
    const back = await submitConnector(scenario).promise;
    expect(back).toMatchObject({ operation: 'updated', number: 2, warnings: [] });
  });

  it("is found unchanged beside the upstream's copy of a file the run leaves out, settings.json", async () => {
    // The branch kept the upstream's settings.json, which the maker's own never replaces: that copy
    // is no change of the connector, or every scheduled run would open the closed pull request again.
    await mergeUpstream(scenario, { ...connectorFiles(), 'settings.json': '{}\n' });
    writeConnector(scenario.workspace, {
      ...connectorFiles(CHANGED_DESCRIPTION),
      'settings.json': '{ "environment": "Default-mine" }\n',
    });
    expect(await submitConnector(scenario).promise).toMatchObject({ operation: 'created', number: 1 });
    await scenario.github.closePull(scenario.upstream.pulls[0]!);
    const rerun = await submitConnector(scenario).promise;
    expect(rerun).toMatchObject({ operation: 'none', number: 1, warnings: [closedWarning('--resubmit')] });
    expect(scenario.upstream.pulls).toHaveLength(1);
  });
});

describe('a merged pull request', () => {
  it('is not followed by one that takes back what the upstream changed in the folder since', async () => {
    await submitConnector(scenario).promise;
    await scenario.github.closePull(scenario.upstream.pulls[0]!, { merged: true });
    // Merged, the connector equals the upstream's: nothing to do, as before.
    expect(await submitConnector(scenario).promise).toMatchObject({
      operation: 'none',
      reason: 'no difference from microsoft/PowerPlatformConnectors@dev',
    });

    // A maintainer's fix to the readme, merged upstream; the maker's connector is as it was merged.
    await mergeUpstream(scenario, { 'readme.md': '# Contoso Tasks\n\nFixed by a maintainer.\n' });
    const { promise, logger } = submitConnector(scenario);
    const rerun = await promise;
    const warning = `Pull request #1 (${pullUrl(1)}) was merged, and ${CONNECTOR} has not changed since; ${CONNECTOR} in microsoft/PowerPlatformConnectors@dev has changed since then, and a pull request now would take those changes back: none was opened. Bring the upstream's ${CONNECTOR} into ${CONNECTOR} and change it from there, or run with --resubmit to propose this version all the same.`;
    expect(rerun).toMatchObject({
      operation: 'none',
      number: 1,
      reason:
        'pull request #1 was merged, and the connector has not changed since, but microsoft/PowerPlatformConnectors@dev has',
      warnings: [warning],
    });
    expect(logger.lines).toContain(`warning: ${warning}`);
    expect(scenario.upstream.pulls).toHaveLength(1);
  });
});
