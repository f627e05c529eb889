import { UserError } from '@connector-alm/core';

/**
 * A request that must not be sent twice (RequestNature.idempotent false) failed in a way that leaves
 * open whether the service acted on it: no answer in time, a connection broken after sending, a 5xx.
 * Its message is for the user as it stands; `happened` says what went wrong in the request's own words
 * ("no answer within 30 s"), for a caller that can find out what became of it (an import, by the
 * ImportJobId it chose) and only then decide what to tell the user.
 */
export class UnconfirmedRequest extends UserError {
  constructor(
    message: string,
    readonly happened: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, options);
  }
}
