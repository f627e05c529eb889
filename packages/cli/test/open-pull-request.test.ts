import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Command } from 'commander';
import { UsageError } from '@connector-alm/core';
import { describeResult, registerOpenPullRequestCommand } from '../src/commands/open-pull-request.js';
import { CONNECTOR, startScenario, type Scenario } from '@connector-alm/github/testing';
import { memoryIo } from './memory-io.js';

/** The `pr` command on a program of its own (the lead wires it into program.ts). */
async function pr(args: string[], io: ReturnType<typeof memoryIo>): Promise<number> {
  let exit = 0;
  const program = new Command('connector-alm').option('--debug').exitOverride();
  registerOpenPullRequestCommand(program, { io, setExit: (code) => (exit = Math.max(exit, code)) });
  await program.parseAsync(['pr', ...args], { from: 'user' });
  return exit;
}

describe('connector-alm pr', () => {
  let scenario: Scenario;
  beforeAll(async () => {
    scenario = await startScenario();
  });
  afterAll(async () => {
    expect(scenario.github.violations).toEqual([]);
    await scenario.dispose();
  });

  it('opens the pull request with the token and API root from the environment and prints the result as JSON', async () => {
    const io = memoryIo(scenario.workspace, {
      GITHUB_TOKEN: scenario.contributor.token,
      GITHUB_API_URL: scenario.github.url,
    });
    expect(await pr([CONNECTOR, '--format', 'json'], io)).toBe(0);
    const [result] = JSON.parse(io.out()) as { operation: string; number: number; branch: string }[];
    expect(result).toMatchObject({
      operation: 'created',
      number: 1,
      branch: 'connector-alm/certified-connectors/contoso-tasks',
    });
    expect(io.err()).toMatch(/Created the fork contoso-dev\/PowerPlatformConnectors/);
    expect(io.out() + io.err()).not.toContain(scenario.contributor.token);
  }, 120_000);

  it('refuses to run without a token, saying where to put one', async () => {
    const io = memoryIo(scenario.workspace, {});
    await expect(pr([CONNECTOR], io)).rejects.toThrow(UsageError);
    await expect(pr([CONNECTOR], io)).rejects.toThrow('No GitHub token.');
  });
});

describe('describeResult', () => {
  it('tells that a pull request now proposing no change can be closed', () => {
    expect(
      describeResult({
        connector: CONNECTOR,
        targetFolder: CONNECTOR,
        operation: 'emptied',
        reason: 'pull request #1 proposes no change now: close it',
        number: 1,
        url: 'https://github.com/microsoft/PowerPlatformConnectors/pull/1',
        branch: 'connector-alm/certified-connectors/contoso-tasks',
        headSha: 'abc1234',
        warnings: [],
      }),
    ).toBe(
      `${CONNECTOR}: pull request #1 proposes no change now: close it https://github.com/microsoft/PowerPlatformConnectors/pull/1 (branch connector-alm/certified-connectors/contoso-tasks at abc1234 holds the upstream version)`,
    );
  });
});
