import { describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runWorkflowJob, temporaryFolder, type ExternalAction } from '@connector-alm/testing';
import {
  commitOnDev,
  git,
  pullRequestRepository,
  readmeEditOfConnectorWithExistingError,
  workspaceWithConnector,
} from '../helpers/pull-request-repo.js';

const workflow = path.join(REPO_ROOT, '.github/workflows/connector-pr-check.yml');

/** The SARIF upload, played here: it checks the file the workflow hands over as code scanning would need it. */
function uploadSarif(uploaded: unknown[], categories: (string | undefined)[] = []): ExternalAction {
  return (inputs, workspace) => {
    const file = path.join(workspace, inputs.sarif_file!);
    if (!existsSync(file)) return { exitCode: 1 };
    const log = JSON.parse(readFileSync(file, 'utf8'));
    uploaded.push(log);
    categories.push(inputs.category);
    return { outputs: { 'sarif-id': 'local' } };
  };
}

/**
 * The run of a pull request from `workspace`'s HEAD (as actions/checkout leaves it) into `baseSha`:
 * what runWorkflowJob takes for it.
 */
function pullRequestRun(workspace: string, baseSha: string, number = 7) {
  return {
    workspace,
    eventName: 'pull_request',
    event: {
      pull_request: { number, base: { sha: baseSha }, head: { sha: git(workspace, 'rev-parse', 'HEAD') } },
    },
  };
}

describe('the connector PR check workflow, step by step with the built bundles', () => {
  it('checks the connector a pull request changes, fails on its error, and still uploads SARIF', async () => {
    const { workspace, baseSha } = pullRequestRepository(workspaceWithConnector());
    const uploaded: unknown[] = [];
    const result = await runWorkflowJob(workflow, 'validate', {
      ...pullRequestRun(workspace, baseSha),
      externalActions: {
        'actions/checkout': () => ({}),
        'github/codeql-action/upload-sarif': uploadSarif(uploaded),
      },
    });
    expect(result.steps.map((step) => step.outcome)).toEqual(['success', 'failure', 'success']);
    expect(result.status).toBe('failure');
    expect(result.outputs['breaking-changes']).toBe('1');
    expect(Number(result.outputs.errors)).toBeGreaterThan(0);
    expect(uploaded).toHaveLength(1);
    const results = (uploaded[0] as { runs: { results: { ruleId: string }[] }[] }).runs[0]!.results;
    expect(results.map((r) => r.ruleId)).toContain('BRK-OP-DELETED');
  });

  it("uploads under the category the caller gives, so that two calls do not close each other's alerts", async () => {
    const categories: (string | undefined)[] = [];
    for (const inputs of [{}, { category: 'connector-alm/independent-publisher' }]) {
      const { workspace, baseSha } = pullRequestRepository(workspaceWithConnector());
      const uploaded: unknown[] = [];
      await runWorkflowJob(workflow, 'validate', {
        ...pullRequestRun(workspace, baseSha),
        inputs,
        externalActions: {
          'actions/checkout': () => ({}),
          'github/codeql-action/upload-sarif': uploadSarif(uploaded, categories),
        },
      });
      // upload-sarif applies its category only to a run without automationDetails.
      const run = (uploaded[0] as { runs: Record<string, unknown>[] }).runs[0]!;
      expect(run).not.toHaveProperty('automationDetails');
    }
    expect(categories).toEqual(['connector-alm', 'connector-alm/independent-publisher']);
  });

  it('hands the configuration file the caller names to validate-connector', async () => {
    const { workspace, baseSha } = pullRequestRepository(workspaceWithConnector());
    // A mistake in the file shows that the step read it: nothing else names ci/pr-check.yml.
    mkdirSync(path.join(workspace, 'ci'));
    writeFileSync(path.join(workspace, 'ci', 'pr-check.yml'), 'rules:\n  SWG-HOTS: off\n');
    const result = await runWorkflowJob(workflow, 'validate', {
      ...pullRequestRun(workspace, baseSha),
      inputs: { config: 'ci/pr-check.yml', 'upload-sarif': false },
      externalActions: { 'actions/checkout': () => ({}) },
    });
    expect(result.steps[1]!.outcome).toBe('failure');
    expect(result.steps[1]!.action?.annotations).toEqual([
      expect.objectContaining({
        level: 'error',
        file: 'ci/pr-check.yml',
        line: 2,
        message: expect.stringContaining("Unknown rule 'SWG-HOTS'"),
      }),
    ]);
  });

  it('fails only on the findings the pull request brings with only-new, as its failure line advises', async () => {
    const outcomes: Record<string, string | undefined> = {};
    let failureLine: string | undefined;
    for (const inputs of [{}, { 'only-new': true }]) {
      const { workspace, baseSha } = readmeEditOfConnectorWithExistingError();
      const result = await runWorkflowJob(workflow, 'validate', {
        ...pullRequestRun(workspace, baseSha),
        inputs: { ...inputs, 'upload-sarif': false },
        externalActions: { 'actions/checkout': () => ({}) },
      });
      outcomes[JSON.stringify(inputs)] = result.steps[1]!.outcome;
      failureLine ??= result.steps[1]!.action?.annotations.find(
        (a) => a.level === 'error' && !a.file,
      )?.message;
    }
    expect(outcomes).toEqual({ '{}': 'failure', '{"only-new":true}': 'success' });
    // The advice names an input that this workflow, the one the README tells users to call, takes.
    expect(failureLine).toContain(
      'only-new: true (an input of validate-connector and of the connector-pr-check workflow)',
    );
  });

  it('hands base and max-annotations to validate-connector', async () => {
    const { workspace, baseSha } = pullRequestRepository(workspaceWithConnector());
    const result = await runWorkflowJob(workflow, 'validate', {
      ...pullRequestRun(workspace, baseSha),
      // No comparison, so no breaking change; no annotation on a line or a folder.
      inputs: { base: 'none', 'max-annotations': 0, 'upload-sarif': false },
      externalActions: { 'actions/checkout': () => ({}) },
    });
    expect(result.outputs['breaking-changes']).toBe('0');
    expect(Number(result.outputs.errors)).toBeGreaterThan(0);
    expect(result.steps[1]!.action!.annotations.filter((a) => a.file)).toEqual([]);
  });

  it('skips the upload when asked to, and passes a clean pull request', async () => {
    const workspace = workspaceWithConnector();
    const baseSha = commitOnDev(workspace);
    git(workspace, 'commit', '-q', '--allow-empty', '-m', 'nothing');
    const uploaded: unknown[] = [];
    const result = await runWorkflowJob(workflow, 'validate', {
      ...pullRequestRun(workspace, baseSha, 8),
      inputs: { 'upload-sarif': false },
      externalActions: {
        'actions/checkout': () => ({}),
        'github/codeql-action/upload-sarif': uploadSarif(uploaded),
      },
    });
    expect(result.status).toBe('success');
    expect(result.steps[2]!.skipped).toBe(true);
    expect(uploaded).toEqual([]);
  });

  it('does not try the upload on a pull request from a fork, whose token is read-only, and passes it', async () => {
    const workspace = workspaceWithConnector();
    const baseSha = commitOnDev(workspace);
    git(workspace, 'commit', '-q', '--allow-empty', '-m', 'nothing');
    let uploads = 0;
    const result = await runWorkflowJob(workflow, 'validate', {
      workspace,
      eventName: 'pull_request',
      event: {
        pull_request: {
          number: 9,
          base: { sha: baseSha, repo: { full_name: 'contoso/connectors' } },
          head: { sha: git(workspace, 'rev-parse', 'HEAD'), repo: { full_name: 'a-contributor/connectors' } },
        },
      },
      externalActions: {
        'actions/checkout': () => ({}),
        // GitHub answers "Resource not accessible by integration" to a fork's read-only token.
        'github/codeql-action/upload-sarif': () => {
          uploads += 1;
          return { exitCode: 1 };
        },
      },
    });
    expect(result.steps[1]!.outcome).toBe('success');
    expect(result.steps[2]!.skipped).toBe(true);
    expect(uploads).toBe(0);
    expect(result.status).toBe('success');
  });

  it('passes a pull request that adds the bundled example connector, as a newcomer would see it', async () => {
    // A repository whose base has no connector, and a pull request that adds examples/ as it ships.
    const workspace = temporaryFolder('newcomer-');
    git(workspace, 'init', '-q', '-b', 'dev');
    git(workspace, 'commit', '-q', '--allow-empty', '-m', 'empty repository');
    const baseSha = git(workspace, 'rev-parse', 'HEAD');
    cpSync(
      path.join(REPO_ROOT, 'examples/certified-connectors'),
      path.join(workspace, 'certified-connectors'),
      { recursive: true },
    );
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'Add Contoso Tasks');
    const uploaded: unknown[] = [];
    const result = await runWorkflowJob(workflow, 'validate', {
      ...pullRequestRun(workspace, baseSha, 1),
      externalActions: {
        'actions/checkout': () => ({}),
        'github/codeql-action/upload-sarif': uploadSarif(uploaded),
      },
    });
    expect(result.status).toBe('success');
    expect(result.steps[1]!.action!.outputs.connectors).toBe(
      JSON.stringify(['certified-connectors/Contoso Tasks']),
    );
    expect(result.outputs).toMatchObject({ errors: '0', 'breaking-changes': '0' });
    expect(uploaded).toHaveLength(1);
  });
});
