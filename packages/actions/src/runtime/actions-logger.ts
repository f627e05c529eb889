import * as core from '@actions/core';
import type { Logger } from '@connector-alm/core';

/** The Logger port over workflow commands: groups fold in the log, warnings become annotations. */
export function createActionsLogger(): Logger {
  return {
    debug: (message) => core.debug(message),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    error: (message) => core.error(message),
    group: (title, fn) => core.group(title, fn),
  };
}
