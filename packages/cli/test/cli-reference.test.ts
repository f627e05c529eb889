import { describe, expect, it } from '@jest/globals';
import { Command, Option } from 'commander';
import { documentedCommands, renderCommandReference, withCliReference } from '../src/cli-reference.js';
import { optionDefaultingTo } from '../src/option-help.js';

/** A small program with every kind of argument and option the reference has to say something of. */
function sampleProgram(): Command {
  const program = new Command('tool').option('--debug', 'print debugging details');
  program
    .command('make')
    .argument('<source>', 'the file to read')
    .argument('[targets...]', 'what to make', ['all'])
    .requiredOption('-o, --out <file>', 'the zip to write')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(optionDefaultingTo('--name <name>', 'the name', '<source> without its extension'))
    .option('--draft', 'open it as a draft', false)
    .option('--label <label>', 'a label (repeatable)', (value, all: string[]) => [...all, value], [])
    .addOption(new Option('--secret-switch', 'for tests only').hideHelp());
  program.command('group').command('leaf').option('--deep', 'an option of a subcommand');
  return program;
}

describe('the option lists of docs/cli.md', () => {
  it('list the arguments and options of a command with their choices, defaults and whether required', () => {
    const make = sampleProgram().commands[0]!;
    expect(renderCommandReference(make)).toBe(
      [
        'Arguments:',
        '',
        '- `<source>`: the file to read.',
        '- `[targets...]`: what to make. Default: `all`.',
        '',
        'Options:',
        '',
        '- `-o, --out <file>`: the zip to write. Required.',
        '- `--format <format>`: output format. One of `text`, `json`. Default: `text`.',
        '- `--name <name>`: the name. Default: \\<source\\> without its extension.',
        '- `--draft`: open it as a draft.',
        '- `--label <label>`: a label (repeatable).',
      ].join('\n'),
    );
  });

  it('leave hidden options hidden', () => {
    const make = sampleProgram().commands[0]!;
    expect(renderCommandReference(make)).not.toContain('secret');
  });

  it('have a block for the program, every command and every subcommand that takes something', () => {
    expect([...documentedCommands(sampleProgram()).keys()]).toEqual(['tool', 'make', 'group leaf']);
  });

  it('replace each block between its markers and keep the prose around it', () => {
    const page = [
      'Intro.',
      '<!-- cli:tool:start -->',
      'old',
      '<!-- cli:tool:end -->',
      '## make',
      'Prose of make.',
      '<!-- cli:make:start -->',
      '<!-- cli:make:end -->',
      'More prose.',
      '<!-- cli:group leaf:start -->',
      '<!-- cli:group leaf:end -->',
    ].join('\n');
    const result = withCliReference(page, sampleProgram());
    expect(result).toContain(
      'Intro.\n<!-- cli:tool:start -->\n\nOptions:\n\n- `--debug`: print debugging details.\n\n<!-- cli:tool:end -->\n## make\nProse of make.\n',
    );
    expect(result).toContain('- `--deep`: an option of a subcommand.\n\n<!-- cli:group leaf:end -->');
    expect(result).not.toContain('old');
    expect(withCliReference(result, sampleProgram())).toBe(result);
  });

  it('refuse a page without the block of a command, naming it', () => {
    const page =
      '<!-- cli:tool:start -->\n<!-- cli:tool:end -->\n<!-- cli:make:start -->\n<!-- cli:make:end -->\n';
    expect(() => withCliReference(page, sampleProgram())).toThrow(
      'docs/cli.md needs the markers <!-- cli:group leaf:start --> and <!-- cli:group leaf:end -->',
    );
  });

  it('refuse a block of a command the CLI does not have', () => {
    const page = ['tool', 'make', 'group leaf', 'gone']
      .map((name) => `<!-- cli:${name}:start -->\n<!-- cli:${name}:end -->`)
      .join('\n');
    expect(() => withCliReference(page, sampleProgram())).toThrow(
      'option blocks for no command of the CLI: gone',
    );
  });
});
