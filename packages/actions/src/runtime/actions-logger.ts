import * as core from '@actions/core';
import { inertToRunner, type Logger } from '@connector-alm/core';

/** The Logger port over workflow commands: groups fold in the log, warnings become annotations. */
export function createActionsLogger(): Logger {
  return {
    debug: (message) => core.debug(message),
    info: (message) => logLines(message),
    warning: (message) => core.warning(message),
    error: (message) => core.error(message),
    group: (title, fn) => core.group(title, fn),
  };
}

/**
 * Prints text to the log as it is, never as workflow commands (see inertToRunner): log lines carry
 * folder, connector and solution component names from the content under review.
 */
export function logLines(message: string): void {
  const inert = inertToRunner(message);
  // core.info adds the line break that a fenced text already ends with.
  core.info(inert === message ? message : inert.slice(0, -1));
}
