import type { Frame, Repair, WalkState } from './walk-state.js';
import type { Token } from './token.js';
import { insertion, removal, replacement } from '../../text/text-edits.js';
import { excerpt } from '../../text/message-values.js';

/** Repairs of separators: a ';' for a ',', a '=' for a ':', a missing ':'. */

/**
 * A ';' after a value, as C# and JavaScript end a statement: written for the ',' before the next
 * member or item, or, before the closing bracket, one too many.
 */
export function semicolonAfterValue(walk: WalkState, token: Token, closer: '}' | ']'): Repair {
  const next = walk.nextKind();
  if (next === closer) {
    return walk.repair(
      token.offset,
      1,
      `A ';' before '${closer}' is not allowed in JSON; remove it.`,
      (w) => w.index++,
      removal(walk.text, token.offset, 1),
    );
  }
  return walk.repair(
    token.offset,
    1,
    "A ';' stands where JSON needs ',' between values: write ',' instead.",
    (w) => {
      w.top.place = w.top.open === '{' ? 'key' : 'value';
      w.top.comma = token.offset;
      w.index++;
    },
    replacement(token.offset, 1, ','),
  );
}

/** The alternative to `strayOpener`: the string is a key that lacks its colon. */
export function missingColonAfter(walk: WalkState, frame: Frame, token: Token): Repair {
  return walk.repair(
    token.end,
    0,
    "A colon is missing after this key: add ':' between the key and its value.",
    (w) => {
      frame.keyEnd = token.end;
      w.top.place = 'value';
      w.index++;
      w.lastEnd = token.end;
    },
    insertion(token.end, ':'),
  );
}

export function assignment(walk: WalkState, token: Token): Repair {
  const written = walk.text.slice(token.offset, token.end);
  return walk.repair(
    token.offset,
    written.length,
    `A '${written}' stands where JSON needs ':' between a key and its value: write ':' instead.`,
    (w) => {
      w.top.place = 'value';
      w.index++;
    },
    replacement(token.offset, written.length, ':'),
  );
}

export function missingColon(walk: WalkState, frame: Frame): Repair {
  return walk.repair(
    frame.keyEnd,
    0,
    "A colon is missing after this key: add ':' between the key and its value.",
    (w) => {
      w.top.place = 'value';
    },
    insertion(frame.keyEnd, ':'),
  );
}

/**
 * A key that a ',' or a closer follows: both its ':' and its value are missing. Which value is the
 * maker's to say, so no edit is named (a ':' alone left `"g":}`, which --fix found still invalid).
 */
export function keyWithoutValue(walk: WalkState, frame: Frame): Repair {
  return walk.repair(
    frame.keyEnd,
    0,
    "A colon and a value are missing after this key: add ':' and the value, or remove the key.",
    (w) => {
      w.top.place = 'comma-or-close';
      w.top.valueEnd = frame.keyEnd;
    },
  );
}

/**
 * A key that the next member's key follows (`"b"` of `"b"\n"c": 2`): both its ':' and its value are
 * missing, and the ',' before the next member. The next string is a key, since a ':' follows it:
 * reading it as the value of the key before (and removing it, or its ':') dropped a member the maker
 * wrote whole and gave its value to a key without one. Which value the key has is the maker's to say,
 * so no edit is named, as for `keyWithoutValue`.
 */
export function keyWithoutValueBeforeKey(walk: WalkState, frame: Frame, next: Token): Repair {
  return walk.repair(
    frame.keyEnd,
    0,
    `A colon and a value are missing after this key, and a comma before the key ${excerpt(walk.text.slice(next.offset, next.end))} at line ${walk.lineOf(next.offset)}: add ':', the value and ',', or remove the key.`,
    (w) => {
      w.top.place = 'key';
      w.top.valueEnd = frame.keyEnd;
    },
  );
}
