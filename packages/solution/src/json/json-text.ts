import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { UserError } from '@connector-alm/core';
import { lineAndColumn } from '../text/decode.js';

/**
 * JSON in solutions is reformatted token by token instead of JSON.parse and JSON.stringify: key
 * order (integer-like keys included, e.g. "200" responses) and number literals stay exactly as
 * written, so only whitespace ever changes. Validity is checked with the native JSON.parse (fast),
 * and jsonc-parser locates the error when there is one.
 */

/** Throws a located error when `text` is not strict JSON (no comments, no trailing commas). */
export function checkJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (nativeError) {
    const errors: ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const offset = first?.offset ?? 0;
    const { line, column } = lineAndColumn(text, offset);
    const what = first ? describeParseError(first) : (nativeError as Error).message;
    throw new UserError(`${file} is not valid JSON: ${what} at line ${line}, column ${column}.`, {
      location: { file, line, column },
      hint: 'Fix the JSON in the connector, or export the solution again.',
    });
  }
}

/** 2-space indented JSON with a final newline, as `jq .` writes it but in source key order. */
export function prettyJson(text: string, file: string): string {
  const tokens = significantTokens(text, file);
  // jsonc-parser's format() applies one edit per token by slicing the whole text, which takes
  // a minute on a 1 MB swagger; writing from the token stream is linear.
  const parts: string[] = [];
  let depth = 0;
  const indents: string[] = [];
  const newline = (): void => void parts.push('\n', (indents[depth] ??= '  '.repeat(depth)));
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

/** Single-line JSON without insignificant whitespace, as the platform writes it into a solution. */
export function minifyJson(text: string, file: string): string {
  return significantTokens(text, file).join('');
}

/**
 * The tokens of JSON that JSON.parse accepted, as written (strings keep their escapes), without
 * whitespace. On valid JSON one regular expression splits them exactly: a string, a punctuator, or
 * a literal (number, true, false, null); it is several times faster than a scanner in JavaScript.
 */
function significantTokens(text: string, file: string): string[] {
  checkJson(text, file);
  return text.match(TOKEN) ?? [];
}

const TOKEN = /"(?:[^"\\]|\\.)*"|[{}[\]:,]|[^\s{}[\]:,"]+/g;

function describeParseError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
