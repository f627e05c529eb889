import { beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, runActionBundle } from '@connector-alm/testing';
import {
  CONNECTOR,
  connectorFiles,
  connectorFilesWithSwagger,
  deprecateWithoutNewVersion,
  mergeUpstream,
  NO_WRITE_INTERVAL,
  scenarioForAllTests,
  writeConnector,
  type Scenario,
} from '@connector-alm/github/testing';
import { commitOnDev, git } from './helpers/pull-request-repo.js';

// "Fail on warnings" failed `validate --base` and validate-connector on a warning about the change
// (BRK-DEPRECATION-PROCESS), while `pr --fail-on warning` and open-pull-request submitted the same
// change: their fail-on judged the validation findings only. One change, one verdict everywhere.

const RUN_TIMEOUT = 120_000;
const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const UPSTREAM = 'microsoft/PowerPlatformConnectors@dev';

/**
 * The connector with no warning of its own, so that only the change can fail it: without the icon
 * (a certified connector's goes with the certification package), whose 16×16 px ICON-SIZE warns of.
 */
function withoutWarnings(files: Record<string, string | Buffer>): Record<string, string | Buffer> {
  const { 'icon.png': _icon, ...rest } = files;
  return rest;
}

/** ListTasks deprecated in a family of its own, for a new version that is not there: a warning, nothing broken. */
function halfDoneDeprecation(): Record<string, string | Buffer> {
  return withoutWarnings(connectorFilesWithSwagger(deprecateWithoutNewVersion));
}

/** The CLI bundle in the workspace, as a maker runs it (asynchronous: the local GitHub answers in this process). */
async function cli(
  scenario: Scenario,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? scenario.workspace,
    GITHUB_TOKEN: scenario.contributor.token,
    GITHUB_API_URL: scenario.github.url,
    ...NO_WRITE_INTERVAL,
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      cwd: scenario.workspace,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('fail-on and a warning about the change: the same verdict in validate, pr and both actions', () => {
  const scenario = scenarioForAllTests();
  let baseSha: string;

  beforeAll(async () => {
    // The upstream and the workspace's dev hold the same version; the branch makes the one change.
    await mergeUpstream(scenario, withoutWarnings(connectorFiles()));
    writeConnector(scenario.workspace, withoutWarnings(connectorFiles()));
    baseSha = commitOnDev(scenario.workspace);
    git(scenario.workspace, 'checkout', '-qb', 'feature');
    writeConnector(scenario.workspace, halfDoneDeprecation());
    git(scenario.workspace, 'commit', '-qam', 'Deprecate ListTasks');
  });

  /** Each surface's exit code on the change at `level`, in the order validate, validate-connector, pr, open-pull-request. */
  async function verdicts(level: string) {
    const validate = await cli(scenario, ['validate', CONNECTOR, '--base', 'dev', '--fail-on', level]);
    const check = await runActionBundle('validate-connector', {
      workspace: scenario.workspace,
      eventName: 'pull_request',
      event: {
        pull_request: {
          number: 21,
          base: { ref: 'dev', sha: baseSha },
          head: { ref: 'feature', sha: git(scenario.workspace, 'rev-parse', 'HEAD').trim() },
        },
      },
      inputs: { 'fail-on': level },
    });
    const pr = await cli(scenario, ['pr', CONNECTOR, '--fail-on', level]);
    const submit = await runActionBundle('open-pull-request', {
      workspace: scenario.workspace,
      apiUrl: scenario.github.url,
      inputs: { token: scenario.contributor.token, connector: CONNECTOR, 'fail-on': level },
      timeoutMs: RUN_TIMEOUT,
      env: NO_WRITE_INTERVAL,
    });
    return { validate, check, pr, submit, codes: [validate.code, check.exitCode, pr.code, submit.exitCode] };
  }

  it(
    'fail-on warning: each fails on it, and neither pr nor open-pull-request sends anything',
    async () => {
      const { validate, check, pr, submit, codes } = await verdicts('warning');
      // The change's warning alone: the folder itself has no finding.
      expect(validate.stdout).toContain('0 errors, 1 warning');
      expect(validate.stdout).toMatch(/ warning BRK-DEPRECATION-PROCESS /);
      expect(check.outputs.result).toBe('failure');
      expect(codes).toEqual([1, 1, 1, 1]);
      // Printed on its line, then why it was refused and what to do.
      const lines = pr.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(
        /^certified-connectors\/Contoso Tasks\/apiDefinition\.swagger\.json:\d+:\d+ warning BRK-DEPRECATION-PROCESS /,
      );
      expect(lines[1]).toBe(
        `${CONNECTOR}: not submitted: the comparison with ${UPSTREAM} found 1 warning about the change (BRK-DEPRECATION-PROCESS; fail-on warning): nothing was pushed, no pull request opened or updated. Put right what each warning about the change above says, or pass --fail-on error to open the pull request and leave the warnings, which it lists, to its reviewers.`,
      );
      expect(submit.outputs.operation).toBe('refused');
      expect(submit.annotations).toContainEqual(
        expect.objectContaining({
          level: 'warning',
          file: `${CONNECTOR}/apiDefinition.swagger.json`,
          title: expect.stringMatching(/^BRK-DEPRECATION-PROCESS/),
        }),
      );
      expect(submit.annotations).toContainEqual({
        level: 'error',
        message: `${CONNECTOR}: not submitted: the comparison with ${UPSTREAM} found 1 warning about the change (BRK-DEPRECATION-PROCESS; fail-on warning): nothing was pushed, no pull request opened or updated. Put right what each warning about the change says (its annotation says what to write), or set fail-on: error to open the pull request and leave the warnings, which it lists, to its reviewers.`,
      });
      expect(scenario.github.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    },
    4 * RUN_TIMEOUT,
  );

  it(
    'fail-on error: each passes it, and the pull request lists it for the reviewers',
    async () => {
      const { check, submit, codes } = await verdicts('error');
      expect(check.outputs.result).toBe('success');
      expect(codes).toEqual([0, 0, 0, 0]);
      // pr opened the pull request, the action found it up to date.
      expect(submit.outputs.operation).toBe('none');
      expect(scenario.upstream.pulls[0]!.body).toContain('| warning | BRK-DEPRECATION-PROCESS |');
    },
    4 * RUN_TIMEOUT,
  );
});
