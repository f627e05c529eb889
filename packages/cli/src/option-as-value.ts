import type { Command } from 'commander';
import { UsageError } from '@connector-alm/core';

/** The flags of `command` and its parents (`--base`, `-o`, `--help`), as a value could repeat them. */
function flagsOf(command: Command): Set<string> {
  const flags = new Set(['--help', '-h']);
  for (let current: Command | null = command; current; current = current.parent)
    for (const option of current.options) {
      if (option.long) flags.add(option.long);
      if (option.short) flags.add(option.short);
    }
  return flags;
}

/**
 * An option that takes a value, given another option of the command as that value: the value was
 * left out, and Commander takes whatever word follows. `validate --base --fail-on warning` compared
 * with a git ref "--fail-on" (and advised `git fetch origin --fail-on`), `validate . -o --fail-on`
 * wrote the report to a file named --fail-on. Only the exact flags of the command (`--fail-on`, or
 * `--fail-on=warning`) are refused: any other value that starts with a dash may be meant.
 */
export function refuseOptionsAsValues(command: Command): void {
  const flags = flagsOf(command);
  for (let current: Command | null = command; current; current = current.parent) {
    for (const option of current.options) {
      if (!option.required) continue;
      const key = option.attributeName();
      if (current.getOptionValueSource(key) !== 'cli') continue;
      // A repeatable option (--label) holds every value given.
      const values: unknown[] = [current.getOptionValue(key)].flat();
      const flag = values.find(
        (value): value is string => typeof value === 'string' && flags.has(value.split('=')[0]!),
      );
      if (flag === undefined) continue;
      const name = option.long ?? option.short ?? key;
      throw new UsageError(`${name} was given the option ${flag} as its value.`, {
        hint: `Give ${name} its value right after it (${option.flags}), then ${flag.split('=')[0]}.`,
      });
    }
  }
}
