import type { Command } from 'commander';
import { shellWord } from '@connector-alm/core';

/**
 * Commands that take the path they write as an argument, by the argument's name: `pack <folder>
 * <solution.zip>`, `package build <out.zip>`. build-solution, export and validate take theirs as -o, so
 * a maker writes `package build -o pkg.zip …` from habit, and commander's "unknown option '-o'" did not
 * say where the path goes.
 */
const outputArguments = new WeakMap<Command, string>();

/** Marks `command` as taking the path it writes as its argument `<name>`. */
export function writesToArgument(command: Command, name: string): Command {
  outputArguments.set(command, name);
  return command;
}

/** The spellings of an output option that the other commands take, or that other tools do. */
const OUTPUT_OPTION = /^(?:-o|--out|--output)(?:=(.*))?$/;

/**
 * What to say instead of "unknown option" when `flag` is an output option given to a command that
 * takes its output as an argument: the command line again with the option's name left out (commander
 * takes arguments between options, so that is all it needs). Undefined for any other unknown option.
 */
export function outputOptionAdvice(
  program: Command,
  argv: readonly string[],
  flag: string,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  if (!OUTPUT_OPTION.test(flag)) return undefined;
  const command = commandOf(program, argv);
  const argument = command && outputArguments.get(command);
  if (!command || argument === undefined) return undefined;
  const corrected = argv.flatMap((word) => {
    const option = OUTPUT_OPTION.exec(word);
    if (!option) return [word];
    // `-o=x` and `--output=x` keep the path; `-o x` keeps the next word, the path.
    return option[1] === undefined ? [] : [option[1]];
  });
  const name = commandPath(command);
  const option = flag.replace(/=.*/, '');
  const line = corrected.map((word) => shellWord(word, platform)).join(' ');
  return `unknown option '${option}': ${name} takes the path it writes as its argument <${argument}>. Write it without ${option}: connector-alm ${line}`;
}

/** The (sub)command `argv` runs: its leading words that name commands. */
function commandOf(program: Command, argv: readonly string[]): Command | undefined {
  let command: Command | undefined;
  let parent = program;
  for (const word of argv) {
    // The program's own options (--debug) may come first.
    if (word.startsWith('-')) continue;
    const next = parent.commands.find((each) => each.name() === word || each.aliases().includes(word));
    if (!next) break;
    command = parent = next;
  }
  return command;
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let each: Command | null = command; each?.parent; each = each.parent) names.unshift(each.name());
  return names.join(' ');
}
