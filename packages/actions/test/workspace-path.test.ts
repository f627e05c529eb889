import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireWritableOutput } from '../src/runtime/workspace-path.js';

// A workspace reached through a link above it, as every temp folder on macOS is (/var -> /private/var):
// a path that leaves the workspace by '..' meets that link, but no link took it out.
describe('requireWritableOutput, with the workspace named through a link above it', () => {
  const saved = { workspace: process.env.GITHUB_WORKSPACE, temp: process.env.RUNNER_TEMP };
  let root: string;
  let workspace: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'writable-'));
    mkdirSync(path.join(root, 'real', 'workspace'), { recursive: true });
    mkdirSync(path.join(root, 'outside'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'linked'), 'dir');
    workspace = path.join(root, 'linked', 'workspace');
    process.env.GITHUB_WORKSPACE = workspace;
    delete process.env.RUNNER_TEMP;
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    for (const [name, value] of [
      ['GITHUB_WORKSPACE', saved.workspace],
      ['RUNNER_TEMP', saved.temp],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  });

  async function refusal(value: string): Promise<string> {
    const failure = await requireWritableOutput('sarif-file', value, path.resolve(workspace, value)).then(
      () => new Error('accepted'),
      (error: unknown) => error as Error,
    );
    return failure.message;
  }

  it("names where a plain '..' leads, with no word of a link", async () => {
    expect(await refusal('../x.sarif')).toBe(
      `Input 'sarif-file' must name a place inside the workspace; got '../x.sarif', which is '${path.join(realpathSync(root), 'real', 'x.sarif')}'. Nothing was written.`,
    );
  });

  it('says a symbolic link led out when one in the workspace did', async () => {
    symlinkSync(path.join(root, 'outside'), path.join(root, 'real', 'workspace', 'reports'), 'dir');
    expect(await refusal('reports/x.sarif')).toBe(
      `Input 'sarif-file' must name a place inside the workspace; got 'reports/x.sarif', which a symbolic link leads to '${path.join(realpathSync(root), 'outside', 'x.sarif')}'. Nothing was written.`,
    );
  });

  // A write through a link to a file not there yet creates that file: it is what is checked and
  // written. Every such link was refused as one that "leads nowhere".
  it('writes where a link at the end leads, a link it leads to followed too', async () => {
    const real = path.join(realpathSync(root), 'real', 'workspace');
    symlinkSync('next.sarif', path.join(real, 'out.sarif'));
    symlinkSync(path.join(real, 'final.sarif'), path.join(real, 'next.sarif'));
    expect(await requireWritableOutput('sarif-file', 'out.sarif', path.join(workspace, 'out.sarif'))).toBe(
      path.join(real, 'final.sarif'),
    );
  });

  it("reads a link's relative target from the link's real folder, as the system does", async () => {
    const real = path.join(realpathSync(root), 'real', 'workspace');
    mkdirSync(path.join(real, 'deep', 'reports'), { recursive: true });
    symlinkSync(path.join(real, 'deep', 'reports'), path.join(real, 'reports'), 'dir');
    symlinkSync('../x.sarif', path.join(real, 'deep', 'reports', 'out.sarif'));
    const absolute = path.join(workspace, 'reports', 'out.sarif');
    expect(await requireWritableOutput('sarif-file', 'reports/out.sarif', absolute)).toBe(
      path.join(real, 'deep', 'x.sarif'),
    );
  });

  it('refuses a link at the end that leads out of the workspace, saying a link led there', async () => {
    symlinkSync(path.join(root, 'outside', 'x.sarif'), path.join(root, 'real', 'workspace', 'out.sarif'));
    expect(await refusal('out.sarif')).toBe(
      `Input 'sarif-file' must name a place inside the workspace; got 'out.sarif', which a symbolic link leads to '${path.join(realpathSync(root), 'outside', 'x.sarif')}'. Nothing was written.`,
    );
  });

  it('writes where the workspace really is when nothing leads out', async () => {
    expect(await requireWritableOutput('sarif-file', 'x.sarif', path.join(workspace, 'x.sarif'))).toBe(
      path.join(realpathSync(root), 'real', 'workspace', 'x.sarif'),
    );
  });
});
