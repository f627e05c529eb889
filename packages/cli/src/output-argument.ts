import type { Command, Option } from 'commander';
import { shellWord } from '@connector-alm/core';
import { commandOf, commandPath } from './command-in-argv.js';

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

/**
 * The spellings of an output option that the other commands take, or that other tools do, with the
 * path where it is attached: `--output=out.zip`, `-o=out.zip`, or `-oout.zip` as short options take one.
 */
const OUTPUT_OPTION = /^(?:(-o|--out|--output)(?:=(.*))?|(-o)(.+))$/;

/** The output option a word gives (`-o` of `-oout.zip`), and the path attached to it if any. */
function outputOptionOf(word: string): { option: string; path: string | undefined } | undefined {
  const match = OUTPUT_OPTION.exec(word);
  if (!match) return undefined;
  return { option: (match[1] ?? match[3])!, path: match[2] ?? match[4] };
}

/**
 * What to say instead of "unknown option" when `flag` is an output option given to a command that
 * takes its output as an argument: the command line again with the option's path at the place of the
 * argument, or `<name>` where the option had no path. Undefined for any other unknown option.
 */
export function outputOptionAdvice(
  program: Command,
  argv: readonly string[],
  flag: string,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const given = outputOptionOf(flag);
  if (!given) return undefined;
  const found = commandOf(program, argv);
  const argument = found && outputArguments.get(found.command);
  if (!found || argument === undefined) return undefined;
  const { command, end } = found;
  const words = wordsAfterCommand(command, argv.slice(end));
  const slots = command.registeredArguments.map((each) => each.name());
  const shell = (word: string): string => shellWord(word, platform);
  const name = commandPath(command);
  const { option } = given;
  const said = `unknown option '${option}': ${name} takes the path it writes as its argument <${argument}>`;
  if (words.positionals.length >= slots.length) {
    // The argument is there already: which of the two paths was meant is the maker's call.
    const there = words.positionals[slots.indexOf(argument)]!;
    const line = commandLineOf(argv.slice(0, end), words, words.positionals.map(shell), platform);
    return `${said}, given already: ${shell(there)}. Write it once, without ${option}: connector-alm ${line}`;
  }
  // Each argument at its place (commander takes them in order, whatever the options between them):
  // `pack -o out.zip src` is `pack src out.zip`, not `pack out.zip src`.
  const arguments_ = words.positionals.map(shell);
  // As commander takes a repeated option: the last path given. An empty one (`--output=$OUT` with OUT
  // unset) is none: the line with '' at its place would be refused for the empty argument.
  const output = words.outputs.filter((path) => path !== undefined && path.trim() !== '').at(-1);
  const positionals = slots.map((slot) =>
    slot === argument
      ? output === undefined
        ? `<${slot}>`
        : shell(output)
      : (arguments_.shift() ?? `<${slot}>`),
  );
  const line = commandLineOf(argv.slice(0, end), words, positionals, platform);
  return `${said}. Write it without ${option}: connector-alm ${line}`;
}

/** The words after a command's name, sorted: its arguments, its other options, the output options' paths. */
interface CommandWords {
  positionals: string[];
  /** The options other than the output ones, each followed by its value, as written. */
  options: string[];
  /** The path of each output option, undefined where none followed it. */
  outputs: (string | undefined)[];
  /** `--` came before the last arguments. */
  endOfOptions: boolean;
}

/**
 * Sorts `words` as commander reads them for `command`: an option known to take a value takes the
 * next word (a required value whatever it is, an optional one unless it is an option), `--` ends the
 * options. An output option takes the next word unless it is an option.
 */
function wordsAfterCommand(command: Command, words: readonly string[]): CommandWords {
  const sorted: CommandWords = { positionals: [], options: [], outputs: [], endOfOptions: false };
  const isOption = (word: string | undefined): boolean =>
    word !== undefined && word.length > 1 && word.startsWith('-');
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    if (word === '--') {
      sorted.positionals.push(...words.slice(index + 1));
      sorted.endOfOptions = true;
      break;
    }
    const output = outputOptionOf(word);
    if (output) {
      const next = words[index + 1];
      if (output.path !== undefined) sorted.outputs.push(output.path);
      else if (next !== undefined && !isOption(next)) sorted.outputs.push(words[(index += 1)]);
      else sorted.outputs.push(undefined);
    } else if (!isOption(word)) sorted.positionals.push(word);
    else {
      sorted.options.push(word);
      const known = optionOf(command, word);
      const next = words[index + 1];
      if (next !== undefined && (known?.required || (known?.optional && !isOption(next))))
        sorted.options.push(words[(index += 1)]!);
    }
  }
  return sorted;
}

/** The option `word` names exactly (`--out-file=x` and `-xvalue` carry their value), the command's or a parent's. */
function optionOf(command: Command, word: string): Option | undefined {
  for (let each: Command | null = command; each; each = each.parent) {
    const option = each.options.find((candidate) => candidate.long === word || candidate.short === word);
    if (option) return option;
  }
  return undefined;
}

/**
 * The command line from the words that name the command (with any program options among them), its
 * arguments (shell words already, or placeholders), and its options as given. The arguments come
 * first, unless `--` was given before them (one reads as an option): they then follow it, after the
 * options.
 */
function commandLineOf(
  command: readonly string[],
  words: CommandWords,
  positionals: readonly string[],
  platform: NodeJS.Platform,
): string {
  const quoted = (list: readonly string[]) => list.map((word) => shellWord(word, platform));
  const rest = words.endOfOptions
    ? [...quoted(words.options), '--', ...positionals]
    : [...positionals, ...quoted(words.options)];
  return [...quoted(command), ...rest].join(' ');
}
