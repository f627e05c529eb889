import * as core from '@actions/core';

/**
 * Appends what the step put into the summary to the job summary. A bundle run outside the runner (on
 * a laptop, with no GITHUB_STEP_SUMMARY) has no job summary: there the summary is dropped, as its log
 * already says what the step did, instead of failing the step after its work as an unexpected error.
 */
export async function writeJobSummary(summary: typeof core.summary = core.summary): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await summary.write();
  else summary.emptyBuffer();
}
