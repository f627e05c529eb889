import type { Repair, WalkState } from './walk-state.js';
import type { Token } from './token.js';
import { applyEdits, insertion, removal, type TextEdit } from '../../text/text-edits.js';
import { bracketList } from './bracket-repairs.js';
import { endBefore, indentOf, lineStart, nextLineStart, skipSpaces, startsLine } from './line-layout.js';
import { laidOutStrictly } from './extra-closer-by-layout.js';

/**
 * Repairs at the end of the value: brackets the file leaves open (placed by indentation), text after
 * it, a closer after it one too many.
 */

export function unclosedAtEnd(walk: WalkState): Repair {
  const open = walk.stack.filter((frame) => frame.open !== '').reverse();
  if (open.length === 0) {
    // Nothing was opened: the text holds no value at all (only comments, say). Naming an unclosed
    // bracket said "before undefined is closed … adding ''".
    return walk.repair(
      walk.lastEnd,
      0,
      "The file holds no JSON value: a connector file is one JSON object, '{ … }'.",
      (w) => {
        w.stopped = true;
      },
    );
  }
  const closers = open.map((frame) => (frame.open === '{' ? '}' : ']')).join('');
  const list = bracketList(walk, open);
  const misplaced = misindentedClose(walk);
  const placed = misplaced && placedCloser(walk, misplaced);
  if (placed && (misplaced.lineBefore === undefined || (open.length === 1 && placed.completesText))) {
    const { closer, before, at, edit } = placed;
    // With the closer in its place each later one closes its own bracket, and the outermost open
    // at the end stay open: more than one open at the end leaves some still unclosed, which looks
    // cut off, so that edit alone would not complete the text and is said but not made.
    const still = open.slice(1);
    return walk.repair(
      at,
      before ? 1 : 0,
      `The '${misplaced.open}' at line ${misplaced.openLine} is never closed (the file ends before ${list} closed); going by the indentation, add '${closer}' ${before ? 'before this comma' : 'after this value'}${still.length > 0 ? `. The file then still ends before ${bracketList(walk, still)} closed: restore its end` : ''}.`,
      (w) => {
        w.stopped = true;
      },
      ...(still.length === 0 ? [edit] : []),
    );
  }
  // A missing last closer after a complete value is a slip, which --fix makes. A file that ends with
  // several brackets open, or after a ',' or a key, was cut off: closing it made it pass and hid
  // what was lost, so the edit is said but not made (the diagnosis has no edit for it).
  const slip = open.length === 1 && walk.top.place === 'comma-or-close';
  const repair = walk.repair(
    walk.lastEnd,
    0,
    slip
      ? `The file ends before ${list} closed: add '${closers}' at the end, or restore the cut-off end of the file.`
      : `The file ends before ${list} closed: it looks cut off; restore its end (adding '${closers}' would close it without what was lost).`,
    (w) => {
      w.stopped = true;
    },
    ...(slip ? [insertion(walk.lastEnd, closers)] : []),
  );
  return { ...repair, fileEndsOpen: true, ...(slip ? {} : { cutOff: true as const }) };
}

/**
 * A closer lost in the middle of the file, placed by the indentation (`misindentedClose`), where that
 * one closer makes the whole text strict JSON laid out consistently: then it is the file's one slip,
 * whatever closer the walk stumbled on after it. Weighed before the closer before which the walk
 * would add it (mismatchedCloser), which moved the members between the two into the wrong object.
 * Tried at the first few closers that do not fit (MAX_LAYOUT_PLACEMENTS): each try reads the whole
 * text again, and a text with other slips is no such text. Not only at the first: the pair of
 * brackets the lost closer misaligns may be closed only after it.
 */
export function closerPlacedByLayout(walk: WalkState): Repair | undefined {
  if (walk.closes.length === 0 || walk.layoutPlacements >= MAX_LAYOUT_PLACEMENTS) return undefined;
  walk.layoutPlacements++;
  const misplaced = misindentedClose(walk);
  const placed = misplaced && placedCloser(walk, misplaced);
  if (!placed?.completesText) return undefined;
  const repair = walk.repair(
    placed.at,
    placed.before ? 1 : 0,
    `The '${misplaced!.open}' at line ${misplaced!.openLine} is never closed: going by the indentation, add '${placed.closer}' ${placed.before ? 'before this comma' : 'after this value'}.`,
    (w) => {
      w.stopped = true;
    },
    placed.edit,
  );
  return { ...repair, completesText: true };
}

const MAX_LAYOUT_PLACEMENTS = 4;

/**
 * The closer `misindentedClose` places, as the edit that writes it (on a line of its own where it
 * goes before an outer bracket's closer, `lineBefore`), and whether that edit alone leaves the text
 * strict JSON laid out consistently: a closer written one step too far out (`  },` for a
 * `    "b": {`) says as much as a missing one, and only the text as a whole tells them apart.
 */
function placedCloser(
  walk: WalkState,
  misplaced: NonNullable<ReturnType<typeof misindentedClose>>,
): { closer: string; before: boolean; at: number; edit: TextEdit; completesText: boolean } {
  const closer = misplaced.open === '[' ? ']' : '}';
  const before = walk.text.charAt(misplaced.lastEnd - 1) === ',';
  const at = before ? misplaced.lastEnd - 1 : misplaced.lastEnd;
  const edit = insertion(at, `${misplaced.lineBefore ?? ''}${closer}`);
  // Read lazily: the closer placed at the end of the file without a line of its own needs no check.
  return {
    closer,
    before,
    at,
    edit,
    get completesText() {
      return laidOutStrictly(applyEdits(walk.text, [edit])?.text ?? '');
    },
  };
}

/**
 * The first bracket closed by a closer indented otherwise than the line that opened it, when a
 * later line is indented like that opening line after lines indented deeper: the missing closer
 * belongs before that line. Hand-written and generated swaggers are indented consistently, so this
 * finds where a closer was lost in the middle of a file, which counting brackets alone only notices
 * at its end. Where no line inside is indented deeper (`"a": {\n  "b": 1},`, members written at
 * the level of their object's key), the indentation says nothing of where the object ends: its
 * closer may well be the one written.
 *
 * Where no line inside is indented like the opening line but the closer itself starts a line
 * indented less (`"c": 1` then `  },` under a `    "b": {`), that closer is an outer bracket's, and
 * the missing one belongs after the value before it, on a line of its own (`lineBefore`: the line
 * break and the opening line's indentation). Adding it at the end instead put every member after it
 * inside the object: the file passed, holding other JSON than the maker wrote.
 */
function misindentedClose(
  walk: WalkState,
): { open: string; openLine: number; lastEnd: number; lineBefore?: string } | undefined {
  for (const { open, close } of walk.closes) {
    const openIndent = indentOf(walk.text, open);
    const closerStartsLine = startsLine(walk.text, close);
    if (closerStartsLine && indentOf(walk.text, close) === openIndent) continue;
    const openLine = walk.lineOf(open);
    let deeper = false;
    let stopped = false;
    for (
      let line = nextLineStart(walk.text, open);
      line !== -1 && line < close;
      line = nextLineStart(walk.text, line)
    ) {
      const first = skipSpaces(walk.text, line);
      const character = walk.text.charAt(first);
      if (character === '' || character === '\n' || character === '\r') continue;
      if (first - line > openIndent) {
        deeper = true;
        continue;
      }
      // The closer's own line, indented less than the opening line (checked below).
      if (first === close) break;
      stopped = true;
      if (!deeper || first - line < openIndent || character === '}' || character === ']') break;
      const lastEnd = endBefore(walk.text, line);
      // A closer there would close another bracket, opened after this one and still open there.
      if (openAcross(walk, open, lastEnd)) break;
      return { open: walk.text.charAt(open), openLine, lastEnd };
    }
    if (!stopped && deeper && closerStartsLine && indentOf(walk.text, close) < openIndent) {
      const lastEnd = endBefore(walk.text, close);
      const start = lineStart(walk.text, open);
      const lineBefore = `${lineBreakBefore(walk.text, close)}${walk.text.slice(start, start + openIndent)}`;
      if (!openAcross(walk, open, lastEnd))
        return { open: walk.text.charAt(open), openLine, lastEnd, lineBefore };
    }
  }
  return undefined;
}

/** The line break that ends the line before the one holding `offset`: CR LF or LF. */
function lineBreakBefore(text: string, offset: number): string {
  return text.charAt(lineStart(text, offset) - 2) === '\r' ? '\r\n' : '\n';
}

/**
 * Whether a bracket opened after `after` is still open at `at`, read from the text (strings skipped):
 * the walk's record of closes leaves out the brackets its repairs closed.
 */
function openAcross(walk: WalkState, after: number, at: number): boolean {
  const { text } = walk;
  let depth = 0;
  for (let index = after + 1; index < at; index++) {
    const character = text.charCodeAt(index);
    if (character === 0x22) index = stringEnd(text, index, at);
    else if (character === 0x7b || character === 0x5b) depth++;
    else if ((character === 0x7d || character === 0x5d) && depth > 0) depth--;
  }
  return depth > 0;
}

/** Where the string opened by the '"' at `quote` ends: its closing quote, its line's end, or `limit`. */
function stringEnd(text: string, quote: number, limit: number): number {
  for (let index = quote + 1; index < limit; index++) {
    const character = text.charCodeAt(index);
    if (character === 0x5c) index++;
    else if (character === 0x22 || character === 0x0a || character === 0x0d) return index;
  }
  return limit;
}

export function textAfterEnd(walk: WalkState, token: Token): Repair {
  if (walk.text.charAt(token.offset) === ';' && walk.nextKind() === 'end') {
    return walk.repair(
      token.offset,
      1,
      "A ';' after the JSON value is not allowed (a JSON file is a value, not a statement); remove it.",
      (w) => w.index++,
      removal(walk.text, token.offset, 1),
    );
  }
  const closer = walk.top.valueEnd - 1;
  const closed = walk.text.charAt(closer);
  if (closesRootMidLine(walk, token, closer)) {
    return walk.repair(
      closer,
      1,
      `This '${closed}' is one too many: it closes the top-level value, which the '${token.kind}' at line ${walk.lineOf(token.offset)} closes as the indentation says; remove it.`,
      (w) => w.index++,
      removal(walk.text, closer, 1),
    );
  }
  if (isStrayCloser(walk, token)) {
    const ended = '}]'.includes(closed)
      ? `the '${closed}' at line ${walk.lineOf(closer)} closes the top-level value`
      : 'the JSON value ends before it';
    return walk.repair(
      token.offset,
      1,
      `This '${token.kind}' closes nothing (${ended}): remove it.`,
      (w) => w.index++,
      removal(walk.text, token.offset, 1),
    );
  }
  const extra = '}]'.includes(closed)
    ? `the '${closed}' at line ${walk.lineOf(closer)} closes the top-level value; if that '${closed}' is one too many, remove it, otherwise remove this text or move it inside the value`
    : 'remove it, or move it inside the value';
  const repair = walk.repair(
    token.offset,
    token.end - token.offset,
    `There is more text after the end of the JSON value: ${extra}.`,
    (w) => {
      w.stopped = true;
    },
  );
  return { ...repair, leavesTextUnread: true };
}

/**
 * Whether the file's last token is a closer that starts its line indented like the top-level value's
 * opening line, while the closer read as the top-level value's stands mid-line, at the end of its
 * last member (`  }}` or `  "x": 1}`, then `}`): that one is one too many, not the last, which the
 * layout places. Either removal leaves the same value; the finding is where the slip is, and --fix
 * leaves the file laid out (removing the last, it left the root's '}' at the end of a member's line).
 */
function closesRootMidLine(walk: WalkState, token: Token, closer: number): boolean {
  const { text } = walk;
  if (text.charAt(closer) !== token.kind || walk.nextKind() !== 'end') return false;
  const root = walk.closes.at(-1);
  if (root?.close !== closer || startsLine(text, closer)) return false;
  // Laid out over lines from the top-level value's first (`{"a": {"c": 2}}` on one line closes there).
  const opened = skipSpaces(text, root.open + 1);
  if (text.charAt(opened) !== '\n' && text.charAt(opened) !== '\r') return false;
  return startsLine(text, token.offset) && indentOf(text, token.offset) === indentOf(text, root.open);
}

/**
 * A '}' or ']' after the top-level value that only whitespace, comments and more closers follow,
 * in a file whose closers stand as its indentation says: removing it (and the closers after it)
 * leaves the value as it was read. Where a closer that starts its line is indented otherwise than
 * the line of its bracket, the one too many may be that one, with the members after it meant
 * inside (`  },\n    "c": 2\n  }\n}`): which to remove is then the maker's to say.
 */
function isStrayCloser(walk: WalkState, token: Token): boolean {
  if (token.kind !== '}' && token.kind !== ']') return false;
  if (!walk.tokens.onlyClosersAfter(token.end)) return false;
  return walk.closes.every(
    ({ open, close }) =>
      !startsLine(walk.text, close) || indentOf(walk.text, close) === indentOf(walk.text, open),
  );
}
