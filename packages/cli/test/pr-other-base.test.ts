import { describe, expect, it } from '@jest/globals';
import {
  CONNECTOR,
  CONNECTOR_BRANCH,
  putUpstreamMasterBehindDev,
  NO_WRITE_INTERVAL,
  scenarioForEachTest,
} from '@connector-alm/github/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

describe('connector-alm pr with a branch that heads a pull request against another base', () => {
  const scenario = scenarioForEachTest();

  it('is refused with exit code 1, saying to change the base of that pull request on GitHub', async () => {
    const env = {
      GITHUB_TOKEN: scenario.contributor.token,
      GITHUB_API_URL: scenario.github.url,
      ...NO_WRITE_INTERVAL,
    };
    // A first run targeted master, which PowerPlatformConnectors keeps behind dev.
    await putUpstreamMasterBehindDev(scenario);
    expect(await runCli(['pr', CONNECTOR, '--base', 'master'], memoryIo(scenario.workspace, env))).toBe(0);

    const io = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', CONNECTOR], io)).toBe(1);
    expect(io.out()).toBe(
      `${CONNECTOR}: not submitted: the branch ${CONNECTOR_BRANCH} of contoso-dev/PowerPlatformConnectors is the head of pull request #1 (${scenario.github.url}/microsoft/PowerPlatformConnectors/pull/1), which targets master: built on microsoft/PowerPlatformConnectors@dev, the branch would bring the commits of dev into it. Nothing was pushed for it. On GitHub, change the base branch of that pull request to the --base of this run (Edit, beside its title), then run again to update it; or close it, and the next run opens a pull request of its own.\n`,
    );
    expect(io.err()).toMatch(
      /^error: 1 connector of 1 not submitted: certified-connectors\/Contoso Tasks\.$/m,
    );
  }, 120_000);
});
