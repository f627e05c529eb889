import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';

/**
 * Every name handed out, so that an interrupted run (Ctrl+C) can remove what it left: the writers
 * remove their own on success and on failure, but a signal ends the process between the two. A
 * name already renamed into place or removed no longer exists, and removing it does nothing.
 */
const handedOut = new Set<string>();

/**
 * A fresh name in the same folder as `target`, ending in `suffix`: renaming from there is atomic
 * because it stays on the same file system. The leading dot keeps it out of globs if a crash
 * leaves it behind.
 */
export function temporarySibling(target: string, suffix = ''): string {
  const resolved = path.resolve(target);
  const name = path.join(
    path.dirname(resolved),
    `.${path.basename(resolved)}.${randomBytes(6).toString('hex')}.tmp${suffix}`,
  );
  handedOut.add(name);
  return name;
}

/**
 * Removes, at once, every temporary file or folder of this process that is still there: for a
 * signal handler, which cannot wait for the writers' own clean-up.
 */
export function removeTemporarySiblings(): void {
  for (const name of handedOut) rmSync(name, { recursive: true, force: true });
  handedOut.clear();
}
