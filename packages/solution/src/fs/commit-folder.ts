import { createReadStream, promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { isWithin, linkTrouble, syncFile, UserError, writeFailure } from '@connector-alm/core';
import { forEachConcurrently } from '../util/concurrency.js';
import { compareOrdinal, listFiles } from './list-files.js';

/** What to do with files of the target that the new content no longer has. */
export type StalePolicy = 'keep' | 'delete';

export interface CommitOptions {
  stale: StalePolicy;
  /**
   * Paths (relative, forward slashes) that the update leaves alone, never stale nor renamed to another
   * case; a folder given here is skipped with all it holds (.git).
   */
  protect?: (relativePath: string) => boolean;
  /**
   * Files (relative, forward slashes; not folders) that stale deletion leaves where they are, listed
   * in CommitResult.kept: files of the target that are not part of the content (a readme beside it).
   */
  keep?: (file: string) => boolean;
}

export interface CommitResult {
  /** Files created or changed, relative to the target, sorted. */
  written: string[];
  /** Stale files removed. */
  deleted: string[];
  /** Files whose bytes were already right; they are not rewritten, so their times stay. */
  unchanged: string[];
  /** Files of the target that CommitOptions.keep says are not part of the content, left as they are. */
  kept: string[];
}

/**
 * Moves a fully prepared folder (`staged`) into `target`. A missing target is created by one rename.
 * An existing one is updated file by file: identical files are left alone and changed ones are
 * renamed over, so the bytes on disk are never half-written. `staged` is removed afterwards.
 * Every file is flushed to the disk before it, or the folder holding it, is renamed into place
 * (syncFile): its writers wrote it by path, unsynced, and after a power loss the target would
 * otherwise hold files that are there but empty.
 */
export async function commitFolder(
  staged: string,
  target: string,
  options: CommitOptions,
): Promise<CommitResult> {
  const files = await listFiles(staged);
  if (!(await exists(target))) {
    await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
    await syncFiles(staged, files);
    await fs.rename(staged, target);
    return { written: files, deleted: [], unchanged: [], kept: [] };
  }
  const targetRoot = await fs.realpath(target);
  const result: CommitResult = { written: [], deleted: [], unchanged: [], kept: [] };
  const cases = new CaseRenames(targetRoot, await listFiles(targetRoot, options.protect));
  // Renamed in once all are flushed, together (syncFiles): one after the other, a flush before each
  // rename doubled the time of an update that changes a thousand files.
  const changed: string[] = [];
  for (const file of files) {
    const from = path.join(staged, file);
    const to = path.join(targetRoot, file);
    result.deleted.push(...(await ensureDirectoryInside(targetRoot, path.posix.dirname(file))));
    // On Windows and macOS the target may have this file under another case; it is renamed, so that
    // the stale files below are not it, and reported as the old name deleted and the new one written.
    const previous = await cases.matchCase(file);
    if (previous !== undefined) result.deleted.push(previous);
    const current = await fs.lstat(to).catch(() => undefined);
    if (previous === undefined && current?.isFile() && (await sameContent(from, to))) {
      result.unchanged.push(file);
      continue;
    }
    if (current?.isDirectory()) {
      // A folder that the new content has as a file: what it held is gone, so it is reported.
      result.deleted.push(...(await listFiles(to)).map((inner) => `${file}/${inner}`));
      await fs.rm(to, { recursive: true });
    }
    changed.push(file);
  }
  // Only the files renamed in: an update that changes few files flushes only those.
  await syncFiles(staged, changed);
  for (const file of changed) {
    await fs.rename(path.join(staged, file), path.join(targetRoot, file));
    result.written.push(file);
  }
  const wanted = new Set(files);
  const others = (await listFiles(targetRoot, options.protect)).filter((file) => !wanted.has(file));
  // Listed whatever the stale policy: they are left because they are not the content's, not as stale.
  result.kept = options.keep ? others.filter(options.keep) : [];
  if (options.stale === 'delete') {
    for (const file of others) {
      if (options.keep?.(file)) continue;
      await fs.rm(path.join(targetRoot, file));
      result.deleted.push(cases.formerName(file));
    }
    await removeEmptyFolders(targetRoot, options.protect);
  }
  result.deleted.sort(compareOrdinal);
  await fs.rm(staged, { recursive: true, force: true });
  return result;
}

/**
 * Flushes the files of a staged folder, several at once: each flush waits for the disk, and those of
 * hundreds of files one after the other would add up, where running together they share the
 * file system's journal commits.
 */
async function syncFiles(staged: string, files: readonly string[]): Promise<void> {
  await forEachConcurrently(files, 8, (file) => syncFile(path.join(staged, file)));
}

/**
 * Names of the target that differ from the new content's only in case (a flow renamed from "My flow"
 * to "My Flow" is exported as Workflows/MyFlow-….json instead of Workflows/Myflow-….json). On a
 * case-insensitive file system (Windows, macOS) both names are one file: written under the new name,
 * it kept the old one, which the stale files then held, so the file was deleted. Such names are
 * renamed to the new case first. On a case-sensitive file system they are two files, and the old
 * one is stale like any other.
 */
class CaseRenames {
  private readonly existing: Set<string>;
  private readonly byKey = new Map<string, string>();
  /** Files moved by renaming their folder: new relative path → the path they had. */
  private readonly moved = new Map<string, string>();

  constructor(
    private readonly root: string,
    files: readonly string[],
  ) {
    this.existing = new Set(files);
    for (const file of files) this.byKey.set(caseKey(file), file);
  }

  /** The name `file` had when the target had it under another case (now renamed to `file`). */
  async matchCase(file: string): Promise<string | undefined> {
    const moved = this.moved.get(file);
    if (moved !== undefined) {
      this.moved.delete(file);
      return moved;
    }
    if (this.existing.has(file)) return undefined;
    const previous = this.byKey.get(caseKey(file));
    // Found under the new name although no entry has it: the file system ignores case here.
    if (previous === undefined || !(await fs.lstat(path.join(this.root, file)).catch(() => undefined)))
      return undefined;
    const before = previous.split('/');
    const after = file.split('/');
    for (let index = 0; index < after.length; index++) {
      if (before[index] === after[index]) continue;
      const parent = after.slice(0, index);
      await fs.rename(
        path.join(this.root, ...parent, before[index]!),
        path.join(this.root, ...parent, after[index]!),
      );
      if (index === after.length - 1) break;
      // A folder: the other files in it moved too.
      const oldFolder = [...parent, before[index]!].join('/') + '/';
      const newFolder = [...parent, after[index]!].join('/') + '/';
      for (const other of [...this.existing]) {
        if (!other.startsWith(oldFolder) || other === previous) continue;
        const renamed = newFolder + other.slice(oldFolder.length);
        this.existing.delete(other);
        this.existing.add(renamed);
        this.byKey.set(caseKey(renamed), renamed);
        this.moved.set(renamed, this.moved.get(other) ?? other);
        this.moved.delete(other);
      }
    }
    this.existing.delete(previous);
    this.existing.add(file);
    this.byKey.set(caseKey(file), file);
    const former = this.formerName(previous);
    this.moved.delete(previous);
    return former;
  }

  /** The name a file had before its folder was renamed to another case. */
  formerName(file: string): string {
    return this.moved.get(file) ?? file;
  }
}

/** Names that are one file where case does not count (NFC: macOS also ignores normalization). */
function caseKey(file: string): string {
  return file.normalize('NFC').toLowerCase();
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
      const resolved = await fs.realpath(next).then(
        (real) => ({ real }),
        (error: unknown) => ({ error }),
      );
      if ('error' in resolved) throw unresolvedLinkError(next, resolved.error);
      const { real } = resolved;
      if (!isWithin(root, real)) {
        throw new UserError(
          'is a link that leads outside the target folder; nothing is written through it.',
          {
            location: { file: next },
            hint: 'Remove the link from the target folder.',
          },
        );
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

/**
 * The target file already holds the new content: the same bytes, or the same text as git checks it
 * out on Windows (core.autocrlf gives each LF of the repository's file a CR). Rewriting such a file
 * would change nothing git sees, yet report every text file of a Windows checkout as written.
 */
async function sameContent(staged: string, target: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(staged), fs.stat(target)]);
  if (sa.size !== sb.size) return isCrlfCheckoutOf(staged, sa.size, target, sb.size);
  const [ha, hb] = await Promise.all([hashFile(staged), hashFile(target)]);
  return ha === hb;
}

/** Larger files are not compared line by line; they are rewritten when their bytes differ. */
const MAX_CHECKOUT_COMPARE_BYTES = 64 * 1024 * 1024;

async function isCrlfCheckoutOf(
  staged: string,
  stagedSize: number,
  target: string,
  targetSize: number,
): Promise<boolean> {
  if (targetSize <= stagedSize || stagedSize > MAX_CHECKOUT_COMPARE_BYTES) return false;
  const text = await fs.readFile(staged);
  // Git converts only text (no NUL byte), and only a file without CRs of its own.
  if (text.includes(0) || text.includes(0x0d)) return false;
  let lineFeeds = 0;
  for (let at = text.indexOf(0x0a); at !== -1; at = text.indexOf(0x0a, at + 1)) lineFeeds++;
  if (stagedSize + lineFeeds !== targetSize) return false;
  const checkedOut = Buffer.from(text.toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
  return checkedOut.equals(await fs.readFile(target));
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

/**
 * A link in the target folder whose target realpath could not look at, said as what stopped it
 * (core's linkTrouble, as the other link errors): one that leads nowhere (ENOENT, ELOOP), or a
 * target the file system refused (a name too long, a folder the user may not enter), in words.
 * Every failure was "leads nowhere", which sent users looking for a target that was there. An error
 * of no system call (a bug of ours) is returned as it was.
 */
function unresolvedLinkError(link: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const trouble = linkTrouble(code);
  if (trouble === 'nowhere')
    return new UserError('is a link that leads nowhere; nothing is written through it.', {
      location: { file: link },
      hint: 'Remove the link from the target folder.',
    });
  const failure = writeFailure(error);
  if (failure === undefined) return error;
  return new UserError(
    `is a link whose target cannot be looked at: ${failure.reason} (${code}); nothing is written through it.`,
    {
      location: { file: link },
      hint:
        trouble === 'permission'
          ? 'Remove the link from the target folder, or run as a user who may enter the folders it leads through.'
          : code === 'ENAMETOOLONG'
            ? 'Remove the link from the target folder, or point it at a folder with a shorter path.'
            : 'Remove the link from the target folder, or check the folder it leads to.',
    },
  );
}
