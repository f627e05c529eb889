import { beforeAll, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeWith, REPO_ROOT, SOLUTION_FIXTURES, temporaryFolder } from '@connector-alm/testing';

// unpack, extract-connectors, pack and build-solution write into a hidden folder or file beside the
// target (".out.1a2b3c4d5e6f.tmp") and rename it into place at the end. Ctrl+C in between left that
// folder behind, outside the target, one more for each interrupted run, for `git add -A` to commit.
// The built CLI is run and interrupted as a user does, in the middle of writing.

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const EXPORT = path.join(SOLUTION_FIXTURES, 'customHIL/customHIL_1_0_0_3.zip');

let work: string;
let zip: string;
/** What `work` holds before each test: the source folder and the two exports. */
let before: string[];

function cli(args: string[]): void {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: work, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`connector-alm ${args.join(' ')}: ${run.stderr}`);
}

/** The files and folders of `folder` (default: `work`) that a write left beside its target. */
function leftovers(folder = work): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.tmp'));
}

/**
 * Runs the CLI, interrupts it with SIGINT once `ready` holds, and says how it ended. `env` is added to
 * the environment (TMPDIR: a system temporary folder of the test's own, to see what is left there).
 */
async function interrupted(
  args: string[],
  ready: () => boolean,
  env: Record<string, string> = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: work,
    stdio: 'ignore',
    env: { ...process.env, ...env },
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  await until(() => {
    if (child.exitCode !== null)
      throw new Error(`connector-alm ${args.join(' ')} ended before it was interrupted`);
    return ready();
  }, 60_000);
  child.kill('SIGINT');
  return exited;
}

/** Resolves once `test` holds, checked every 10 ms; rejects after `ms`. */
async function until(test: () => boolean, ms: number): Promise<void> {
  for (const start = Date.now(); !test();) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describeWith(SOLUTION_FIXTURES, 'interrupted write')('Ctrl+C in the middle of a write', () => {
  beforeAll(() => {
    work = temporaryFolder('cli-interrupted-');
    // The real export with enough files in its connector folder that unpack takes a second or two
    // (1,000: each command below is interrupted within ~50 ms of its staging appearing, which then
    // stays 1.5-4 s). Too few fail the tests (the command ends before it is interrupted), never pass
    // them wrongly; 3,000 took 6-8 s to pack, twice, and each unpack kept its staging for 5-8 s.
    cli(['unpack', EXPORT, 'source']);
    for (let n = 0; n < 1000; n++)
      writeFileSync(
        path.join(work, 'source/Connectors', `cat_pad${n}_openapidefinition.json`),
        JSON.stringify({ padding: 'x'.repeat(20_000) }),
      );
    cli(['pack', 'source', 'large.zip']);
    zip = path.join(work, 'large.zip');
    // Its managed twin, for --package-type both, which reads large_managed.zip beside large.zip.
    const manifest = path.join(work, 'source/Other/Solution.xml');
    const unmanaged = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, unmanaged.replace('<Managed>0</Managed>', '<Managed>1</Managed>'));
    cli(['pack', 'source', 'large_managed.zip']);
    writeFileSync(manifest, unmanaged);
    // Solutions that do not compress (random bytes), so that a package of them takes a while to check.
    const random = path.join(work, 'random');
    cpSync(path.join(work, 'source'), random, { recursive: true, filter: (from) => !/cat_pad/.test(from) });
    for (let n = 0; n < 200; n++)
      writeFileSync(
        path.join(random, 'Connectors', `cat_random${n}_openapidefinition.json`),
        JSON.stringify({ padding: randomBytes(150_000).toString('base64') }),
      );
    cli(['pack', 'random', 'random.zip']);
    cpSync(path.join(work, 'random.zip'), path.join(work, 'random_flow.zip'));
    rmSync(random, { recursive: true });
    before = readdirSync(work).sort();
  }, 120_000);

  it('leaves nothing of an unpack behind: no target, no hidden staging folder beside it', async () => {
    const child = spawn(process.execPath, [CLI, 'unpack', zip, 'out'], { cwd: work, stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    await until(() => leftovers().length > 0, 60_000);
    child.kill('SIGINT');
    const { code, signal } = await exited;
    // Ended by the signal itself once it had cleaned up, not by an exit code (see the next test).
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGINT' });
    expect(leftovers()).toEqual([]);
    expect(readdirSync(work).sort()).toEqual(before);
  }, 120_000);

  // A command that exits 130 after SIGINT tells bash it handled Ctrl+C, and the script goes on:
  // `unpack x.zip src; git add -A; git commit` committed after Ctrl+C. Ended by the signal, the
  // command stops the script. Ctrl+C signals the terminal's whole process group: so here.
  it('stops the shell script it runs in at Ctrl+C, as a command ended by it does', async () => {
    const script = spawn(
      'bash',
      ['-c', '"$1" "$2" unpack "$3" out; echo after', 'bash', process.execPath, CLI, zip],
      {
        cwd: work,
        detached: true,
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let stdout = '';
    script.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      script.on('close', (code, signal) => resolve({ code, signal })),
    );
    await until(() => leftovers().length > 0, 60_000);
    process.kill(-script.pid!, 'SIGINT');
    const { code, signal } = await closed;
    expect(stdout).toBe('');
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGINT' });
    expect(leftovers()).toEqual([]);
    expect(readdirSync(work).sort()).toEqual(before);
  }, 120_000);

  // --package-type both stages the managed export in a second folder beside the first
  // (".out.1a2b3c4d5e6f.tmp.managed"), which the clean-up did not know of.
  it("leaves nothing of a both-exports unpack behind, the managed export's staging folder neither", async () => {
    const managedStaging = (): boolean => readdirSync(work).some((name) => name.endsWith('.tmp.managed'));
    const { signal } = await interrupted(['unpack', zip, 'out', '--package-type', 'both'], managedStaging);
    expect(signal).toBe('SIGINT');
    expect(readdirSync(work).sort()).toEqual(before);
  }, 120_000);

  // unpack into a/b/c makes the missing a/b for its staging folder beside c; the signal left them.
  it('removes the folders it made for a nested target, and not the one that was there before', async () => {
    mkdirSync(path.join(work, 'existing'));
    try {
      const made = path.join(work, 'existing/made/deeper');
      const staging = (): boolean => existsSync(made) && leftovers(made).length > 0;
      const { signal } = await interrupted(['unpack', zip, 'existing/made/deeper/out'], staging);
      expect(signal).toBe('SIGINT');
      expect(readdirSync(path.join(work, 'existing'))).toEqual([]);
      expect(readdirSync(work).sort()).toEqual([...before, 'existing'].sort());
    } finally {
      rmSync(path.join(work, 'existing'), { recursive: true, force: true });
    }
  }, 120_000);

  // pack to a/b/x.zip, build-solution and package build make the missing folders of their target
  // for the hidden file they write beside it; the signal left them, empty.
  it('removes the folders pack made for a nested zip', async () => {
    const staging = (): boolean =>
      existsSync(path.join(work, 'a/b')) && leftovers(path.join(work, 'a/b')).length > 0;
    const { signal } = await interrupted(['pack', 'source', 'a/b/packed.zip'], staging);
    expect(signal).toBe('SIGINT');
    expect(readdirSync(work).sort()).toEqual(before);
  }, 120_000);

  // Reading a solution zip's connectors stages the whole zip in the system's temporary folder, where
  // the signal left it: a copy of the solution, one more per interrupted run.
  it("removes extract-connectors' scratch folder in the system's temporary folder", async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'cli-interrupted-tmp-'));
    try {
      const scratch = (): boolean => readdirSync(tmp).some((name) => name.startsWith('connector-alm-'));
      const { signal } = await interrupted(['extract-connectors', zip, 'nested/connectors'], scratch, {
        TMPDIR: tmp,
      });
      expect(signal).toBe('SIGINT');
      expect(readdirSync(tmp)).toEqual([]);
      expect(readdirSync(work).sort()).toEqual(before);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);

  // package build checks the package it built, copying its nested zips to a scratch folder in the
  // system's temporary folder (as package check does); the signal left that folder, and the folders
  // made for the package.
  it("removes package build's scratch folder, and the folders made for the package", async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'cli-interrupted-tmp-'));
    writeFileSync(path.join(work, 'intro.md'), '# Contoso\n');
    try {
      const scratch = (): boolean =>
        readdirSync(tmp).some((name) => name.startsWith('connector-alm-package-'));
      const { signal } = await interrupted(
        [
          'package',
          'build',
          'made/package.zip',
          '--intro',
          'intro.md',
          '--connector-solution',
          'random.zip',
          '--flow-solution',
          'random_flow.zip',
        ],
        scratch,
        { TMPDIR: tmp },
      );
      expect(signal).toBe('SIGINT');
      expect(readdirSync(tmp)).toEqual([]);
      expect(readdirSync(work).sort()).toEqual([...before, 'intro.md'].sort());
    } finally {
      rmSync(tmp, { recursive: true, force: true });
      rmSync(path.join(work, 'intro.md'), { force: true });
    }
  }, 120_000);
});
