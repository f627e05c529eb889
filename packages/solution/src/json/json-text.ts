import {
  createScanner,
  findNodeAtLocation,
  parse,
  parseTree,
  printParseErrorCode,
  type ParseError,
} from 'jsonc-parser';
import { MAX_JSON_DEPTH, offsetPastDepth, UserError } from '@connector-alm/core';
import { lineAndColumn } from '../text/decode.js';
import { indentedJson, minifiedJson, NestedTooDeep } from './json-layout.js';

/**
 * JSON in solutions is reformatted token by token instead of JSON.parse and JSON.stringify: key
 * order (integer-like keys included, e.g. "200" responses) and number literals stay exactly as
 * written, so only whitespace ever changes. Validity is checked with the native JSON.parse (fast),
 * and jsonc-parser locates the error when there is one.
 */

/** What to do about bad JSON of a connector in a solution (a zip, an unpacked folder): it came from an export. */
export const SOLUTION_JSON_HINT = 'Fix the JSON in the connector, or export the solution again.';

/**
 * What to do about bad JSON in a file of a PowerPlatformConnectors folder, which a person edits and
 * no export gives back; validate names the edit that fixes each syntax error (GEN-JSON-PARSE).
 */
export const REPOSITORY_JSON_HINT =
  'Fix the JSON in the file; connector-alm validate on its folder shows each error and the edit that fixes it.';

/**
 * Throws a located error when `text` is not strict JSON (no comments, no trailing commas). `hint`
 * says what to do about the kind of file the caller reads (SOLUTION_JSON_HINT, REPOSITORY_JSON_HINT).
 */
export function checkJson(text: string, file: string, hint: string): unknown {
  const tooDeep = offsetPastDepth(text, MAX_JSON_DEPTH);
  if (tooDeep !== -1) throw tooDeepError(text, tooDeep, file, hint);
  return parseStrictly(text, file, hint);
}

function tooDeepError(text: string, offset: number, file: string, hint: string): UserError {
  const { line, column } = lineAndColumn(text, offset);
  return new UserError(`invalid JSON: nested more than ${MAX_JSON_DEPTH} levels deep.`, {
    location: { file, line, column },
    hint,
  });
}

/**
 * JSON.parse's value of `text`, or the located error of its first syntax error. JSON.parse reads any
 * depth (V8's parser is iterative); jsonc-parser, which locates the error, does not, so text that
 * nests too deep is refused as that before it gets there.
 */
function parseStrictly(text: string, file: string, hint: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (nativeError) {
    const tooDeep = offsetPastDepth(text, MAX_JSON_DEPTH);
    if (tooDeep !== -1) throw tooDeepError(text, tooDeep, file, hint);
    const first = firstParseError(text);
    const offset = first?.offset ?? 0;
    const { line, column } = lineAndColumn(text, offset);
    const what = first
      ? first.openAtEnd >= 2
        ? cutOffWords(first.openAtEnd)
        : describeParseError(first)
      : (nativeError as Error).message;
    throw new UserError(`invalid JSON: ${what}.`, {
      location: { file, line, column },
      hint,
    });
  }
}

/**
 * The 1-based line and column where the value at `path` (keys and indexes) begins in JSON text, for
 * a refusal of a value of the wrong shape; undefined where the text has no such value.
 */
export function jsonValueLocation(
  text: string,
  path: (string | number)[],
): { line: number; column: number } | undefined {
  const tree = parseTree(text);
  const node = tree && findNodeAtLocation(tree, path);
  return node ? lineAndColumn(text, node.offset) : undefined;
}

/**
 * Whether `text` is strict JSON, for files that are kept as they are when they are not. A U+FFFD is
 * taken for bytes lost in decoding (see parsesAsJson for a text whose bytes read back unchanged).
 */
export function isJson(text: string): boolean {
  return text.trim() !== '' && !text.includes('\uFFFD') && parsesAsJson(text);
}

/** Whether JSON.parse reads `text`. */
export function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * 2-space indented JSON with a final newline, as `jq .` writes it but in source key order. Refused as
 * checkJson refuses it, the depth measured by the layout (a scan of its own cost as much as the parse).
 */
export function prettyJson(text: string, file: string, hint: string): string {
  parseStrictly(text, file, hint);
  return `${withinDepth(text, file, hint, () => indentedJson(text, MAX_JSON_DEPTH))}\n`;
}

/** prettyJson, or undefined for text that is not strict JSON (a flow the platform wrote otherwise). */
export function prettyJsonIfJson(text: string, file: string, hint: string): string | undefined {
  if (!isJson(text)) return undefined;
  return `${withinDepth(text, file, hint, () => indentedJson(text, MAX_JSON_DEPTH))}\n`;
}

/** Single-line JSON without insignificant whitespace, as the platform writes it into a solution. */
export function minifyJson(text: string, file: string, hint: string): string {
  parseStrictly(text, file, hint);
  return withinDepth(text, file, hint, () => minifiedJson(text, MAX_JSON_DEPTH));
}

/** minifyJson, or undefined for text that is not strict JSON (a flow the platform wrote otherwise). */
export function minifyJsonIfJson(text: string, file: string, hint: string): string | undefined {
  if (!isJson(text)) return undefined;
  return withinDepth(text, file, hint, () => minifiedJson(text, MAX_JSON_DEPTH));
}

function withinDepth(text: string, file: string, hint: string, layout: () => string): string {
  try {
    return layout();
  } catch (error) {
    if (error instanceof NestedTooDeep) throw tooDeepError(text, error.offset, file, hint);
    throw error;
  }
}

/**
 * The first syntax error of `text`, and how many brackets are open at the end of the text when the
 * error is in its last token (not a closer) or past it (0 otherwise): several, and the text was cut
 * off, as an interrupted save or copy leaves it, rather than mistyped.
 */
function firstParseError(text: string): (ParseError & { openAtEnd: number }) | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return undefined;
  // A closer found where a value or a name was due is a slip before it ('[1,]'), not a cut.
  const atEnd =
    text.slice(first.offset + first.length).trim() === '' && !/^\s*[\]}]/.test(text.slice(first.offset));
  return { ...first, openAtEnd: atEnd ? bracketsOpenAtEnd(text) : 0 };
}

/**
 * How many brackets the text leaves open, those in strings not counted: a token that starts with a
 * bracket is one (jsonc-parser's SyntaxKind is a const enum, which this build cannot read).
 */
function bracketsOpenAtEnd(text: string): number {
  const scanner = createScanner(text, true);
  let open = 0;
  for (scanner.scan(); scanner.getTokenOffset() < text.length; scanner.scan()) {
    const first = text.charAt(scanner.getTokenOffset());
    if (first === '{' || first === '[') open++;
    else if (first === '}' || first === ']') open--;
  }
  return open;
}

/** The words for a text that ends with `open` brackets open (validate says which, and how to close them). */
function cutOffWords(open: number): string {
  return `the file ends with ${open} brackets open: it looks cut off (an interrupted save or copy); restore its end`;
}

function describeParseError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
