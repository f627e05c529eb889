import * as jsonc from 'jsonc-parser';
import { asObject } from '../swagger/json-values.js';
import type { JsonDocument } from './json-document.js';
import { toPointer } from './pointer.js';
import type { JsonSyntaxIssue } from './syntax/syntax-issue.js';

/**
 * Where each syntax error of a document is, in words that edits elsewhere in the file leave as they
 * are, in the order of `document.syntaxIssues`: the pointer of the member or element the tolerant
 * reading is in at the error, and the text of its line up to it and of the error itself, its
 * whitespace runs made one space (an indentation changed). Lines inserted above move the error, not
 * its place.
 *
 * Two errors of one message are the same error only at the same place: most messages are generic ("A
 * trailing comma before '}' is not allowed"), so an update that fixed one trailing comma and added
 * another elsewhere read as one that made none. `diff` matches a file's errors across its versions on
 * it, and `validate --base` its GEN-JSON-PARSE findings, so that both call the same errors existing.
 *
 * A document read without a value (too deep for the recursive tolerant reading, too large) has no
 * pointer: only the line tells.
 */
export function syntaxErrorPlaces(document: JsonDocument): string[] {
  const issues = document.syntaxIssues;
  const pointers = asObject(document.value) ? pointersAt(document.text, issues) : undefined;
  return issues.map((issue, index) => `${pointers?.[index] ?? ''}\u0000${lineUpTo(document.text, issue)}`);
}

/** Characters of the error's line kept before it, and of its own text: a minified file is one line. */
const LINE_REACH = 40;

/**
 * The error's line up to it, and the text it names. Not the rest of the line: a comma added after
 * another (`,,` made `,,,`) is a new error, not the one it follows.
 */
function lineUpTo(text: string, issue: JsonSyntaxIssue): string {
  const start = Math.max(text.lastIndexOf('\n', issue.offset - 1) + 1, issue.offset - LINE_REACH);
  const own = text.slice(issue.offset, issue.offset + Math.min(Math.max(issue.length, 0), LINE_REACH));
  return (text.slice(start, issue.offset) + own.split('\n', 1)[0]!).trim().replace(/\s+/g, ' ');
}

/**
 * The path that jsonc-parser's tolerant visit is at when it reaches each offset: the segments in
 * effect before the first token at or past it. One visit for all of them (getLocation visits the
 * text once for each offset, a tenth of a second for a swagger of 1 MB). The visit ends once every
 * offset is reached: the rest of the text changes no pointer, and DocuSignDemo's one trailing comma is
 * a quarter into its 214,000 characters (of the corpus's texts with errors, a third is read).
 */
function pointersAt(text: string, issues: readonly JsonSyntaxIssue[]): string[] {
  const order = issues.map((_, index) => index).sort((a, b) => issues[a]!.offset - issues[b]!.offset);
  const pointers: string[] = Array(issues.length).fill('');
  const segments: (string | number)[] = [];
  let next = 0;
  const assign = (offset: number) => {
    while (next < order.length && issues[order[next]!]!.offset <= offset) {
      pointers[order[next]!] = toPointer(segments);
      next += 1;
    }
  };
  const reach = (offset: number) => {
    assign(offset);
    if (next === order.length) throw EVERY_OFFSET_REACHED;
  };
  try {
    visitPaths(text, segments, reach);
  } catch (error) {
    if (error !== EVERY_OFFSET_REACHED) throw error;
  }
  assign(Infinity);
  return pointers;
}

/** Thrown to end the visit: jsonc-parser's visit has no other way out. */
const EVERY_OFFSET_REACHED = Symbol('every offset reached');

/** Visits `text`, keeping `segments` the path of the visit and calling `reach` at each token first. */
function visitPaths(text: string, segments: (string | number)[], reach: (offset: number) => void): void {
  jsonc.visit(text, {
    onObjectBegin: (offset) => {
      reach(offset);
      segments.push('');
    },
    onObjectProperty: (name, offset) => {
      reach(offset);
      segments[segments.length - 1] = name;
    },
    onObjectEnd: (offset) => {
      reach(offset);
      segments.pop();
    },
    onArrayBegin: (offset) => {
      reach(offset);
      segments.push(0);
    },
    onArrayEnd: (offset) => {
      reach(offset);
      segments.pop();
    },
    onLiteralValue: (_value, offset) => reach(offset),
    onSeparator: (separator, offset) => {
      reach(offset);
      const last = segments[segments.length - 1];
      if (separator === ',' && typeof last === 'number') segments[segments.length - 1] = last + 1;
    },
  });
}
