import { createReadStream, promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { isWithin, UserError } from '@connector-alm/core';
import { compareOrdinal, listFiles } from './list-files.js';

/** What to do with files of the target that the new content no longer has. */
export type StalePolicy = 'keep' | 'delete';

export interface CommitOptions {
  stale: StalePolicy;
  /** Paths (relative, forward slashes) that stale deletion must never touch. */
  protect?: (relativePath: string) => boolean;
}

export interface CommitResult {
  /** Files created or changed, relative to the target, sorted. */
  written: string[];
  /** Stale files removed. */
  deleted: string[];
  /** Files whose bytes were already right; they are not rewritten, so their times stay. */
  unchanged: string[];
}

/**
 * Moves a fully prepared folder (`staged`) into `target`. A missing target is created by one rename.
 * An existing one is updated file by file: identical files are left alone and changed ones are
 * renamed over, so the bytes on disk are never half-written. `staged` is removed afterwards.
 */
export async function commitFolder(
  staged: string,
  target: string,
  options: CommitOptions,
): Promise<CommitResult> {
  const files = await listFiles(staged);
  if (!(await exists(target))) {
    await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
    await fs.rename(staged, target);
    return { written: files, deleted: [], unchanged: [] };
  }
  const targetRoot = await fs.realpath(target);
  const result: CommitResult = { written: [], deleted: [], unchanged: [] };
  for (const file of files) {
    const from = path.join(staged, file);
    const to = path.join(targetRoot, file);
    result.deleted.push(...(await ensureDirectoryInside(targetRoot, path.posix.dirname(file))));
    const current = await fs.lstat(to).catch(() => undefined);
    if (current?.isFile() && (await sameContent(from, to))) {
      result.unchanged.push(file);
      continue;
    }
    if (current?.isDirectory()) {
      // A folder that the new content has as a file: what it held is gone, so it is reported.
      result.deleted.push(...(await listFiles(to)).map((inner) => `${file}/${inner}`));
      await fs.rm(to, { recursive: true });
    }
    await fs.rename(from, to);
    result.written.push(file);
  }
  if (options.stale === 'delete') {
    const wanted = new Set(files);
    for (const file of await listFiles(targetRoot)) {
      if (wanted.has(file) || options.protect?.(file)) continue;
      await fs.rm(path.join(targetRoot, file));
      result.deleted.push(file);
    }
    await removeEmptyFolders(targetRoot, options.protect);
  }
  result.deleted.sort(compareOrdinal);
  await fs.rm(staged, { recursive: true, force: true });
  return result;
}

/**
 * Makes the folder `relative` (forward slashes) inside `root` and returns the files it had to remove
 * for it: a file of the target where the new content needs a folder is stale, and leaving it would
 * stop the update half-way. Every existing step is checked before anything is created or removed,
 * so a link that leads out of the target is refused without a folder being made outside.
 */
async function ensureDirectoryInside(root: string, relative: string): Promise<string[]> {
  const segments = relative.split('/').filter((segment) => segment !== '' && segment !== '.');
  let current = root;
  for (const [index, segment] of segments.entries()) {
    const next = path.join(current, segment);
    const entry = await fs.lstat(next).catch(() => undefined);
    if (entry?.isDirectory()) {
      current = next;
      continue;
    }
    if (entry?.isSymbolicLink()) {
      const real = await fs.realpath(next).catch(() => undefined);
      if (real === undefined || !isWithin(root, real)) {
        const problem =
          real === undefined ? 'is a link that leads nowhere' : `leads outside ${root} through a link`;
        throw new UserError(`Refusing to write into ${next}: it ${problem}.`, {
          hint: 'Remove the link from the target folder.',
        });
      }
      if ((await fs.stat(real)).isDirectory()) {
        current = real;
        continue;
      }
    }
    const removed: string[] = [];
    if (entry) {
      // Only a file (or a link to one inside the target) stands here: it makes way for the folder.
      removed.push(segments.slice(0, index + 1).join('/'));
      await fs.rm(next);
    }
    await fs.mkdir(path.join(current, ...segments.slice(index)), { recursive: true });
    return removed;
  }
  return [];
}

async function sameContent(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
  if (sa.size !== sb.size) return false;
  const [ha, hb] = await Promise.all([hashFile(a), hashFile(b)]);
  return ha === hb;
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

async function removeEmptyFolders(root: string, protect?: (relativePath: string) => boolean): Promise<void> {
  const visit = async (relative: string): Promise<boolean> => {
    const absolute = path.join(root, relative);
    const entries = await fs.readdir(absolute, { withFileTypes: true });
    let empty = true;
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory() && !protect?.(child) && (await visit(child)))
        await fs.rmdir(path.join(root, child));
      else empty = false;
    }
    return empty;
  };
  await visit('');
}
