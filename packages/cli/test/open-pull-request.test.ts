import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolverSaysNoSuchHost } from '@connector-alm/testing';
import { Command } from 'commander';
import { readmeTodoHeading, readmeTodoLine, UsageError } from '@connector-alm/core';
import { describeResult, registerOpenPullRequestCommand } from '../src/commands/open-pull-request.js';
import {
  CONNECTOR,
  connectorFiles,
  connectorFilesWithAnError,
  connectorFilesWithSwagger,
  copyConnector,
  forkWithBranch,
  mergeUpstream,
  NAMESAKE,
  NO_WRITE_INTERVAL,
  writeGapsMs,
  scenarioForAllTests,
  startScenario,
  writeConnector,
  type Scenario,
} from '@connector-alm/github/testing';
import { validSwagger } from '@connector-alm/validator/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

/** A commit needs an author; the machine's git configuration may have none. */
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Maker',
  GIT_AUTHOR_EMAIL: 'maker@example.com',
  GIT_COMMITTER_NAME: 'Maker',
  GIT_COMMITTER_EMAIL: 'maker@example.com',
};

/** The `pr` command on a program of its own (the lead wires it into program.ts). */
async function pr(args: string[], io: ReturnType<typeof memoryIo>): Promise<number> {
  let exit = 0;
  const program = new Command('connector-alm').option('--debug').exitOverride();
  registerOpenPullRequestCommand(program, { io, setExit: (code) => (exit = Math.max(exit, code)) });
  await program.parseAsync(['pr', ...args], { from: 'user' });
  return exit;
}

describe('connector-alm pr', () => {
  const scenario = scenarioForAllTests();

  it('opens the pull request with the token and API root from the environment and prints the result as JSON', async () => {
    const io = memoryIo(scenario.workspace, {
      GITHUB_TOKEN: scenario.contributor.token,
      GITHUB_API_URL: scenario.github.url,
      ...NO_WRITE_INTERVAL,
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

  it('logs each GitHub request once under --debug, by method, path and status, with no bare "request" line', async () => {
    const io = memoryIo(scenario.workspace, {
      GITHUB_TOKEN: scenario.contributor.token,
      GITHUB_API_URL: scenario.github.url,
      ...NO_WRITE_INTERVAL,
    });
    expect(await runCli(['--debug', 'pr', CONNECTOR], io)).toBe(0);
    const debugLines = io
      .err()
      .split('\n')
      .filter((line) => line.startsWith('debug: '));
    expect(debugLines).toContainEqual(
      expect.stringMatching(/^debug: GET \/repos\/\S+ - 200 with id [0-9A-F:]+ in \d+ms$/),
    );
    expect(debugLines).not.toContain('debug: request');
    // The query as sent, encoded once. (The action's raw output reads head=contoso-dev%253A…: a
    // ::debug:: workflow command escapes % as %25, and the runner shows it as sent.)
    // The branch's open pull requests against every base, in one request: the one against dev is
    // updated, one against another base would keep the branch from being rebuilt on dev.
    expect(debugLines.filter((line) => line.includes('/pulls?'))).toEqual([
      expect.stringMatching(
        /^debug: GET \/repos\/microsoft\/PowerPlatformConnectors\/pulls\?state=open&head=contoso-dev%3Aconnector-alm%2Fcertified-connectors%2Fcontoso-tasks&per_page=100 - 200 /,
      ),
    ]);
    expect(io.out() + io.err()).not.toContain(scenario.contributor.token);
  }, 120_000);

  it('logs the GitHub requests with CONNECTOR_ALM_DEBUG=1 as --debug does, where the command line is fixed', async () => {
    const io = memoryIo(scenario.workspace, {
      GITHUB_TOKEN: scenario.contributor.token,
      GITHUB_API_URL: scenario.github.url,
      ...NO_WRITE_INTERVAL,
      CONNECTOR_ALM_DEBUG: '1',
    });
    expect(await runCli(['pr', CONNECTOR], io)).toBe(0);
    expect(io.err()).toMatch(/^debug: GET \/repos\/\S+ - 200 /m);
  }, 120_000);

  // A branch the upstream lacks names nothing to target: a usage error, advised in the CLI's words.
  it('refuses a --base the upstream does not have with exit code 2, naming its default as --base', async () => {
    const io = memoryIo(scenario.workspace, {
      GITHUB_TOKEN: scenario.contributor.token,
      GITHUB_API_URL: scenario.github.url,
      ...NO_WRITE_INTERVAL,
    });
    expect(await runCli(['pr', CONNECTOR, '--base', 'nosuch'], io)).toBe(2);
    expect(io.err()).toMatch(
      /^error: microsoft\/PowerPlatformConnectors has no branch 'nosuch' for the pull request to target; its default branch is 'dev'\. Name the branch the pull request should target \(--base dev, or another\)\. PowerPlatformConnectors takes pull requests on dev\.\n$/m,
    );
  }, 120_000);

  it('warns that a token given with --token shows in the process list, and takes it', async () => {
    const io = memoryIo(scenario.workspace, { GITHUB_API_URL: scenario.github.url, ...NO_WRITE_INTERVAL });
    expect(await pr([CONNECTOR, '--token', scenario.contributor.token], io)).toBe(0);
    expect(io.err()).toMatch(
      /^warning: --token shows the token to other users of this machine \(in the process list\) and keeps it in your shell history: set GITHUB_TOKEN or GH_TOKEN instead\. With the GitHub CLI signed in as the fork owner: GITHUB_TOKEN=\$\(gh auth token\) connector-alm pr … in bash or zsh; \$env:GITHUB_TOKEN = gh auth token; connector-alm pr … in PowerShell\.$/m,
    );
    expect(io.out() + io.err()).not.toContain(scenario.contributor.token);
  }, 120_000);

  it('gives that warning also when the run fails', async () => {
    const io = memoryIo(scenario.workspace, { GITHUB_API_URL: scenario.github.url, ...NO_WRITE_INTERVAL });
    expect(
      await runCli(['pr', CONNECTOR, '--base', 'nosuch', '--token', scenario.contributor.token], io),
    ).toBe(2);
    expect(io.err()).toMatch(/^warning: --token shows the token to other users of this machine/m);
    expect(io.err()).toMatch(/^error: microsoft\/PowerPlatformConnectors has no branch 'nosuch'/m);
    expect(io.out() + io.err()).not.toContain(scenario.contributor.token);
  }, 120_000);

  it('gives that warning also on a usage error found before any request', async () => {
    const io = memoryIo(scenario.workspace, { GITHUB_API_URL: scenario.github.url, ...NO_WRITE_INTERVAL });
    const args = ['pr', CONNECTOR, CONNECTOR, '--target-folder', 'x', '--token', scenario.contributor.token];
    await expect(runCli(args, io)).resolves.toBe(2);
    expect(io.err()).toMatch(/^warning: --token shows the token to other users of this machine/m);
    expect(io.err()).toContain('--target-folder can only be given for a single connector.');
    expect(io.out() + io.err()).not.toContain(scenario.contributor.token);
  });

  it('gives no such warning for a token from the environment', async () => {
    const io = memoryIo(scenario.workspace, {
      GITHUB_TOKEN: scenario.contributor.token,
      GITHUB_API_URL: scenario.github.url,
      ...NO_WRITE_INTERVAL,
    });
    expect(await pr([CONNECTOR], io)).toBe(0);
    expect(io.err()).not.toContain('--token shows');
  }, 120_000);

  it('refuses to run without a token, saying where to put one', async () => {
    const io = memoryIo(scenario.workspace, {});
    await expect(pr([CONNECTOR], io)).rejects.toThrow(UsageError);
    await expect(pr([CONNECTOR], io)).rejects.toThrow('No GitHub token.');
  });

  it('reports a path that does not exist before the missing token, which it would not need', async () => {
    const io = memoryIo(scenario.workspace, {});
    expect(await runCli(['pr', 'nope'], io)).toBe(2);
    expect(io.err()).toMatch(/^nope: error: does not exist\./m);
    expect(io.err()).not.toContain('token');
  });

  it("names the token's scope in --help as its other messages do", async () => {
    const io = memoryIo(scenario.workspace, {});
    await runCli(['pr', '--help'], io);
    expect(io.out().replace(/\s+/g, ' ')).toContain(
      '--token <token> a classic personal access token of the fork owner, with the public_repo scope',
    );
  });
});

describe('connector-alm pr and CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS, for tests against a local GitHub', () => {
  const scenario = scenarioForAllTests();
  const env = () => ({ GITHUB_TOKEN: scenario.contributor.token, GITHUB_API_URL: scenario.github.url });

  it('writes without the second GitHub asks for between writes when it is 0', async () => {
    const io = memoryIo(scenario.workspace, { ...env(), CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS: '0' });
    expect(await runCli(['pr', CONNECTOR], io)).toBe(0);
    const gaps = writeGapsMs(scenario.github.requests);
    expect(gaps.length).toBeGreaterThanOrEqual(5);
    // A second apart, every gap would be 1000 ms give or take the latency of a request.
    expect(Math.min(...gaps)).toBeLessThan(900);
  }, 120_000);

  it('refuses a value that is no whole number of milliseconds with exit code 2, before any request', async () => {
    const requests = scenario.github.requests.length;
    const io = memoryIo(scenario.workspace, { ...env(), CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS: '0.5' });
    expect(await runCli(['pr', CONNECTOR], io)).toBe(2);
    expect(io.err()).toBe(
      "error: The environment variable CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS must be a whole number of milliseconds; it is '0.5'. Unset it to wait GitHub's one second between writes; it is meant for tests against a local GitHub.\n",
    );
    expect(scenario.github.requests.length).toBe(requests);
  }, 120_000);
});

// The path is right, a file in it is misnamed: a connector with a part missing (exit code 1), named
// as build-solution names it, not "it is not a connector folder" (exit code 2).
describe('connector-alm pr with a misnamed swagger', () => {
  const scenario = scenarioForAllTests();

  it.each([
    ['certified-connectors/Misspelt', 'apiDefination.swagger.json'],
    ['certified-connectors/Editor Named', 'openapidefinition.json'],
  ])(
    'refuses %s, naming %s to rename, with exit code 1, before any request',
    async (folder, name) => {
      const { 'apiDefinition.swagger.json': swagger, ...rest } = connectorFiles();
      writeConnector(scenario.workspace, { ...rest, [name]: swagger! }, folder);
      const requests = scenario.github.requests.length;
      const io = memoryIo(scenario.workspace, {
        GITHUB_TOKEN: scenario.contributor.token,
        GITHUB_API_URL: scenario.github.url,
        ...NO_WRITE_INTERVAL,
      });
      expect(await runCli(['pr', folder], io)).toBe(1);
      expect(io.err()).toContain(
        `${folder}: error: has no apiDefinition.swagger.json, but has '${name}'. Rename it to apiDefinition.swagger.json.\n`,
      );
      expect(io.err()).not.toContain('not a connector folder');
      expect(scenario.github.requests.length).toBe(requests);
    },
    120_000,
  );
});

// An empty folder in certified-connectors/, as an uninitialised submodule leaves it: validate takes it
// for a connector folder with its files missing (exit code 1), and so does pr, printing the findings
// that say what is missing; it sends nothing, whatever --fail-on, rather than propose deleting the
// upstream's connector.
describe('connector-alm pr with an empty connector folder', () => {
  const scenario = scenarioForAllTests();

  /** `pr` on a folder of the workspace holding `files`, which must send nothing: its exit code and output. */
  async function submitNothing(folder: string, files: Record<string, string> = {}) {
    mkdirSync(path.join(scenario.workspace, folder), { recursive: true });
    for (const [name, text] of Object.entries(files))
      writeFileSync(path.join(scenario.workspace, folder, name), text);
    const requests = scenario.github.requests.length;
    const io = memoryIo(scenario.workspace, {
      GITHUB_TOKEN: scenario.contributor.token,
      GITHUB_API_URL: scenario.github.url,
      ...NO_WRITE_INTERVAL,
    });
    const code = await runCli(['pr', folder, '--fail-on', 'never'], io);
    expect(scenario.github.requests.length).toBe(requests);
    return { code, out: io.out(), err: io.err() };
  }

  it('prints its findings and what to do, exits 1 and sends nothing', async () => {
    const folder = 'certified-connectors/Empty';
    const io = await submitNothing(folder);
    expect(io.code).toBe(1);
    expect(io.out).toMatch(
      /^certified-connectors\/Empty:1:1 error REPO-REQUIRED-FILES .*apiDefinition\.swagger\.json/m,
    );
    expect(io.out).toContain(
      `${folder}: not submitted: it has no apiDefinition.swagger.json, and sending the folder would propose deleting the upstream's connector: nothing was pushed, no pull request opened or updated. Add the connector's apiDefinition.swagger.json`,
    );
    expect(io.err).toContain(`error: 1 connector of 1 not submitted: ${folder}.\n`);
    expect(io.err).not.toContain('not a connector folder');
  }, 120_000);

  // Its swagger is there, in YAML, which the platform does not read: the advice is to convert it,
  // as validate's REPO-REQUIRED-FILES says, not to add a file the maker believes is there.
  it('names a swagger written in YAML and says to convert it', async () => {
    const folder = 'certified-connectors/Yaml Tasks';
    const io = await submitNothing(folder, {
      'apiDefinition.swagger.yaml': "swagger: '2.0'\n",
      'apiProperties.json': '{"properties": {}}\n',
    });
    expect(io.code).toBe(1);
    expect(io.out).toContain(
      `${folder}: not submitted: it has its swagger in YAML (apiDefinition.swagger.yaml) and no apiDefinition.swagger.json, and sending the folder would propose deleting the upstream's connector: nothing was pushed, no pull request opened or updated. Convert apiDefinition.swagger.yaml to JSON as apiDefinition.swagger.json`,
    );
    expect(io.out).not.toContain("Add the connector's apiDefinition.swagger.json");
  }, 120_000);
});

// The swagger is there, and git ignores it: "Add the connector's apiDefinition.swagger.json" asked for a
// file the maker sees in the folder.
describe('connector-alm pr with a swagger git ignores', () => {
  const scenario = scenarioForAllTests();

  it('says to take it out of .gitignore, and writes nothing', async () => {
    const folder = 'certified-connectors/Ignored Tasks';
    writeConnector(scenario.workspace, connectorFiles(), folder);
    writeFileSync(path.join(scenario.workspace, '.gitignore'), 'apiDefinition.swagger.json\n');
    for (const args of [
      ['init', '-q', '-b', 'main'],
      ['add', '--all'],
      ['commit', '-qm', 'connector'],
    ])
      execFileSync('git', args, { cwd: scenario.workspace, env: GIT_ENV });
    const writes = () => scenario.github.requests.filter((request) => request.method !== 'GET').length;
    const before = writes();
    const io = memoryIo(scenario.workspace, {
      GITHUB_TOKEN: scenario.contributor.token,
      GITHUB_API_URL: scenario.github.url,
      ...NO_WRITE_INTERVAL,
    });
    expect(await runCli(['pr', folder, '--fail-on', 'never'], io)).toBe(1);
    expect(io.out()).toContain(
      `${folder}: not submitted: git ignores its apiDefinition.swagger.json (git check-ignore -v names the line of .gitignore that does), and sending the folder would propose deleting the upstream's connector: nothing was pushed, no pull request opened or updated. Take apiDefinition.swagger.json out of .gitignore and commit it, so that the pull request sends the connector's definition.`,
    );
    expect(io.out()).not.toContain("Add the connector's apiDefinition.swagger.json");
    expect(writes()).toBe(before);
  }, 120_000);
});

describe('connector-alm pr with several connectors, one of which fails', () => {
  const SECOND = 'certified-connectors/Northwind Tasks';
  let scenario: Scenario;
  beforeAll(async () => {
    scenario = await startScenario();
    // A folder that is no connector folder (a readme alone, outside the layout).
    mkdirSync(path.join(scenario.workspace, 'notes'), { recursive: true });
    writeFileSync(path.join(scenario.workspace, 'notes', 'readme.md'), '# Notes\n');
    copyConnector(scenario.workspace, SECOND);
  });
  afterAll(() => scenario.dispose());
  const env = () => ({
    GITHUB_TOKEN: scenario.contributor.token,
    GITHUB_API_URL: scenario.github.url,
    ...NO_WRITE_INTERVAL,
  });

  it('refuses a later path that is no connector folder before it submits the first connector', async () => {
    const io = memoryIo(scenario.workspace, env());
    expect(await runCli(['pr', CONNECTOR, 'notes'], io)).toBe(2);
    expect(io.err()).toMatch(/^notes: error: is not one connector folder \(found 0\)/m);
    expect(io.out()).toBe('');
    expect(scenario.github.requests).toEqual([]);
  });

  it('prints the pull requests submitted before the failure, and exits non-zero', async () => {
    // GitHub stops taking the token as the second connector starts (revoked, or expired mid-run).
    const io = revokedAtSecond(memoryIo(scenario.workspace, env()));
    expect(await runCli(['pr', CONNECTOR, SECOND], io)).toBe(1);
    expect(io.out()).toMatch(
      /^certified-connectors\/Contoso Tasks: created pull request #1 http:\/\/\S+\/pull\/1 \(branch /,
    );
    expect(io.err()).toMatch(/^error: GitHub rejected the token while .* \(401 /m);

    // The same as JSON: the results of the connectors done, as one document a script can parse.
    scenario.github.setFaults({ echoRequest: { times: 0, status: 401 } });
    const json = revokedAtSecond(memoryIo(scenario.workspace, env()));
    expect(await runCli(['pr', CONNECTOR, SECOND, '--format', 'json'], json)).toBe(1);
    expect(JSON.parse(json.out())).toMatchObject([{ connector: CONNECTOR, operation: 'none', number: 1 }]);
  }, 120_000);

  /** The io, with every GitHub request answered 401 once the second connector's progress is written. */
  function revokedAtSecond<T extends ReturnType<typeof memoryIo>>(io: T): T {
    const write = io.stderr.write.bind(io.stderr) as (chunk: string) => boolean;
    io.stderr.write = ((chunk: string) => {
      if (String(chunk).includes(SECOND))
        scenario.github.setFaults({ echoRequest: { times: 1000, status: 401 } });
      return write(chunk);
    }) as typeof io.stderr.write;
    return io;
  }
});

describe('connector-alm pr with a connector that validation fails, and two folders of one branch name', () => {
  const BAD = 'certified-connectors/Bad Host';
  const scenario = scenarioForAllTests();
  let env: Record<string, string>;
  beforeAll(() => {
    env = {
      GITHUB_TOKEN: scenario.contributor.token,
      GITHUB_API_URL: scenario.github.url,
      ...NO_WRITE_INTERVAL,
    };
    writeConnector(scenario.workspace, connectorFilesWithAnError(), BAD);
  });

  it('prints the findings located and what to do, submits the other connector, and exits 1', async () => {
    const io = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', BAD, CONNECTOR], io)).toBe(1);
    const lines = io.out().trimEnd().split('\n');
    const refusal = lines.findIndex((line) => line.startsWith(`${BAD}: not submitted`));
    // The findings as validate prints them, then one line that says what to do, then the next connector.
    expect(lines.slice(0, refusal)).toContainEqual(
      expect.stringMatching(
        /^certified-connectors\/Bad Host\/apiDefinition\.swagger\.json:\d+:\d+ error SWG-HOST /,
      ),
    );
    expect(
      lines.slice(0, refusal).every((line) => /^certified-connectors\/Bad Host\S*:\d+:\d+ /.test(line)),
    ).toBe(true);
    expect(lines[refusal]).toBe(
      `${BAD}: not submitted: validation found 1 error, 2 warnings, 2 info (fail-on error): nothing was pushed, no pull request opened or updated. Fix the findings above (connector-alm validate lists them too), or pass --fail-on never to open the pull request anyway.`,
    );
    expect(lines[refusal + 1]).toMatch(/^certified-connectors\/Contoso Tasks: created pull request #1 /);
    expect(io.err().trimEnd().split('\n').at(-1)).toBe(`error: 1 connector of 2 not submitted: ${BAD}.`);
    expect(scenario.upstream.pulls.map((pull) => pull.title)).toEqual(['Contoso Tasks']);
  }, 120_000);

  it('says the same as JSON, with the findings, and opens it with --fail-on never', async () => {
    const io = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', BAD, '--format', 'json'], io)).toBe(1);
    expect(JSON.parse(io.out())).toEqual([
      expect.objectContaining({
        connector: BAD,
        operation: 'refused',
        refusal: 'findings',
        findings: expect.arrayContaining([expect.objectContaining({ ruleId: 'SWG-HOST' })]),
      }),
    ]);
    expect(io.err()).toMatch(/^error: 1 connector of 1 not submitted: certified-connectors\/Bad Host\.$/m);

    const anyway = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', BAD, '--fail-on', 'never'], anyway)).toBe(0);
    expect(anyway.out()).toMatch(/^certified-connectors\/Bad Host: created pull request #2 /);
  }, 120_000);

  it('refuses the second of two folders with one branch name, and leaves the first one its pull request', async () => {
    copyConnector(scenario.workspace, NAMESAKE);
    const io = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', CONNECTOR, NAMESAKE], io)).toBe(1);
    expect(io.out()).toContain(
      `${NAMESAKE}: not submitted: its branch connector-alm/certified-connectors/contoso-tasks is the branch of ${CONNECTOR}, submitted before it in this run: nothing was pushed for it. Give it a branch of its own: submit it alone with another --branch-prefix, and the same prefix on every rerun.`,
    );
    // Alone, it finds the branch of Contoso Tasks on the fork, and still leaves it alone.
    const alone = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', NAMESAKE], alone)).toBe(1);
    expect(alone.out()).toMatch(
      /holds certified-connectors\/Contoso Tasks \(pull request #1\), not certified-connectors\/Contoso-Tasks/,
    );
    // With a prefix of its own it gets its own branch and pull request.
    const own = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', NAMESAKE, '--branch-prefix', 'connector-alm/2/'], own)).toBe(0);
    expect(own.out()).toMatch(
      /^certified-connectors\/Contoso-Tasks: created pull request #3 .*branch connector-alm\/2\/certified-connectors\/contoso-tasks /,
    );
  }, 120_000);

  it('refuses a branch prefix glued to the folder, or clashing with the base branch, before it sends anything', async () => {
    // `connector-alm` made the branch connector-almcertified-connectors/… and a second pull request.
    const pulls = scenario.upstream.pulls.length;
    for (const [prefix, said] of [
      ['connector-alm', /The branch prefix "connector-alm" would be glued to the connector's folder/],
      ['dev/', /The branch prefix "dev\/" starts with the base branch's name/],
    ] as const) {
      const io = memoryIo(scenario.workspace, env);
      expect(await runCli(['pr', CONNECTOR, '--branch-prefix', prefix], io)).toBe(2);
      expect(io.err()).toMatch(said);
    }
    expect(scenario.upstream.pulls).toHaveLength(pulls);
  });

  it("takes --body '' as no text before the generated body", async () => {
    const io = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', CONNECTOR, '--body', ''], io)).toBe(0);
    expect(io.err()).not.toMatch(/^error:/m);
  }, 120_000);
});

// The deprecation half done (a warning of the comparison, which breaks nothing) was printed nowhere.
describe('connector-alm pr with a breaking change and a warning against the upstream version', () => {
  const scenario = scenarioForAllTests();
  let env: Record<string, string>;
  beforeAll(async () => {
    env = {
      GITHUB_TOKEN: scenario.contributor.token,
      GITHUB_API_URL: scenario.github.url,
      ...NO_WRITE_INTERVAL,
    };
    await mergeUpstream(scenario, connectorFiles());
    writeConnector(
      scenario.workspace,
      connectorFilesWithSwagger((swagger) => {
        swagger.paths['/tasks/{taskId}'].get.operationId = 'GetTaskV2';
        // A family for a new version that is not there: the versioning process half done.
        const list = swagger.paths['/tasks'].get;
        list.deprecated = true;
        list['x-ms-api-annotation'] = { family: 'ListTasks', revision: 1 };
        list.summary = `${list.summary} (deprecated)`;
        list.description = `${list.description} (deprecated)`;
      }),
    );
  });

  const WARNING_LINE =
    /^certified-connectors\/Contoso Tasks\/apiDefinition\.swagger\.json:\d+:\d+ warning BRK-DEPRECATION-PROCESS /;

  it('refuses it with --fail-on-breaking, printing each change on its line and what to do, exit 1', async () => {
    const io = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', CONNECTOR, '--fail-on-breaking'], io)).toBe(1);
    const lines = io.out().trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^certified-connectors\/Contoso Tasks\/apiDefinition\.swagger\.json:\d+:\d+ error BRK-OP-DELETED .*GetTask/,
    );
    // The warning after the breaking changes, which alone refuse the connector.
    expect(lines[1]).toMatch(WARNING_LINE);
    expect(lines[2]).toBe(
      `${CONNECTOR}: not submitted: 1 breaking change against microsoft/PowerPlatformConnectors@dev (--fail-on-breaking): nothing was pushed, no pull request opened or updated. Keep what the flows using the connector rely on (the lines above say what changed), or leave out --fail-on-breaking to open the pull request and leave the breaking changes, which it lists, to its reviewers.`,
    );
    expect(scenario.upstream.pulls).toEqual([]);
  }, 120_000);

  it('submits it without, printing each change and a warning, and lists it in the body', async () => {
    const io = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', CONNECTOR], io)).toBe(0);
    const lines = io.out().trimEnd().split('\n');
    expect(lines[0]).toMatch(/apiDefinition\.swagger\.json:\d+:\d+ error BRK-OP-DELETED /);
    expect(lines[1]).toMatch(WARNING_LINE);
    expect(lines[2]).toMatch(/^certified-connectors\/Contoso Tasks: created pull request #1 /);
    expect(io.err()).toContain(
      `warning: ${CONNECTOR} has 1 breaking change against microsoft/PowerPlatformConnectors@dev, listed in the pull request for its reviewers; --fail-on-breaking refuses such a connector.`,
    );
    expect(io.err()).toContain(
      `warning: ${CONNECTOR} has 1 warning about its change against microsoft/PowerPlatformConnectors@dev (BRK-DEPRECATION-PROCESS), listed in the pull request for its reviewers apart from the breaking changes: put it right before they ask.`,
    );
    const body = scenario.upstream.pulls[0]!.body!;
    expect(body).toContain('| error | BRK-OP-DELETED |');
    expect(body).toContain('| warning | BRK-DEPRECATION-PROCESS |');
  }, 120_000);
});

describe("connector-alm pr with the repository's configuration file, as validate reads it", () => {
  const BAD = 'certified-connectors/Bad Host';
  let scenario: Scenario;
  let env: Record<string, string>;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(scenario.workspace, file)), { recursive: true });
    writeFileSync(path.join(scenario.workspace, file), text);
  };
  beforeAll(async () => {
    scenario = await startScenario();
    env = {
      GITHUB_TOKEN: scenario.contributor.token,
      GITHUB_API_URL: scenario.github.url,
      ...NO_WRITE_INTERVAL,
    };
    // The repository root: the search for the configuration file stops here, as in a checkout.
    mkdirSync(path.join(scenario.workspace, '.git'));
    cpSync(path.join(scenario.workspace, CONNECTOR), path.join(scenario.workspace, BAD), { recursive: true });
    const swagger = validSwagger();
    swagger.host = 'http://bad host';
    write(`${BAD}/apiDefinition.swagger.json`, JSON.stringify(swagger, null, 2));
  });
  afterAll(async () => {
    await scenario.dispose();
    expect(scenario.github.violations).toEqual([]);
  });

  it('refuses nothing for a finding of a rule the configuration turns off, and leaves it out of the body', async () => {
    write('.connector-alm.yml', 'rules:\n  SWG-HOST: off\n');
    const io = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', BAD], io)).toBe(0);
    expect(io.out()).toMatch(/^certified-connectors\/Bad Host: created pull request #1 /);
    const body = scenario.upstream.pulls[0]!.body ?? '';
    // Not those of the icon, which a certified connector sends with its certification package.
    expect(body).toContain('Profile `certified`: 0 errors, 0 warnings, 1 notice.');
    expect(body).not.toContain('SWG-HOST');
  }, 120_000);

  it('reads --config instead of the file it would find, and refuses a missing one before any request', async () => {
    write('.connector-alm.yml', 'rules:\n  SWG-HOST: off\n');
    write('ci/strict.yml', 'rules:\n  SWG-HOST: error\n');
    const strict = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', BAD, '--config', 'ci/strict.yml', '--format', 'json'], strict)).toBe(1);
    expect(JSON.parse(strict.out())).toEqual([
      expect.objectContaining({ operation: 'refused', refusal: 'findings' }),
    ]);

    const requests = scenario.github.requests.length;
    const missing = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', BAD, '--config', 'ci/missing.yml'], missing)).toBe(2);
    expect(missing.err()).toMatch(/^ci\/missing\.yml: error: The configuration file does not exist\./m);
    expect(scenario.github.requests.length).toBe(requests);
  }, 120_000);

  it("applies an override whose files match the connector, over the file's own rule levels", async () => {
    // Off for every folder, an error again for this one: refused only if the override is read.
    write(
      '.connector-alm.yml',
      "rules:\n  SWG-HOST: off\noverrides:\n  - files: ['certified-connectors/Bad*']\n    rules:\n      SWG-HOST: error\n",
    );
    const io = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', BAD, '--format', 'json'], io)).toBe(1);
    const [result] = JSON.parse(io.out()) as { operation: string; findings?: { ruleId: string }[] }[];
    expect(result).toEqual(expect.objectContaining({ operation: 'refused', refusal: 'findings' }));
    expect(result!.findings?.map((finding) => finding.ruleId)).toContain('SWG-HOST');
  }, 120_000);

  it('exits 2 on a mistake in the configuration file, located on its line, with nothing sent', async () => {
    write('.connector-alm.yml', 'rules:\n  SWG-HOTS: off\n');
    const requests = scenario.github.requests.length;
    const io = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', BAD], io)).toBe(2);
    expect(io.err()).toMatch(
      /^\.connector-alm\.yml:2:3: error: Unknown rule 'SWG-HOTS'\. Did you mean 'SWG-HOST'\?/m,
    );
    expect(io.out()).toBe('');
    expect(scenario.github.requests.length).toBe(requests);
  }, 120_000);

  it("reads the connector's repository's file when run from outside the repository", async () => {
    write('.connector-alm.yml', 'rules:\n  SWG-HOTS: off\n');
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'cli-pr-elsewhere-'));
    const requests = scenario.github.requests.length;
    const io = memoryIo(elsewhere, env);
    try {
      expect(await runCli(['pr', path.join(scenario.workspace, BAD)], io)).toBe(2);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
    const file = path.relative(elsewhere, path.join(scenario.workspace, '.connector-alm.yml'));
    expect(io.err()).toContain(`${file}:2:3: error: Unknown rule 'SWG-HOTS'. Did you mean 'SWG-HOST'?`);
    expect(scenario.github.requests.length).toBe(requests);
  }, 120_000);

  it("takes the configuration's profile for a folder outside the layout, and its top folder as the target", async () => {
    write('.connector-alm.yml', 'profile: certified\n');
    cpSync(path.join(scenario.workspace, CONNECTOR), path.join(scenario.workspace, 'src/Tasks'), {
      recursive: true,
    });
    const io = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', 'src/Tasks', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual([
      expect.objectContaining({ targetFolder: 'certified-connectors/Tasks', operation: 'created' }),
    ]);
    expect(scenario.upstream.pulls.at(-1)!.body).toContain('Profile `certified`');
  }, 120_000);

  it('checks a connector the configuration ignores, which it is about to send, and says so', async () => {
    write('.connector-alm.yml', "ignore:\n  - 'certified-connectors/Bad*'\n");
    const io = memoryIo(scenario.workspace, env);
    expect(await runCli(['pr', BAD, '--format', 'json'], io)).toBe(1);
    expect(JSON.parse(io.out())).toEqual([
      expect.objectContaining({ operation: 'refused', refusal: 'findings' }),
    ]);
    expect(io.err()).toContain(
      `warning: The configuration file .connector-alm.yml ignores ${BAD}; it is checked all the same, since the pull request sends it.`,
    );
  }, 120_000);
});

// Skipped, saying why, where no DNS resolver answers that .invalid names do not exist.
const resolverAnswers = await resolverSaysNoSuchHost();

describe('connector-alm pr with an API URL it cannot use: one line at once, exit code 1, no stack trace', () => {
  const TOKEN = 'ghp_Hunter2TokenThatMustNeverBePrinted';
  let scenario: Scenario;
  beforeAll(async () => {
    scenario = await startScenario();
  });
  afterAll(() => scenario.dispose());

  // Real time: plugin-retry waited 1, 4 and 9 s before it said "GitHub failed … (500 getaddrinfo ENOTFOUND …)".
  (resolverAnswers ? it : it.skip)(
    'GITHUB_API_URL names a host that does not exist',
    async () => {
      const io = memoryIo(scenario.workspace, {
        GITHUB_TOKEN: TOKEN,
        GITHUB_API_URL: 'https://github.contoso.invalid/api/v3',
      });
      expect(await runCli(['pr', CONNECTOR], io)).toBe(1);
      expect(
        io
          .err()
          .split('\n')
          .filter((line) => line.startsWith('error:')),
      ).toEqual([
        'error: Could not reach the GitHub API at https://github.contoso.invalid/api/v3: DNS has no host named github.contoso.invalid (ENOTFOUND). Check the API URL for a typo. It is --api-url (or GITHUB_API_URL): https://api.github.com, or https://HOSTNAME/api/v3 on GitHub Enterprise Server.',
      ]);
      expect(io.err()).not.toMatch(/^\s+at /m);
      expect(io.out() + io.err()).not.toContain(TOKEN);
    },
    5000,
  );

  it('--api-url with a password in it: refused before any request, without the password', async () => {
    const io = memoryIo(scenario.workspace, { GITHUB_TOKEN: TOKEN });
    const code = await runCli(
      ['pr', CONNECTOR, '--api-url', 'https://me:Hunter2Password@github.contoso.com/api/v3'],
      io,
    );
    expect(code).toBe(2);
    expect(io.err()).toMatch(
      /^error: The GitHub API URL 'https:\/\/github\.contoso\.com\/api\/v3' holds a user name or password: the token goes in --token or GITHUB_TOKEN\. /m,
    );
    expect(io.out() + io.err()).not.toContain('Hunter2Password');
    expect(scenario.github.requests).toEqual([]);
  });
});

// Two things pr refuses whatever --fail-on, each with what to do in this command's options: a readme
// with the TODOs extraction wrote, and a new folder for a connector the upstream has in another one.
describe('connector-alm pr with what the upstream must not get', () => {
  const scenario = scenarioForAllTests();
  const env = () => ({
    GITHUB_TOKEN: scenario.contributor.token,
    GITHUB_API_URL: scenario.github.url,
    ...NO_WRITE_INTERVAL,
  });

  it("prints the readme's TODOs as errors on their lines, says to fill them in and exits 1, sending nothing", async () => {
    const folder = 'certified-connectors/Extracted';
    const readme = `# Contoso Tasks\n\n${readmeTodoHeading('## Publisher')}\n\n${readmeTodoLine('known issues, or "None".')}\n`;
    writeConnector(scenario.workspace, { ...connectorFiles(), 'readme.md': readme }, folder);
    const requests = scenario.github.requests.length;
    const io = memoryIo(scenario.workspace, env());
    const code = await runCli(['pr', folder, '--fail-on', 'never'], io);
    expect(code).toBe(1);
    expect(io.out()).toMatch(
      /^certified-connectors\/Extracted\/readme\.md:3:1 error README-PLACEHOLDER The readme still says "## Publisher: TODO": replace TODO with the publisher\.$/m,
    );
    expect(io.out()).toMatch(/^certified-connectors\/Extracted\/readme\.md:5:1 error README-PLACEHOLDER /m);
    expect(io.out()).toContain(
      `${folder}: not submitted: its readme still has the TODOs extract-connectors wrote, on lines 3 and 5: nothing was pushed, no pull request opened or updated. Replace each TODO line of readme.md with what it asks for ("None" will do for known issues), or, to keep the upstream's readme, copy it into the folder. No option sends the TODOs: they would be on the connector's documentation page.\n`,
    );
    expect(io.err()).toContain(`error: 1 connector of 1 not submitted: ${folder}.\n`);
    expect(scenario.github.requests.length).toBe(requests);
  }, 120_000);

  it('names the upstream folder that has the connector and the --target-folder to give, which then works', async () => {
    await mergeUpstream(scenario, connectorFiles(), 'certified-connectors/ContosoTasks');
    const io = memoryIo(scenario.workspace, env());
    expect(await runCli(['pr', CONNECTOR], io)).toBe(1);
    expect(io.out()).toContain(
      `${CONNECTOR}: not submitted: microsoft/PowerPlatformConnectors@dev has this connector in certified-connectors/ContosoTasks (the same title "Contoso Tasks"), and ${CONNECTOR} would be a second copy: nothing was pushed, no pull request opened or updated. Give --target-folder certified-connectors/ContosoTasks to update it, or --target-folder 'certified-connectors/Contoso Tasks' to add this folder as another connector all the same.\n`,
    );
    expect(scenario.upstream.pulls).toEqual([]);
    const advised = memoryIo(scenario.workspace, env());
    expect(
      await runCli(['pr', CONNECTOR, '--target-folder', 'certified-connectors/ContosoTasks'], advised),
    ).toBe(0);
    expect(advised.out()).toMatch(
      /^certified-connectors\/ContosoTasks: nothing to do \(no difference from /m,
    );
  }, 120_000);
});

describe("connector-alm pr to a fork with a branch named like a folder of the connector's branch", () => {
  const scenario = scenarioForAllTests();

  it('names that branch and what to do, exits 1 and opens no pull request', async () => {
    // git keeps branches as files and folders: no connector-alm/… beside connector-alm.
    await forkWithBranch(scenario, 'connector-alm');
    const io = memoryIo(scenario.workspace, {
      GITHUB_TOKEN: scenario.contributor.token,
      GITHUB_API_URL: scenario.github.url,
      ...NO_WRITE_INTERVAL,
    });
    expect(await runCli(['pr', CONNECTOR], io)).toBe(1);
    expect(io.out()).toBe(
      `${CONNECTOR}: not submitted: the fork contoso-dev/PowerPlatformConnectors has a branch connector-alm, so it cannot hold the branch connector-alm/certified-connectors/contoso-tasks (git keeps branches as files and folders; GitHub answered 422 Reference update failed): no branch was made for it, no pull request opened or updated. Rename or delete the branch connector-alm in the fork (its Branches page on GitHub), or give another --branch-prefix, and the same prefix on every rerun.\n`,
    );
    expect(io.err().trimEnd().split('\n').at(-1)).toBe(
      `error: 1 connector of 1 not submitted: ${CONNECTOR}.`,
    );
    expect(io.err()).not.toMatch(/GitHub failed|githubstatus/);
    expect(scenario.upstream.pulls).toEqual([]);

    const prefixed = memoryIo(scenario.workspace, io.env);
    expect(await runCli(['pr', CONNECTOR, '--branch-prefix', 'connector-alm-'], prefixed)).toBe(0);
    expect(prefixed.out()).toMatch(/^certified-connectors\/Contoso Tasks: created pull request #1 /);
  }, 120_000);
});

describe('connector-alm pr after its pull request was closed without merging', () => {
  const scenario = scenarioForAllTests();
  const env = () => ({
    GITHUB_TOKEN: scenario.contributor.token,
    GITHUB_API_URL: scenario.github.url,
    ...NO_WRITE_INTERVAL,
  });

  it('opens none for the connector unchanged since, with exit code 0, says why, and opens one with --resubmit', async () => {
    expect(await runCli(['pr', CONNECTOR], memoryIo(scenario.workspace, env()))).toBe(0);
    await scenario.github.closePull(scenario.upstream.pulls[0]!);
    const io = memoryIo(scenario.workspace, env());
    expect(await runCli(['pr', CONNECTOR], io)).toBe(0);
    expect(io.out()).toMatch(
      /^certified-connectors\/Contoso Tasks: nothing to do \(pull request #1 was closed without merging, and the connector has not changed since\) http:\S+\/pull\/1\n$/,
    );
    expect(io.err()).toContain('To send this version again as it is, run with --resubmit.\n');
    expect(scenario.upstream.pulls).toHaveLength(1);

    const resubmitted = memoryIo(scenario.workspace, env());
    expect(await runCli(['pr', CONNECTOR, '--resubmit'], resubmitted)).toBe(0);
    expect(resubmitted.out()).toMatch(/^certified-connectors\/Contoso Tasks: created pull request #2 /);
  }, 120_000);
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
