import * as core from '@actions/core';
import { errorMessage, isUserError, removeTemporariesOnSignal } from '@connector-alm/core';
import { createActionsLogger } from './actions-logger.js';
import { userErrorAnnotation } from './error-annotation.js';
import type { Logger } from '@connector-alm/core';
import { workspaceFolder } from './workspace-path.js';

/**
 * Runs an action's main function. A user mistake (bad input, a file that does not parse) becomes an
 * error annotation (one per mistake found with it, as in a configuration file), on its file and line
 * when GitHub can show it there, and exit code 1; an internal failure says that it is one, with the
 * stack only in debug output. Neither prints a raw stack trace into the log.
 */
export async function runAction(main: (logger: Logger) => Promise<void>): Promise<void> {
  // A cancelled job ends the step by signals: what it was writing beside its target goes with it.
  removeTemporariesOnSignal();
  const logger = createActionsLogger();
  try {
    await main(logger);
  } catch (error) {
    process.exitCode = 1;
    if (isUserError(error)) {
      for (const each of [error, ...(error.also ?? [])]) {
        const annotation = await userErrorAnnotation(each, workspaceFolder());
        core.error(annotation.message, annotation.properties);
      }
      return;
    }
    core.error(`connector-alm failed unexpectedly: ${errorMessage(error)}. This is a bug; please report it.`);
    if (error instanceof Error && error.stack) core.debug(error.stack);
  }
}
