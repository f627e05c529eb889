import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { rememberTemporary } from './temporaries-on-signal.js';

const RANDOM_BYTES = 6;
/** temporarySibling's names: `.<target's name>.<12 hex digits>.tmp<suffix>`. */
const TEMPORARY_NAME = new RegExp(`^\\.(.+)\\.[0-9a-f]{${RANDOM_BYTES * 2}}\\.tmp(?:\\.[^.]*)?$`);

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
    `.${path.basename(resolved)}.${randomBytes(RANDOM_BYTES).toString('hex')}.tmp${suffix}`,
  );
  rememberTemporary(name);
  return name;
}

/**
 * The target that `file` is a temporary sibling of (`.x.zip.0123456789ab.tmp` → `x.zip` beside it),
 * the name a message about it gives the user; undefined for any other name. A temporary of a
 * temporary (the package build stages zips beside its target, each written through one) leads to
 * the target too.
 */
export function targetOfTemporary(file: string): string | undefined {
  let target: string | undefined;
  for (let name = path.basename(file); ;) {
    const found = TEMPORARY_NAME.exec(name)?.[1];
    if (found === undefined) return target;
    target = path.join(path.dirname(file), found);
    name = found;
  }
}

/**
 * Removes a temporary file or folder, if there. One whose path is longer than the file system allows
 * was never made (the write failed making it, ENAMETOOLONG): the removal then fails the same way,
 * and would replace the write's error, which says so, with its own.
 */
export async function removeTemporary(name: string): Promise<void> {
  await fs.rm(name, { recursive: true, force: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENAMETOOLONG') throw error;
  });
}
