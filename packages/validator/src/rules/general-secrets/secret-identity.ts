import { createHmac, randomBytes } from 'node:crypto';

// What tells two secrets apart in the baseline, where GEN-SECRETS' messages cannot: they mask the
// secret to its first characters and its length, so a new key that replaced an old one of the same
// kind and length read as the same finding, and `validate --base` called it existing.
//
// The secret itself must not be kept in a finding, nor a plain hash of it: a finding is data that a
// caller of the library may print whole, and a short password is found again from its plain hash by
// trying candidates. So the identity is an HMAC with a key made at random for the process and never
// written anywhere: without the key, the identity says nothing of the secret. Findings of one run
// are compared with each other only, and a run's worker threads are given the process's key
// (parallel/protocol.ts), so that a base validated on the main thread matches a change validated
// on a worker.

let key: Buffer | undefined;

/** The process's key, made on first use; as hex, for the worker threads' setup. */
export function secretIdentityKey(): string {
  key ??= randomBytes(32);
  return key.toString('hex');
}

/** Takes the key of the process that started this worker thread, so that identities agree. */
export function useSecretIdentityKey(hex: string): void {
  key = Buffer.from(hex, 'hex');
}

/** The identity of a secret value: the same for the same value within the process, else unrelated. */
export function secretIdentity(value: string): string {
  key ??= randomBytes(32);
  // 128 bits: more than enough to tell the secrets of one file apart.
  return createHmac('sha256', key).update(value).digest('base64url').slice(0, 22);
}
