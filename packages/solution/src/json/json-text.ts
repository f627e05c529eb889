import { applyEdits, createScanner, format, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { UserError } from '@connector-alm/core';
import { lineAndColumn } from '../text/decode.js';

/**
 * JSON in solutions is reformatted token by token with jsonc-parser instead of JSON.parse and
 * JSON.stringify: key order (integer-like keys included, e.g. "200" responses) and number literals
 * stay exactly as written, so only whitespace ever changes.
 */

/** Throws a located error when `text` is not strict JSON (no comments, no trailing commas). */
export function checkJson(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    const { line, column } = lineAndColumn(text, first.offset);
    throw new UserError(`${file} is not valid JSON: ${describeParseError(first)} at line ${line}, column ${column}.`, {
      location: { file, line, column },
      hint: 'Fix the JSON in the connector, or export the solution again.',
    });
  }
  return value;
}

/** 2-space indented JSON with a final newline, as `jq .` writes it but in source key order. */
export function prettyJson(text: string, file: string): string {
  checkJson(text, file);
  const compact = minifyJson(text, file);
  const edits = format(compact, undefined, { tabSize: 2, insertSpaces: true, eol: '\n', insertFinalNewline: true });
  return applyEdits(compact, edits);
}

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read; these are its values.
const LINE_BREAK_TRIVIA = 14;
const TRIVIA = 15;
const EOF = 17;

/** Single-line JSON without insignificant whitespace, as the platform writes it into a solution. */
export function minifyJson(text: string, file: string): string {
  checkJson(text, file);
  const scanner = createScanner(text, false);
  let out = '';
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === TRIVIA || kind === LINE_BREAK_TRIVIA) continue;
    out += text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength());
  }
  return out;
}

function describeParseError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
