import { UsageError } from '@connector-alm/core';
import { checkPublisherPrefix, checkVersion, isUniqueName } from '@connector-alm/solution';

/*
 * The solution settings of build-solution and pack, checked where the options are read: the
 * library checks them too, but its errors cannot name the option, and a value the user typed wrong
 * is a usage error (exit code 2), as any other option value is.
 */

export function solutionVersionOption(version: string): string {
  if (!checkVersion(version))
    throw new UsageError(`--solution-version '${version}' is not a solution version.`, {
      hint: 'Use two to four numbers separated by dots, e.g. 1.0.0.0.',
    });
  return version;
}

export function uniqueNameOption(option: '--unique-name' | '--publisher', name: string): string {
  if (!isUniqueName(name)) {
    const what = option === '--unique-name' ? 'solution' : 'publisher';
    throw new UsageError(`${option} '${name}' is not a ${what} unique name.`, {
      hint: `Use letters, digits and underscores, starting with a letter${option === '--publisher' ? ', as the publisher is named in the target environment' : ''}.`,
    });
  }
  return name;
}

export function prefixOption(prefix: string): string {
  if (!checkPublisherPrefix(prefix))
    throw new UsageError(`--prefix '${prefix}' is not a customization prefix.`, {
      hint: 'Use 2 to 8 letters or digits, starting with a letter (not mscrm), as in the publisher of the target environment.',
    });
  return prefix;
}

/** Number('') is 0 and Number('1e4') 10000: only digits are taken, then the range Dataverse allows. */
export function optionValuePrefixOption(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 10000 || Number(value) > 99999)
    throw new UsageError(
      `--option-value-prefix must be a whole number from 10000 to 99999; got '${value}'.`,
      {
        hint: "Use the publisher's option value prefix, as in the target environment.",
      },
    );
  return Number(value);
}
