import type { Command } from 'commander';

/**
 * Follows the command names in `argv` from `start`: in `package check x.zip` they lead to the command
 * `package check`. Returns that command and the index of the first word after the names, or
 * argv.length. Option words are passed over: the commands that hold subcommands take only flags
 * (--debug, -h, -v), never a value that could be mistaken for a name.
 */
function followNames(
  root: Command,
  argv: readonly string[],
  start: number,
): { command: Command; index: number } {
  let command = root;
  let index = start;
  for (; index < argv.length && command.commands.length > 0; index++) {
    const word = argv[index]!;
    if (word.startsWith('-')) continue;
    const named = command.commands.find((sub) => sub.name() === word || sub.aliases().includes(word));
    if (!named) break;
    command = named;
  }
  return { command, index };
}

/**
 * The command line to parse, given the one typed: `help <names>` is read as `<names> --help`, or as
 * `<names>` alone when one of them is not a command, so commander answers help as it answers the
 * names typed. Its own help command printed the whole program help with exit code 2 for
 * `help bogus`, where `bogus` alone says "unknown command 'bogus'" and suggests a close name, and
 * for `help package check` the help of package, not of check. `help` alone is left to commander.
 */
export function readHelpCommand(root: Command, argv: readonly string[]): string[] {
  const { command, index } = followNames(root, argv, 0);
  if (command.commands.length === 0 || argv[index] !== 'help' || index + 1 === argv.length) return [...argv];
  const names = argv.filter((_, i) => i !== index);
  const topic = followNames(command, argv, index + 1);
  const unknown = topic.command.commands.length > 0 && topic.index < argv.length;
  return unknown ? names : [...names, '--help'];
}

/**
 * The one line that answers a command name commander does not know, from its message
 * ("error: unknown command 'valdate'" and, on a line of its own, "(Did you mean validate?)"):
 * "error: unknown command 'valdate'. Did you mean validate? Run connector-alm --help for the
 * commands." Commander printed the suggestion on a line of its own and "(run with --help for usage)"
 * on a third, without saying whose help lists the commands (`package bogus` needs package's).
 */
export function unknownCommandLine(root: Command, argv: readonly string[], message: string): string {
  const [first = '', ...rest] = message.split('\n');
  const suggestion = /^\(Did you mean (.+)\?\)$/.exec(rest.join(' ').trim())?.[1];
  const names: string[] = [];
  for (let c: Command | null = followNames(root, argv, 0).command; c; c = c.parent) names.unshift(c.name());
  return [
    `${first}.`,
    ...(suggestion ? [`Did you mean ${suggestion}?`] : []),
    `Run ${names.join(' ')} --help for the commands.`,
  ].join(' ');
}
