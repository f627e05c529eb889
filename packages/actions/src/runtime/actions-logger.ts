import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import type { Logger } from '@connector-alm/core';

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
 * Prints text to the log as it is, never as workflow commands. The runner reads every line of a
 * step's output (a line ends at CR or LF) that holds `::` or `##[` as a possible command: one that
 * starts with `::error …::` (after white space) or holds `##[error]` anywhere. Annotations,
 * `add-mask`, `set-output` and `stop-commands` printed that way are carried out, so a folder or
 * solution component named `x\n::error::…` would add annotations, and `::stop-commands::` with an
 * empty token would silence every later annotation of the step. Such text goes between
 * `::stop-commands::<random token>` and `::<token>::`, which no printed text can guess.
 */
export function logLines(message: string): void {
  if (!message.includes('::') && !message.includes('##[')) {
    core.info(message);
    return;
  }
  const token = `connector-alm-${randomUUID()}`;
  core.info(`::stop-commands::${token}`);
  core.info(message);
  core.info(`::${token}::`);
}
