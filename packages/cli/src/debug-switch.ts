/**
 * Whether the CLI prints debugging details (the stack of an unexpected failure; the requests of
 * export, import and pr): `--debug`, or CONNECTOR_ALM_DEBUG for runs
 * whose command line is fixed (a scheduled job). The variable counts as off when it is empty, as
 * every variable the CLI reads does, and when it is `0` or `false`: a job that writes
 * CONNECTOR_ALM_DEBUG=0 means to turn it off, and was logging every request instead.
 */
export function debugRequested(flag: unknown, env: NodeJS.ProcessEnv): boolean {
  if (flag) return true;
  const value = (env.CONNECTOR_ALM_DEBUG ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}
