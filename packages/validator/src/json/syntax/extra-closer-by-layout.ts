import * as jsonc from 'jsonc-parser';
import type { JsonSyntaxIssue } from './syntax-issue.js';
import { removal, type TextEdit } from './repair.js';

// A '}' or ']' one too many in the middle of an indented file closes the top-level value early: the
// walk then meets the rest of the file as "more text after the end of the JSON value", and the value
// read stops there, so everything after it (the definitions, the later operations) seemed missing.
// CognitiveServicesTextAnalytics upstream closes a "responses" twice at line 224 and got ten
// SWG-REF-SCHEMA errors for definitions its file has. Hand-written and generated swaggers are
// indented consistently, so the first closer indented otherwise than the line of the bracket it
// closes is the one too many, when the file without it (and without the others like it: a slip
// copied from one operation to the next, as there) is strict JSON laid out consistently throughout;
// otherwise which text to remove stays the maker's to say.

export interface ExtraCloser {
  issue: JsonSyntaxIssue;
  fix: TextEdit;
}

/**
 * The first closer indented otherwise than the line of the bracket it closes (`closes` are the
 * brackets the walk closed, offsets of opener and closer), said as one too many. Whether it is
 * one is for `laidOutStrictly` to tell of the text without it (and without any others like it).
 */
export function misindentedCloser(
  text: string,
  closes: readonly { open: number; close: number }[],
): ExtraCloser | undefined {
  const first = closes.find(
    ({ open, close }) => startsLine(text, close) && indentOf(text, close) !== indentOf(text, open),
  );
  if (!first) return undefined;
  const closer = text.charAt(first.close);
  return {
    issue: {
      message: `This '${closer}' is one too many: going by the indentation it closes nothing, and it ends the file's value early, before the rest of the file. Remove it.`,
      offset: first.close,
      length: 1,
    },
    fix: removal(text, first.close, 1),
  };
}

/** Whether the text is strict JSON, laid out consistently throughout. */
export function laidOutStrictly(text: string): boolean {
  return isStrictJson(text) && laidOutConsistently(text);
}

function isStrictJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether every member or item that starts its line is indented as the others of its container,
 * and every closer that starts its line as the line of its opening bracket.
 */
function laidOutConsistently(text: string): boolean {
  const containers: { openIndent: number; memberIndent?: number }[] = [];
  let consistent = true;
  const member = (offset: number) => {
    const container = containers[containers.length - 1];
    if (!container || !startsLine(text, offset)) return;
    const indent = indentOf(text, offset);
    container.memberIndent ??= indent;
    if (container.memberIndent !== indent) consistent = false;
  };
  const arrays: boolean[] = [];
  const inArray = () => arrays[arrays.length - 1] === true;
  const open = (offset: number, array: boolean) => {
    if (inArray()) member(offset);
    containers.push({ openIndent: indentOf(text, offset) });
    arrays.push(array);
  };
  const close = (offset: number) => {
    const container = containers.pop();
    arrays.pop();
    if (container && startsLine(text, offset) && indentOf(text, offset) !== container.openIndent)
      consistent = false;
  };
  jsonc.visit(text, {
    onObjectBegin: (offset) => open(offset, false),
    onArrayBegin: (offset) => open(offset, true),
    onObjectEnd: (offset) => close(offset),
    onArrayEnd: (offset) => close(offset),
    onObjectProperty: (_property, offset) => member(offset),
    onLiteralValue: (_value, offset) => {
      if (inArray()) member(offset);
    },
  });
  return consistent;
}

/** Whether only spaces and tabs stand before the offset on its line. */
function startsLine(text: string, offset: number): boolean {
  return skipSpaces(text, lineStart(text, offset)) === offset;
}

/** The indentation of the line holding the offset. */
function indentOf(text: string, offset: number): number {
  const start = lineStart(text, offset);
  return skipSpaces(text, start) - start;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function skipSpaces(text: string, from: number): number {
  let at = from;
  while (text.charAt(at) === ' ' || text.charAt(at) === '\t') at++;
  return at;
}
