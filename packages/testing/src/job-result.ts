import type { JobStatus } from './expressions.js';
import type { ActionRun } from './run-action.js';

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
