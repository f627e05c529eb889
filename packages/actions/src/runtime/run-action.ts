import path from 'node:path';
import * as core from '@actions/core';
import { describeProblem, errorMessage, isUserError, isWithin, posixRelativePath } from '@connector-alm/core';
import { createActionsLogger } from './actions-logger.js';
import type { Logger } from '@connector-alm/core';

/**
 * Runs an action's main function. A user mistake (bad input, a file that does not parse) becomes one
 * error annotation, on its file and line when known, and exit code 1; an internal failure says that it
 * is one, with the stack only in debug output. Neither prints a raw stack trace into the log.
 */
export async function runAction(main: (logger: Logger) => Promise<void>): Promise<void> {
  const logger = createActionsLogger();
  try {
    await main(logger);
  } catch (error) {
    process.exitCode = 1;
    if (isUserError(error)) {
      const location = error.location;
      // The annotation carries the file, line and column; its text says only what and what to do.
      core.error(
        describeProblem(error),
        location
          ? { file: annotationFile(location.file), startLine: location.line, startColumn: location.column }
          : {},
      );
      return;
    }
    core.error(`connector-alm failed unexpectedly: ${errorMessage(error)}. This is a bug; please report it.`);
    if (error instanceof Error && error.stack) core.debug(error.stack);
  }
}

/**
 * GitHub shows an annotation on a file only when it names the file from the repository root with
 * '/'; errors name theirs as the code that read them did, often absolute. A file outside the
 * workspace keeps that name: no repository path reaches it, and the annotation shows it as given.
 */
function annotationFile(file: string): string {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const absolute = path.resolve(workspace, file);
  return isWithin(workspace, absolute) ? posixRelativePath(workspace, absolute) : file;
}
