import { createScanner, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { UserError } from '@connector-alm/core';
import { lineAndColumn } from '../text/decode.js';

/**
 * JSON in solutions is reformatted token by token with jsonc-parser's scanner instead of JSON.parse and
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
  const tokens = significantTokens(text, file);
  // jsonc-parser's format() applies one edit per token by slicing the whole text, which takes
  // minutes on a 1 MB swagger; writing from the token stream is linear.
  const parts: string[] = [];
  let depth = 0;
  const newline = (): void => void parts.push('\n', '  '.repeat(depth));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '{' || token === '[') {
      const next = tokens[i + 1];
      if (next === (token === '{' ? '}' : ']')) {
        parts.push(token, next);
        i++;
        continue;
      }
      parts.push(token);
      depth++;
      newline();
    } else if (token === '}' || token === ']') {
      depth--;
      newline();
      parts.push(token);
    } else if (token === ',') {
      parts.push(',');
      newline();
    } else if (token === ':') parts.push(': ');
    else parts.push(token);
  }
  parts.push('\n');
  return parts.join('');
}

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read; these are its values.
const LINE_BREAK_TRIVIA = 14;
const TRIVIA = 15;
const EOF = 17;

/** Single-line JSON without insignificant whitespace, as the platform writes it into a solution. */
export function minifyJson(text: string, file: string): string {
  return significantTokens(text, file).join('');
}

/** The tokens of checked JSON as written (strings keep their escapes), without whitespace. */
function significantTokens(text: string, file: string): string[] {
  checkJson(text, file);
  const scanner = createScanner(text, false);
  const tokens: string[] = [];
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === TRIVIA || kind === LINE_BREAK_TRIVIA) continue;
    tokens.push(text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength()));
  }
  return tokens;
}

function describeParseError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
