import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { evaluateCondition, interpolate, type ExpressionContexts, type JobStatus } from './expressions.js';
import { REPO_ROOT, runActionBundle, type ActionRun } from './run-action.js';
import { parseFileCommands } from './workflow-commands.js';

/** An action that is not ours (actions/checkout, codeql upload-sarif…), played by the test. */
export type ExternalAction = (
  inputs: Record<string, string>,
  workspace: string,
) =>
  | { outputs?: Record<string, string>; exitCode?: number }
  | Promise<{ outputs?: Record<string, string>; exitCode?: number }>;

export interface RunJobOptions {
  workspace: string;
  eventName: string;
  event?: Record<string, unknown>;
  /** `inputs` of workflow_call / workflow_dispatch; defaults come from the workflow. */
  inputs?: Record<string, unknown>;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  apiUrl?: string;
  /** Extra process environment for every step (e.g. ACTIONS_ID_TOKEN_REQUEST_URL). */
  env?: Record<string, string>;
  /** Handlers for `uses:` that are not this repository's actions, by name without the @ref. */
  externalActions?: Record<string, ExternalAction>;
}

export interface StepResult {
  id: string | undefined;
  name: string;
  skipped: boolean;
  outcome: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  /** The action run, for steps that ran one of our bundles. */
  action?: ActionRun;
  stdout: string;
  stderr: string;
}

export interface JobResult {
  status: JobStatus;
  steps: StepResult[];
  outputs: Record<string, string>;
}

interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  if?: unknown;
  'continue-on-error'?: boolean;
  shell?: string;
}

interface Workflow {
  env?: Record<string, unknown>;
  on?: Record<string, { inputs?: Record<string, { default?: unknown }> } | null>;
  jobs: Record<
    string,
    { env?: Record<string, unknown>; steps: WorkflowStep[]; outputs?: Record<string, string> }
  >;
}

/** `owner/repo/actions/<name>@ref` or `./actions/<name>`: one of this repository's actions. */
function localActionName(uses: string): string | undefined {
  const match = /(?:^\.\/|\/)actions\/([a-z0-9-]+)(?:@.*)?$/.exec(uses);
  if (!match) return undefined;
  return existsSync(path.join(REPO_ROOT, 'actions', match[1]!, 'action.yml')) ? match[1] : undefined;
}

function stringify(
  values: Record<string, unknown> | undefined,
  contexts: ExpressionContexts,
  status: JobStatus,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(values ?? {}))
    result[key] = interpolate(String(value ?? ''), contexts, status);
  return result;
}

/**
 * Runs one job of a workflow file step by step, as the runner would: `if:` conditions, `${{ }}`
 * expressions evaluated with GitHub's evaluator, this repository's actions run from their built bundles
 * (runActionBundle), `run:` steps in bash with GITHUB_OUTPUT, and step outputs passed on as the
 * expressions say. Other actions are played by the test's handlers.
 */
export async function runWorkflowJob(
  workflowFile: string,
  jobId: string,
  options: RunJobOptions,
): Promise<JobResult> {
  const workflow = parseYaml(readFileSync(workflowFile, 'utf8')) as Workflow;
  const job = workflow.jobs[jobId];
  if (!job) throw new Error(`${workflowFile} has no job '${jobId}'`);

  const inputDefaults: Record<string, unknown> = {};
  for (const trigger of ['workflow_call', 'workflow_dispatch']) {
    for (const [name, spec] of Object.entries(workflow.on?.[trigger]?.inputs ?? {})) {
      if (spec && 'default' in spec) inputDefaults[name] = spec.default;
    }
  }
  const steps: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> = {};
  const contexts: ExpressionContexts = {
    github: {
      event_name: options.eventName,
      event: options.event ?? {},
      workspace: options.workspace,
      repository: 'contoso/connectors',
      repository_owner: 'contoso',
      api_url: options.apiUrl ?? 'https://api.github.com',
      server_url: 'https://github.com',
      token: options.secrets?.GITHUB_TOKEN ?? 'ghs_local_test_token',
      run_id: '1',
      sha: 'HEAD',
    },
    inputs: { ...inputDefaults, ...options.inputs },
    secrets: options.secrets ?? {},
    vars: options.vars ?? {},
    steps,
    runner: { os: 'Linux', temp: os.tmpdir() },
    env: {},
  };

  let status: JobStatus = 'success';
  const results: StepResult[] = [];
  const jobEnv = { ...stringify(workflow.env, contexts, status), ...stringify(job.env, contexts, status) };
  for (const [index, step] of job.steps.entries()) {
    const name = step.name ?? step.uses ?? step.run?.split('\n')[0] ?? `step ${index + 1}`;
    const stepEnv = { ...jobEnv, ...stringify(step.env, { ...contexts, env: jobEnv }, status) };
    const stepContexts = { ...contexts, env: stepEnv };
    if (!evaluateCondition(step.if, stepContexts, status)) {
      results.push({
        id: step.id,
        name,
        skipped: true,
        outcome: 'skipped',
        outputs: {},
        stdout: '',
        stderr: '',
      });
      if (step.id) steps[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      continue;
    }
    const result = await runStep(step, name, stepContexts, stepEnv, status, options);
    results.push(result);
    const failed = result.outcome === 'failure';
    if (step.id) {
      steps[step.id] = {
        outputs: result.outputs,
        outcome: result.outcome,
        conclusion: failed && step['continue-on-error'] ? 'success' : result.outcome,
      };
    }
    if (failed && !step['continue-on-error']) status = 'failure';
  }
  const outputs = stringify(job.outputs, contexts, status);
  return { status, steps: results, outputs };
}

async function runStep(
  step: WorkflowStep,
  name: string,
  contexts: ExpressionContexts,
  env: Record<string, string>,
  status: JobStatus,
  options: RunJobOptions,
): Promise<StepResult> {
  const base = { id: step.id, name, skipped: false };
  const github = contexts.github as { token: string };
  if (step.uses) {
    const inputs = stringify(step.with, contexts, status);
    const local = localActionName(step.uses);
    if (local) {
      const run = await runActionBundle(local, {
        workspace: options.workspace,
        inputs,
        eventName: options.eventName,
        event: options.event,
        apiUrl: options.apiUrl,
        env: { ...env, ...options.env },
      });
      const outcome = run.exitCode === 0 ? 'success' : 'failure';
      return { ...base, outcome, outputs: run.outputs, action: run, stdout: run.stdout, stderr: run.stderr };
    }
    const key = step.uses.replace(/@.*$/, '');
    const handler = options.externalActions?.[key];
    if (!handler) throw new Error(`No handler for external action '${key}' (step '${name}')`);
    const { outputs = {}, exitCode = 0 } = await handler(inputs, options.workspace);
    return { ...base, outcome: exitCode === 0 ? 'success' : 'failure', outputs, stdout: '', stderr: '' };
  }
  if (step.run !== undefined) {
    const script = interpolate(step.run, contexts, status);
    const temp = mkdtempSync(path.join(os.tmpdir(), 'run-step-'));
    try {
      const outputFile = path.join(temp, 'output');
      writeFileSync(outputFile, '');
      const child = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
        cwd: options.workspace,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: process.env.HOME ?? temp,
          GITHUB_OUTPUT: outputFile,
          GITHUB_WORKSPACE: options.workspace,
          GITHUB_TOKEN: github.token,
          ...env,
          ...options.env,
        },
      });
      return {
        ...base,
        outcome: child.status === 0 ? 'success' : 'failure',
        outputs: parseFileCommands(readFileSync(outputFile, 'utf8')),
        stdout: child.stdout,
        stderr: child.stderr,
      };
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }
  throw new Error(`Step '${name}' has neither uses nor run`);
}
