import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { rememberTemporary } from './temporaries-on-signal.js';

/**
 * A fresh name in the same folder as `target`, ending in `suffix`: renaming from there is atomic
 * because it stays on the same file system. The leading dot keeps it out of globs if a crash
 * leaves it behind. The name is remembered for the signal clean-up (temporaries-on-signal.ts) until
 * the writer, done with it, calls forgetTemporary.
 */
export function temporarySibling(target: string, suffix = ''): string {
  const resolved = path.resolve(target);
  const name = path.join(
    path.dirname(resolved),
    `.${path.basename(resolved)}.${randomBytes(6).toString('hex')}.tmp${suffix}`,
  );
  rememberTemporary(name);
  return name;
}
