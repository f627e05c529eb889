import { MAX_JSON_KEY_LENGTH, MAX_JSON_KEY_PATH_LENGTH, type OverlongKey } from './key-length.js';
import { MAX_REPAIRED_CHARACTERS } from './repaired-parse.js';
import type { JsonSyntaxIssue } from './syntax/syntax-issue.js';

/* The syntax issues JsonDocument words itself, beside those of the diagnosis (syntax/diagnosis.ts). */

/** Said beside the syntax errors of text too long to repair: nothing else in it is checked. */
export function tooLargeToRepairIssue(text: string): JsonSyntaxIssue {
  return {
    message: `The file has ${text.length.toLocaleString('en-US')} characters and is not valid JSON: a file past ${MAX_REPAIRED_CHARACTERS.toLocaleString('en-US')} characters is not repaired to check the rest of it. Make it strict JSON.`,
    offset: 0,
    length: 0,
  };
}

/**
 * A key past MAX_JSON_KEY_LENGTH, or past MAX_JSON_KEY_PATH_LENGTH with the keys above it, at its
 * opening quote: the whole file is refused, as one nested too deep is, since each finding under the
 * key would repeat them all in its pointer. Lengths are as written.
 */
export function longKeyIssue({ offset, keyLength, pathLength }: OverlongKey): JsonSyntaxIssue {
  const message =
    keyLength > MAX_JSON_KEY_LENGTH
      ? `This key is ${keyLength} characters long, more than the ${MAX_JSON_KEY_LENGTH} this tool reads`
      : `This key and the keys above it add up to ${pathLength} characters, more than the ${MAX_JSON_KEY_PATH_LENGTH} this tool reads`;
  return {
    message: `${message}; it cannot be a valid connector file's, so the file is not checked further. Shorten the key.`,
    offset,
    length: keyLength + 2,
  };
}

/** A comma before the closing bracket `close`, with only whitespace between. */
export function trailingCommaIssue(comma: number, close: string): JsonSyntaxIssue {
  return {
    message: `A trailing comma before '${close}' is not allowed in JSON; remove it.`,
    offset: comma,
    length: 1,
  };
}
