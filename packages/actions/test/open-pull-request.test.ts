import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type ActionRun,
  resolverSaysNoSuchHost,
  runActionBundle,
  type RunActionOptions,
} from '@connector-alm/testing';
import {
  CONNECTOR,
  CONNECTOR_BRANCH as BRANCH,
  connectorFiles,
  copyConnector,
  connectorFilesWithAnError,
  contributorFork,
  filesOnBranch,
  NAMESAKE,
  NO_WRITE_INTERVAL,
  scenarioForAllTests,
  startScenario,
  writeConnector,
  writeGapsMs,
  type Scenario,
} from '@connector-alm/github/testing';
import { validSwagger } from '@connector-alm/validator/testing';
import { readmeTodoHeading } from '@connector-alm/core';
import { errorContaining, expectFailedWith } from './helpers/step-failure.js';
import { git } from './helpers/pull-request-repo.js';

const RUN_TIMEOUT = 120_000;

/** Runs the open-pull-request bundle in the scenario's workspace, against its local GitHub. */
function runAction(
  scenario: Scenario,
  inputs: Record<string, string>,
  options: Partial<RunActionOptions> = {},
): Promise<ActionRun> {
  return runActionBundle('open-pull-request', {
    workspace: scenario.workspace,
    apiUrl: scenario.github.url,
    inputs,
    timeoutMs: RUN_TIMEOUT,
    ...options,
    env: { ...NO_WRITE_INTERVAL, ...options.env },
  });
}

/** The log as shown: the runner swallows ::add-mask:: lines and hides their values everywhere else. */
function withoutMaskCommands(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

describe('open-pull-request, run as the runner runs it against a local GitHub', () => {
  const scenario = scenarioForAllTests();
  const runs: ActionRun[] = [];

  beforeAll(async () => {
    // Upstream already has an older version of the connector, with a file the workspace no longer has:
    // the same address, no operations yet (which breaks nothing: breaking changes have tests of their own).
    const older = validSwagger();
    older.paths = {};
    await scenario.github.commit(scenario.upstream, 'dev', {
      [`${CONNECTOR}/apiDefinition.swagger.json`]: `${JSON.stringify(older, null, 2)}\n`,
      [`${CONNECTOR}/intro.md`]: 'An old page the connector dropped.\n',
    });
  });

  async function run(token = scenario.contributor.token): Promise<ActionRun> {
    const result = await runAction(
      scenario,
      { token, connector: CONNECTOR, labels: 'new-connector, certified' },
      { env: { GITHUB_SHA: 'f00dfeed' } },
    );
    runs.push(result);
    expect(withoutMaskCommands(result.stdout)).not.toContain(token);
    return result;
  }

  const fork = () => contributorFork(scenario)!;

  it(
    'first run: creates the fork, waits until GitHub has copied it, then commits the branch and opens the pull request',
    async () => {
      scenario.github.setFaults({ forkNotReadyFor: 3 });
      const result = await run();
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(result.masks).toContain(scenario.contributor.token);
      expect(result.outputs).toMatchObject({
        operation: 'created',
        'pull-request-number': '1',
        branch: BRANCH,
      });
      expect(result.outputs['pull-request-url']).toBe(
        `${scenario.github.url}/microsoft/PowerPlatformConnectors/pull/1`,
      );
      expect(result.outputs['head-sha']).toBe(await fork().git.readRef(`refs/heads/${BRANCH}`));
      const polls = scenario.github.requests.filter(
        (request) => request.path === '/repos/contoso-dev/PowerPlatformConnectors/git/ref/heads%2Fdev',
      );
      expect(polls.map((request) => request.status)).toEqual([409, 409, 409, 200]);

      const pull = scenario.upstream.pulls[0]!;
      expect(pull).toMatchObject({
        title: 'Contoso Tasks',
        state: 'open',
        head: { repository: fork(), ref: BRANCH },
      });
      expect(pull.body).toContain('Source: contoso/connectors\\@\u200bf00dfeed'.replace('\\', ''));
      // No triage rights upstream: the label is a warning, not a failure.
      expect(result.annotations).toEqual([
        expect.objectContaining({
          level: 'warning',
          message: expect.stringMatching(
            /Could not add the labels new-connector, certified on pull request /,
          ),
        }),
      ]);
    },
    RUN_TIMEOUT,
  );

  it(
    "leaves the certified connector's icon out, saying so, and deletes the file the connector lost",
    async () => {
      const files = await filesOnBranch(fork(), BRANCH, CONNECTOR);
      // A certified connector's icon goes with the certification package, not into the repository.
      expect(Object.keys(files).sort()).toEqual([
        'apiDefinition.swagger.json',
        'apiProperties.json',
        'readme.md',
      ]);
      expect(runs[0]!.stdout).toContain(
        "Left out of the pull request: icon.png, as a certified connector's icon goes with the certification package, not into the repository (ICON-IN-REPO); a copy the upstream has stays as it is.",
      );
      expect(
        await scenario.upstream.git.git(['ls-tree', '--name-only', `refs/heads/dev:${CONNECTOR}`]),
      ).toContain('intro.md');
      // The branch is one commit on the upstream's dev.
      const head = await fork().git.readCommit(runs[0]!.outputs['head-sha']!);
      expect(head.parents).toEqual([await scenario.upstream.git.readRef('refs/heads/dev')]);
    },
    RUN_TIMEOUT,
  );

  it(
    'second run with a changed connector survives rate limiting and updates the same pull request',
    async () => {
      writeConnector(
        scenario.workspace,
        connectorFiles('Contoso Tasks now also tracks time spent on every task, per person.'),
      );
      const before = scenario.github.requests.length;
      scenario.github.setFaults({
        secondaryRateLimit: { times: 1, retryAfterSeconds: 1 },
        primaryRateLimit: { times: 1, resetInSeconds: 1 },
      });
      const result = await run();
      expect(result.exitCode).toBe(0);
      expect(result.outputs).toMatchObject({
        operation: 'updated',
        'pull-request-number': '1',
        branch: BRANCH,
      });
      expect(result.outputs['head-sha']).not.toBe(runs[0]!.outputs['head-sha']);
      const limited = scenario.github.requests.slice(before).filter((request) => request.status === 403);
      expect(limited.map((request) => request.operationId)).toEqual(['git/get-ref', 'git/get-ref']);
      // CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS=0 (runAction's default here): no second between writes.
      expect(Math.min(...writeGapsMs(scenario.github.requests.slice(before)))).toBeLessThan(900);
      expect(result.annotations.filter((a) => /rate limit/.test(a.message))).toHaveLength(2);
      expect(scenario.upstream.pulls).toHaveLength(1);
      const swagger = await fork().git.git([
        'cat-file',
        'blob',
        `refs/heads/${BRANCH}:${CONNECTOR}/apiDefinition.swagger.json`,
      ]);
      expect(swagger).toContain('time spent on every task');
    },
    RUN_TIMEOUT,
  );

  /** Runs again: a success that writes nothing to GitHub and leaves the branch where `previous` left it. */
  async function expectNoOpRerun(previous: ActionRun): Promise<void> {
    const writesBefore = writesTo(scenario);
    const result = await run();
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      operation: 'none',
      'pull-request-number': '1',
      'head-sha': previous.outputs['head-sha'],
    });
    expect(writesTo(scenario)).toBe(writesBefore);
  }

  it(
    'third run without a change is a no-op',
    async () => {
      await expectNoOpRerun(runs[1]!);
    },
    RUN_TIMEOUT,
  );

  it(
    'fourth run, after the upstream merged something else, leaves the branch and the pull request as they are',
    async () => {
      await scenario.github.commit(scenario.upstream, 'dev', {
        'certified-connectors/Fabrikam/readme.md': 'Fabrikam, merged meanwhile.\n',
      });
      await expectNoOpRerun(runs[2]!);
    },
    RUN_TIMEOUT,
  );
});

describe('open-pull-request with a connector that validation fails (fail-on)', () => {
  const BAD = 'certified-connectors/Bad Host';
  const scenario = scenarioForAllTests();
  beforeAll(() => {
    writeConnector(scenario.workspace, connectorFilesWithAnError(), BAD);
  });

  const run = (inputs: Record<string, string> = {}) =>
    runAction(scenario, { token: scenario.contributor.token, connector: `${BAD}\n${CONNECTOR}`, ...inputs });

  it(
    'submits the other connector, annotates the findings on their lines, says what to do and fails the step',
    async () => {
      const result = await run();
      expect(result.exitCode).toBe(1);
      expect(result.outputs).toEqual({
        operation: 'refused\ncreated',
        'pull-request-number': '\n1',
        'pull-request-url': `\n${scenario.github.url}/microsoft/PowerPlatformConnectors/pull/1`,
        branch: `\n${BRANCH}`,
        'head-sha': expect.stringMatching(/^\n[0-9a-f]{40}$/),
      });
      expect(result.annotations).toContainEqual(
        expect.objectContaining({
          level: 'error',
          title: expect.stringMatching(/^SWG-HOST/),
          file: `${BAD}/apiDefinition.swagger.json`,
          line: expect.any(Number),
        }),
      );
      expect(result.annotations).toContainEqual({
        level: 'error',
        message: `${BAD}: not submitted: validation found 1 error, 2 warnings, 2 info (fail-on error): nothing was pushed, no pull request opened or updated. Fix the findings (the validate-connector action or connector-alm validate lists them), or set fail-on: never to open the pull request anyway.`,
      });
      // The job summary's table: a row per connector, the refused one with its reason and no pull
      // request or branch (@actions/core writes an empty cell without its end tag, which HTML allows).
      expect(result.summary).toContain(
        '<h3>Connector pull requests</h3>\n<table><tr><th>Connector</th><th>Operation</th><th>Pull request</th><th>Branch</th><th>Breaking changes</th><th>Warnings about the change</th></tr>' +
          `<tr><td>${BAD}</td><td>refused (validation found 1 error, 2 warnings, 2 info (fail-on error): nothing was pushed, no pull request opened or updated)</td><td><td><td>0</td><td>0</td></tr>` +
          `<tr><td>${CONNECTOR}</td><td>created</td><td><a href="${scenario.github.url}/microsoft/PowerPlatformConnectors/pull/1">#1</a></td><td>${BRANCH}</td><td>0</td><td>0</td></tr></table>`,
      );
      expect(scenario.upstream.pulls.map((pull) => pull.title)).toEqual(['Contoso Tasks']);
    },
    RUN_TIMEOUT,
  );

  it(
    'with annotate-findings: false, lists the findings in the log instead, and still says why it refused',
    async () => {
      const result = await run({ 'annotate-findings': 'false' });
      expect(result.exitCode).toBe(1);
      expect(result.outputs.operation).toBe('refused\nnone');
      // A validate-connector step of the same job annotated them: the refusal alone is annotated here.
      expect(result.annotations).toEqual([
        {
          level: 'error',
          message: expect.stringMatching(new RegExp(`^${BAD}: not submitted: validation found 1 error, `)),
        },
      ]);
      expect(result.stdout).toContain(
        `${BAD}: the findings it was refused for (annotate-findings: false):\n`,
      );
      expect(result.stdout).toMatch(
        new RegExp(`\\n  ${BAD}/apiDefinition\\.swagger\\.json:\\d+:\\d+ error SWG-HOST `),
      );
      expect(result.summary).toContain('refused (validation found 1 error');
    },
    RUN_TIMEOUT,
  );

  it(
    'opens it anyway with fail-on: never',
    async () => {
      const result = await run({ 'fail-on': 'never' });
      expect(result.exitCode).toBe(0);
      expect(result.outputs.operation).toBe('created\nnone');
    },
    RUN_TIMEOUT,
  );
});

describe("open-pull-request with the repository's configuration file, as validate-connector reads it", () => {
  const BAD = 'certified-connectors/Bad Host';
  let scenario: Scenario;
  beforeAll(async () => {
    scenario = await startScenario();
    // The repository root: the search for the configuration file stops here, as in a checkout.
    mkdirSync(path.join(scenario.workspace, '.git'));
    cpSync(path.join(scenario.workspace, CONNECTOR), path.join(scenario.workspace, BAD), { recursive: true });
    const swagger = validSwagger();
    swagger.host = 'http://bad host';
    writeFileSync(
      path.join(scenario.workspace, BAD, 'apiDefinition.swagger.json'),
      JSON.stringify(swagger, null, 2),
    );
    mkdirSync(path.join(scenario.workspace, 'ci'));
    writeFileSync(path.join(scenario.workspace, 'ci', 'pr.yml'), 'rules:\n  SWG-HOST: off\n');
  });
  afterAll(async () => {
    await scenario.dispose();
    expect(scenario.github.violations).toEqual([]);
  });

  // runAction, whose CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS=0 spares the pull request the local
  // server GitHub's second between writes (7 s of them), with the bad connector and this token.
  const run = (inputs: Record<string, string> = {}) =>
    runAction(scenario, { token: scenario.contributor.token, connector: BAD, ...inputs });

  it(
    'fails the step on a mistake in the file it finds, on its line, before any request',
    async () => {
      writeFileSync(path.join(scenario.workspace, '.connector-alm.yml'), 'rules:\n  SWG-HOTS: off\n');
      const result = await run();
      expect(result.exitCode).toBe(1);
      expect(result.annotations).toEqual([
        expect.objectContaining({
          level: 'error',
          file: '.connector-alm.yml',
          line: 2,
          message: expect.stringMatching(/^Unknown rule 'SWG-HOTS'\. Did you mean 'SWG-HOST'\?/),
        }),
      ]);
      expect(scenario.github.requests).toEqual([]);
    },
    RUN_TIMEOUT,
  );

  it(
    'reads the file of a checkout nested in the workspace for a connector in it, as validate does',
    async () => {
      // Upstream checked out into the workspace (its own .git), with a mistake in its own file.
      const nested = path.join(scenario.workspace, 'upstream');
      cpSync(path.join(scenario.workspace, BAD), path.join(nested, BAD), { recursive: true });
      mkdirSync(path.join(nested, '.git'));
      writeFileSync(path.join(nested, '.connector-alm.yml'), 'rules:\n  SWG-HOTS: off\n');
      const before = scenario.github.requests.length;
      try {
        const result = await run({ connector: `upstream/${BAD}` });
        expect(result.exitCode).toBe(1);
        expect(result.annotations).toEqual([
          expect.objectContaining({ level: 'error', file: 'upstream/.connector-alm.yml', line: 2 }),
        ]);
        expect(scenario.github.requests.slice(before)).toEqual([]);
      } finally {
        rmSync(nested, { recursive: true, force: true });
      }
    },
    RUN_TIMEOUT,
  );

  it(
    'submits a connector whose only error is of a rule that the config input turns off',
    async () => {
      const result = await run({ config: 'ci/pr.yml' });
      expect(result.exitCode).toBe(0);
      expect(result.outputs.operation).toBe('created');
      expect(scenario.upstream.pulls[0]!.body).not.toContain('SWG-HOST');
    },
    RUN_TIMEOUT,
  );
});

// Skipped, saying why, where no DNS resolver answers that .invalid names do not exist.
const resolverAnswers = await resolverSaysNoSuchHost();

describe('open-pull-request without the permission to write', () => {
  const scenario = scenarioForAllTests();

  it(
    'fails with an error that names the missing permission, and no stack trace',
    async () => {
      const readOnly = scenario.github.addAccount('read-only-dev', { canWrite: false });
      const result = await runAction(scenario, { token: readOnly.token, connector: CONNECTOR });
      expect(result.exitCode).toBe(1);
      expect(result.outputs).toEqual({});
      expect(result.annotations).toEqual([
        expect.objectContaining({
          level: 'error',
          message: expect.stringMatching(
            /^GitHub refused creating the fork on microsoft\/PowerPlatformConnectors \(403 Resource not accessible by personal access token\)\. .*public_repo scope/,
          ),
        }),
      ]);
      expect(withoutMaskCommands(result.stdout)).not.toContain(readOnly.token);
      expect(result.stdout).not.toMatch(/at .*\.cjs:\d+/);
    },
    RUN_TIMEOUT,
  );

  // plugin-retry waited 1, 4 and 9 s before "GitHub failed … (500 getaddrinfo ENOTFOUND …)".
  (resolverAnswers ? it : it.skip)(
    'fails at once with one annotation naming the host when GITHUB_API_URL names one that does not exist',
    async () => {
      const token = 'ghp_Hunter2TokenThatMustNeverBePrinted';
      const result = await runAction(
        scenario,
        { token, connector: CONNECTOR },
        { apiUrl: 'https://github.contoso.invalid/api/v3', timeoutMs: 10_000 },
      );
      expectFailedWith(
        result,
        expect.objectContaining({
          level: 'error',
          message: expect.stringMatching(
            /^Could not reach the GitHub API at https:\/\/github\.contoso\.invalid\/api\/v3: DNS has no host named github\.contoso\.invalid \(ENOTFOUND\)\. Check the API URL for a typo\. It is GITHUB_API_URL /,
          ),
        }),
      );
      expect(withoutMaskCommands(result.stdout)).not.toContain(token);
      expect(result.stdout).not.toMatch(/at .*\.cjs:\d+/);
    },
  );

  it(
    'keeps the pull requests already opened in its outputs and summary when a later connector fails',
    async () => {
      // An empty folder in certified-connectors/ is a connector folder without its swagger: refused,
      // with its findings, after the first connector's pull request was opened.
      mkdirSync(path.join(scenario.workspace, 'certified-connectors/Not A Connector'), { recursive: true });
      const result = await runAction(scenario, {
        token: scenario.contributor.token,
        connector: `${CONNECTOR}\ncertified-connectors/Not A Connector`,
      });
      expect(result.exitCode).toBe(1);
      expect(result.annotations).toContainEqual(
        expect.objectContaining({
          level: 'error',
          message: expect.stringMatching(
            /Not A Connector: not submitted: it has no apiDefinition\.swagger\.json/,
          ),
        }),
      );
      // One line per connector, as for any refusal: the second was refused, and has no number.
      expect(result.outputs).toMatchObject({ operation: 'created\nrefused', 'pull-request-number': '1\n' });
      expect(result.summary).toContain(`${scenario.github.url}/microsoft/PowerPlatformConnectors/pull/1`);
    },
    RUN_TIMEOUT,
  );

  // As the publish workflow passes it when the caller's secret (CONNECTORS_PAT) does not exist.
  it('says which secret to create when the token is empty, before anything is sent', async () => {
    const requests = scenario.github.requests.length;
    const result = await runAction(scenario, { token: '', connector: CONNECTOR });
    expectFailedWith(
      result,
      expect.objectContaining({
        level: 'error',
        message:
          "Input 'token' is required but was empty. Give a classic personal access token of the fork owner (public_repo scope) from a secret: create the repository secret (the example publish workflow reads CONNECTORS_PAT) and pass it, e.g. 'token: ${{ secrets.CONNECTORS_PAT }}'. An empty value is a secret that does not exist, or that a calling workflow did not pass on under secrets:.",
      }),
    );
    expect(scenario.github.requests.length).toBe(requests);
  });

  it('refuses a CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS that is no number of milliseconds, before anything is sent', async () => {
    const requests = scenario.github.requests.length;
    const result = await runAction(
      scenario,
      { token: scenario.contributor.token, connector: CONNECTOR },
      { env: { CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS: '1s' } },
    );
    expectFailedWith(
      result,
      expect.objectContaining({
        level: 'error',
        message:
          "The environment variable CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS must be a whole number of milliseconds; it is '1s'. Unset it to wait GitHub's one second between writes; it is meant for tests against a local GitHub.",
      }),
    );
    expect(scenario.github.requests.length).toBe(requests);
  });

  // The library's advice names settings as the action takes them, not as the CLI does (--base, --token).
  it('names its inputs in its advice: a base branch the upstream lacks, an API URL with a password', async () => {
    const missing = await runAction(scenario, {
      token: scenario.contributor.token,
      connector: CONNECTOR,
      base: 'nosuch',
    });
    expectFailedWith(
      missing,
      expect.objectContaining({
        level: 'error',
        message:
          "microsoft/PowerPlatformConnectors has no branch 'nosuch' for the pull request to target; its default branch is 'dev'. Name the branch the pull request should target (base: dev, or another). PowerPlatformConnectors takes pull requests on dev.",
      }),
    );
    const withPassword = await runAction(
      scenario,
      { token: 'ghp_unused', connector: CONNECTOR },
      { apiUrl: 'https://me:Hunter2Password@github.contoso.com/api/v3' },
    );
    expect(withPassword.exitCode).toBe(1);
    expect(withPassword.annotations[0]!.message).toMatch(
      /holds a user name or password: the token goes in the token input\. /,
    );
  });

  // As `connector-alm pr nope`: the path is what is wrong, whatever the token; the secret the step
  // would need is no help to a maker who mistyped the folder. The annotation names the input, as
  // validate-connector's `path` does: it said only "certified-connectors/Nope: does not exist.". The
  // hint is pr's own: validate's offered "a folder that holds connector folders", which pr refuses.
  it('says a connector path is wrong before it asks for the token, naming the connector input', async () => {
    const requests = scenario.github.requests.length;
    const missing = await runAction(scenario, { token: '', connector: 'certified-connectors/Nope' });
    expectFailedWith(
      missing,
      errorContaining(
        "certified-connectors/Nope: Input 'connector' gives a path that does not exist. Give one folder holding apiDefinition.swagger.json and apiProperties.json; one connector goes in each pull request.",
      ),
    );
    writeFileSync(path.join(scenario.workspace, 'notes.md'), '# Notes\n');
    const notAConnector = await runAction(scenario, { token: '', connector: 'notes.md' });
    expectFailedWith(notAConnector, {
      file: 'notes.md',
      level: 'error',
      message:
        "Input 'connector' gives a path that is not a file of a connector folder. A connector folder holds apiDefinition.swagger.json and apiProperties.json.",
    });
    const fileOfConnector = `${CONNECTOR}/apiProperties.json`;
    const file = await runAction(scenario, { token: '', connector: fileOfConnector });
    expectFailedWith(file, {
      file: fileOfConnector,
      level: 'error',
      message: `Input 'connector' gives a path that is a file of the connector folder '${CONNECTOR}'; a pull request sends the whole folder. Give '${CONNECTOR}' instead.`,
    });
    expect(scenario.github.requests.length).toBe(requests);
  });

  // A later connector's wrong path stopped the run only after the first was sent: half a submission.
  it('refuses a wrong path among several before it sends any', async () => {
    const requests = scenario.github.requests.length;
    const result = await runAction(scenario, {
      token: scenario.contributor.token,
      connector: `${CONNECTOR}\ncertified-connectors/Nope`,
    });
    expectFailedWith(
      result,
      errorContaining("certified-connectors/Nope: Input 'connector' gives a path that does not exist."),
    );
    expect(scenario.github.requests.length).toBe(requests);
  });

  // A connector input from a variable that did not reach the job: it is what is missing, before the
  // token is asked for.
  it('says an empty connector input is required, before it asks for the token or sends anything', async () => {
    const requests = scenario.github.requests.length;
    const empty = await runAction(scenario, { token: '', connector: '' });
    expectFailedWith(empty, {
      level: 'error',
      message:
        "Input 'connector' is required but was empty. Give the connector folder, relative to the workspace.",
    });
    expect(scenario.github.requests.length).toBe(requests);
  });

  // target-folder names one upstream folder: two connectors would both be written into it.
  it('refuses target-folder with several connectors before it sends any', async () => {
    const requests = scenario.github.requests.length;
    const result = await runAction(scenario, {
      token: scenario.contributor.token,
      connector: `${CONNECTOR}\n${CONNECTOR}`,
      'target-folder': CONNECTOR,
    });
    expectFailedWith(
      result,
      errorContaining("Input 'target-folder' can only be set for a single connector."),
    );
    expect(scenario.github.requests.length).toBe(requests);
  });

  // Node's realpath says ENAMETOOLONG for a name longer than the file system allows: the step failed
  // "unexpectedly", asking for a bug report, as output paths did (output-path-refused.test.ts).
  it('refuses a connector path with a name longer than the file system allows, naming the input', async () => {
    const requests = scenario.github.requests.length;
    const result = await runAction(scenario, {
      token: '',
      connector: `certified-connectors/${'a'.repeat(300)}`,
    });
    expectFailedWith(result, {
      level: 'error',
      message:
        "Input 'connector' cannot be read: its path is longer than the file system allows (ENAMETOOLONG). Give 'connector' a path with shorter names.",
    });
    expect(result.stdout).not.toContain('This is a bug');
    expect(scenario.github.requests.length).toBe(requests);
  });

  // The upstream's name is the input's; "Check the name" did not say which, and the CLI keeps its words.
  it('names the upstream input when GitHub cannot see the upstream', async () => {
    const result = await runAction(scenario, {
      token: scenario.contributor.token,
      connector: CONNECTOR,
      upstream: 'contoso/Missing',
    });
    expectFailedWith(
      result,
      errorContaining(
        'GitHub answered 404 while reading the base branch dev on contoso/Missing. Check the upstream input; GitHub also answers 404 when the token may not see the repository.',
      ),
    );
  });

  it('refuses a connector folder outside the workspace', async () => {
    const result = await runAction(scenario, { token: 'ghp_unused', connector: '../elsewhere' });
    // The error says what to give, as the other inputs that name a path do.
    expectFailedWith(
      result,
      expect.objectContaining({
        level: 'error',
        message:
          "Input 'connector' must name a folder inside the workspace; got '../elsewhere'. Give the connector's folder as a path relative to the workspace, such as 'certified-connectors/Contoso', that no '..' or symbolic link leads out of.",
      }),
    );
  });
});

// Two folders whose names make one branch name: the second would push over the first's branch.
describe('open-pull-request with two connectors of one branch name', () => {
  const scenario = scenarioForAllTests();

  it(
    'submits the first, refuses the second saying to give it another branch-prefix in a step of its own',
    async () => {
      copyConnector(scenario.workspace, NAMESAKE);
      const result = await runAction(scenario, {
        token: scenario.contributor.token,
        connector: `${CONNECTOR}\n${NAMESAKE}`,
      });
      expect(result.exitCode).toBe(1);
      // The refused one has no branch in the outputs: the one it would use is the first one's.
      expect(result.outputs).toMatchObject({ operation: 'created\nrefused', branch: `${BRANCH}\n` });
      expect(result.annotations).toContainEqual({
        level: 'error',
        message: `${NAMESAKE}: not submitted: its branch ${BRANCH} is the branch of ${CONNECTOR}, submitted before it in this run: nothing was pushed for it. Give it a branch of its own: submit it in a step of its own with another branch-prefix, the same on every run.`,
      });
      expect(scenario.upstream.pulls).toHaveLength(1);
    },
    RUN_TIMEOUT,
  );
});

// The action runs the CLI's code: a misnamed swagger is named, not "it is not a connector folder".
// Refused whatever fail-on, each with what to do in the action's inputs: a readme with the TODOs
// extraction wrote, and a new folder for a connector the upstream has in another one.
describe('open-pull-request with what the upstream must not get', () => {
  const EXTRACTED = 'certified-connectors/Extracted';
  const UPSTREAM_FOLDER = 'certified-connectors/ContosoTasks';
  const scenario = scenarioForAllTests();
  beforeAll(async () => {
    const readme = `# Contoso Tasks\n\n${readmeTodoHeading('## Publisher')}\n`;
    writeConnector(scenario.workspace, { ...connectorFiles(), 'readme.md': readme }, EXTRACTED);
    await scenario.github.commit(
      scenario.upstream,
      'dev',
      Object.fromEntries(
        Object.entries(connectorFiles()).map(([name, content]) => [`${UPSTREAM_FOLDER}/${name}`, content]),
      ),
    );
  });

  it(
    'annotates the TODOs on their lines, names the upstream folder and its target-folder, and fails the step',
    async () => {
      const result = await runAction(scenario, {
        token: scenario.contributor.token,
        connector: `${EXTRACTED}\n${CONNECTOR}`,
        'fail-on': 'never',
      });
      expect(result.exitCode).toBe(1);
      expect(result.outputs.operation).toBe('refused\nrefused');
      expect(result.annotations).toContainEqual(
        expect.objectContaining({
          level: 'error',
          title: expect.stringMatching(/^README-PLACEHOLDER/),
          file: `${EXTRACTED}/readme.md`,
          line: 3,
        }),
      );
      expect(result.annotations).toContainEqual({
        level: 'error',
        message: `${EXTRACTED}: not submitted: its readme still has the TODOs extract-connectors wrote, on line 3: nothing was pushed, no pull request opened or updated. Replace each TODO line of readme.md with what it asks for ("None" will do for known issues), or, to keep the upstream's readme, copy it into the folder. No input sends the TODOs: they would be on the connector's documentation page.`,
      });
      expect(result.annotations).toContainEqual({
        level: 'error',
        message: `${CONNECTOR}: not submitted: microsoft/PowerPlatformConnectors@dev has this connector in ${UPSTREAM_FOLDER} (the same title "Contoso Tasks"), and ${CONNECTOR} would be a second copy: nothing was pushed, no pull request opened or updated. Set target-folder: ${UPSTREAM_FOLDER} to update it, or target-folder: ${CONNECTOR} to add this folder as another connector all the same.`,
      });
      expect(scenario.upstream.pulls).toEqual([]);
      expect(contributorFork(scenario)).toBeUndefined();
    },
    RUN_TIMEOUT,
  );

  // A connector refused for what has no findings (its namesake upstream) does not end the list.
  it(
    'with annotate-findings: false, lists the TODOs in the log after a connector refused without findings',
    async () => {
      const result = await runAction(scenario, {
        token: scenario.contributor.token,
        connector: `${CONNECTOR}\n${EXTRACTED}`,
        'fail-on': 'never',
        'annotate-findings': 'false',
      });
      expect(result.exitCode).toBe(1);
      expect(result.outputs.operation).toBe('refused\nrefused');
      expect(result.stdout).toContain(
        `${EXTRACTED}: the findings it was refused for (annotate-findings: false):\n`,
      );
      expect(result.stdout).toMatch(
        new RegExp(`\\n  ${EXTRACTED}/readme\\.md:3:\\d+ \\w+ README-PLACEHOLDER `),
      );
      expect(result.annotations.filter((annotation) => annotation.file)).toEqual([]);
    },
    RUN_TIMEOUT,
  );

  // The refusal's advice, followed: one connector, sent into the folder the upstream has it in.
  it(
    "compares the connector with the upstream's folder of it when target-folder names that folder",
    async () => {
      const result = await runAction(scenario, {
        token: scenario.contributor.token,
        connector: CONNECTOR,
        'target-folder': UPSTREAM_FOLDER,
        'fail-on': 'never',
      });
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      // Compared with the upstream's folder, not refused as a second copy: the same files, so nothing
      // to send; the branch is named after the target folder.
      expect(result.outputs.operation).toBe('none');
      expect(result.outputs.branch).toBe('connector-alm/certified-connectors/contosotasks');
      expect(result.stdout).toContain(
        `${UPSTREAM_FOLDER} in microsoft/PowerPlatformConnectors@dev already equals ${CONNECTOR}: no branch, no pull request.`,
      );
      expect(result.annotations).toEqual([]);
    },
    RUN_TIMEOUT,
  );
});

describe('open-pull-request with a misnamed swagger, or one in YAML', () => {
  const scenario = scenarioForAllTests();

  it(
    'fails on the folder, naming the file to rename, before anything is sent',
    async () => {
      const folder = 'certified-connectors/Misspelt';
      const { 'apiDefinition.swagger.json': swagger, ...rest } = connectorFiles();
      writeConnector(scenario.workspace, { ...rest, 'apiDefination.swagger.json': swagger! }, folder);
      const result = await runAction(scenario, { token: scenario.contributor.token, connector: folder });
      expectFailedWith(
        result,
        // A folder is named in the message: an annotation's file is a file.
        expect.objectContaining({
          level: 'error',
          message: `${folder}: has no apiDefinition.swagger.json, but has 'apiDefination.swagger.json'. Rename it to apiDefinition.swagger.json.`,
        }),
      );
      expect(writesTo(scenario)).toBe(0);
    },
    RUN_TIMEOUT,
  );

  it(
    'fails on a swagger written in YAML, saying to convert it, before anything is sent',
    async () => {
      const folder = 'certified-connectors/Yaml Tasks';
      const { 'apiDefinition.swagger.json': _json, ...rest } = connectorFiles();
      writeConnector(
        scenario.workspace,
        { ...rest, 'apiDefinition.swagger.yml': "swagger: '2.0'\n" },
        folder,
      );
      const result = await runAction(scenario, { token: scenario.contributor.token, connector: folder });
      // The findings come first (REPO-REQUIRED-FILES says to convert it too), then the refusal.
      expect(result.exitCode).toBe(1);
      expect(result.annotations).toContainEqual(
        expect.objectContaining({
          level: 'error',
          message: `${folder}: not submitted: it has its swagger in YAML (apiDefinition.swagger.yml) and no apiDefinition.swagger.json, and sending the folder would propose deleting the upstream's connector: nothing was pushed, no pull request opened or updated. Convert apiDefinition.swagger.yml to JSON as apiDefinition.swagger.json (an OpenAPI 3 file to Swagger 2.0, the only version a connector takes): the platform and paconn read the swagger as JSON only.`,
        }),
      );
      expect(writesTo(scenario)).toBe(0);
    },
    RUN_TIMEOUT,
  );
});

/** Makes the workspace a git repository whose one commit holds the connector at `folder`, and `ignored` in .gitignore. */
function commitIgnoring(workspace: string, folder: string, ignored: string): void {
  writeConnector(workspace, connectorFiles(), folder);
  writeFileSync(path.join(workspace, '.gitignore'), `${ignored}\n`);
  git(workspace, 'init', '-q', '-b', 'main');
  git(workspace, 'add', '--all');
  git(workspace, 'commit', '-qm', 'connector');
}

describe('open-pull-request with a swagger git ignores', () => {
  const scenario = scenarioForAllTests();

  it(
    'fails saying to take it out of .gitignore, and writes nothing',
    async () => {
      const folder = 'certified-connectors/Ignored Tasks';
      commitIgnoring(scenario.workspace, folder, 'apiDefinition.swagger.json');
      const result = await runAction(scenario, { token: scenario.contributor.token, connector: folder });
      expect(result.exitCode).toBe(1);
      expect(result.annotations).toContainEqual(
        expect.objectContaining({
          level: 'error',
          message: `${folder}: not submitted: git ignores its apiDefinition.swagger.json (git check-ignore -v names the line of .gitignore that does), and sending the folder would propose deleting the upstream's connector: nothing was pushed, no pull request opened or updated. Take apiDefinition.swagger.json out of .gitignore and commit it, so that the pull request sends the connector's definition.`,
        }),
      );
      expect(writesTo(scenario)).toBe(0);
    },
    RUN_TIMEOUT,
  );
});

// Another part than the swagger: what validation read would not be what the pull request sends.
describe('open-pull-request with another file of the connector git ignores', () => {
  const scenario = scenarioForAllTests();

  it(
    'fails naming the file, saying to take it out of .gitignore or delete it, and writes nothing',
    async () => {
      const folder = 'certified-connectors/Ignored Properties';
      commitIgnoring(scenario.workspace, folder, 'apiProperties.json');
      const result = await runAction(scenario, { token: scenario.contributor.token, connector: folder });
      expect(result.exitCode).toBe(1);
      expect(result.outputs.operation).toBe('refused');
      expect(result.annotations).toEqual([
        {
          level: 'error',
          message: `${folder}: not submitted: git ignores its apiProperties.json (git check-ignore -v names the line of .gitignore that does), which validation read as the connector's, so the pull request would not send the connector validated: nothing was pushed, no pull request opened or updated. Take the files it names out of .gitignore and commit them, or delete them from the folder, so that what is validated is what is sent.`,
        },
      ]);
      expect(writesTo(scenario)).toBe(0);
    },
    RUN_TIMEOUT,
  );
});

describe('open-pull-request with a breaking change against the upstream version', () => {
  const scenario = scenarioForAllTests();
  beforeAll(async () => {
    await scenario.github.commit(
      scenario.upstream,
      'dev',
      Object.fromEntries(
        Object.entries(connectorFiles()).map(([name, content]) => [`${CONNECTOR}/${name}`, content]),
      ),
    );
    const swagger = validSwagger();
    swagger.paths['/tasks/{taskId}'].get.operationId = 'GetTaskV2';
    // And a warning of the comparison, which breaks nothing: a family for a new version that is not there.
    const list = swagger.paths['/tasks'].get;
    list.deprecated = true;
    list['x-ms-api-annotation'] = { family: 'ListTasks', revision: 1 };
    list.summary = `${list.summary} (deprecated)`;
    list.description = `${list.description} (deprecated)`;
    writeConnector(scenario.workspace, {
      ...connectorFiles(),
      'apiDefinition.swagger.json': JSON.stringify(swagger, null, 2),
    });
  });

  /** The breaking change's annotation on its line, an error. */
  const breakingOnItsLine = expect.objectContaining({
    level: 'error',
    file: `${CONNECTOR}/apiDefinition.swagger.json`,
    title: expect.stringMatching(/^BRK-OP-DELETED/),
  });

  /** The warning's annotation on its line: only this step compares with the upstream. */
  const warningOnItsLine = expect.objectContaining({
    level: 'warning',
    file: `${CONNECTOR}/apiDefinition.swagger.json`,
    title: expect.stringMatching(/^BRK-DEPRECATION-PROCESS/),
  });

  it(
    'with fail-on-breaking: true, annotates it on its line and fails the step, sending nothing',
    async () => {
      const result = await runAction(scenario, {
        token: scenario.contributor.token,
        connector: CONNECTOR,
        'fail-on-breaking': 'true',
      });
      expect(result.exitCode).toBe(1);
      expect(result.outputs.operation).toBe('refused');
      // Once: the refused connector's findings are its breaking changes, not more of them.
      expect(
        result.annotations.filter((annotation) => breakingOnItsLine.asymmetricMatch(annotation)),
      ).toHaveLength(1);
      expect(result.annotations).toContainEqual({
        level: 'error',
        message: `${CONNECTOR}: not submitted: 1 breaking change against microsoft/PowerPlatformConnectors@dev (fail-on-breaking: true): nothing was pushed, no pull request opened or updated. Keep what the flows using the connector rely on (each annotation says what changed), or set fail-on-breaking: false to open the pull request and leave the breaking changes, which it lists, to its reviewers.`,
      });
      expect(result.annotations).toContainEqual(warningOnItsLine);
      expect(writesTo(scenario)).toBe(0);
    },
    RUN_TIMEOUT,
  );

  // A validate-connector step of the job does not compare with the upstream: left to it, they would be nowhere.
  it(
    'with fail-on-breaking: true and annotate-findings: false, still annotates the breaking change on its line',
    async () => {
      const result = await runAction(scenario, {
        token: scenario.contributor.token,
        connector: CONNECTOR,
        'fail-on-breaking': 'true',
        'annotate-findings': 'false',
      });
      expect(result.exitCode).toBe(1);
      expect(result.outputs.operation).toBe('refused');
      expect(result.annotations).toContainEqual(breakingOnItsLine);
      expect(result.stdout).not.toContain('the findings it was refused for');
      expect(writesTo(scenario)).toBe(0);
    },
    RUN_TIMEOUT,
  );

  it(
    'with fail-on: warning, refuses it for the warning about the change, still annotating the breaking change',
    async () => {
      // Its 16×16 px icon warns of itself (ICON-SIZE); a certified connector's icon is not sent anyway.
      const icon = path.join(scenario.workspace, CONNECTOR, 'icon.png');
      rmSync(icon);
      const result = await runAction(scenario, {
        token: scenario.contributor.token,
        connector: CONNECTOR,
        'fail-on': 'warning',
      }).finally(() => writeFileSync(icon, connectorFiles()['icon.png']!));
      expect(result.exitCode).toBe(1);
      expect(result.outputs.operation).toBe('refused');
      // Listed for the reviewers had it gone: the refusal for another reason leaves it on its line.
      expect(result.annotations).toContainEqual(breakingOnItsLine);
      expect(result.annotations).toContainEqual(warningOnItsLine);
      expect(result.annotations).toContainEqual(
        errorContaining(
          `${CONNECTOR}: not submitted: the comparison with microsoft/PowerPlatformConnectors@dev found 1 warning about the change (BRK-DEPRECATION-PROCESS; fail-on warning)`,
        ),
      );
      expect(writesTo(scenario)).toBe(0);
    },
    RUN_TIMEOUT,
  );

  it(
    'by default, annotates it, warns and opens the pull request, which lists it',
    async () => {
      const result = await runAction(scenario, { token: scenario.contributor.token, connector: CONNECTOR });
      expect(result.exitCode).toBe(0);
      expect(result.outputs.operation).toBe('created');
      expect(result.annotations).toContainEqual(
        expect.objectContaining({
          file: `${CONNECTOR}/apiDefinition.swagger.json`,
          title: expect.stringMatching(/^BRK-OP-DELETED/),
        }),
      );
      expect(result.annotations).toContainEqual(
        expect.objectContaining({
          level: 'warning',
          message: `${CONNECTOR} has 1 breaking change against microsoft/PowerPlatformConnectors@dev, listed in the pull request for its reviewers; fail-on-breaking: true refuses such a connector.`,
        }),
      );
      expect(result.annotations).toContainEqual(warningOnItsLine);
      expect(result.annotations).toContainEqual(
        expect.objectContaining({
          level: 'warning',
          message: `${CONNECTOR} has 1 warning about its change against microsoft/PowerPlatformConnectors@dev (BRK-DEPRECATION-PROCESS), listed in the pull request for its reviewers apart from the breaking changes: put it right before they ask.`,
        }),
      );
      const body = scenario.upstream.pulls[0]!.body!;
      expect(body).toContain('| error | BRK-OP-DELETED |');
      expect(body).toContain('| warning | BRK-DEPRECATION-PROCESS |');
      expect(result.summary).toContain('<th>Breaking changes</th><th>Warnings about the change</th>');
    },
    RUN_TIMEOUT,
  );
});

/** How many requests that write (any method but GET) the local GitHub server has had. */
function writesTo(scenario: Scenario): number {
  return scenario.github.requests.filter((request) => request.method !== 'GET').length;
}

describe('open-pull-request after its pull request was closed without merging', () => {
  const scenario = scenarioForAllTests();

  it(
    'opens none for the connector unchanged since, warning with the resubmit input, which opens one',
    async () => {
      const inputs = { token: scenario.contributor.token, connector: CONNECTOR };
      expect((await runAction(scenario, inputs)).outputs.operation).toBe('created');
      await scenario.github.closePull(scenario.upstream.pulls[0]!);

      const result = await runAction(scenario, inputs);
      expect(result.exitCode).toBe(0);
      expect(result.outputs).toMatchObject({ operation: 'none', 'pull-request-number': '1' });
      expect(result.annotations).toContainEqual(
        expect.objectContaining({
          level: 'warning',
          message: expect.stringMatching(
            /^Pull request #1 \(\S+\) was closed without merging, .* To send this version again as it is, run with resubmit: true\.$/,
          ),
        }),
      );
      expect(scenario.upstream.pulls).toHaveLength(1);

      const resubmitted = await runAction(scenario, { ...inputs, resubmit: 'true' });
      expect(resubmitted.outputs).toMatchObject({ operation: 'created', 'pull-request-number': '2' });
    },
    RUN_TIMEOUT,
  );
});
