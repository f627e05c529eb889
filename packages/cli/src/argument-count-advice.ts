import type { Command } from 'commander';
import { commandOf } from './command-in-argv.js';

/**
 * What a command takes instead, said after commander refuses a command line for the number of its
 * arguments: commander's "too many arguments for 'build'. Expected 1 argument but got 2." said
 * nothing of `package build pkg.zip "Contoso Tasks"`, where the maker gave the connector folder that
 * the package takes through its solutions; "missing required argument 'new'" nothing of `diff c`,
 * where the maker meant to compare the folder with git.
 */
export interface ArgumentCountAdvice {
  /** After "too many arguments". */
  tooMany?: string;
  /** After "missing required argument". */
  missing?: string;
}

const adviceByCommand = new WeakMap<Command, ArgumentCountAdvice>();

/** Marks `command` with what to say after commander refuses the number of its arguments. */
export function explainsArgumentCount(command: Command, advice: ArgumentCountAdvice): Command {
  adviceByCommand.set(command, advice);
  return command;
}

/** The advice of the command `argv` runs for commander's error `code`, if it has one for it. */
export function argumentCountAdvice(
  program: Command,
  argv: readonly string[],
  code: string,
): string | undefined {
  const found = commandOf(program, argv);
  const advice = found && adviceByCommand.get(found.command);
  if (code === 'commander.excessArguments') return advice?.tooMany;
  if (code === 'commander.missingArgument') return advice?.missing;
  return undefined;
}
