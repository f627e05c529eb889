/** A release that must not go ahead, with what the maintainer should do; printed without a stack trace. */
export class ReleaseError extends Error {
  name = 'ReleaseError';
}
