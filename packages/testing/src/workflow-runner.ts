import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { evaluateCondition, interpolate, type ExpressionContexts, type JobStatus } from './expressions.js';
import { REPO_ROOT, runActionBundle, type ActionRun } from './run-action.js';
import { parseFileCommands } from './workflow-commands.js';
import {
  environmentNameTemplate,
  grantsIdToken,
  jobNeeds,
  jobOrder,
  type Permissions,
  type WorkflowJob,
} from './workflow-jobs.js';

/** An action that is not ours (actions/checkout, codeql upload-sarif…), played by the test. */
export type ExternalAction = (
  inputs: Record<string, string>,
  workspace: string,
) =>
  | { outputs?: Record<string, string>; exitCode?: number }
  | Promise<{ outputs?: Record<string, string>; exitCode?: number }>;

/** An external action with the input names its action.yml declares, so that typos are refused as for ours. */
export interface ExternalActionSpec {
  inputs: readonly string[];
  run: ExternalAction;
}

/** What a GitHub environment gives a job that names it in `environment:`. */
export interface GitHubEnvironment {
  vars?: Record<string, string>;
  secrets?: Record<string, string>;
}

/** The runner's OIDC endpoint (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN). */
export interface IdTokenEndpoint {
  requestUrl: string;
  requestToken: string;
}

/** A finished job as the `needs` context shows it to the jobs after it. */
export interface NeedsEntry {
  result: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
}

export interface RunJobOptions {
  workspace: string;
  eventName: string;
  event?: Record<string, unknown>;
  /** `inputs` of workflow_call / workflow_dispatch; defaults come from the workflow. */
  inputs?: Record<string, unknown>;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** Fields of the `github` context to set or override (ref, actor, repository…). */
  github?: Record<string, unknown>;
  apiUrl?: string;
  /** Extra process environment for every step. */
  env?: Record<string, string>;
  /** Handlers for `uses:` that are not this repository's actions, by name without the @ref. */
  externalActions?: Record<string, ExternalAction | ExternalActionSpec>;
  /** GitHub environments by name; a job's `environment:` adds their vars and secrets. */
  environments?: Record<string, GitHubEnvironment>;
  /** Handed to the steps only when the job's permissions grant id-token: write, as GitHub does. */
  idToken?: IdTokenEndpoint;
  /** Results of the jobs this one needs (runWorkflow fills it in). */
  needs?: Record<string, NeedsEntry>;
}

export interface StepResult {
  id: string | undefined;
  name: string;
  skipped: boolean;
  outcome: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  /** The action run, for steps that ran one of our bundles. */
  action?: ActionRun;
  /** What the step appended to the job summary (GITHUB_STEP_SUMMARY). */
  summary: string;
  stdout: string;
  stderr: string;
}

export interface JobResult {
  status: JobStatus;
  steps: StepResult[];
  outputs: Record<string, string>;
  /** The GitHub environment the job ran in, after its expression was evaluated. */
  environment?: string;
}

/** A step of a workflow file, as YAML parses it: what the runner and the reference check read. */
export interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  if?: unknown;
  'continue-on-error'?: boolean;
  'working-directory'?: string;
  shell?: string;
}

interface Workflow {
  env?: Record<string, unknown>;
  permissions?: Permissions;
  on?: Record<
    string,
    { inputs?: Record<string, { default?: unknown }>; outputs?: Record<string, { value?: unknown }> } | null
  >;
  jobs: Record<string, WorkflowJob & { steps?: WorkflowStep[] }>;
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

function readWorkflow(workflowFile: string): Workflow {
  return parseYaml(readFileSync(workflowFile, 'utf8')) as Workflow;
}

function inputDefaults(workflow: Workflow): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const trigger of ['workflow_call', 'workflow_dispatch']) {
    for (const [name, spec] of Object.entries(workflow.on?.[trigger]?.inputs ?? {})) {
      if (spec && 'default' in spec) defaults[name] = spec.default;
    }
  }
  return defaults;
}

/** The contexts every expression of a job can read before its first step. */
function jobContexts(
  workflow: Workflow,
  options: RunJobOptions,
  jobId: string,
  temp: string,
): ExpressionContexts {
  return {
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
      job: jobId,
      ...options.github,
    },
    inputs: { ...inputDefaults(workflow), ...options.inputs },
    secrets: options.secrets ?? {},
    vars: options.vars ?? {},
    needs: options.needs ?? {},
    steps: {},
    runner: { os: 'Linux', temp },
    env: {},
  };
}

/**
 * Runs one job of a workflow file step by step, as the runner would: `if:` conditions, `${{ }}`
 * expressions evaluated with GitHub's evaluator, this repository's actions run from their built bundles
 * (runActionBundle), `run:` steps in bash with GITHUB_OUTPUT, and step outputs passed on as the
 * expressions say. Other actions are played by the test's handlers. A job with `environment:` reads
 * that environment's vars and secrets; the OIDC endpoint reaches the steps only with id-token: write.
 */
export async function runWorkflowJob(
  workflowFile: string,
  jobId: string,
  options: RunJobOptions,
): Promise<JobResult> {
  const workflow = readWorkflow(workflowFile);
  const job = workflow.jobs[jobId];
  if (!job) throw new Error(`${workflowFile} has no job '${jobId}'`);
  if (!job.steps) throw new Error(`Job '${jobId}' has no steps (a reusable workflow call cannot run here)`);
  // Every step's inputs are checked before the first step runs, so a typo in a step that this run
  // would skip still fails the test.
  for (const [index, step] of job.steps.entries()) checkStepInputs(step, `step ${index + 1}`, options);

  // Each job gets a fresh runner, so a fresh RUNNER_TEMP that is gone when the job ends.
  const temp = mkdtempSync(path.join(os.tmpdir(), `job-${jobId}-`));
  try {
    const contexts = jobContexts(workflow, options, jobId, temp);
    const nameTemplate = environmentNameTemplate(job);
    const environment = nameTemplate === undefined ? undefined : interpolate(nameTemplate, contexts);
    const scoped = environment === undefined ? undefined : options.environments?.[environment];
    contexts.vars = { ...options.vars, ...scoped?.vars };
    contexts.secrets = { ...options.secrets, ...scoped?.secrets };

    const processEnv: Record<string, string> = { RUNNER_TEMP: temp, ...options.env };
    if (options.idToken && grantsIdToken(workflow.permissions, job.permissions)) {
      processEnv.ACTIONS_ID_TOKEN_REQUEST_URL = options.idToken.requestUrl;
      processEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN = options.idToken.requestToken;
    }
    const result = await runSteps(workflow, job, job.steps, contexts, { ...options, env: processEnv });
    return environment === undefined ? result : { ...result, environment };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

async function runSteps(
  workflow: Workflow,
  job: WorkflowJob,
  jobSteps: WorkflowStep[],
  contexts: ExpressionContexts,
  options: RunJobOptions,
): Promise<JobResult> {
  const steps: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> = {};
  contexts.steps = steps;
  let status: JobStatus = 'success';
  const results: StepResult[] = [];
  const jobEnv = { ...stringify(workflow.env, contexts, status), ...stringify(job.env, contexts, status) };
  for (const [index, step] of jobSteps.entries()) {
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
        summary: '',
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

export interface WorkflowRunOptions extends RunJobOptions {
  /** Options for single jobs, merged over the common ones (another OIDC endpoint, say). */
  jobs?: Record<string, Partial<RunJobOptions>>;
}

export interface WorkflowJobResult extends Partial<JobResult> {
  result: NeedsEntry['result'];
}

export interface WorkflowResult {
  /** Job ids in the order they ran (or were skipped). */
  order: string[];
  jobs: Record<string, WorkflowJobResult>;
  /**
   * The outputs of a reusable workflow (on.workflow_call.outputs), as its caller reads them in
   * needs.<calling job>.outputs: evaluated once every job has finished, from the `jobs` context.
   */
  outputs: Record<string, string>;
}

/**
 * Runs every job of a workflow one after the other, each after the jobs it `needs`, with their
 * results and outputs in the `needs` context. A job runs when its `if:` holds; without one, only when
 * every job it needs succeeded, as on GitHub. Concurrency groups and environment approvals are
 * not played: approvals are people, and the jobs here never overlap.
 */
export async function runWorkflow(
  workflowFile: string,
  options: WorkflowRunOptions,
): Promise<WorkflowResult> {
  const workflow = readWorkflow(workflowFile);
  const order = jobOrder(workflow.jobs);
  const jobs: Record<string, WorkflowJobResult> = {};
  for (const jobId of order) {
    const job = workflow.jobs[jobId]!;
    const needs = Object.fromEntries(
      jobNeeds(job).map((need) => [need, { result: jobs[need]!.result, outputs: jobs[need]!.outputs ?? {} }]),
    );
    const jobOptions: RunJobOptions = { ...options, ...options.jobs?.[jobId], needs };
    const upstreamStatus: JobStatus = Object.values(needs).every((need) => need.result === 'success')
      ? 'success'
      : 'failure';
    const conditionContexts = jobContexts(workflow, jobOptions, jobId, os.tmpdir());
    if (!evaluateCondition(job.if, conditionContexts, upstreamStatus)) {
      jobs[jobId] = { result: 'skipped', outputs: {} };
      continue;
    }
    const result = await runWorkflowJob(workflowFile, jobId, jobOptions);
    jobs[jobId] = { ...result, result: result.status === 'success' ? 'success' : 'failure' };
  }
  return { order, jobs, outputs: workflowCallOutputs(workflow, jobs, options) };
}

/** on.workflow_call.outputs, each `value` evaluated with the results and outputs of every job. */
function workflowCallOutputs(
  workflow: Workflow,
  jobs: Record<string, WorkflowJobResult>,
  options: RunJobOptions,
): Record<string, string> {
  const contexts: ExpressionContexts = {
    ...jobContexts(workflow, options, '', os.tmpdir()),
    jobs: Object.fromEntries(
      Object.entries(jobs).map(([id, job]) => [id, { result: job.result, outputs: job.outputs ?? {} }]),
    ),
  };
  const values = Object.fromEntries(
    Object.entries(workflow.on?.workflow_call?.outputs ?? {}).map(([name, output]) => [name, output.value]),
  );
  return stringify(values, contexts, 'success');
}

function externalHandler(step: WorkflowStep, name: string, options: RunJobOptions): ExternalActionSpec {
  const key = step.uses!.split('@')[0]!;
  const handler = options.externalActions?.[key];
  if (!handler) throw new Error(`No handler for external action '${key}' (step '${name}')`);
  return typeof handler === 'function' ? { inputs: [], run: handler } : handler;
}

/**
 * Refuses `with:` names the action does not declare: ours from their action.yml, external ones from
 * the names their handler lists (a bare handler function declares none and is not checked).
 */
function checkStepInputs(step: WorkflowStep, fallbackName: string, options: RunJobOptions): void {
  if (!step.uses) return;
  const name = step.name ?? step.id ?? fallbackName;
  const local = localActionName(step.uses);
  let declared: readonly string[] | undefined;
  let action: string;
  if (local) {
    action = local;
    declared = Object.keys(readActionInputs(local));
  } else {
    action = step.uses.split('@')[0]!;
    const handler = options.externalActions?.[action];
    declared = handler && typeof handler !== 'function' ? handler.inputs : undefined;
  }
  if (!declared) return;
  for (const input of Object.keys(step.with ?? {})) {
    if (!declared.includes(input)) throw new Error(`${action} has no input '${input}' (step '${name}')`);
  }
}

function readActionInputs(action: string): Record<string, unknown> {
  const manifest = parseYaml(readFileSync(path.join(REPO_ROOT, 'actions', action, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, unknown>;
  };
  return manifest.inputs ?? {};
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
  if (step.uses) {
    const local = localActionName(step.uses);
    const handler = local ? undefined : externalHandler(step, name, options);
    const inputs = stringify(step.with, contexts, status);
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
      return {
        ...base,
        outcome,
        outputs: run.outputs,
        action: run,
        summary: run.summary,
        stdout: run.stdout,
        stderr: run.stderr,
      };
    }
    const { outputs = {}, exitCode = 0 } = await handler!.run(inputs, options.workspace);
    return {
      ...base,
      outcome: exitCode === 0 ? 'success' : 'failure',
      outputs,
      summary: '',
      stdout: '',
      stderr: '',
    };
  }
  if (step.run !== undefined)
    return runScript(step, base, interpolate(step.run, contexts, status), env, options);
  throw new Error(`Step '${name}' has neither uses nor run`);
}

/** A `run:` step in bash as the runner starts it; GITHUB_TOKEN only when the step's env passes it. */
function runScript(
  step: WorkflowStep,
  base: { id: string | undefined; name: string; skipped: boolean },
  script: string,
  env: Record<string, string>,
  options: RunJobOptions,
): StepResult {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'run-step-'));
  try {
    const outputFile = path.join(temp, 'output');
    const summaryFile = path.join(temp, 'summary.md');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const child = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      cwd: path.resolve(options.workspace, step['working-directory'] ?? ''),
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? temp,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_WORKSPACE: options.workspace,
        GITHUB_EVENT_NAME: options.eventName,
        GITHUB_REPOSITORY: 'contoso/connectors',
        ...env,
        ...options.env,
      },
    });
    return {
      ...base,
      outcome: child.status === 0 ? 'success' : 'failure',
      outputs: parseFileCommands(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
      stdout: child.stdout,
      stderr: child.stderr,
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
