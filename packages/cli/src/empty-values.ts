import type { Command, Option } from 'commander';
import { UsageError } from '@connector-alm/core';

const HINT = 'Give a value; an empty one often comes from a shell variable that is not set.';

/** The first value that is '' or white space alone, of an argument or option (a list when repeatable). */
function blankValue(value: unknown): string | undefined {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.find((v): v is string => typeof v === 'string' && v.trim() === '');
}

function whatIsWrong(blank: string): string {
  return blank === '' ? 'is empty' : 'holds only white space';
}

/**
 * An argument given as '' (most often an unset shell variable, as in `validate "$DIR"`) would be
 * resolved to the current folder or reported at an empty location (": error: ..."); one of white
 * space alone (`validate "$DIR "`) was looked for as a file named " " and reported at a location
 * that reads as nothing (" : error: does not exist"). Every argument is a path or a name that white
 * space cannot be, so both are refused here, for every command, naming the argument.
 */
export function refuseEmptyArguments(command: Command): void {
  command.registeredArguments.forEach((argument, index) => {
    const blank = blankValue(command.processedArgs[index]);
    if (blank !== undefined)
      throw new UsageError(`The argument <${argument.name()}> ${whatIsWrong(blank)}.`, { hint: HINT });
  });
}

/**
 * An option given an empty value on the command line is refused, for every command and its parents.
 * The commands read an empty value as "not given" and fall back on a default: `-o ''` wrote the
 * report to stdout, `pr --api-url ''` sent the token to https://api.github.com instead of the GitHub
 * Enterprise host the unset variable was meant to hold, `--authority-host ''` signed in to the public
 * cloud. So both are refused, the free-text ones too (`pr --title ' '` would give the pull request a
 * blank title instead of the connector name), except options marked with `emptyMeansNone`, where ''
 * is a value of its own that a default cannot stand for. Only values from the command line are
 * checked: a default is the program's own choice.
 */
export function refuseEmptyOptions(command: Command): void {
  for (let current: Command | null = command; current; current = current.parent) {
    for (const option of current.options) {
      if (acceptingEmpty.has(option)) continue;
      const key = option.attributeName();
      if (current.getOptionValueSource(key) !== 'cli') continue;
      // A repeatable option (--label) holds every value given.
      const blank = blankValue(current.getOptionValue(key));
      if (blank === undefined) continue;
      const name = option.long ?? option.short ?? key;
      throw new UsageError(`${name} ${whatIsWrong(blank)}.`, { hint: HINT });
    }
  }
}

const acceptingEmpty = new WeakSet<Option>();

/**
 * Marks an option whose empty value means "none", as its default does: `pr --body "$INTRO"` with
 * INTRO unset means no text before the generated body, which is what leaving it out means too, so
 * an unset variable cannot send anything somewhere it was not meant to go.
 */
export function emptyMeansNone(option: Option): Option {
  acceptingEmpty.add(option);
  return option;
}
