import * as core from '@actions/core';
import { closestMatch, UsageError, type SourceLocation } from '@connector-alm/core';

/**
 * Typed readers for action inputs. The runner passes each input as INPUT_<NAME> (spaces to
 * underscores, upper case, hyphens kept) and fills in the defaults of action.yml, so an empty value
 * means the user left it empty. Every reader names the input in its error, since that is all a
 * workflow author can act on. An input that names a file which is wrong is located at that file,
 * and the message does not name it again: the annotation points at the file, or begins with its
 * path when GitHub cannot show it there (error-annotation.ts).
 */
export class InputError extends UsageError {
  constructor(input: string, problem: string, hint?: string, location?: SourceLocation) {
    super(`Input '${input}' ${problem}`, { ...(hint ? { hint } : {}), ...(location ? { location } : {}) });
  }
}

export function readString(name: string): string {
  return core.getInput(name);
}

/**
 * An input that must not be empty. Most often it is not empty in the workflow at all: it reads
 * `${{ vars.X }}` or `${{ secrets.X }}`, which GitHub turns into '' when nothing of that name reaches
 * the job, and the with: block is one of our reusable workflows', not the user's. So the hint says
 * where such a value goes missing, not only where to write one.
 */
export function readRequiredString(name: string): string {
  const value = core.getInput(name);
  if (value === '') throw new InputError(name, 'is required but was empty.', emptyInputHint(name));
  return value;
}

/** Where an empty input comes from, and what to do about each cause. */
function emptyInputHint(name: string): string {
  return (
    `Set '${name}' in the step's with: block. A value from \${{ vars.NAME }} or \${{ secrets.NAME }} is empty when ` +
    "nothing of that name reaches the job: create the variable or secret (Settings > Secrets and variables > Actions, or the job's environment), " +
    'and check that a calling workflow passes it on (a secret under secrets:).'
  );
}

/** Non-empty lines, trimmed; comments (#) skipped, as in actions/checkout's multi-line inputs. */
export function readLines(name: string): string[] {
  return core
    .getInput(name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Values one per line or comma-separated on a line (`labels: connector, independent-publisher`), as
 * readLines reads lines; for values that never hold a comma (labels, logical names).
 */
export function readList(name: string): string[] {
  return readLines(name).flatMap((line) =>
    line
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean),
  );
}

/**
 * One of a fixed set of values, as written: every choice input takes its values in lower case, as
 * the CLI's options do. A value that is not one says which was meant, as the configuration file's
 * values do: the choice it misspells or writes in other case (`Error`, `warnings`), or the one
 * `meant` gives for a word of the same sense (`none` for fail-on's `never`).
 */
export function readChoice<T extends string>(
  name: string,
  choices: readonly T[],
  fallback: T,
  meant: Readonly<Record<string, T>> = {},
): T {
  const value = core.getInput(name);
  if (value === '') return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  const suggestion = Object.hasOwn(meant, value.toLowerCase())
    ? meant[value.toLowerCase()]
    : closestMatch(value, choices);
  throw new InputError(
    name,
    `must be one of ${choices.join(', ')}; got '${value}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
  );
}

/** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput, with our error text. */
export function readBoolean(name: string, fallback: boolean): boolean {
  const value = core.getInput(name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(name, `must be true or false; got '${value}'.`);
}

/** A count that may be 0 (for none). */
export function readWholeNumber(name: string, fallback: number): number {
  const value = core.getInput(name);
  if (value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new InputError(name, `must be a whole number, 0 or more; got '${value}'.`);
  return Number(value);
}

export function readPositiveInteger(name: string, fallback: number): number {
  const value = core.getInput(name);
  if (value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) <= 0)
    throw new InputError(name, `must be a positive whole number; got '${value}'.`);
  return Number(value);
}
