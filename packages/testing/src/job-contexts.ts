import { interpolate, type ExpressionContexts, type JobStatus } from './expressions.js';
import type { RunJobOptions } from './run-job-options.js';
import { inputDefaults, type Workflow } from './workflow-file.js';

export function stringify(
  values: Record<string, unknown> | undefined,
  contexts: ExpressionContexts,
  status: JobStatus,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(values ?? {}))
    result[key] = interpolate(String(value ?? ''), contexts, status);
  return result;
}

/** The contexts every expression of a job can read before its first step. */
export function jobContexts(
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
