import { isUserError, locationPrefix } from '@connector-alm/core';

/**
 * A user error as stderr and logs show it, hint left out: "file:line:column: message". Tests that
 * pin an error's text pin this, so they keep proving that the user is told where, and the message
 * alone cannot say it again unnoticed (see no-repeated-location.test.ts in the cli package).
 */
export function locatedMessage(error: unknown): string {
  if (!isUserError(error)) throw new Error(`Expected a UserError, got: ${String(error)}`);
  return `${locationPrefix(error)}${error.message}`;
}
