import type { Command, Option } from 'commander';
import { joinedList, shellWord, UsageError } from '@connector-alm/core';
import { isRequired } from './option-help.js';

/** An option that a command needs and was not given. */
export interface MissingOption {
  /** Its long flag, as the command line takes it: `--unique-name`. */
  long: string;
  /** What to give it, for the hint: "the solution's unique name". */
  what: string;
}

/**
 * The usage error for options that `command` needs and was not given, every one of them at once,
 * with the command line to copy: commander's requiredOption names one per run, so build-solution
 * took four runs to say that it needed --out, --unique-name, --publisher and --prefix. `otherWay`
 * follows the command line, for a command where another option gives some of them.
 */
export function missingOptionsError(
  command: Command,
  missing: readonly MissingOption[],
  otherWay?: string,
): UsageError {
  const flags = missing.map((option) => option.long);
  const line = commandLine(command, { add: flags });
  return new UsageError(`${joinedList(flags)} ${flags.length === 1 ? 'is' : 'are'} missing.`, {
    hint: `Give ${joinedList(missing.map((option) => option.what))}: ${line}${otherWay ? `; ${otherWay}` : '.'}`,
  });
}

/**
 * The options of `command` marked requiredByAction that were not given, each with its description
 * as what to give it: a command that needs nothing more refuses them with missingOptionsError.
 */
export function missingRequiredOptions(command: Command): MissingOption[] {
  return command.options
    .filter((option) => isRequired(option) && option.long !== undefined)
    .filter((option) => command.getOptionValue(option.attributeName()) === undefined)
    .map((option) => ({ long: option.long!, what: option.description }));
}

/**
 * The command line that ran `command`, as a POSIX shell reads it, with the options of `add` put in
 * with their placeholder (`--unique-name <name>`) and those of `leaveOut` left out. Its arguments and
 * the options given on it keep their values, so that the line is the user's own with the gaps marked;
 * each option is at its place in --help, by its long name. Options of the program before the
 * command (--debug) change nothing that a hint is about, and are left out.
 */
export function commandLine(
  command: Command,
  change: { add?: readonly string[]; leaveOut?: readonly string[] },
): string {
  const words: string[] = [];
  for (let named: Command | null = command; named; named = named.parent) words.unshift(named.name());
  command.registeredArguments.forEach((_, index) => {
    words.push(...valuesOf(command.processedArgs[index]).map((value) => shellWord(String(value))));
  });
  for (const option of command.options) {
    const long = option.long;
    if (long === undefined || change.leaveOut?.includes(long)) continue;
    if (change.add?.includes(long)) words.push(long, ...placeholder(option));
    else if (command.getOptionValueSource(option.attributeName()) === 'cli')
      words.push(...givenAs(option, command.getOptionValue(option.attributeName())));
  }
  return words.join(' ');
}

/** The words that give `option` its value: none, one flag, or the flag and its value (repeated). */
function givenAs(option: Option, value: unknown): string[] {
  // --async and --no-async hold one value: each flag is said only for its own.
  if (typeof value === 'boolean') return value === !option.negate ? [option.long!] : [];
  return valuesOf(value).flatMap((each) => [option.long!, shellWord(String(each))]);
}

/** `<name>` of `--unique-name <name>`, as --help names the value; nothing for a flag. */
function placeholder(option: Option): string[] {
  // Commander's flags end with the value: `-o, --out <zip>`, `--body [text]`.
  const last = option.flags.trim().split(/\s/).at(-1) ?? '';
  return last.startsWith('<') || last.startsWith('[') ? [last] : [];
}

function valuesOf(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
