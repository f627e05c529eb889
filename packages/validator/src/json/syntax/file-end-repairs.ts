import type { Repair, WalkState } from './walk-state.js';
import type { Token } from './token.js';
import { insertion, removal } from '../../text/text-edits.js';
import { bracketList } from './bracket-repairs.js';
import { indentOf, misindentedCloser, skipSpaces, startsLine } from './line-layout.js';
import { misindentedClose, placedCloser } from './lost-closer-by-layout.js';

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
  const opener = rootOpenerLost(walk, token);
  if (opener) return opener;
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
  return walk.closes.every(({ open, close }) => !misindentedCloser(walk.text, open, close));
}

/**
 * A file that starts with a key (`"properties": {` at its first line): the top-level object lost its
 * '{', and the key was read as the whole value, with all the rest "more text after the end". The
 * '{' is added at the file's start, and the walk reads on in the object it opens.
 */
function rootOpenerLost(walk: WalkState, token: Token): Repair | undefined {
  const root = walk.top;
  if (token.kind !== ':' || root.valueAt < 0 || walk.text.charAt(root.valueAt) !== '"') return undefined;
  if (walk.text.slice(0, root.valueAt).trim() !== '') return undefined;
  return walk.repair(
    root.valueAt,
    0,
    "The file starts with a key: the '{' that opens the top-level object is missing. Add '{' at the start of the file.",
    (w) => {
      w.top.place = 'value';
      w.stack.push({
        open: '{',
        at: root.valueAt,
        place: 'colon',
        comma: -1,
        keyEnd: root.valueEnd,
        valueEnd: -1,
        valueAt: -1,
      });
    },
    // At the file's start, where the blank before the key keeps the key's line as it was.
    insertion(0, '{'),
  );
}
