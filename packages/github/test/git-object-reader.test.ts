import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { temporaryFolder } from '@connector-alm/testing';
import { GitObjectReader } from '../src/local-server/git-object-reader.js';
import { isRunning, logGitProcesses } from './helpers/git-process-log.js';

function bareRepository(alternate?: string): string {
  const directory = temporaryFolder('object-reader-');
  execFileSync('git', ['init', '--bare', '--quiet', directory]);
  if (alternate) writeFileSync(path.join(directory, 'objects/info/alternates'), `${alternate}/objects\n`);
  return directory;
}

function writeBlob(directory: string, content: string | Buffer): string {
  return execFileSync('git', ['hash-object', '-w', '--stdin'], {
    input: content,
    env: { PATH: process.env.PATH, GIT_DIR: directory },
  })
    .toString()
    .trim();
}

const readers: GitObjectReader[] = [];
function readerOf(directory: string): GitObjectReader {
  const reader = new GitObjectReader(directory);
  readers.push(reader);
  return reader;
}
afterEach(async () => {
  await Promise.all(readers.splice(0).map((reader) => reader.close()));
});

describe('the object reader of a local GitHub repository', () => {
  it('sees an object written after its git started', async () => {
    const directory = bareRepository();
    const reader = readerOf(directory);
    const first = writeBlob(directory, 'first');
    expect(await reader.info(first)).toEqual({ sha: first, type: 'blob', size: 5 });

    const later = writeBlob(directory, 'written later');
    expect((await reader.contents(later))?.bytes.toString()).toBe('written later');
  });

  it("of a fork sees the upstream's objects, also those written after it started", async () => {
    const upstream = bareRepository();
    const fork = readerOf(bareRepository(upstream));
    const before = writeBlob(upstream, 'upstream before');
    expect((await fork.contents(before))?.bytes.toString()).toBe('upstream before');

    const after = writeBlob(upstream, 'upstream after');
    expect(await fork.info(after)).toEqual({ sha: after, type: 'blob', size: 14 });
  });

  it('answers undefined for what the repository cannot see, a name with a line break too', async () => {
    const reader = readerOf(bareRepository());
    expect(await reader.info('0'.repeat(40))).toBeUndefined();
    expect(await reader.contents('refs/heads/no such branch')).toBeUndefined();
    expect(await reader.contents('main\ninfo HEAD')).toBeUndefined();
  });

  it('answers many reads made at once each with its own object, bytes exact, a large one too', async () => {
    const directory = bareRepository();
    const reader = readerOf(directory);
    // Larger than a pipe's buffer, with line feeds and NULs that a line reader would cut at.
    const large = Buffer.alloc(3 * 1024 * 1024 + 7, 'a\n\0b');
    const contents = [large, ...Array.from({ length: 50 }, (_, i) => Buffer.from(`blob ${i}\n`))];
    const shas = contents.map((content) => writeBlob(directory, content));

    // Asked in turn, before any answer came: the answers travel down one pipe in order.
    const asked = shas.map((sha) => ({
      contents: reader.contents(sha),
      missing: reader.info('f'.repeat(40)),
      info: reader.info(sha),
    }));
    for (const [i, sha] of shas.entries()) {
      const read = asked[i]!;
      expect((await read.contents)?.bytes.equals(contents[i]!)).toBe(true);
      expect(await read.missing).toBeUndefined();
      expect(await read.info).toEqual({ sha, type: 'blob', size: contents[i]!.length });
    }
  });

  it('is one git process, ended by close(), after which reads are refused', async () => {
    const directory = bareRepository();
    const sha = writeBlob(directory, 'x');
    const processes = logGitProcesses();
    let reader: GitObjectReader;
    try {
      reader = new GitObjectReader(directory);
      for (let i = 0; i < 5; i++) await reader.contents(sha);
    } finally {
      processes.restore();
    }
    const started = processes.started();
    expect(started.map((process) => process.command)).toEqual(['cat-file']);
    expect(isRunning(started[0]!.pid)).toBe(true);

    await reader.close();
    expect(isRunning(started[0]!.pid)).toBe(false);
    await expect(reader.info(sha)).rejects.toThrow('the repository was closed');
  });
});
