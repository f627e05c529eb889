import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluateCondition, interpolate, type ExpressionContexts, type JobStatus } from './expressions.js';
import { jobContexts, stringify } from './job-contexts.js';
import type { JobResult, StepResult } from './job-result.js';
import type { NeedsEntry, RunJobOptions } from './run-job-options.js';
import { runStep } from './run-step.js';
import { checkStepInputs } from './step-inputs.js';
import { readWorkflow, type Workflow, type WorkflowStep } from './workflow-file.js';
import {
  environmentNameTemplate,
  grantsIdToken,
  jobNeeds,
  jobOrder,
  type WorkflowJob,
} from './workflow-jobs.js';

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
