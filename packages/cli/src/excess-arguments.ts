import type { Command } from 'commander';
import { commandOf } from './command-in-argv.js';

/**
 * What a command takes instead of the arguments it has no room for, by command: commander's "too
 * many arguments for 'build'. Expected 1 argument but got 2." said nothing of `package build pkg.zip
 * "Contoso Tasks"`, where the maker gave the connector folder that the package takes through its
 * solutions.
 */
const adviceByCommand = new WeakMap<Command, string>();

/** Marks `command` with what to say after commander refuses more arguments than it takes. */
export function explainsExcessArguments(command: Command, advice: string): Command {
  adviceByCommand.set(command, advice);
  return command;
}

/** The advice of the command `argv` runs, when commander refused it for too many arguments. */
export function excessArgumentsAdvice(
  program: Command,
  argv: readonly string[],
  code: string,
): string | undefined {
  if (code !== 'commander.excessArguments') return undefined;
  const found = commandOf(program, argv);
  return found && adviceByCommand.get(found.command);
}
