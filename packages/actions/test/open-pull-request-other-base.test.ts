import { describe, expect, it } from '@jest/globals';
import { runActionBundle } from '@connector-alm/testing';
import {
  CONNECTOR,
  CONNECTOR_BRANCH,
  putUpstreamMasterBehindDev,
  NO_WRITE_INTERVAL,
  scenarioForEachTest,
} from '@connector-alm/github/testing';
import { expectFailedWith } from './helpers/step-failure.js';

describe('open-pull-request with a branch that heads a pull request against another base', () => {
  const scenario = scenarioForEachTest();
  const run = (base: string) =>
    runActionBundle('open-pull-request', {
      workspace: scenario.workspace,
      apiUrl: scenario.github.url,
      inputs: { token: scenario.contributor.token, connector: CONNECTOR, base },
      timeoutMs: 120_000,
      env: NO_WRITE_INTERVAL,
    });

  it("fails the step in the base input's words, saying to change the base of that pull request", async () => {
    // A first run targeted master, which PowerPlatformConnectors keeps behind dev.
    const upstream = scenario.upstream;
    await putUpstreamMasterBehindDev(scenario);
    expect((await run('master')).exitCode).toBe(0);

    const rerun = await run('dev');
    expectFailedWith(rerun, {
      level: 'error',
      message: `${CONNECTOR}: not submitted: the branch ${CONNECTOR_BRANCH} of contoso-dev/PowerPlatformConnectors is the head of pull request #1 (${scenario.github.url}/microsoft/PowerPlatformConnectors/pull/1), which targets master: built on microsoft/PowerPlatformConnectors@dev, the branch would bring the commits of dev into it. Nothing was pushed for it. On GitHub, change the base branch of that pull request to the base input of this step (Edit, beside its title), then run again to update it; or close it, and the next run opens a pull request of its own.`,
    });
    expect(rerun.outputs.operation).toBe('refused');
    expect(upstream.pulls).toHaveLength(1);
  }, 240_000);
});
