import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  REPO_ROOT,
  runWorkflow,
  runWorkflowJob,
  type JobResult,
  type RunJobOptions,
} from '@connector-alm/testing';
import {
  CONNECTOR,
  connectorFiles,
  connectorFilesWithAnError,
  connectorFilesWithSwagger,
  filesOnBranch,
  mergeUpstream,
  NO_WRITE_INTERVAL,
  startScenario,
  type Scenario,
} from '@connector-alm/github/testing';
import { checkoutFrom, git } from './helpers/git-actions.js';
import { originRepository } from './helpers/origin-repository.js';

const workflow = path.join(REPO_ROOT, '.github/workflows/connector-publish.yml');
const BRANCH = 'connector-alm/certified-connectors/contoso-tasks';
const TIMEOUT = 180_000;

let scenario: Scenario;
const disposers: (() => void)[] = [];
beforeAll(async () => {
  scenario = await startScenario();
});
afterAll(async () => {
  await scenario.dispose();
  disposers.forEach((dispose) => dispose());
  expect(scenario.github.violations).toEqual([]);
});

/** The user's connector repository, holding the connector (files as given) on main. */
function userRepository(files: Record<string, string | Buffer>): string {
  const repository = originRepository({
    files: Object.fromEntries(
      Object.entries(files).map(([name, content]) => [`${CONNECTOR}/${name}`, content]),
    ),
  });
  disposers.push(repository.dispose);
  return repository.origin;
}

/** The files as they go into a repository, in `folder`. */
function folderFiles(
  folder: string,
  files: Record<string, string | Buffer>,
): Record<string, string | Buffer> {
  return Object.fromEntries(Object.entries(files).map(([name, content]) => [`${folder}/${name}`, content]));
}

/** A commit of `files` (changed or added) pushed onto main of the bare repository `origin`; its sha. */
function pushedCommit(origin: string, files: Record<string, string | Buffer>): string {
  const work = mkdtempSync(path.join(os.tmpdir(), 'publish-push-'));
  disposers.push(() => rmSync(work, { recursive: true, force: true }));
  git(work, ['clone', '--quiet', `file://${origin}`, '.']);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(work, name), content);
  git(work, ['commit', '--quiet', '-am', 'Change the connector']);
  git(work, ['push', '--quiet', 'origin', 'HEAD:main']);
  return git(work, ['rev-parse', 'HEAD']);
}

/** A run of the workflow on a fresh runner, checking out the user's repository at `origin`. */
function publishOptions(origin: string, inputs: Record<string, unknown> = {}): RunJobOptions {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'publish-workspace-'));
  disposers.push(() => rmSync(workspace, { recursive: true, force: true }));
  return {
    workspace,
    eventName: 'workflow_dispatch',
    apiUrl: scenario.github.url,
    inputs: { connector: CONNECTOR, labels: 'new-connector', ...inputs },
    secrets: { token: scenario.contributor.token },
    // The local GitHub sets no write limit: the second GitHub asks for between writes is not waited.
    env: { ...NO_WRITE_INTERVAL },
    externalActions: { 'actions/checkout': checkoutFrom(origin) },
  };
}

async function publish(
  origin: string,
  workflowFile = workflow,
  inputs: Record<string, unknown> = {},
): Promise<JobResult> {
  return runWorkflowJob(workflowFile, 'publish', publishOptions(origin, inputs));
}

const fork = () => scenario.github.state.findRepository('contoso-dev', 'PowerPlatformConnectors')!;

describe('the connector publish workflow, step by step against a local GitHub', () => {
  it(
    'validates the connector, then opens the pull request from a branch of the fork holding exactly its files',
    async () => {
      const origin = userRepository(connectorFiles());
      const result = await publish(origin);
      const failures = result.steps.filter((step) => step.outcome === 'failure');
      expect(failures.map((step) => `${step.name}\n${step.stdout}\n${step.stderr}`)).toEqual([]);
      expect(result.steps.map((step) => step.outcome)).toEqual(['success', 'success', 'success']);
      expect(result.outputs.operation).toBe('created');
      expect(result.outputs['pull-request-url']).toBe(
        `${scenario.github.url}/microsoft/PowerPlatformConnectors/pull/1`,
      );

      expect(scenario.upstream.pulls).toHaveLength(1);
      expect(scenario.upstream.pulls[0]).toMatchObject({
        state: 'open',
        base: { ref: 'dev' },
        head: { repository: fork(), ref: BRANCH },
      });
      const onBranch = await filesOnBranch(fork(), BRANCH, CONNECTOR);
      // All but the icon, which a certified connector sends with its certification package.
      const { 'icon.png': icon, ...sent } = connectorFiles();
      expect(icon).toBeDefined();
      expect(Object.keys(onBranch).sort()).toEqual(Object.keys(sent).sort());
      // Byte for byte what the user's repository holds.
      for (const [name, content] of Object.entries(sent)) {
        expect(await fork().git.gitBytes(['cat-file', 'blob', onBranch[name]!])).toEqual(
          Buffer.from(content),
        );
      }
    },
    TIMEOUT,
  );

  it(
    'a second run of the same connector leaves the pull request as it is',
    async () => {
      const head = await fork().git.readRef(`refs/heads/${BRANCH}`);
      const result = await publish(userRepository(connectorFiles()));
      expect(result.status).toBe('success');
      expect(result.outputs.operation).toBe('none');
      expect(await fork().git.readRef(`refs/heads/${BRANCH}`)).toBe(head);
      expect(scenario.upstream.pulls).toHaveLength(1);
    },
    TIMEOUT,
  );

  it(
    'a connector that fails validation is not submitted',
    async () => {
      const head = await fork().git.readRef(`refs/heads/${BRANCH}`);
      const broken = { ...connectorFiles('A newer description that would update the pull request.') };
      broken['apiDefinition.swagger.json'] = '{ "swagger": "2.0", ';
      const result = await publish(userRepository(broken));
      expect(result.status).toBe('failure');
      // Submit runs all the same, and refuses it itself: it would send the other connectors of the call.
      expect(result.steps.map((step) => step.outcome)).toEqual(['success', 'failure', 'failure']);
      expect(result.steps[1]!.action!.annotations.some((annotation) => annotation.level === 'error')).toBe(
        true,
      );
      // Annotated once, by validate: submit says why it refused the connector, and lists the findings
      // in its log.
      const submit = result.steps[2]!;
      expect(submit.action!.annotations).toEqual([
        expect.objectContaining({
          level: 'error',
          message: expect.stringMatching(
            new RegExp(
              `^${CONNECTOR}: not submitted: validation found \\d+ errors?, .* \\(fail-on error\\): nothing was pushed`,
            ),
          ),
        }),
      ]);
      expect(submit.stdout).toContain(
        `${CONNECTOR}: the findings it was refused for (annotate-findings: false):`,
      );
      expect(submit.stdout).toMatch(
        new RegExp(`  ${CONNECTOR}/apiDefinition\\.swagger\\.json:\\d+:\\d+ error GEN-JSON-PARSE `),
      );
      expect(result.outputs.operation).toBe('refused');
      expect(await fork().git.readRef(`refs/heads/${BRANCH}`)).toBe(head);
    },
    TIMEOUT,
  );

  it(
    'submits the other connectors of the call when one fails validation, as open-pull-request promises',
    async () => {
      const bad = 'certified-connectors/Bad Host';
      const files = {
        ...folderFiles(bad, connectorFilesWithAnError()),
        ...folderFiles(CONNECTOR, connectorFiles('A newer description for the pull request to carry.')),
      };
      const repository = originRepository({ files });
      disposers.push(repository.dispose);
      const result = await publish(repository.origin, workflow, { connector: `${bad}\n${CONNECTOR}` });
      expect(result.status).toBe('failure');
      expect(result.steps.map((step) => step.outcome)).toEqual(['success', 'failure', 'failure']);
      expect(result.outputs.operation).toBe('refused\nupdated');
      expect(scenario.upstream.pulls.some((pull) => pull.head.ref.endsWith('/bad-host'))).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'passes config on to both steps: a rule it turns off fails neither validation nor the submission',
    async () => {
      const swagger = JSON.parse(connectorFiles()['apiDefinition.swagger.json'] as string) as {
        host: string;
      };
      swagger.host = 'http://bad host';
      const files = { ...connectorFiles(), 'apiDefinition.swagger.json': JSON.stringify(swagger, null, 2) };
      const repository = originRepository({
        files: {
          ...Object.fromEntries(
            Object.entries(files).map(([name, content]) => [`${CONNECTOR}/${name}`, content]),
          ),
          'ci/connector-alm.yml': 'rules:\n  SWG-HOST: off\n',
        },
      });
      disposers.push(repository.dispose);
      const result = await publish(repository.origin, workflow, {
        'target-folder': 'certified-connectors/Contoso Tasks Configured',
        config: 'ci/connector-alm.yml',
      });
      expect(result.steps.map((step) => step.outcome)).toEqual(['success', 'success', 'success']);
      expect(result.outputs.operation).toBe('created');
    },
    TIMEOUT,
  );

  it(
    'passes maintainer-can-modify: false on, for a token that cannot let maintainers edit (fork_collab)',
    async () => {
      const result = await publish(userRepository(connectorFiles()), workflow, {
        'target-folder': 'certified-connectors/Contoso Tasks Without Edits',
        'maintainer-can-modify': false,
      });
      expect(result.status).toBe('success');
      expect(result.outputs.operation).toBe('created');
      const pull = scenario.upstream.pulls.find((candidate) =>
        candidate.head.ref.endsWith('/contoso-tasks-without-edits'),
      )!;
      expect(pull.maintainerCanModify).toBe(false);
      expect(scenario.upstream.pulls[0]!.maintainerCanModify).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "passes sync-fork on: the fork's dev catches up with the upstream's, as reviewers ask",
    async () => {
      const upstreamDev = await scenario.github.commit(scenario.upstream, 'dev', {
        'README.md': 'A newer upstream readme.\n',
      });
      expect(await fork().git.readRef('refs/heads/dev')).not.toBe(upstreamDev);
      const result = await publish(userRepository(connectorFiles()), workflow, { 'sync-fork': true });
      expect(result.status).toBe('success');
      expect(await fork().git.readRef('refs/heads/dev')).toBe(upstreamDev);
    },
    TIMEOUT,
  );

  it(
    "passes the pull request's number, branch and head commit on to the caller, to chain steps on",
    async () => {
      const target = 'certified-connectors/Contoso Tasks Chained';
      const run = await runWorkflow(
        workflow,
        publishOptions(userRepository(connectorFiles()), { 'target-folder': target }),
      );
      expect(run.jobs.publish!.result).toBe('success');
      const pull = scenario.upstream.pulls.find((candidate) =>
        candidate.head.ref.endsWith('/contoso-tasks-chained'),
      )!;
      expect(run.outputs).toEqual({
        operation: 'created',
        'pull-request-url': `${scenario.github.url}/microsoft/PowerPlatformConnectors/pull/${pull.number}`,
        'pull-request-number': String(pull.number),
        branch: pull.head.ref,
        'head-sha': await fork().git.readRef(`refs/heads/${pull.head.ref}`),
      });
      expect(run.outputs.branch).toBe('connector-alm/certified-connectors/contoso-tasks-chained');
    },
    TIMEOUT,
  );

  it(
    'passes resubmit on: a connector unchanged since its pull request was closed is sent again only with it',
    async () => {
      const target = 'certified-connectors/Contoso Tasks Closed';
      const origin = userRepository(connectorFiles());
      expect((await publish(origin, workflow, { 'target-folder': target })).outputs.operation).toBe(
        'created',
      );
      const first = scenario.upstream.pulls.at(-1)!;
      await scenario.github.closePull(first);
      const unchanged = await publish(origin, workflow, { 'target-folder': target });
      expect(unchanged.status).toBe('success');
      expect(unchanged.outputs).toMatchObject({
        operation: 'none',
        'pull-request-number': String(first.number),
      });
      const resubmitted = await publish(origin, workflow, { 'target-folder': target, resubmit: true });
      expect(resubmitted.outputs).toMatchObject({
        operation: 'created',
        'pull-request-number': String(first.number + 1),
      });
    },
    TIMEOUT,
  );

  // Last: the connector it merges upstream would be the namesake of the runs above without target-folder.
  it(
    'passes fail-on-breaking on: a connector that breaks the upstream version is not submitted',
    async () => {
      const target = 'certified-connectors/Contoso Tasks Upstream';
      await mergeUpstream(scenario, connectorFiles(), target);
      const renamed = connectorFilesWithSwagger((swagger) => {
        swagger.paths['/tasks/{taskId}'].get.operationId = 'GetTaskV2';
      });
      const result = await publish(userRepository(renamed), workflow, {
        'target-folder': target,
        'fail-on-breaking': true,
      });
      expect(result.steps.map((step) => step.outcome)).toEqual(['success', 'success', 'failure']);
      expect(result.outputs.operation).toBe('refused');
      expect(result.steps[2]!.action!.annotations).toContainEqual(
        expect.objectContaining({ title: expect.stringMatching(/^BRK-OP-DELETED/) }),
      );
    },
    TIMEOUT,
  );

  it(
    "gives one verdict on a pull request too: validate judges the connector as submit does, not the maker's pull request",
    async () => {
      // Called on a pull request of the maker's repository: validate-connector compared it with that
      // pull request's base, which the workflow's checkout (the merge commit alone, as
      // actions/checkout fetches it) does not have, and failed the job, while submit, which judges
      // the connector as it is and against the upstream, opened the pull request upstream all the same.
      const repository = originRepository({ files: folderFiles(CONNECTOR, connectorFiles()) });
      disposers.push(repository.dispose);
      const base = git(repository.origin, ['rev-parse', 'refs/heads/main']);
      const head = pushedCommit(
        repository.origin,
        folderFiles(CONNECTOR, connectorFiles('A description that a pull request of the maker changed.')),
      );
      const result = await runWorkflowJob(workflow, 'publish', {
        ...publishOptions(repository.origin, {
          'target-folder': 'certified-connectors/Contoso Tasks On Pull Request',
        }),
        eventName: 'pull_request',
        event: {
          pull_request: {
            number: 4,
            title: 'Contoso Tasks: a new description',
            base: { sha: base, ref: 'main', repo: { full_name: 'contoso/connectors' } },
            head: { sha: head, ref: 'new-description', repo: { full_name: 'contoso/connectors' } },
          },
        },
      });
      const failures = result.steps.filter((step) => step.outcome === 'failure');
      expect(failures.map((step) => `${step.name}\n${step.stdout}\n${step.stderr}`)).toEqual([]);
      expect(result.outputs.operation).toBe('created');
    },
    TIMEOUT,
  );

  it('refuses a copy of the workflow with a misspelled input', async () => {
    const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'publish-workflow-')), 'connector-publish.yml');
    disposers.push(() => rmSync(path.dirname(copy), { recursive: true, force: true }));
    writeFileSync(copy, readFileSync(workflow, 'utf8').replace('target-folder: ${{', 'target-folders: ${{'));
    await expect(publish(userRepository(connectorFiles()), copy)).rejects.toThrow(
      /open-pull-request has no input 'target-folders'/,
    );
  });
});
