import * as jsonc from 'jsonc-parser';
import type { JsonSyntaxIssue } from './syntax-issue.js';
import { removal, type TextEdit } from '../../text/text-edits.js';
import { isStrictJson } from './strict-json.js';
import { indentOf, lineStart, misindentedCloser, startsLine } from './line-layout.js';

// A '}' or ']' one too many in the middle of an indented file closes the top-level value early: the
// walk then meets the rest of the file as "more text after the end of the JSON value", and the value
// read stops there, so everything after it (the definitions, the later operations) seemed missing.
// CognitiveServicesTextAnalytics upstream closes a "responses" twice at line 224 and got ten
// SWG-REF-SCHEMA errors for definitions its file has. Hand-written and generated swaggers are
// indented consistently, so the first closer indented otherwise than the line of the bracket it
// closes is the one too many, when the file without it (and without the others like it: a slip
// copied from one operation to the next, as there) is strict JSON laid out consistently throughout,
// each level one same step deeper than the last; otherwise which text to remove stays the maker's to
// say. (646 of the corpus's 739 strict JSON files are laid out so; a fuzz of 40,000 slips made to
// indented documents found no wrong repair.)
//
// The one too many may also end a line (`"summary": "List tasks" }},`, or a "responses" written on
// one line and closed twice): its own line then says nothing, but it closes a bracket of an earlier
// line, the one the first misindented closer after it lines up with (that closer was meant for it).
// Each closer so placed is weighed, and one is said only when the file without it is laid out
// consistently, and every other that would leave such a file leaves the same value (`}}` one too
// many: either '}').

export interface ExtraCloser {
  issue: JsonSyntaxIssue;
  fix: TextEdit;
}

/**
 * How many closers ending a line are weighed, the last before the first misindented one: a file laid
 * out consistently has few, and each weighed is one more reading of the file.
 */
const MAX_LINE_END_CANDIDATES = 8;

/**
 * The closers that may be one too many, going by the indentation (`closes` are the brackets the walk
 * closed, offsets of opener and closer, in the order closed), earliest first: those that end a line
 * or sit mid-line and close a bracket of an earlier line, the line the first closer that starts its
 * line indented otherwise than the line of its bracket lines up with (any such, where no closer is
 * misindented); then that misindented closer. Whether one is, is for `laidOutStrictly` to tell of the
 * text without it.
 */
export function extraCloserCandidates(
  text: string,
  closes: readonly { open: number; close: number }[],
): ExtraCloser[] {
  const misindented = closes.findIndex(({ open, close }) => misindentedCloser(text, open, close));
  const before = misindented === -1 ? closes : closes.slice(0, misindented);
  const meantFor = misindented === -1 ? undefined : indentOf(text, closes[misindented]!.close);
  const lineEnding = before
    .filter(
      ({ open, close }) =>
        !startsLine(text, close) &&
        lineStart(text, open) < lineStart(text, close) &&
        (meantFor === undefined || indentOf(text, open) === meantFor),
    )
    .slice(-MAX_LINE_END_CANDIDATES);
  const candidates = misindented === -1 ? lineEnding : [...lineEnding, closes[misindented]!];
  return candidates.map(({ close }) => oneTooMany(text, close));
}

function oneTooMany(text: string, offset: number): ExtraCloser {
  const closer = text.charAt(offset);
  return {
    issue: {
      message: `This '${closer}' is one too many: going by the indentation it closes nothing, and it ends the file's value early, before the rest of the file. Remove it.`,
      offset,
      length: 1,
    },
    fix: removal(text, offset, 1),
  };
}

/** Whether the text is strict JSON, laid out consistently throughout (`laidOutConsistently`). */
export function laidOutStrictly(text: string): boolean {
  return isStrictJson(text) && laidOutConsistently(text);
}

/**
 * Whether every member or item that starts its line is indented one step deeper than the line of
 * its container's opening bracket, the step the same throughout the file, and every closer that
 * starts its line as the line of its opening bracket.
 *
 * The step matters: where a line opening a key (`"get": {`) was deleted, its members sit a step
 * deeper than they should and a closer too few follows; removing the closer below them that no
 * longer lines up leaves members all alike but two steps in, and other JSON than the maker wrote.
 * The slip there is the missing opener, which this layout does not point to.
 */
function laidOutConsistently(text: string): boolean {
  // On one line nothing but the value's start starts a line, which no rule below holds to anything:
  // said at once, not after a visit of every token of a minified file of megabytes.
  if (!text.includes('\n')) return true;
  const containers: { openIndent: number; memberIndent?: number }[] = [];
  let step: number | undefined;
  let consistent = true;
  const member = (offset: number) => {
    const container = containers[containers.length - 1];
    if (!container || !startsLine(text, offset)) return;
    const indent = indentOf(text, offset);
    if (container.memberIndent === undefined) {
      container.memberIndent = indent;
      step ??= indent - container.openIndent;
      if (step <= 0 || indent - container.openIndent !== step) consistent = false;
    } else if (container.memberIndent !== indent) consistent = false;
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
