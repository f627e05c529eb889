import type { Frame, Repair, WalkState } from './walk-state.js';
import type { Token } from './token.js';
import { insertion, removal, replacement, type TextEdit } from '../../text/text-edits.js';
import { excerpt } from '../../text/message-values.js';
import { indentOf, skipSpaces, startsLine } from './line-layout.js';
import { skipWhitespace } from '../scan.js';
import { closerPlacedByLayout } from './lost-closer-by-layout.js';

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
        valueAt: -1,
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

/**
 * A ',' right after a list's '[' that the next member's key follows (`"scopes": [,` above
 * `"redirectMode": …`): the list is empty and its ']' was lost. Removing the comma instead read the
 * members after it as items, each needing a '{', and closed the list at the object's end.
 */
export function unclosedEmptyList(walk: WalkState, frame: Frame, comma: Token): Repair {
  return walk.repair(
    comma.offset,
    1,
    `The '[' at line ${walk.lineOf(frame.at)} is never closed: add ']' before this comma.`,
    (w) => {
      w.stack.pop();
      w.top.place = 'key';
      w.top.valueEnd = comma.offset;
      w.top.comma = comma.offset;
      w.index++;
    },
    insertion(comma.offset, ']'),
  );
}

/**
 * A ',' right after an object's '{', at the end of the line that opens it, where the next line is
 * indented no deeper than that one (`"connectionParameters": {,` above `"iconBrandColor": …`): the
 * object is empty and its '}' was lost. Removing the comma read the members after it into the
 * object, the file's end then lacked a '}', and --fix wrote other JSON (31 of the 38 lost '}' that
 * it still fixed so in a probe of every third corpus file, closerWeighedByLayout aside). Undefined
 * where the layout says otherwise: a next line indented deeper is the object's first member, after
 * a stray comma.
 */
export function unclosedEmptyObject(walk: WalkState, frame: Frame, comma: Token): Repair | undefined {
  const parent = walk.stack.at(-2);
  const next = walk.tokens.at(walk.index + 1);
  if (!parent || parent.open === '' || !next || next.kind === 'skip' || next.kind === 'end') return undefined;
  const { text } = walk;
  if (
    walk.lineOf(comma.offset) !== walk.lineOf(frame.at) ||
    walk.lineOf(next.offset) === walk.lineOf(comma.offset)
  )
    return undefined;
  if (!startsLine(text, next.offset) || indentOf(text, next.offset) > indentOf(text, frame.at))
    return undefined;
  return walk.repair(
    comma.offset,
    0,
    `The '{' at line ${walk.lineOf(frame.at)} is never closed: add '}' before this comma.`,
    (w) => {
      w.stack.pop();
      w.top.place = w.top.open === '{' ? 'key' : 'value';
      w.top.valueEnd = comma.offset;
      w.top.comma = comma.offset;
      w.index++;
    },
    insertion(comma.offset, '}'),
  );
}

/**
 * A key on a line of its own, indented like the line that opened an object it stands in, after
 * members indented deeper: going by the indentation the key belongs beside that object, which was
 * not closed (`"a": {\n    "b": 1\n  "c": 2`). The ',' it lacks is added with the closers. Undefined
 * where the indentation says nothing of it (the key is not so placed, or the object's members are
 * not indented deeper), or where the key would land in a list; the comma alone is then weighed.
 */
export function unclosedObjectBeforeKey(walk: WalkState, frame: Frame, token: Token): Repair | undefined {
  const { text, stack } = walk;
  if (!startsLine(text, token.offset) || frame.keyEnd === -1) return undefined;
  const keyIndent = indentOf(text, token.offset);
  if (indentOf(text, frame.keyEnd) <= indentOf(text, frame.at)) return undefined;
  // The innermost bracket whose line is indented like the key: the key is its sibling.
  let sibling = stack.length - 1;
  while (sibling > 0 && indentOf(text, stack[sibling]!.at) > keyIndent) sibling--;
  if (sibling === 0 || indentOf(text, stack[sibling]!.at) !== keyIndent) return undefined;
  if (stack[sibling - 1]!.open !== '{') return undefined;
  const unclosed = stack.slice(sibling).reverse();
  const closers = unclosed.map((open) => (open.open === '{' ? '}' : ']')).join('');
  const at = frame.valueEnd;
  return walk.repair(
    at,
    0,
    `${capitalized(bracketList(walk, unclosed))} never closed: going by the indentation, add '${closers},' after this value (the "${excerpt(text.slice(token.offset + 1, token.end - 1), 30)}" at line ${walk.lineOf(token.offset)} is a key of the object opened at line ${walk.lineOf(stack[sibling - 1]!.at)}).`,
    (w) => {
      w.stack.length = sibling;
      w.top.place = 'key';
      w.top.valueEnd = at;
      w.top.comma = at;
    },
    insertion(at, `${closers},`),
  );
}

/**
 * Where a member's value stands on a line below its key, indented deeper (`"produces":` then
 * `    "application/json"`): the ':' after the key, the value's start, and the edit that writes an
 * opener after the ':' as the line was written (`"produces": [`, the space after the ':' kept).
 * Undefined where the value is on the key's line, or the key's ':' is not written.
 */
function valueBelowKey(
  walk: WalkState,
  frame: Frame,
): { colon: number; value: number; opener: (bracket: '{' | '[') => TextEdit } | undefined {
  const { text } = walk;
  if (frame.open !== '{' || frame.keyEnd < 0) return undefined;
  const colon = skipSpaces(text, frame.keyEnd);
  if (text.charAt(colon) !== ':') return undefined;
  const value = skipWhitespace(text, colon + 1);
  const below =
    walk.lineOf(value) > walk.lineOf(colon) &&
    startsLine(text, value) &&
    indentOf(text, value) > indentOf(text, frame.keyEnd);
  if (!below) return undefined;
  const spaced = text.charAt(colon + 1) === ' ';
  const opener = (bracket: '{' | '[') =>
    insertion(spaced ? colon + 2 : colon + 1, spaced ? bracket : ` ${bracket}`);
  return { colon, value, opener };
}

/**
 * A member's value on the lines below its key, closed by a ']' that starts its line indented like the
 * key (`"produces":` then `    "application/json"` then `  ],`): the '[' after the ':' was lost, and
 * the value is the list's one item. Removing the ']' left the value a string, other JSON than the
 * maker wrote. Undefined where the layout does not say so (a ']' on the value's line may be one too
 * many); the removal is then weighed alone.
 */
export function lostListOpener(walk: WalkState, frame: Frame, token: Token): Repair | undefined {
  const below = token.kind === ']' ? valueBelowKey(walk, frame) : undefined;
  const closesUnderKey =
    startsLine(walk.text, token.offset) &&
    indentOf(walk.text, token.offset) === indentOf(walk.text, frame.keyEnd);
  if (!below || !closesUnderKey) return undefined;
  const edit = below.opener('[');
  return walk.repair(
    edit.offset,
    0,
    `A '[' is missing after this ':': the ']' at line ${walk.lineOf(token.offset)} closes a list the value below is an item of; add '[' here.`,
    (w) => {
      w.index++;
      w.top.valueEnd = token.end;
      w.lastEnd = token.end;
    },
    edit,
  );
}

/**
 * A member's value on the line below its key that a ':' follows (`"uiDefinition":` then
 * `    "description": "…"`): the value is the first key of an object whose '{' after the ':' was lost.
 * Removing the ':' and the value after it deleted the maker's text. Undefined where the layout does not
 * say so (a string on the key's line that a ':' follows may be a key that lost its comma).
 */
export function lostObjectOpener(walk: WalkState, frame: Frame, colonToken: Token): Repair | undefined {
  const below = colonToken.kind === ':' ? valueBelowKey(walk, frame) : undefined;
  if (!below) return undefined;
  const { text } = walk;
  const { value } = below;
  const keyBefore =
    text.charAt(value) === '"' &&
    frame.valueEnd > value &&
    skipSpaces(text, frame.valueEnd) === colonToken.offset;
  if (!keyBefore) return undefined;
  const edit = below.opener('{');
  return walk.repair(
    edit.offset,
    0,
    `A '{' is missing after this ':': the ${excerpt(text.slice(value, frame.valueEnd), 30)} at line ${walk.lineOf(value)} is a key of the object it opens; add '{' here.`,
    (w) => {
      w.stack.push({
        open: '{',
        at: value,
        place: 'value',
        comma: -1,
        keyEnd: frame.valueEnd,
        valueEnd: -1,
        valueAt: -1,
      });
      w.index++;
      w.lastEnd = colonToken.end;
    },
    edit,
  );
}

/** A '}' or ']' that does not close the innermost open bracket. */
export function mismatchedCloser(walk: WalkState, frame: Frame, token: Token): Repair[] {
  // The one candidate when it explains the whole text: a trial of a repair that stops the walk scores 0.
  const placed = closerPlacedByLayout(walk);
  if (placed) return [placed];
  const repairs: Repair[] = [];
  // After a comma (`{"c": "x",]`) a closer written or put in would leave it trailing: it goes too.
  const afterComma = frame.open !== '' && frame.place === (frame.open === '{' ? 'key' : 'value');
  const opener = token.kind === '}' ? '{' : '[';
  const matching = walk.stack.findLastIndex((open) => open.open === opener);
  const kindOf = (open: Frame) => (open.open === '{' ? 'object' : 'list');
  if (matching !== -1 && frame.open !== '') {
    // Every bracket opened after the one this closer closes is left open: one repair closes them
    // all, said once. One repair each, at the same closer, said the first and inserted the rest
    // unsaid, and past four in a row was taken for a loop that removed the closer.
    const unclosed = walk.stack.slice(matching + 1).reverse();
    const closers = unclosed.map((open) => (open.open === '{' ? '}' : ']')).join('');
    const repair = walk.repair(
      token.offset,
      1,
      `${capitalized(bracketList(walk, unclosed))} never closed: add '${closers}' before this '${token.kind}'${afterComma ? ', and remove the comma before it' : ''}.`,
      (w) => {
        w.stack.length = matching + 1;
        w.top.place = w.top.open === '' ? 'end' : 'comma-or-close';
        w.top.valueEnd = w.lastEnd;
      },
      insertion(token.offset, closers),
    );
    repairs.push(afterComma ? withCommaRemoved(walk, frame, repair) : repair);
  }
  if (frame.open !== '') {
    const closer = frame.open === '{' ? '}' : ']';
    const repair = walk.repair(
      token.offset,
      1,
      `This '${token.kind}' should be '${closer}', to close the '${frame.open}' at line ${walk.lineOf(frame.at)}${afterComma ? '; remove the comma before it too' : ''}.`,
      (w) => w.close(token),
      replacement(token.offset, 1, closer),
    );
    repairs.push(afterComma ? withCommaRemoved(walk, frame, repair) : repair);
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

/** The repair with the removal of the comma before it, which its closer would leave trailing. */
function withCommaRemoved(walk: WalkState, frame: Frame, repair: Repair): Repair {
  return { ...repair, commaFix: removal(walk.text, frame.comma, 1) };
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

/**
 * "the '{' at line 3 is", or, innermost first, "the '{' at line 4, the 2 '[' at line 3 and the '{'
 * at line 2 (and 2 more) are": the open brackets a repair names, those of a kind opened on one line
 * together, to the first three such.
 */
export function bracketList(walk: WalkState, open: readonly Frame[]): string {
  const groups: { open: string; line: number; count: number }[] = [];
  for (const frame of open) {
    const line = walk.lineOf(frame.at);
    const last = groups.at(-1);
    if (last?.open === frame.open && last.line === line) last.count++;
    else groups.push({ open: frame.open, line, count: 1 });
  }
  const named = groups
    .slice(0, 3)
    .map(({ open, line, count }) => `the ${count > 1 ? `${count} ` : ''}'${open}' at line ${line}`);
  const list =
    named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]!}` : named[0]!;
  const unnamed = groups.slice(3).reduce((sum, group) => sum + group.count, 0);
  const more = unnamed > 0 ? ` (and ${unnamed} more)` : '';
  return `${list}${more} ${open.length > 1 ? 'are' : 'is'}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
