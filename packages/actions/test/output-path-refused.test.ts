import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runActionBundle } from '@connector-alm/testing';
import { cleanupWorkspaces, workspaceWithConnector } from './helpers/pull-request-repo.js';
import { expectFailedWith } from './helpers/step-failure.js';

afterAll(cleanupWorkspaces);

// An output path the file system refuses to look at (a last name longer than it allows) failed the
// check of the output before any work with Node's own error: "connector-alm failed unexpectedly:
// ENAMETOOLONG … This is a bug". Each action now names its input, and why, before it works.

const LONG_NAME = `${'a'.repeat(300)}.zip`;

/** Sign-in inputs with nothing answering: a sign-in would fail as unreachable, not as the path. */
const SIGN_IN = {
  'environment-url': 'http://127.0.0.1:59999',
  'authority-host': 'http://127.0.0.1:59999',
  'app-id': '3d2c1b0a-1111-4222-8333-944455556666',
  'tenant-id': '7c3b2a10-4d5e-4f60-8a71-92b3c4d5e6f7',
  'client-secret': 'unused-secret',
  'solution-name': 'ContosoConnectors',
};

function tooLong(input: string): unknown {
  return {
    level: 'error',
    message: `Input '${input}' cannot be written: its path is longer than the file system allows (ENAMETOOLONG). Give '${input}' a path with shorter names.`,
  };
}

describe('an output path whose last name is longer than the file system allows', () => {
  const workspace = workspaceWithConnector();

  it.each<[string, string, Record<string, string>]>([
    ['validate-connector', 'sarif-file', { 'sarif-file': LONG_NAME }],
    ['pack-solution', 'solution-file', { folder: 'solution', 'solution-file': LONG_NAME }],
    ['unpack-solution', 'folder', { 'solution-file': 'solution.zip', folder: LONG_NAME }],
    ['extract-connectors', 'destination', { source: 'solution.zip', destination: LONG_NAME }],
    ['export-solution', 'solution-output-file', { ...SIGN_IN, 'solution-output-file': LONG_NAME }],
  ])('%s %s: refused naming the input, before any work', async (action, input, inputs) => {
    const run = await runActionBundle(action, { workspace, inputs });
    expectFailedWith(run, tooLong(input));
    expect(run.stdout).not.toContain('This is a bug');
  });
});

describe('an output path through a symbolic link that leads round in a loop', () => {
  it('validate-connector sarif-file: refused on the link, before validating', async () => {
    // realpath says ELOOP there, which failed "unexpectedly" as ENAMETOOLONG did.
    const workspace = workspaceWithConnector();
    symlinkSync('loop', path.join(workspace, 'loop'));
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'sarif-file': 'loop/connector-alm.sarif' },
    });
    expectFailedWith(run, {
      level: 'error',
      message:
        "loop: is a symbolic link that leads nowhere (to 'loop'), so connector-alm.sarif cannot be made inside it. Give 'sarif-file' a path that runs through folders only, or move the file out of the way.",
    });
    expect(run.stdout).not.toContain('::group::Validate connectors');
  });
});

describe('an output path that is itself a symbolic link that leads nowhere', () => {
  it('validate-connector sarif-file: loop is refused on the link, before validating', async () => {
    // realPathOfNew took the loop for a file not there yet, and the write said ELOOP after validating.
    const workspace = workspaceWithConnector();
    symlinkSync('loop', path.join(workspace, 'loop'));
    const run = await runActionBundle('validate-connector', { workspace, inputs: { 'sarif-file': 'loop' } });
    expectFailedWith(run, {
      level: 'error',
      message:
        "loop: is a symbolic link that leads nowhere (to 'loop'); nothing can be written through it. Give 'sarif-file' the path of a file or folder to write, or remove the link.",
    });
    expect(run.stdout).not.toContain('::group::Validate connectors');
  });

  it('validate-connector sarif-file: a link to a file not there yet outside the workspace writes nothing there', async () => {
    // Its real path was taken as the link's own, in the workspace; the write created the file it names.
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'elsewhere-'));
    try {
      const workspace = workspaceWithConnector();
      const outside = path.join(elsewhere, 'report.sarif');
      symlinkSync(outside, path.join(workspace, 'out.sarif'));
      const run = await runActionBundle('validate-connector', {
        workspace,
        inputs: { 'sarif-file': 'out.sarif' },
      });
      expectFailedWith(run, {
        level: 'error',
        message: `out.sarif: is a symbolic link that leads nowhere (to '${outside}'); nothing can be written through it. Give 'sarif-file' the path of a file or folder to write, or remove the link.`,
      });
      expect(existsSync(outside)).toBe(false);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
