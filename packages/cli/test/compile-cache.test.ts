import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runnerNodeBinary, temporaryFolders } from '@connector-alm/testing';

// The CLI's entry keeps V8's compiled code of its bundle in a folder of the user's own, where the
// Node.js has a compile cache (22.1 and later): run on the actions' Node.js, which has it, where
// Jest's global setup installed it. TMPDIR points the entry's temporary folder into the test's.

const BIN = path.join(REPO_ROOT, 'packages/cli/bin/connector-alm.cjs');
const node = runnerNodeBinary();
const major = Number(
  spawnSync(node, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout,
);
const posix = typeof process.getuid === 'function';
const testable = major >= 22 && posix;
if (!testable)
  console.log(
    `skipped: the compile cache needs Node.js 22.1 or later (the actions' Node.js was not installed: ${major}) on a POSIX system.`,
  );
const folders = temporaryFolders('cli-compile-cache-');
afterAll(() => folders.cleanup());

/** `connector-alm --version` with its temporary folder at `tmp`, and the environment changed by `env`. */
function version(tmp: string, env: NodeJS.ProcessEnv = {}) {
  const base: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp };
  delete base.NODE_COMPILE_CACHE;
  delete base.NODE_DISABLE_COMPILE_CACHE;
  const run = spawnSync(node, [BIN, '--version'], { encoding: 'utf8', env: { ...base, ...env } });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

const entries = (folder: string) => readdirSync(folder, { recursive: true });

(testable ? describe : describe.skip)('the connector-alm entry on a Node.js with a compile cache', () => {
  const folderName = () => `connector-alm-compile-cache-${process.getuid!()}`;

  it('keeps the compiled bundle in a folder only the user may read and write', () => {
    const tmp = folders.make();
    expect(version(tmp)).toMatch(/^\d+\.\d+\.\d+/);
    const cache = path.join(tmp, folderName());
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(entries(cache).length).toBeGreaterThan(0);
  });

  it('uses no folder that others may write, and writes nothing when the cache is turned off', () => {
    const tmp = folders.make();
    const shared = path.join(tmp, folderName());
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    version(tmp);
    expect(entries(shared)).toEqual([]);
    const off = folders.make();
    version(off, { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(readdirSync(off)).toEqual([]);
  });

  it('keeps it where NODE_COMPILE_CACHE says', () => {
    const tmp = folders.make();
    const chosen = path.join(folders.make(), 'cache');
    version(tmp, { NODE_COMPILE_CACHE: chosen });
    expect(entries(chosen).length).toBeGreaterThan(0);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
