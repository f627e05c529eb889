import { describe, expect, it } from '@jest/globals';
import { existsSync, lstatSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runActionBundle } from '@connector-alm/testing';
import { workspaceWithConnector } from './helpers/pull-request-repo.js';
import { expectFailedWith } from './helpers/step-failure.js';
import { UNANSWERED_SIGN_IN } from './helpers/unanswered-sign-in.js';

// An output path the file system refuses to look at (a last name longer than it allows) failed the
// check of the output before any work with Node's own error: "connector-alm failed unexpectedly:
// ENAMETOOLONG … This is a bug". Each action now names its input, and why, before it works.

const LONG_NAME = `${'a'.repeat(300)}.zip`;

const SIGN_IN = { ...UNANSWERED_SIGN_IN, 'solution-name': 'ContosoConnectors' };

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
    // Then it was refused as a link that "leads nowhere", which was untrue: its folder is there.
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'elsewhere-'));
    const temp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'runner-temp-')));
    try {
      const workspace = workspaceWithConnector();
      const outside = path.join(elsewhere, 'report.sarif');
      symlinkSync(outside, path.join(workspace, 'out.sarif'));
      const run = await runActionBundle('validate-connector', {
        workspace,
        inputs: { 'sarif-file': 'out.sarif' },
        env: { RUNNER_TEMP: temp },
      });
      expectFailedWith(run, {
        level: 'error',
        message:
          `Input 'sarif-file' must name a place inside the workspace or the runner's temp folder; got 'out.sarif', which a symbolic link leads to '${path.join(realpathSync(elsewhere), 'report.sarif')}'. Nothing was written.` +
          ` Use a path inside the workspace (${workspace}), or under runner.temp (${temp}), such as '\${{ runner.temp }}/out.sarif'. No '..' or symbolic link may lead out of it.`,
      });
      expect(existsSync(outside)).toBe(false);
      expect(run.stdout).not.toContain('::group::Validate connectors');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

// Every link to a file not there yet was refused as one that "leads nowhere", though its folder was
// there: a workflow that links the report into runner.temp, or to a file of the workspace, failed.
describe('an output path that is a symbolic link to a file not there yet, in a writable folder', () => {
  it('validate-connector sarif-file: a link into runner.temp writes the report there', async () => {
    const temp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'runner-temp-')));
    try {
      const workspace = workspaceWithConnector();
      const results = path.join(temp, 'results.sarif');
      symlinkSync(results, path.join(workspace, 'out.sarif'));
      const run = await runActionBundle('validate-connector', {
        workspace,
        inputs: { 'sarif-file': 'out.sarif' },
        env: { RUNNER_TEMP: temp },
      });
      expect(run.annotations).toEqual([]);
      expect(run.exitCode).toBe(0);
      expect(JSON.parse(readFileSync(results, 'utf8')).version).toBe('2.1.0');
      expect(lstatSync(path.join(workspace, 'out.sarif')).isSymbolicLink()).toBe(true);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it('validate-connector sarif-file: a link to a file of the workspace writes the report there', async () => {
    const workspace = workspaceWithConnector();
    const inside = path.join(workspace, 'inside.sarif');
    symlinkSync(inside, path.join(workspace, 'in.sarif'));
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'sarif-file': 'in.sarif' },
    });
    expect(run.annotations).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(inside, 'utf8')).version).toBe('2.1.0');
  });

  it('validate-connector sarif-file: a link to a file in a folder not there is refused, before validating', async () => {
    const workspace = workspaceWithConnector();
    symlinkSync('missing/report.sarif', path.join(workspace, 'out.sarif'));
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'sarif-file': 'out.sarif' },
    });
    expectFailedWith(run, {
      level: 'error',
      message:
        "out.sarif: is a symbolic link that leads nowhere (to 'missing/report.sarif'); nothing can be written through it. Give 'sarif-file' the path of a file or folder to write, or remove the link.",
    });
    expect(existsSync(path.join(workspace, 'missing'))).toBe(false);
    expect(run.stdout).not.toContain('::group::Validate connectors');
  });
});

// A folder cannot be made through a link (mkdir says EEXIST), so a folder output that is a link to a
// folder not there yet is refused by the action, naming its input, as before links to new files passed.
describe('a folder output that is a symbolic link to a folder not there yet', () => {
  it.each<[string, string, Record<string, string>]>([
    ['unpack-solution', 'folder', { 'solution-file': 'solution.zip', folder: 'out' }],
    ['extract-connectors', 'destination', { source: 'solution.zip', destination: 'out' }],
    // A folder to write <solution-name>.zip in, before signing in.
    ['export-solution', 'solution-output-file', { ...SIGN_IN, 'solution-output-file': 'out/' }],
  ])('%s %s: refused on the link, naming the input, before any work', async (action, input, inputs) => {
    const workspace = workspaceWithConnector();
    symlinkSync('new-folder', path.join(workspace, 'out'));
    const run = await runActionBundle(action, { workspace, inputs });
    expectFailedWith(run, {
      level: 'error',
      message: `out: is a symbolic link that leads nowhere (to 'new-folder'); nothing can be written through it. Give '${input}' the path of a file or folder to write, or remove the link.`,
    });
    expect(run.stdout).not.toContain('::group::');
  });
});

// `solutions\Contoso` on a Linux runner made one folder of that name, which a snapshot would commit
// (and Windows cannot check out), and unpack-solution's `folder` output held the `\`. Each action
// refuses such an output path, naming its input and the `/` version, before any work.
(process.platform === 'win32' ? describe.skip : describe)(
  'an output path that separates folders with \\',
  () => {
    const workspace = workspaceWithConnector();
    const system = process.platform === 'darwin' ? 'macOS' : 'Linux';

    it.each<[string, string, Record<string, string>]>([
      ['validate-connector', 'sarif-file', { 'sarif-file': 'reports\\connector-alm.sarif' }],
      ['pack-solution', 'solution-file', { folder: 'solution', 'solution-file': 'out\\solution.zip' }],
      ['unpack-solution', 'folder', { 'solution-file': 'solution.zip', folder: 'solutions\\Contoso' }],
      [
        'extract-connectors',
        'destination',
        { source: 'solution.zip', destination: 'out\\custom-connectors' },
      ],
      [
        'export-solution',
        'solution-output-file',
        { ...SIGN_IN, 'solution-output-file': 'out\\solution.zip' },
      ],
    ])('%s %s: refused with the / version, before any work', async (action, input, inputs) => {
      const run = await runActionBundle(action, { workspace, inputs });
      const meant = inputs[input]!.replace('\\', '/');
      expectFailedWith(run, {
        level: 'error',
        message: `Input '${input}' separates folders with \\, which ${system} reads as part of a name: it would make one name holding the \\. Did you mean '${meant}'? Paths separate folders with /, which Windows takes too.`,
      });
      expect(run.stdout).not.toContain('::group::');
      expect(existsSync(path.join(workspace, inputs[input]!))).toBe(false);
    });
  },
);

describe("validate-connector's sarif-file naming a file of a connector", () => {
  it('is refused before validating, and the file is left as it was', async () => {
    // The report was written over the swagger, exit 0, and the sarif-file output named the swagger.
    const workspace = workspaceWithConnector();
    const swagger = path.join(
      workspace,
      'certified-connectors',
      'Contoso Tasks',
      'apiDefinition.swagger.json',
    );
    const before = readFileSync(swagger, 'utf8');
    symlinkSync(swagger, path.join(workspace, 'report.sarif'));
    for (const sarifFile of [
      'certified-connectors/Contoso Tasks/apiDefinition.swagger.json',
      'report.sarif',
    ]) {
      const run = await runActionBundle('validate-connector', {
        workspace,
        inputs: { 'sarif-file': sarifFile },
      });
      expectFailedWith(run, {
        level: 'error',
        message:
          "Input 'sarif-file' names the apiDefinition.swagger.json of the connector in certified-connectors/Contoso Tasks; the report would be written over it. Give a file of its own, such as 'connector-alm.sarif'.",
      });
      expect(run.stdout).not.toContain('::group::Validate connectors');
    }
    expect(readFileSync(swagger, 'utf8')).toBe(before);
  });
});
