import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

/** The user and group id of `nobody` on Linux. */
export const NOBODY = 65534;

const SETPRIV_AS_NOBODY = ['--reuid', `${NOBODY}`, '--regid', `${NOBODY}`, '--clear-groups'];

/**
 * Why a test cannot run a command as another user here, or undefined when it can: the tests run as
 * root, whom file modes do not stop, and `setpriv` runs a command as nobody. A refusal that only
 * another user meets (a group's write bit, a folder it may not enter) is tested so.
 */
export function cannotRunAsNobody(): string | undefined {
  if (process.platform !== 'linux') return 'another user is run with setpriv, on Linux only';
  if (process.getuid?.() !== 0) return 'the tests do not run as root, so they cannot run as another user';
  const probe = spawnSync('setpriv', [...SETPRIV_AS_NOBODY, 'true']);
  return probe.status === 0 ? undefined : 'setpriv cannot run a command as nobody';
}

/** Runs `command` with `args` as nobody (of the group nogroup, no other groups), to its end. */
export function spawnAsNobody(
  command: string,
  args: readonly string[],
  options: { cwd: string },
): SpawnSyncReturns<string> {
  return spawnSync('setpriv', [...SETPRIV_AS_NOBODY, command, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
  });
}
