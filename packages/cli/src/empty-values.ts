import type { Command } from 'commander';
import { UsageError } from '@connector-alm/core';

const HINT = 'Give a value; an empty one often comes from a shell variable that is not set.';

/**
 * An argument given as '' (most often an unset shell variable, as in `validate "$DIR"`) would be
 * resolved to the current folder or reported at an empty location (": error: ..."): it is refused
 * here, for every command, naming the argument.
 */
export function refuseEmptyArguments(command: Command): void {
  command.registeredArguments.forEach((argument, index) => {
    const value: unknown = command.processedArgs[index];
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (values.includes(''))
      throw new UsageError(`The argument <${argument.name()}> is empty.`, { hint: HINT });
  });
}

/**
 * An option given an empty value on the command line is refused, for every command and its parents.
 * The commands read an empty value as "not given" and fall back on a default: `-o ''` wrote the
 * report to stdout, `pr --api-url ''` sent the token to https://api.github.com instead of the GitHub
 * Enterprise host the unset variable was meant to hold, `--authority-host ''` signed in to the public
 * cloud. No option gives '' or white space alone a meaning of its own, so both are refused. Only
 * values from the command line are checked: a default is the program's own choice.
 */
export function refuseEmptyOptions(command: Command): void {
  for (let current: Command | null = command; current; current = current.parent) {
    for (const option of current.options) {
      const key = option.attributeName();
      if (current.getOptionValueSource(key) !== 'cli') continue;
      const value: unknown = current.getOptionValue(key);
      // A repeatable option (--label) holds every value given.
      const values: unknown[] = Array.isArray(value) ? value : [value];
      const blank = values.find((v): v is string => typeof v === 'string' && v.trim() === '');
      if (blank === undefined) continue;
      const name = option.long ?? option.short ?? key;
      throw new UsageError(`${name} ${blank === '' ? 'is empty' : 'holds only white space'}.`, {
        hint: HINT,
      });
    }
  }
}
