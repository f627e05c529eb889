import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

const example = 'examples/certified-connectors/Contoso Tasks';

describe('connector-alm (the built bundle, as npx runs it)', () => {
  const bin = path.join(REPO_ROOT, 'node_modules/.bin/connector-alm');

  it('prints help with the subcommands and exits 0', () => {
    const help = execFileSync(bin, ['--help'], { encoding: 'utf8' });
    expect(help).toMatch(/Usage: connector-alm/);
    expect(help).toMatch(/validate/);
  });

  it('prints the version of package.json', () => {
    const { version } = JSON.parse(
      execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      }),
    );
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toBe(version);
  });

  it('exits 2 with a one-line error on an unknown option, and prints no stack trace', () => {
    const run = spawnSync(bin, ['validate', '--format', 'xml'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/argument 'xml' is invalid/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops quietly when the reader of its output goes away (connector-alm rules | head)', () => {
    const run = spawnSync(
      'bash',
      ['-c', '"$0" rules --format markdown | head -n 1 >/dev/null; echo "${PIPESTATUS[0]}"', bin],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('0');
  });

  // Output redirected to a file on a full disk (/dev/full answers every write with ENOSPC): Node's
  // error and stack trace were all it said.
  (existsSync('/dev/full') ? it : it.skip)(
    'says the output could not be written on a full disk, exit 1',
    () => {
      const run = spawnSync('bash', ['-c', '"$0" validate "$1" >/dev/full', bin, example], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      });
      expect(run.stderr).toBe(
        'error: the output could not be written: the disk is full (ENOSPC). Free some space and run it again.\n',
      );
      expect(run.status).toBe(1);
    },
  );
});

describe('connector-alm validate', () => {
  it('validates the bundled example cleanly and exits 0', async () => {
    const io = memoryIo(REPO_ROOT);
    expect(await runCli(['validate', example], io)).toBe(0);
    expect(io.err()).toBe('');
  });

  it('writes JSON findings with file, pointer, line and column', async () => {
    const io = memoryIo(REPO_ROOT);
    const code = await runCli(['validate', example, '--format', 'json'], io);
    const report = JSON.parse(io.out());
    expect(code).toBe(0);
    expect(Array.isArray(report.findings)).toBe(true);
    for (const finding of report.findings) {
      expect(finding).toEqual(
        expect.objectContaining({
          ruleId: expect.any(String),
          file: expect.any(String),
          line: expect.any(Number),
        }),
      );
    }
  });

  it('exits 2 on a path that does not exist', async () => {
    const io = memoryIo(REPO_ROOT);
    expect(await runCli(['validate', 'no/such/folder'], io)).toBe(2);
    expect(io.err()).toMatch(/^no\/such\/folder: error: does not exist\. /);
  });

  it.each([
    ['unpack', ['unpack', 'no-such.zip', 'out'], /no-such\.zip: error: does not exist\./],
    [
      'extract-connectors',
      ['extract-connectors', 'no-such.zip', 'out'],
      /no-such\.zip: error: does not exist\./,
    ],
    ['diff', ['diff', 'no/such/old', example], /^no\/such\/old: error: does not exist\. /],
    [
      'package build',
      [
        'package',
        'build',
        'pkg.zip',
        '--intro',
        'no-such.md',
        '--connector-solution',
        'no-such.zip',
        '--flow-solution',
        'no-such-flow.zip',
      ],
      /no-such\.md: error: does not exist\. Give the intro\.md and the solution zips/,
    ],
  ])('%s exits 2 on an input path that does not exist, as docs/cli.md says', async (_name, argv, message) => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'cli-missing-'));
    try {
      const io = memoryIo(folder);
      expect(await runCli(argv, io)).toBe(2);
      expect(io.err()).toMatch(message);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('lists every mistake of a configuration file, one line each, in one run', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'cli-config-'));
    try {
      writeFileSync(path.join(folder, 'bad.yml'), 'profile: certifed\nrules:\n  SWG-NOT-A-RULE: eror\n');
      const io = memoryIo(folder);
      expect(await runCli(['validate', example, '--config', 'bad.yml'], io)).toBe(2);
      expect(io.err().split('\n')).toEqual([
        "bad.yml:1:10: error: Unknown profile 'certifed'. Did you mean 'certified'? The profiles are certified, independent-publisher, custom.",
        expect.stringMatching(/^bad\.yml:3:3: error: Unknown rule 'SWG-NOT-A-RULE'\./),
        expect.stringMatching(
          /^bad\.yml:3:19: error: Bad level 'eror' for rule SWG-NOT-A-RULE\. Did you mean 'error'\?/,
        ),
        '',
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('says when a folder outside the layout got the relaxed custom rules only because no profile was chosen', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'cli-profile-'));
    try {
      cpSync(path.join(REPO_ROOT, example), path.join(folder, 'Contoso Tasks'), { recursive: true });
      const io = memoryIo(folder);
      expect(await runCli(['validate', 'Contoso Tasks'], io)).toBe(0);
      expect(io.out()).toContain('Contoso Tasks [custom]');
      expect(io.err()).toBe(
        'note: Contoso Tasks was checked with the relaxed custom rules, being outside certified-connectors/ and ' +
          'independent-publisher-connectors/. To check it as a submission, give --profile certified (or ' +
          'independent-publisher); to keep the custom rules without this note, set "profile: custom" in .connector-alm.yml.\n',
      );
      const chosen = memoryIo(folder);
      expect(await runCli(['validate', 'Contoso Tasks', '--profile', 'custom'], chosen)).toBe(0);
      expect(chosen.err()).toBe('');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('exits 2 on a configuration file with a mistake, naming its line', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'cli-config-'));
    try {
      writeFileSync(path.join(folder, 'bad.yml'), 'rules:\n  SWG-NOT-A-RULE: error\n');
      const io = memoryIo(REPO_ROOT);
      expect(await runCli(['validate', example, '--config', path.join(folder, 'bad.yml')], io)).toBe(2);
      expect(io.err()).toMatch(/^\S*bad\.yml:2:\d+: error: Unknown rule 'SWG-NOT-A-RULE'\./);
      // The location comes first, and only there.
      expect(io.err().match(/bad\.yml/g)).toHaveLength(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('exits 2 when no connector folder is found', async () => {
    const io = memoryIo(REPO_ROOT);
    expect(await runCli(['validate', 'scripts'], io)).toBe(2);
    expect(io.err()).toMatch(/^scripts: error: holds no connector folder\. /);
  });
});
