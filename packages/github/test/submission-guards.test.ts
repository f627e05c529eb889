import { describe, expect, it } from '@jest/globals';
import { type OpenPullRequestOptions } from '../src/index.js';
import { committedFolder, commitMessage } from '../src/branch-commit.js';
import {
  CHANGED_DESCRIPTION,
  CONNECTOR,
  CONNECTOR_BRANCH as BRANCH,
  connectorFiles,
  connectorFilesWithAnError,
  contributorFork,
  copyConnector,
  filesOnBranch,
  mergeUpstream,
  NAMESAKE,
  unmarkHeadCommit,
  writeConnector,
} from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { submitConnector } from './helpers/submit-connector.js';

// A connector that reaches fail-on is not submitted, and a branch that is another folder's is not
// moved: the two things that used to cost reviewers their time or overwrite another pull request.

const scenario = scenarioForEachTest();

const run = (overrides: Partial<OpenPullRequestOptions> = {}) => submitConnector(scenario, overrides).promise;

const forkOf = () => contributorFork(scenario)!;
const writes = () => scenario.github.requests.filter((request) => request.method !== 'GET').length;
describe('fail-on: a connector whose findings reach it is not submitted', () => {
  it('sends nothing to GitHub for a connector with an error, and returns its findings located', async () => {
    writeConnector(scenario.workspace, connectorFilesWithAnError());
    const result = await run();
    expect(result).toMatchObject({
      operation: 'refused',
      refusal: 'findings',
      targetFolder: CONNECTOR,
      reason:
        'validation found 1 error, 2 warnings, 1 info (fail-on error): nothing was pushed, no pull request opened or updated',
    });
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'SWG-HOST',
        severity: 'error',
        file: `${CONNECTOR}/apiDefinition.swagger.json`,
        line: expect.any(Number),
        column: expect.any(Number),
      }),
    );
    expect(result.number).toBeUndefined();
    expect(scenario.github.requests).toEqual([]);
  });

  it('leaves an open pull request and its branch as they are when the connector gets an error', async () => {
    const first = await run();
    expect(first.operation).toBe('created');
    const body = scenario.upstream.pulls[0]!.body;
    writeConnector(scenario.workspace, connectorFilesWithAnError());
    const before = writes();
    expect(await run()).toMatchObject({ operation: 'refused', refusal: 'findings' });
    expect(writes()).toBe(before);
    expect(await forkOf().git.readRef(`refs/heads/${first.branch}`)).toBe(first.headSha);
    expect(scenario.upstream.pulls[0]!.body).toBe(body);
  });

  it('opens it anyway with fail-on never, listing the error in the body', async () => {
    writeConnector(scenario.workspace, connectorFilesWithAnError());
    const result = await run({ failOn: 'never' });
    expect(result).toMatchObject({ operation: 'created', number: 1 });
    expect(result.findings).toBeUndefined();
    expect(scenario.upstream.pulls[0]!.body).toContain('| error | SWG-HOST |');
  });

  it('refuses a connector with warnings but no error at fail-on warning, and submits it at the default error', async () => {
    expect(await run({ failOn: 'warning' })).toMatchObject({
      operation: 'refused',
      reason: expect.stringMatching(/^validation found 0 errors, 2 warnings, 1 info \(fail-on warning\)/),
    });
    expect(scenario.github.requests).toEqual([]);
    expect(await run()).toMatchObject({ operation: 'created' });
  });
});

describe('two target folders with one branch name', () => {
  /** The connector copied to NAMESAKE, whose branch name is the same as CONNECTOR's. */
  function addNamesake(): void {
    copyConnector(scenario.workspace, NAMESAKE);
  }

  it('refuses the second folder of a run, before anything is sent, when the first one has its branch', async () => {
    addNamesake();
    const result = await run({ connector: NAMESAKE, branchesInUse: new Map([[BRANCH, CONNECTOR]]) });
    expect(result).toMatchObject({
      operation: 'refused',
      refusal: 'branch',
      branch: BRANCH,
      reason: `its branch ${BRANCH} is the branch of ${CONNECTOR}, submitted before it in this run: nothing was pushed for it`,
    });
    expect(scenario.github.requests).toEqual([]);
    // The same folder again is a rerun, not a namesake.
    expect(await run({ branchesInUse: new Map([[BRANCH, CONNECTOR]]) })).toMatchObject({
      operation: 'created',
    });
  });

  it("does not move a branch that another folder's pull request has, and leaves that pull request alone", async () => {
    const first = await run();
    addNamesake();
    const before = writes();
    const result = await run({ connector: NAMESAKE });
    expect(result).toMatchObject({
      operation: 'refused',
      refusal: 'branch',
      reason: `the branch ${BRANCH} of contoso-dev/PowerPlatformConnectors holds ${CONNECTOR} (pull request #1), not ${NAMESAKE}: nothing was pushed for it`,
    });
    expect(writes()).toBe(before);
    expect(await forkOf().git.readRef(`refs/heads/${BRANCH}`)).toBe(first.headSha);
    expect(scenario.upstream.pulls).toHaveLength(1);
  });

  it('does not empty the pull request of the other folder when this one equals the upstream', async () => {
    // Before, this run found pull request #1 by its branch, took it for its own and, having nothing
    // to propose, brought Contoso Tasks' branch back to the upstream: the pull request proposed nothing.
    await run();
    addNamesake();
    await mergeUpstream(scenario, connectorFiles(), NAMESAKE);
    expect(await run({ connector: NAMESAKE })).toMatchObject({ operation: 'refused', refusal: 'branch' });
    // All it sent: a certified connector's icon goes with the certification package.
    expect(Object.keys(await filesOnBranch(forkOf(), BRANCH, CONNECTOR))).toHaveLength(3);
    expect(scenario.upstream.pulls[0]!.body).not.toMatch(/No change/);
  });

  it('tells the folder of a branch made before commits named it, from what its head commit changed', async () => {
    const first = await run();
    // As a connector-alm before the folder trailer left it: the same tree and base, no trailer.
    const fork = forkOf();
    const old = await unmarkHeadCommit(fork, BRANCH, first.headSha!);
    addNamesake();
    expect(await run({ connector: NAMESAKE })).toMatchObject({
      operation: 'refused',
      reason: expect.stringContaining(`holds ${CONNECTOR} (pull request #1), not ${NAMESAKE}`),
    });
    expect(await fork.git.readRef(`refs/heads/${BRANCH}`)).toBe(old);
    // Its own folder still updates it, replacing the unmarked commit as before.
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    expect(await run()).toMatchObject({ operation: 'updated', number: 1 });
  });

  it('is not misled by a commit somebody pushed on top that changes a file outside any connector', async () => {
    const first = await run();
    await scenario.github.commit(forkOf(), first.branch, { 'README.md': 'A readme fix on the branch.\n' });
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    expect(await run()).toMatchObject({ operation: 'updated', number: 1 });
  });
});

describe('the folder trailer of our commits', () => {
  it('names the target folder, and is read back only from a commit of ours', () => {
    const message = commitMessage('Add Contoso Tasks', 'contoso/connectors@abc1234', CONNECTOR);
    expect(message).toBe(
      `Add Contoso Tasks\n\nFrom contoso/connectors@abc1234.\n\nConnector-folder: ${CONNECTOR}\nMade-by: connector-alm`,
    );
    expect(committedFolder(message)).toBe(CONNECTOR);
    expect(committedFolder(`Fix\n\nConnector-folder: ${NAMESAKE}`)).toBeUndefined();
    expect(committedFolder('Add Contoso Tasks\n\nMade-by: connector-alm')).toBeUndefined();
  });
});
