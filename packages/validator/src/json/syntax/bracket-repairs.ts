import type { Frame, Repair, WalkState } from './walk-state.js';
import type { Token } from './token.js';
import { insertion, removal, replacement } from '../../text/text-edits.js';

/** Repairs of brackets: one missing, one too many, one that closes the wrong kind, a trailing comma. */

/** A key where a list's item belongs: the '{' of the object it starts is missing. */
export function missingOpener(walk: WalkState, frame: Frame, token: Token): Repair {
  return walk.repair(
    token.offset,
    0,
    `A '{' is missing before this key: an item of the list opened at line ${walk.lineOf(frame.at)} starts here; add '{' before it.`,
    (w) => {
      w.stack.push({
        open: '{',
        at: token.offset,
        place: 'key-or-close',
        comma: -1,
        keyEnd: -1,
        valueEnd: -1,
      });
    },
    insertion(token.offset, '{'),
  );
}

/** A key inside a list: the list was not closed before it. */
export function unclosedBeforeKey(walk: WalkState, frame: Frame): Repair {
  const afterComma = frame.place === 'value';
  const at = afterComma ? frame.comma : frame.valueEnd;
  return walk.repair(
    at,
    afterComma ? 1 : 0,
    afterComma
      ? `The '[' at line ${walk.lineOf(frame.at)} is never closed: add ']' before this comma.`
      : `The '[' at line ${walk.lineOf(frame.at)} is never closed: add '],' after this value.`,
    (w) => {
      w.stack.pop();
      w.top.place = 'key';
      w.top.valueEnd = at;
      w.top.comma = at;
    },
    insertion(at, afterComma ? ']' : '],'),
  );
}

/** A '}' or ']' that does not close the innermost open bracket. */
export function mismatchedCloser(walk: WalkState, frame: Frame, token: Token): Repair[] {
  const repairs: Repair[] = [];
  const opener = token.kind === '}' ? '{' : '[';
  const matching = walk.stack.some((open) => open.open === opener);
  const kindOf = (open: Frame) => (open.open === '{' ? 'object' : 'list');
  if (matching && frame.open !== '') {
    const closer = frame.open === '{' ? '}' : ']';
    repairs.push(
      walk.repair(
        token.offset,
        1,
        `The '${frame.open}' at line ${walk.lineOf(frame.at)} is never closed: add '${closer}' before this '${token.kind}'.`,
        (w) => {
          w.stack.pop();
          w.top.place = w.top.open === '' ? 'end' : 'comma-or-close';
          w.top.valueEnd = w.lastEnd;
        },
        insertion(token.offset, closer),
      ),
    );
  }
  if (frame.open !== '') {
    const closer = frame.open === '{' ? '}' : ']';
    repairs.push(
      walk.repair(
        token.offset,
        1,
        `This '${token.kind}' should be '${closer}', to close the '${frame.open}' at line ${walk.lineOf(frame.at)}.`,
        (w) => w.close(token),
        replacement(token.offset, 1, closer),
      ),
    );
  }
  const still =
    frame.open === ''
      ? 'no bracket is open here'
      : `the ${kindOf(frame)} opened with '${frame.open}' at line ${walk.lineOf(frame.at)} is still open here`;
  repairs.push(
    walk.repair(
      token.offset,
      1,
      `This '${token.kind}' closes nothing (${still}): remove it.`,
      (w) => w.index++,
      removal(walk.text, token.offset, 1),
    ),
  );
  return repairs;
}

export function trailingComma(walk: WalkState, frame: Frame, token: Token): Repair {
  return walk.repair(
    frame.comma,
    1,
    `A trailing comma before '${token.kind}' is not allowed in JSON; remove it.`,
    (w) => w.close(token),
    removal(walk.text, frame.comma, 1),
  );
}

/**
 * The alternative to `trailingComma` for a '}' after a comma that a ',' and a key follow
 * (`},\n  },\n  "next": …`): the '}' is one too many, and the object goes on after it.
 */
export function extraCloser(walk: WalkState, frame: Frame, token: Token): Repair | undefined {
  const comma = walk.tokens.at(walk.index + 1);
  if (comma?.kind !== ',' || walk.tokens.at(walk.index + 2)?.kind !== 'string') return undefined;
  return walk.repair(
    token.offset,
    1,
    `This '}' is one too many: the object opened with '{' at line ${walk.lineOf(frame.at)} goes on after it; remove it and the ',' after it.`,
    (w) => {
      w.index += 2;
    },
    removal(walk.text, token.offset, comma.end - token.offset),
  );
}

/** A '{' followed by a string that is no key (no ':' follows it): the '{' may be one too many. */
export function strayOpener(walk: WalkState, frame: Frame): Repair {
  return walk.repair(
    frame.at,
    1,
    "This '{' opens an object, but no key follows it: remove it.",
    (w) => {
      w.stack.pop();
    },
    removal(walk.text, frame.at, 1),
  );
}
