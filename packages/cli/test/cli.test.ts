import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  // The text report's colours (io.ts useColor): escape codes in a CI log, a pipe or a report file
  // read as garbage, and https://no-color.org asks that NO_COLOR, when set and not empty, turns them off.
  describe('colours the text report', () => {
    const ESCAPE = '\u001b[';

    async function coloured(env: NodeJS.ProcessEnv, terminal: boolean, ...args: string[]): Promise<boolean> {
      const io = memoryIo(REPO_ROOT, env);
      if (terminal) Object.assign(io.stdout, { isTTY: true });
      expect(await runCli(['validate', example, ...args], io)).toBe(0);
      return io.out().includes(ESCAPE);
    }

    it('on a terminal, but not in a pipe or on a terminal that says TERM=dumb', async () => {
      expect(await coloured({}, true)).toBe(true);
      expect(await coloured({}, false)).toBe(false);
      expect(await coloured({ TERM: 'dumb' }, true)).toBe(false);
    });

    it('never with NO_COLOR, even with FORCE_COLOR; an empty NO_COLOR counts as unset', async () => {
      expect(await coloured({ NO_COLOR: '1' }, true)).toBe(false);
      expect(await coloured({ NO_COLOR: '1', FORCE_COLOR: '1' }, false)).toBe(false);
      expect(await coloured({ NO_COLOR: '' }, true)).toBe(true);
    });

    it('in a pipe with FORCE_COLOR, which FORCE_COLOR=0 does not force', async () => {
      expect(await coloured({ FORCE_COLOR: '1' }, false)).toBe(true);
      expect(await coloured({ FORCE_COLOR: '' }, false)).toBe(true);
      expect(await coloured({ FORCE_COLOR: '0' }, false)).toBe(false);
    });

    // Node.js's streams and supports-color read FORCE_COLOR=0 (or false) as "no colour": a CI that
    // sets it on a terminal-like log must get none.
    it('never with FORCE_COLOR=0 or false, even on a terminal', async () => {
      expect(await coloured({ FORCE_COLOR: '0' }, true)).toBe(false);
      expect(await coloured({ FORCE_COLOR: 'false' }, true)).toBe(false);
      expect(await coloured({ FORCE_COLOR: 'FALSE' }, false)).toBe(false);
    });

    it('never in a report written with -o, even with FORCE_COLOR on a terminal', async () => {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'cli-colour-'));
      try {
        const report = path.join(folder, 'report.txt');
        expect(await coloured({ FORCE_COLOR: '1' }, true, '-o', report)).toBe(false);
        expect(readFileSync(report, 'utf8')).toContain('no problems');
        expect(readFileSync(report, 'utf8')).not.toContain(ESCAPE);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });

  // An internal failure (here: a standard output that throws what no user can mend) is one line and a
  // request for a report; its stack is for --debug only, not for every user's terminal or CI log.
  it('prints the stack of an unexpected failure only with --debug, exit 1', async () => {
    const failing = (debug: string[]) => {
      const io = memoryIo(REPO_ROOT);
      io.stdout.write = () => {
        throw new TypeError('the output broke');
      };
      return { io, code: runCli([...debug, 'validate', example], io) };
    };
    const plain = failing([]);
    expect(await plain.code).toBe(1);
    expect(plain.io.err()).toBe(
      'error: connector-alm failed unexpectedly: the output broke\nThis is a bug; please report it with the command you ran.\n',
    );
    const debug = failing(['--debug']);
    expect(await debug.code).toBe(1);
    expect(debug.io.err()).toMatch(/^TypeError: the output broke\n\s+at /m);
  });

  it('exits 2 when no connector folder is found', async () => {
    const io = memoryIo(REPO_ROOT);
    expect(await runCli(['validate', 'scripts'], io)).toBe(2);
    expect(io.err()).toMatch(/^scripts: error: holds no connector folder\. /);
  });

  // It was refused as holding no connector folder (exit 2), with no word of the files it holds.
  it('checks a folder given whose swagger and apiProperties.json are misnamed, and says to rename them', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'connector-alm-misnamed-'));
    cpSync(path.join(REPO_ROOT, example, 'apiDefinition.swagger.json'), path.join(folder, 'swagger.json'));
    cpSync(path.join(REPO_ROOT, example, 'apiProperties.json'), path.join(folder, 'apiProperty.json'));
    try {
      const io = memoryIo(folder);
      expect(await runCli(['validate', '--format', 'json', '.'], io)).toBe(1);
      const findings = (JSON.parse(io.out()) as { findings: { ruleId: string; message: string }[] }).findings;
      expect(
        findings
          .filter((finding) => finding.ruleId === 'REPO-REQUIRED-FILES')
          .map((finding) => finding.message),
      ).toEqual([
        expect.stringMatching(/^The connector has no apiDefinition\.swagger\.json; rename swagger\.json to /),
        expect.stringMatching(/^The connector has no apiProperties\.json; rename apiProperty\.json to /),
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
