import * as core from '@actions/core';
import { errorMessage, isUserError, removeTemporariesOnSignal, storageLimitError } from '@connector-alm/core';
import { createActionsLogger } from './actions-logger.js';
import { userErrorAnnotation, type Annotation } from './error-annotation.js';
import { failureSummary } from './failure-summary.js';
import { writeJobSummary } from './job-summary.js';
import type { Logger } from '@connector-alm/core';
import { workspaceFolder } from './workspace-path.js';

/** What a step that fails says beyond its annotations. */
export interface FailureReport {
  /** The job summary's heading for the failure, naming what the step does ("Connector validation"). */
  title: string;
  /** Outputs to set when the step fails, for the steps after it (validate-connector's `result: failure`). */
  outputs?: Readonly<Record<string, string>>;
}

/**
 * Runs an action's main function. A user mistake (bad input, a file that does not parse) becomes an
 * error annotation (one per mistake found with it, as in a configuration file), on its file and line
 * when GitHub can show it there, and exit code 1; an internal failure says that it is one, with the
 * stack only in debug output. Neither prints a raw stack trace into the log. Either way the job
 * summary says the error and the `failure` outputs are set: a step that failed on its inputs left an
 * empty summary and a `result` that later steps read as unset.
 */
export async function runAction(
  main: (logger: Logger) => Promise<void>,
  failure: FailureReport,
): Promise<void> {
  // A cancelled job ends the step by signals: what it was writing beside its target goes with it.
  removeTemporariesOnSignal();
  const logger = createActionsLogger();
  try {
    await main(logger);
  } catch (error) {
    process.exitCode = 1;
    const errors: Annotation[] = [];
    const told = storageLimitError(error, 'the runner') ?? error;
    if (isUserError(told)) {
      for (const each of [told, ...(told.also ?? [])])
        errors.push(await userErrorAnnotation(each, workspaceFolder()));
    } else {
      errors.push({
        message: `connector-alm failed unexpectedly: ${errorMessage(error)}. This is a bug; please report it.`,
        properties: {},
      });
      if (error instanceof Error && error.stack) core.debug(error.stack);
    }
    for (const annotation of errors) core.error(annotation.message, annotation.properties);
    // The outputs file may be what failed (a full disk): the error is said all the same.
    try {
      for (const [name, value] of Object.entries(failure.outputs ?? {})) core.setOutput(name, value);
    } catch (outputError) {
      core.debug(`The failure outputs could not be set: ${errorMessage(outputError)}`);
    }
    await reportFailure(failure.title, errors);
  }
}

/** Writes the failure's job summary, in place of what the step had begun; a summary that cannot be written does not hide the error. */
async function reportFailure(title: string, errors: readonly Annotation[]): Promise<void> {
  try {
    core.summary.emptyBuffer();
    await writeJobSummary(core.summary.addRaw(failureSummary(title, errors)));
  } catch (error) {
    core.debug(`The job summary could not be written: ${errorMessage(error)}`);
  }
}
