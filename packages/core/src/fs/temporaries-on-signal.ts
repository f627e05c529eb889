import { removeTemporarySiblings } from './temporary-sibling.js';

/** The exit codes a shell gives a command ended by these signals: 128 + the signal's number. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * On Ctrl+C, a kill, or a cancelled GitHub Actions job (the runner sends SIGINT, then SIGTERM),
 * removes the hidden staging folders and files that unpack, pack, extract-connectors and
 * build-solution write beside their target before renaming it into place: the signal would
 * otherwise end the process in between and leave them there, outside the target, for a later
 * `git add -A` or a self-hosted runner's next job to find. A process that handles the signal itself
 * as well (dev-server closes its servers) is left to end on its own.
 */
export function removeTemporariesOnSignal(): void {
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.on(signal, () => {
      removeTemporarySiblings();
      if (process.listenerCount(signal) === 1) process.exit(code);
    });
  }
}
