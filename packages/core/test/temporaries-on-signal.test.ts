import { afterEach, describe, expect, it } from '@jest/globals';
import { pbkdf2 } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  forgetMadeFolder,
  forgetTemporary,
  pendingMadeFolders,
  pendingTemporaries,
  rememberMadeFolder,
  rememberTemporary,
  removePendingTemporaries,
  temporarySibling,
  writeFileAtomically,
} from '../src/index.js';

// The signal clean-up (Ctrl+C, a cancelled job) removes the temporaries of the writes under way. The
// handler itself is not installed here: it would end the test worker. Its parts are.

const folders: string[] = [];
function folder(): string {
  const made = mkdtempSync(path.join(os.tmpdir(), 'temporaries-'));
  folders.push(made);
  return made;
}
afterEach(() => {
  for (const name of pendingTemporaries()) forgetTemporary(name);
  for (const made of pendingMadeFolders()) forgetMadeFolder(made);
  for (const made of folders.splice(0)) {
    chmodSync(made, 0o755);
    rmSync(made, { recursive: true, force: true });
  }
});

/**
 * A file or folder that exists and cannot be renamed nor removed, or undefined where the test cannot
 * have one. Root ignores modes; on Linux it still cannot rename in sysfs (EPERM).
 */
function unremovable(): string | undefined {
  if (process.getuid?.() !== 0 && process.platform !== 'win32') {
    const locked = folder();
    writeFileSync(path.join(locked, 'kept'), '');
    chmodSync(locked, 0o555);
    return path.join(locked, 'kept');
  }
  return process.platform === 'linux' && existsSync('/sys/kernel/mm') ? '/sys/kernel/mm' : undefined;
}

describe('the temporaries of the writes under way', () => {
  it('hold no name once a write is done, whether it succeeded or failed', async () => {
    const work = folder();
    await writeFileAtomically(path.join(work, 'a.json'), Buffer.from('{}'));
    // A folder where the file should be: the rename fails, the temporary is removed.
    mkdirSync(path.join(work, 'b.json'));
    await expect(writeFileAtomically(path.join(work, 'b.json'), Buffer.from('{}'))).rejects.toThrow();
    expect(pendingTemporaries()).toEqual([]);
    expect(readdirSync(work).sort()).toEqual(['a.json', 'b.json']);
  });

  it('are removed, files and folders, and one already renamed into place is left alone', () => {
    const work = folder();
    const file = temporarySibling(path.join(work, 'out.zip'));
    writeFileSync(file, 'zip');
    const staging = temporarySibling(path.join(work, 'out'));
    mkdirSync(path.join(staging, 'Other'), { recursive: true });
    writeFileSync(path.join(staging, 'Other/Solution.xml'), '<x/>');
    // Its writer renamed it into place before the signal came; the clean-up finds nothing there.
    temporarySibling(path.join(work, 'done'));
    expect(removePendingTemporaries()).toEqual([]);
    expect(readdirSync(work)).toEqual([]);
    expect(pendingTemporaries()).toEqual([]);
  });

  it('are all removed when one cannot be, which is returned instead of thrown', () => {
    const locked = unremovable();
    if (locked === undefined) return console.warn('skipped: no file that cannot be removed here');
    const work = folder();
    rememberTemporary(locked);
    const staging = temporarySibling(path.join(work, 'out'));
    mkdirSync(staging);
    const left = removePendingTemporaries();
    expect(left).toEqual([{ name: locked, code: expect.stringMatching(/^E(PERM|ACCES)$/) }]);
    expect(existsSync(locked)).toBe(true);
    expect(readdirSync(work)).toEqual([]);
  });

  it('let a folder being renamed into place at the signal land whole or not at all', async () => {
    // The writer's rename runs on a thread of libuv's pool. Kept busy for a few milliseconds, the
    // pool starts it while the clean-up is under way: a signal can come at any point of a writer's
    // rename. Where exactly it lands varies, so the race is run a few times.
    const count = 4000;
    const landed: number[] = [];
    for (let trial = 0; trial < 5; trial++) {
      const work = folder();
      const target = path.join(work, 'out');
      const staging = temporarySibling(target);
      mkdirSync(staging);
      for (let n = 0; n < count; n++) writeFileSync(path.join(staging, `f${n}.json`), '{}');
      const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
      const busy = Array.from(
        { length: threads },
        () => new Promise((resolve) => pbkdf2('x', 'y', 20_000, 32, 'sha256', resolve)),
      );
      const renamed = fs.rename(staging, target).catch(() => undefined);
      removePendingTemporaries();
      await Promise.all([...busy, renamed]);
      landed.push(existsSync(target) ? readdirSync(target).length : 0);
      expect(readdirSync(work).filter((name) => name !== 'out')).toEqual([]);
    }
    // Removed file by file under the rename, the folder landed with some of its files.
    expect(landed.filter((files) => files !== 0 && files !== count)).toEqual([]);
  });

  it('take the folders made for them along, each only while empty, and never one that was there before', () => {
    // unpack into a/b/c where only `a` existed made a/b for its staging folder beside c.
    const work = folder();
    mkdirSync(path.join(work, 'a/kept'), { recursive: true });
    const staging = temporarySibling(path.join(work, 'a/b/c/d'));
    mkdirSync(staging, { recursive: true });
    writeFileSync(path.join(staging, 'Solution.xml'), '<x/>');
    // Remembered shallowest first: they are still removed deepest first.
    for (const made of ['a/b', 'a/b/c', path.relative(work, staging)])
      rememberMadeFolder(path.join(work, made));
    // Another writer made a folder too, and something was put in it meanwhile: it stays.
    mkdirSync(path.join(work, 'e'));
    writeFileSync(path.join(work, 'e/theirs.txt'), '');
    rememberMadeFolder(path.join(work, 'e'));
    expect(removePendingTemporaries()).toEqual([]);
    expect(readdirSync(work).sort()).toEqual(['a', 'e']);
    expect(readdirSync(path.join(work, 'a'))).toEqual(['kept']);
    expect(pendingMadeFolders()).toEqual([]);
  });

  it('forget a made folder once its writer is done with it', () => {
    const work = folder();
    const made = path.join(work, 'out-parent');
    mkdirSync(made);
    rememberMadeFolder(made);
    forgetMadeFolder(made);
    expect(removePendingTemporaries()).toEqual([]);
    expect(readdirSync(work)).toEqual(['out-parent']);
  });
});
