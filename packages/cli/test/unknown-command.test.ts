import { afterAll, describe, expect, it } from '@jest/globals';
import { temporaryFolders } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

// `connector-alm help bogus` printed the whole program help on stderr with exit code 2, and
// `connector-alm bogus` its error on two lines more ("(run with --help for usage)"), the
// suggestion of a close name on a line of its own.

const folders = temporaryFolders('cli-unknown-');
afterAll(() => folders.cleanup());

async function run(argv: string[]) {
  const io = memoryIo(folders.make());
  const code = await runCli(argv, io);
  return { code, err: io.err(), out: io.out() };
}

const RUN_HELP = 'Run connector-alm --help for the commands.';

describe('a name that is not a command gets one line and exit 2', () => {
  it.each([
    ['bogus', ['bogus'], `error: unknown command 'bogus'. ${RUN_HELP}\n`],
    ['help bogus', ['help', 'bogus'], `error: unknown command 'bogus'. ${RUN_HELP}\n`],
    ['a typo', ['valdate', '.'], `error: unknown command 'valdate'. Did you mean validate? ${RUN_HELP}\n`],
    [
      'help on a typo',
      ['help', 'valdate'],
      `error: unknown command 'valdate'. Did you mean validate? ${RUN_HELP}\n`,
    ],
    ['after a global option', ['--debug', 'help', 'bogus'], `error: unknown command 'bogus'. ${RUN_HELP}\n`],
    [
      'under package',
      ['package', 'bogus'],
      "error: unknown command 'bogus'. Run connector-alm package --help for the commands.\n",
    ],
    [
      'help under package',
      ['help', 'package', 'chek'],
      "error: unknown command 'chek'. Did you mean check? Run connector-alm package --help for the commands.\n",
    ],
    [
      'package help on a name it lacks',
      ['package', 'help', 'bogus'],
      "error: unknown command 'bogus'. Run connector-alm package --help for the commands.\n",
    ],
  ])('%s', async (_name, argv, line) => {
    const result = await run(argv);
    expect(result.err).toBe(line);
    expect(result.out).toBe('');
    expect(result.code).toBe(2);
  });

  it('prints a control character in the name as an escape, not raw', async () => {
    const result = await run(['bo\u001b[2Jgus']);
    expect(result.err).not.toContain('\u001b');
    expect(result.code).toBe(2);
  });
});

describe('help on a command', () => {
  it.each([
    ['help validate', ['help', 'validate'], 'Usage: connector-alm validate '],
    ['help package', ['help', 'package'], 'Usage: connector-alm package '],
    ['help package check', ['help', 'package', 'check'], 'Usage: connector-alm package check '],
    ['package help build', ['package', 'help', 'build'], 'Usage: connector-alm package build '],
    ['help', ['help'], 'Usage: connector-alm [options] [command]'],
  ])('%s prints its help on stdout, exit 0', async (_name, argv, usage) => {
    const result = await run(argv);
    expect(result.out.startsWith(usage)).toBe(true);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('the other mistakes commander finds', () => {
  it('keep their line and the pointer to --help', async () => {
    const result = await run(['validate', '--no-such-option']);
    expect(result.err).toBe("error: unknown option '--no-such-option'\n(run with --help for usage)\n");
    expect(result.code).toBe(2);
  });

  it("do not print the value given to an unknown option after '=': it may be a misspelt secret option's", async () => {
    for (const argv of [
      ['export', 'Sol', '--client-secrets=S3CRETVALUE'],
      ['validate', '.', '--tokn=ghp_S3CRETVALUE'],
    ]) {
      const result = await run(argv);
      expect(result.err).not.toContain('S3CRETVALUE');
      expect(result.err).toMatch(/^error: unknown option '--(client-secrets|tokn)=…'\n/);
      expect(result.code).toBe(2);
    }
  });
});
