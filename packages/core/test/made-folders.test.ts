import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  forgetMadeFolder,
  forgetTemporary,
  inFolderMadeFor,
  makeFolderWithParents,
  makeMissingFolder,
  pendingMadeFolders,
  pendingTemporaries,
  writeFileAtomically,
} from '../src/index.js';
import { bundleScript } from './helpers/bundled-script.js';

// A writer makes the missing folders of its target (`mkdir -p`). When the write fails, or a signal
// ends it, those folders are left empty: `export -o a/b/x.zip` that fails left a/b.

const folders: string[] = [];
function folder(): string {
  const made = mkdtempSync(path.join(os.tmpdir(), 'made-folders-'));
  folders.push(made);
  return made;
}
afterEach(() => {
  for (const name of pendingTemporaries()) forgetTemporary(name);
  for (const made of pendingMadeFolders()) forgetMadeFolder(made);
  for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
});

/**
 * A file name the file system takes (250 bytes) whose temporary sibling it refuses (ENAMETOOLONG):
 * a write that fails only after the target's folders are made.
 */
const LONG_NAME = `${'x'.repeat(246)}.zip`;

describe('writeFileAtomically into folders it makes', () => {
  it('removes the folders it made when the write fails, and keeps the one that was there', async () => {
    const work = folder();
    mkdirSync(path.join(work, 'existing'));
    const target = path.join(work, 'existing/a/b', LONG_NAME);
    await expect(writeFileAtomically(target, Buffer.from('{}'))).rejects.toThrow(/ENAMETOOLONG/);
    expect(readdirSync(work)).toEqual(['existing']);
    expect(readdirSync(path.join(work, 'existing'))).toEqual([]);
    expect(pendingMadeFolders()).toEqual([]);
  });

  // `mkdir -p a/<256 bytes>` made a, then failed, and left it.
  it('removes the folders it made above one it cannot make, and names that one', async () => {
    const work = folder();
    const tooLong = path.join(work, 'a', 'y'.repeat(256));
    const error = await writeFileAtomically(path.join(tooLong, 'c.json'), Buffer.from('{}')).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ message: expect.stringContaining(`(ENAMETOOLONG, mkdir ${tooLong})`) });
    expect(readdirSync(work)).toEqual([]);
    expect(pendingMadeFolders()).toEqual([]);
  });

  it('keeps them once the file is written', async () => {
    const work = folder();
    await writeFileAtomically(path.join(work, 'a/b/c.json'), Buffer.from('{}'));
    expect(readdirSync(path.join(work, 'a/b'))).toEqual(['c.json']);
    expect(pendingMadeFolders()).toEqual([]);
  });

  // A signal is handled between two steps of JavaScript: folders made and remembered in one step
  // leave no moment when they exist unknown to the signal clean-up.
  it('remembers the folders for the signal clean-up in the step that makes them', async () => {
    const work = folder();
    const writing = writeFileAtomically(path.join(work, 'a/b/c.json'), Buffer.from('{}'));
    expect(existsSync(path.join(work, 'a/b'))).toBe(true);
    expect(pendingMadeFolders().sort()).toEqual([path.join(work, 'a'), path.join(work, 'a/b')]);
    await writing;
    expect(pendingMadeFolders()).toEqual([]);
  });
});

/**
 * Runs `script` (a bundle) in `count` child processes at once, each with its number and `args`, and
 * returns what each printed on stdout. They wait for a common moment before they start, so that they
 * run side by side rather than one after the other as they happen to be spawned.
 */
async function inProcessesAtOnce(script: string, count: number, args: string[]): Promise<string[]> {
  const start = String(Date.now() + 1500);
  return Promise.all(
    Array.from({ length: count }, (_, id) => {
      const child = spawn(process.execPath, [script, start, String(id), ...args], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      return new Promise<string>((resolve, reject) =>
        child.on('close', (code) =>
          code === 0 ? resolve(stdout) : reject(new Error(`child ${id} exited ${code}: ${stdout}`)),
        ),
      );
    }),
  );
}

describe('makeFolderWithParents in processes side by side', () => {
  // `xargs -P4 connector-alm pack … out/x.zip`, or exports run in parallel into a new shared folder
  // on a self-hosted runner: each process found `out` missing, then another made it before its own
  // mkdir, which failed with EEXIST (41 of 800 times with four processes), as `mkdir -p` never does.
  it('makes the same missing parents in four processes without failing', async () => {
    const work = folder();
    const script = path.join(work, 'make-folders.cjs');
    await bundleScript(
      `import path from 'node:path';
      import { makeFolderWithParents } from './made-folders.js';
      const [start, id, root, times] = process.argv.slice(2);
      while (Date.now() < Number(start));
      const failures: string[] = [];
      for (let n = 0; n < Number(times); n++) {
        try {
          makeFolderWithParents(path.join(root, 'r' + n, 'shared', 'deep', 'w' + id)).keep();
        } catch (error) {
          failures.push(String((error as Error).message));
        }
      }
      process.stdout.write(JSON.stringify(failures));`,
      script,
    );
    const root = path.join(work, 'out');
    const times = 300;
    const printed = await inProcessesAtOnce(script, 4, [root, String(times)]);
    expect(printed.flatMap((failures) => JSON.parse(failures) as string[])).toEqual([]);
    // Each process's own folder is there at the end: none was removed by another's clean-up.
    for (let n = 0; n < times; n++)
      expect(readdirSync(path.join(root, `r${n}/shared/deep`)).sort()).toEqual(['w0', 'w1', 'w2', 'w3']);
  }, 60_000);

  // The moment between the look and the mkdir cannot be had at will; what the mkdir then finds can.
  it('takes a folder found at mkdir as made by another, and refuses anything else there', () => {
    const work = folder();
    mkdirSync(path.join(work, 'theirs'));
    writeFileSync(path.join(work, 'file'), '');
    symlinkSync(path.join(work, 'theirs'), path.join(work, 'link-to-folder'));
    symlinkSync(path.join(work, 'file'), path.join(work, 'link-to-file'));
    expect(makeMissingFolder(path.join(work, 'ours'))).toBe(true);
    expect(makeMissingFolder(path.join(work, 'theirs'))).toBe(false);
    expect(makeMissingFolder(path.join(work, 'link-to-folder'))).toBe(false);
    expect(() => makeMissingFolder(path.join(work, 'file'))).toThrow(/EEXIST/);
    expect(() => makeMissingFolder(path.join(work, 'link-to-file'))).toThrow(/EEXIST/);
    expect(readdirSync(work).sort()).toEqual(['file', 'link-to-file', 'link-to-folder', 'ours', 'theirs']);
  });
});

describe('makeFolderWithParents', () => {
  it('removes a single folder it made, and then the parents it made above one already gone', async () => {
    const work = folder();
    const one = makeFolderWithParents(path.join(work, 'one'));
    expect(readdirSync(work)).toEqual(['one']);
    await one.remove();
    expect(readdirSync(work)).toEqual([]);

    const deep = makeFolderWithParents(path.join(work, 'a/b/c'));
    rmdirSync(path.join(work, 'a/b/c'));
    await deep.remove();
    expect(readdirSync(work)).toEqual([]);
    expect(pendingMadeFolders()).toEqual([]);
  });

  // A write of another process may have put a file in a folder we made; remove() must not take it.
  it('keeps a folder it made once something was put in it, and the parents above it', async () => {
    const work = folder();
    const made = makeFolderWithParents(path.join(work, 'a/b'));
    writeFileSync(path.join(work, 'a/b/theirs.json'), '{}');
    await made.remove();
    expect(readdirSync(path.join(work, 'a/b'))).toEqual(['theirs.json']);
    expect(pendingMadeFolders()).toEqual([]);
  });

  it('keeps a folder that was already there, and refuses a file in its place as mkdir -p does', async () => {
    const work = folder();
    mkdirSync(path.join(work, 'there'));
    await makeFolderWithParents(path.join(work, 'there')).remove();
    expect(readdirSync(work)).toEqual(['there']);
    writeFileSync(path.join(work, 'file'), '');
    expect(() => makeFolderWithParents(path.join(work, 'file'))).toThrow(/EEXIST/);
  });
});

describe('inFolderMadeFor', () => {
  it("gives the write's result and keeps the folders once it succeeds", async () => {
    const work = folder();
    const file = path.join(work, 'a/b/c.txt');
    const written = await inFolderMadeFor(file, async () => {
      writeFileSync(file, 'done');
      return 'written';
    });
    expect(written).toBe('written');
    expect(readdirSync(path.join(work, 'a/b'))).toEqual(['c.txt']);
    expect(pendingMadeFolders()).toEqual([]);
  });
});
