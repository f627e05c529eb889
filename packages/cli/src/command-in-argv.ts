import type { Command } from 'commander';

/**
 * The (sub)command `argv` runs, and where the words that name it end: what advice on a command line
 * commander refused (an unknown option, too many arguments) needs, since its error names neither.
 */
export function commandOf(
  program: Command,
  argv: readonly string[],
): { command: Command; end: number } | undefined {
  let found: { command: Command; end: number } | undefined;
  let parent = program;
  for (const [index, word] of argv.entries()) {
    // The program's own options (--debug) may come first.
    if (word.startsWith('-')) continue;
    const next = parent.commands.find((each) => each.name() === word || each.aliases().includes(word));
    if (!next) break;
    found = { command: next, end: index + 1 };
    parent = next;
  }
  return found;
}

/** The command's words after the program's name: `package build`. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let each: Command | null = command; each?.parent; each = each.parent) names.unshift(each.name());
  return names.join(' ');
}
