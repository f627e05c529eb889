import { describe, expect, it } from '@jest/globals';
import {
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { cannotTrace, type SystemCall, temporaryFolder, traceNode } from '@connector-alm/testing';
import { isUserError, type UserError, writeFileAtomically } from '../src/index.js';
import { bundleScript } from './helpers/bundled-script.js';

// The writer through a temporary file and a rename: what the file it puts in place keeps of the one
// it replaces (validate --fix passes the old file's mode and owner), and what a failure leaves.

/** A fresh folder holding `file.json` with `text`; returns the file's path. */
function existing(text: string): string {
  const made = path.join(temporaryFolder('write-atomically-'), 'file.json');
  writeFileSync(made, text);
  return made;
}

/** Modes and owners are POSIX's; only root may give a file to another user. */
const POSIX = process.platform !== 'win32';
const ROOT = process.getuid?.() === 0;

describe('writeFileAtomically', () => {
  (POSIX ? it : it.skip)('gives the new file the mode asked for exactly, whatever the umask', async () => {
    const file = existing('{}');
    await writeFileAtomically(file, Buffer.from('{"a": 1}'), { mode: 0o640 });
    expect(statSync(file).mode & 0o7777).toBe(0o640);
    expect(readFileSync(file, 'utf8')).toBe('{"a": 1}');
  });

  // A chown clears the set-user-ID bit: the mode must be set after it, or an executable's bit is lost.
  // export -o: no file to take a mode from; the new file is as any new file of the process (umask).
  (POSIX ? it : it.skip)(
    'gives a new file without a mode asked for that of any file the process makes',
    async () => {
      const file = existing('{}');
      const plain = path.join(path.dirname(file), 'plain.json');
      writeFileSync(plain, '{}');
      await writeFileAtomically(file, Buffer.from('{"a": 1}'));
      expect(statSync(file).mode & 0o7777).toBe(statSync(plain).mode & 0o7777);
    },
  );

  (POSIX ? it : it.skip)('keeps a set-user-ID bit when an owner is given too', async () => {
    const file = existing('#!/bin/sh\n');
    const uid = process.getuid!();
    const gid = process.getgid!();
    await writeFileAtomically(file, Buffer.from('#!/bin/sh\nexit 0\n'), {
      mode: 0o4755,
      owner: { uid, gid },
    });
    expect(statSync(file).mode & 0o7777).toBe(0o4755);
  });

  (ROOT ? it : it.skip)('gives the new file the owner and group asked for', async () => {
    const file = existing('{}');
    await writeFileAtomically(file, Buffer.from('{"a": 1}'), { owner: { uid: 4321, gid: 4322 } });
    const { uid, gid } = statSync(file);
    expect([uid, gid]).toEqual([4321, 4322]);
  });

  (POSIX ? it : it.skip)('replaces the file a symbolic link leads to, and keeps the link', async () => {
    const file = existing('{"old": true}');
    const link = path.join(path.dirname(file), 'link.json');
    symlinkSync(file, link);
    await writeFileAtomically(link, Buffer.from('{"new": true}'));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe('{"new": true}');
  });

  // A failure after the temporary is written (here its mode, which Node refuses) must leave the old
  // file as it was and no temporary beside it.
  it('leaves the old file and no temporary when a step after the write fails', async () => {
    const file = existing('{"old": true}');
    await expect(writeFileAtomically(file, Buffer.from('{"new": true}'), { mode: -1 })).rejects.toThrow(
      /mode/,
    );
    expect(readFileSync(file, 'utf8')).toBe('{"old": true}');
    expect(readdirSync(path.dirname(file))).toEqual(['file.json']);
  });

  // The user named the link; the file it leads to has a name too long for its temporary beside it.
  (POSIX ? it : it.skip)(
    'locates a failure at the symbolic link the user named, not where it leads',
    async () => {
      const folder = temporaryFolder('write-atomically-');
      const target = path.join(folder, `${'x'.repeat(246)}.zip`);
      writeFileSync(target, 'old');
      const link = path.join(folder, 'out.zip');
      symlinkSync(target, link);
      const failure = await writeFileAtomically(link, Buffer.from('new')).catch((error: unknown) => error);
      expect(isUserError(failure)).toBe(true);
      expect((failure as UserError).message).toMatch(/ENAMETOOLONG/);
      expect((failure as UserError).location).toEqual({ file: link });
      expect(readFileSync(target, 'utf8')).toBe('old');
    },
  );
});

const untraceable = process.platform === 'linux' ? cannotTrace() : 'strace runs on Linux only';
if (untraceable)
  console.warn(`Skipping the test that a written file is on disk before its rename: ${untraceable}.`);
const traced = untraceable ? it.skip : it;

/**
 * What the process did with the temporary beside `file`, in order: opened it, flushed it to the disk
 * (fsync or fdatasync on its descriptor while open), closed it, renamed it over `file`.
 */
function stepsOnTemporary(calls: readonly SystemCall[], file: string): string[] {
  const temporary = new RegExp(
    `"([^"]*/\\.${path.basename(file).replace(/\./g, '\\.')}\\.[0-9a-f]{12}\\.tmp)"`,
  );
  const steps: string[] = [];
  let name: string | undefined;
  let descriptor: string | undefined;
  for (const { name: call, args, result } of calls) {
    const first = args.split(', ')[0];
    if (call === 'openat' && temporary.test(args)) {
      name = temporary.exec(args)![1];
      descriptor = result;
      steps.push('open');
    } else if ((call === 'fsync' || call === 'fdatasync') && first === descriptor) {
      steps.push('sync');
    } else if (call === 'close' && first === descriptor) {
      descriptor = undefined;
      steps.push('close');
    } else if (call.startsWith('rename') && name !== undefined && args.includes(`"${name}"`)) {
      steps.push(args.includes(`"${file}"`) ? 'rename over the file' : `rename: ${args}`);
    }
  }
  return steps;
}

describe('writeFileAtomically and the disk', () => {
  // ext4 (without its rename heuristic, as for a new file), XFS and btrfs may write a rename to the
  // disk before the renamed file's bytes: after a power loss the file is then there, and empty.
  traced('flushes the temporary to the disk before it renames it over the file', async () => {
    const folder = temporaryFolder('write-atomically-');
    const script = path.join(folder, 'write.cjs');
    await bundleScript(
      `import { writeFileAtomically } from './write-file-atomically.js';
      writeFileAtomically(process.argv[2]!, Buffer.from('{"a": 1}')).catch((error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      });`,
      script,
    );
    const file = path.join(folder, 'file.json');
    writeFileSync(file, '{}');
    // '?': a call this architecture lacks is left out (arm64 has no rename, only renameat).
    const calls = traceNode(
      script,
      [file],
      ['openat', 'fsync', 'fdatasync', 'close', '?rename', 'renameat', 'renameat2'],
    );
    expect(stepsOnTemporary(calls, file)).toEqual(['open', 'sync', 'close', 'rename over the file']);
    expect(readFileSync(file, 'utf8')).toBe('{"a": 1}');
  });
});
