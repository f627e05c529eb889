import { describe, expect, it } from '@jest/globals';
import { Command, Option } from 'commander';
import { REPO_ROOT } from '@connector-alm/testing';
import { optionDefaultingTo, optionHelpDescription } from '../src/option-help.js';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

function option(name: string): Option {
  const command = new Command('make')
    .requiredOption('-o, --out <file>', 'the zip to write')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(optionDefaultingTo('--name <name>', 'the name', '<source> without its extension'))
    .option('--draft', 'open it as a draft', false)
    .option('--label <label>', 'a label (repeatable)', (value, all: string[]) => [...all, value], []);
  return command.options.find((each) => each.long === name)!;
}

describe('--help descriptions', () => {
  it('give choices, defaults and required as commander does', () => {
    expect(optionHelpDescription(option('--format'))).toBe(
      'output format (choices: "text", "json", default: "text")',
    );
    expect(optionHelpDescription(option('--out'))).toBe('the zip to write (required)');
  });

  it('give a default the command works out in words', () => {
    expect(optionHelpDescription(option('--name'))).toBe(
      'the name (default: <source> without its extension)',
    );
  });

  it('leave out the defaults that say nothing: a flag off, a repeatable option empty', () => {
    expect(optionHelpDescription(option('--draft'))).toBe('open it as a draft');
    expect(optionHelpDescription(option('--label'))).toBe('a label (repeatable)');
  });

  it('are those of every command of the CLI, subcommands too', async () => {
    const help = async (...argv: string[]): Promise<string> => {
      const io = memoryIo(REPO_ROOT);
      await runCli([...argv, '--help'], io);
      return io.out().replace(/\s+/g, ' ');
    };
    const pr = await help('pr');
    expect(pr).toContain('--draft open new pull requests as drafts (an open one keeps its state) --label');
    expect(pr).not.toMatch(/default: (false|\[\])/);
    expect(await help('export')).toContain('(default: $DATAVERSE_ENVIRONMENT_URL)');
    expect(await help('package', 'check')).toContain('(default: UTF-8 when a name is UTF-8, else cp437)');
  });
});
