import { InvalidArgumentError, Option } from 'commander';

/**
 * An option's default as a user reads it, or undefined when there is none worth saying: a flag is
 * off and a repeatable option empty unless given, which commander's `(default: false)` and
 * `(default: [])` only restate. A default described in words (`.default(value, 'words')`) is given
 * as those words, a value as JSON, as commander gives it.
 */
export function optionDefault(option: Option): string | undefined {
  if (option.defaultValueDescription) return option.defaultValueDescription;
  const value: unknown = option.defaultValue;
  if (value === undefined || value === false) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  return JSON.stringify(value);
}

/**
 * An option's description in --help: its text, then whether it is required, its choices and its
 * default as commander writes them, `(choices: "text", "json", default: "text")`, but with the
 * defaults that say nothing left out.
 */
export function optionHelpDescription(option: Option): string {
  const details: string[] = isRequired(option) ? ['required'] : [];
  if (option.argChoices)
    details.push(`choices: ${option.argChoices.map((c) => JSON.stringify(c)).join(', ')}`);
  const fallback = optionDefault(option);
  if (fallback !== undefined) details.push(`default: ${fallback}`);
  if (option.envVar !== undefined) details.push(`env: ${option.envVar}`);
  if (details.length === 0) return option.description;
  return option.description ? `${option.description} (${details.join(', ')})` : `(${details.join(', ')})`;
}

const checkedByAction = new WeakSet<Option>();

/**
 * Marks an option that the command requires but checks itself, with the others it needs: commander
 * refuses a missing mandatory option before the action runs, so a command that needs several named
 * one per run. --help and docs/cli.md still say it is required.
 */
export function requiredByAction(option: Option): Option {
  checkedByAction.add(option);
  return option;
}

/** Whether --help and docs/cli.md say the option is required: commander's mandatory ones and requiredByAction's. */
export function isRequired(option: Option): boolean {
  return option.mandatory || checkedByAction.has(option);
}

/**
 * An option that has no value unless given, whose default the command works out when it is left out
 * (`--config`: the configuration file that applies to the paths, found by loadConfig); --help and
 * docs/cli.md give `inWords` as its default, as they give the value of an option that has one.
 */
export function optionDefaultingTo(flags: string, description: string, inWords: string): Option {
  const option = new Option(flags, description);
  option.defaultValueDescription = inWords;
  return option;
}

/**
 * An option with a fixed set of values, listed in --help and docs/cli.md as `.choices()` lists them and
 * refused with commander's words, but taken in any case and passed on as spelled in `choices`: the
 * actions' inputs and pac take a cloud as `usgov` too.
 */
export function choiceInAnyCase(flags: string, description: string, choices: readonly string[]): Option {
  const option = new Option(flags, description).argParser((value: string) => {
    // Left to refuseEmptyOptions, which says what an empty value most often is (a variable not set).
    if (value.trim() === '') return value;
    const match = choices.find((choice) => choice.toLowerCase() === value.trim().toLowerCase());
    if (match === undefined) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return match;
  });
  // After argParser: commander's choices() would replace the parser with its exact comparison.
  option.argChoices = [...choices];
  return option;
}
