import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { pbkdf2 } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  forgetMadeFolder,
  forgetTemporary,
  leftTemporaryMessage,
  pendingMadeFolders,
  pendingTemporaries,
  rememberMadeFolder,
  rememberTemporary,
  removePendingTemporaries,
  temporarySibling,
  writeFileAtomically,
} from '../src/index.js';
import { bundleScript } from './helpers/bundled-script.js';

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
 * Whether a folder's mode keeps its files from being removed: not for root, which ignores modes, nor
 * on Windows, which has no such mode. Root on Linux still cannot rename in sysfs (EPERM).
 */
const MODES_PROTECT = process.getuid?.() !== 0 && process.platform !== 'win32';
const SYSFS = process.platform === 'linux' && existsSync('/sys/kernel/mm') ? '/sys/kernel/mm' : undefined;

/**
 * A test that needs a file that cannot be removed, run where there can be one, else a counted skip
 * whose name says why. It returned early with a console.warn, which jest counted a pass.
 */
function itWithUnremovable(name: string, test: () => void | Promise<void>): void {
  if (MODES_PROTECT || SYSFS !== undefined) it(name, test);
  else
    it.skip(`${name} (skipped: no file that cannot be removed here, as root off Linux or on Windows)`, test);
}

/** A file or folder that exists and cannot be renamed nor removed (itWithUnremovable's tests only). */
function unremovable(): string {
  if (MODES_PROTECT) {
    const locked = folder();
    writeFileSync(path.join(locked, 'kept'), '');
    chmodSync(locked, 0o555);
    return path.join(locked, 'kept');
  }
  if (SYSFS === undefined) throw new Error('no file that cannot be removed here: use itWithUnremovable');
  return SYSFS;
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

  itWithUnremovable('are all removed when one cannot be, which is returned instead of thrown', () => {
    const locked = unremovable();
    const work = folder();
    rememberTemporary(locked);
    const staging = temporarySibling(path.join(work, 'out'));
    mkdirSync(staging);
    const left = removePendingTemporaries();
    expect(left).toEqual([{ name: locked, code: expect.stringMatching(/^E(PERM|ACCES)$/), kind: 'staging' }]);
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

describe('what the signal clean-up says of a temporary it could not remove', () => {
  it('names a staging file beside the target relative to the work, and says what it risks', () => {
    const cwd = path.join(os.tmpdir(), 'work');
    expect(
      leftTemporaryMessage({ name: path.join(cwd, 'a/.out.1a2b.tmp'), code: 'EBUSY', kind: 'staging' }, cwd),
    ).toBe(
      'a/.out.1a2b.tmp: error: this staging file or folder of an interrupted write could not be removed (EBUSY). Remove it before adding the folder to git.',
    );
  });

  // A scratch folder of the system's temporary folder was "../../tmp/connector-alm-1a2b: error: this
  // staging file or folder of an interrupted write ... Remove it before adding the folder to git."
  it("names a scratch folder by its absolute path, as one of the system's temporary folder", () => {
    const cwd = path.join(os.tmpdir(), 'work');
    const scratch = path.join(os.tmpdir(), 'connector-alm-1a2b');
    expect(leftTemporaryMessage({ name: scratch, code: 'EACCES', kind: 'scratch' }, cwd)).toBe(
      `${scratch}: error: this scratch folder of an interrupted command could not be removed from the system's temporary folder (EACCES). Remove it: it holds copies of files the command read.`,
    );
  });

  // A listener replaced the default action and ran only once the event loop was free: a command busy
  // computing (validate, diff) ran to its end after Ctrl+C, and `timeout`'s SIGTERM did not end it.
  it('leaves a signal to the system while no temporary is under way, so that a busy command ends at once', async () => {
    const work = folder();
    const script = path.join(work, 'busy.cjs');
    await bundleScript(
      `import { forgetTemporary, rememberTemporary, removeTemporariesOnSignal } from './temporaries-on-signal.js';
      removeTemporariesOnSignal();
      // A write done before the busy phase: its temporary is forgotten, and nothing is left to remove.
      rememberTemporary(process.argv[2]);
      forgetTemporary(process.argv[2]);
      process.kill(process.pid, process.argv[3]);
      const until = Date.now() + 3_000;
      while (Date.now() < until);
      process.stdout.write('ran to its end');`,
      script,
    );
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const run = spawnSync(process.execPath, [script, path.join(work, '.x.tmp'), signal], {
        encoding: 'utf8',
      });
      expect({ status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr }).toEqual({
        status: null,
        signal,
        stdout: '',
        stderr: '',
      });
    }
  });

  // The handler ends its process, so it runs in a child, which signals itself.
  itWithUnremovable(
    'is printed by the handler for a scratch folder, absolute, and the process still ends by the signal',
    async () => {
      const locked = unremovable();
      const work = folder();
      const script = path.join(work, 'signalled.cjs');
      await bundleScript(
        `import { rememberTemporary, removeTemporariesOnSignal } from './temporaries-on-signal.js';
      removeTemporariesOnSignal();
      rememberTemporary(process.argv[2], 'scratch');
      process.kill(process.pid, 'SIGINT');
      setTimeout(() => process.stdout.write('still running'), 10_000);`,
        script,
      );
      const cwd = path.join(work, 'project');
      mkdirSync(cwd);
      const run = spawnSync(process.execPath, [script, locked], { cwd, encoding: 'utf8' });
      // EPERM in sysfs (root), EACCES in a read-only folder.
      expect(run.stderr.replace(/\(E(PERM|ACCES)\)/, '(code)')).toBe(
        `${locked}: error: this scratch folder of an interrupted command could not be removed from the system's temporary folder (code). Remove it: it holds copies of files the command read.\n`,
      );
      expect({ status: run.status, signal: run.signal, stdout: run.stdout }).toEqual({
        status: null,
        signal: 'SIGINT',
        stdout: '',
      });
    },
  );
});

// The listener was installed by remembering what was made, after making it: a signal between the
// two took the system's default action, and the process ended with a scratch folder of
// extract-connectors left in the system's temporary folder (seen once under load). The child sends
// itself the signal from inside the make, right after the folder is made, before it is remembered.
describe('a signal while a scratch folder or the folders for a write are being made', () => {
  async function signalledScript(work: string): Promise<string> {
    const script = path.join(work, 'signalled-in-make.cjs');
    await bundleScript(
      `import fs from 'node:fs';
      import { makeFolderWithParents } from './made-folders.js';
      import { makeScratchFolder } from './scratch-folder.js';
      import { removeTemporariesOnSignal } from './temporaries-on-signal.js';
      removeTemporariesOnSignal();
      for (const name of ['mkdtempSync', 'mkdirSync']) {
        const make = fs[name];
        fs[name] = (...args) => {
          const made = make(...args);
          process.stdout.write(name + ' made it with ' + process.listenerCount('SIGINT') + ' listener;');
          process.kill(process.pid, 'SIGINT');
          return made;
        };
      }
      if (process.argv[2] === 'scratch') makeScratchFolder('connector-alm-');
      else makeFolderWithParents(process.argv[3]);
      setTimeout(() => process.stdout.write('still running'), 10_000);`,
      script,
    );
    return script;
  }

  it('removes the scratch folder made, and the process ends by the signal', async () => {
    const work = folder();
    const tmp = path.join(work, 'tmp');
    mkdirSync(tmp);
    const script = await signalledScript(work);
    const run = spawnSync(process.execPath, [script, 'scratch'], {
      env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
      encoding: 'utf8',
    });
    expect({ status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: null,
      signal: 'SIGINT',
      stdout: 'mkdtempSync made it with 1 listener;',
      stderr: '',
    });
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('removes the first folder made for a write, and the process ends by the signal', async () => {
    const work = folder();
    const script = await signalledScript(work);
    const run = spawnSync(process.execPath, [script, 'folders', path.join(work, 'a', 'b')], {
      encoding: 'utf8',
    });
    // The signal is sent again at the second mkdir; the process ends once, by the first.
    expect({ status: run.status, signal: run.signal, stderr: run.stderr }).toEqual({
      status: null,
      signal: 'SIGINT',
      stderr: '',
    });
    expect(run.stdout).toMatch(/^mkdirSync made it with 1 listener;/);
    expect(readdirSync(work)).toEqual(['signalled-in-make.cjs']);
  });

  // The reason the listener comes and goes (see the test of a busy command above): once the make is
  // done and what it made is forgotten, or the make failed, the signal is the system's again.
  it('leaves no listener once what was made is forgotten, or the make failed', async () => {
    const work = folder();
    const script = path.join(work, 'listeners.cjs');
    await bundleScript(
      `import { makeFolderWithParents } from './made-folders.js';
      import { makeScratchFolder, removeScratchFolder } from './scratch-folder.js';
      import { removeTemporariesOnSignal } from './temporaries-on-signal.js';
      removeTemporariesOnSignal();
      const listeners = () => process.listenerCount('SIGINT') + process.listenerCount('SIGTERM');
      const seen = [];
      async function run() {
      const scratch = makeScratchFolder('connector-alm-');
      seen.push(listeners());
      await removeScratchFolder(scratch);
      seen.push(listeners());
      const made = makeFolderWithParents(process.argv[2] + '/a/b');
      seen.push(listeners());
      made.keep();
      seen.push(listeners());
      try {
        makeFolderWithParents(process.argv[2] + '/file/c');
      } catch {
        seen.push(listeners());
      }
      process.env.TMPDIR = process.argv[2] + '/missing';
      try {
        makeScratchFolder('connector-alm-');
      } catch {
        seen.push(listeners());
      }
      }
      void run().then(() => process.stdout.write(seen.join(' ')));`,
      script,
    );
    writeFileSync(path.join(work, 'file'), '');
    const run = spawnSync(process.execPath, [script, work], { encoding: 'utf8' });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 0,
      stdout: '2 0 2 0 0 0',
      stderr: '',
    });
  });
});
