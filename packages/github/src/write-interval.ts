import { UsageError } from '@connector-alm/core';

/** The environment variable that shortens the wait between writes, for tests against a local server. */
export const WRITE_INTERVAL_VARIABLE = 'CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS';

/**
 * The milliseconds between writes that the environment asks for, or undefined for GitHub's one
 * second (the default). Meant for tests against a local GitHub, which sets no write limit: without
 * it, every test run of `pr` or open-pull-request waits a second per blob, tree, commit and label.
 * Empty counts as unset, as every variable connector-alm reads does.
 */
export function writeIntervalFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const value = (env[WRITE_INTERVAL_VARIABLE] ?? '').trim();
  if (value === '') return undefined;
  if (!/^\d{1,7}$/.test(value)) {
    throw new UsageError(
      `The environment variable ${WRITE_INTERVAL_VARIABLE} must be a whole number of milliseconds; it is '${value}'.`,
      {
        hint: `Unset it to wait GitHub's one second between writes; it is meant for tests against a local GitHub.`,
      },
    );
  }
  return Number(value);
}
