import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { interpolate, type ExpressionContexts, type JobStatus } from './expressions.js';
import { stringify } from './job-contexts.js';
import type { StepResult } from './job-result.js';
import { runActionBundle } from './run-action.js';
import type { ExternalActionSpec, RunJobOptions } from './run-job-options.js';
import { localActionName } from './step-inputs.js';
import { parseFileCommands } from './workflow-commands.js';
import type { WorkflowStep } from './workflow-file.js';

function externalHandler(step: WorkflowStep, name: string, options: RunJobOptions): ExternalActionSpec {
  const key = step.uses!.split('@')[0]!;
  const handler = options.externalActions?.[key];
  if (!handler) throw new Error(`No handler for external action '${key}' (step '${name}')`);
  return typeof handler === 'function' ? { inputs: [], run: handler } : handler;
}

export async function runStep(
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
