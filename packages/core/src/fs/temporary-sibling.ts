import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * A fresh name in the same folder as `target`: renaming from there is atomic because it stays on
 * the same file system. The leading dot keeps it out of globs if a crash leaves it behind.
 */
export function temporarySibling(target: string): string {
  const resolved = path.resolve(target);
  return path.join(
    path.dirname(resolved),
    `.${path.basename(resolved)}.${randomBytes(6).toString('hex')}.tmp`,
  );
}
