import type { UnreadablePathError } from '@connector-alm/core';
import { InputError } from './inputs.js';

/**
 * What to do about a path of `input` the file system refused to look at (`code`). The CLI's words
 * ("the user who runs connector-alm", "give a path") do not say which input to change in a step.
 */
export function readRefusedHint(input: string, code: string): string {
  return code === 'ENAMETOOLONG'
    ? `Give '${input}' a path with shorter names.`
    : `Check that the user who runs the step may read the folders on the way to '${input}'.`;
}

/**
 * A path the file system refused to read (a name too long, no permission), said of the input that
 * named it, as realPathInsideWorkspace says it of the paths it resolves; located at the path, which
 * an input of several lines needs to say which one.
 */
export function inputReadRefusal(input: string, error: UnreadablePathError): InputError {
  return new InputError(
    input,
    `cannot be read: ${error.reason} (${error.code}).`,
    readRefusedHint(input, error.code),
    error.location,
  );
}
