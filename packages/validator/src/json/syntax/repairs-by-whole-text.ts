import type { Repair, WalkState } from './walk-state.js';
import { applyEdits, insertion, removal, type TextEdit } from '../../text/text-edits.js';
import { extraCloserCandidates, laidOutStrictly } from './extra-closer-by-layout.js';
import { endBefore, skipSpaces } from './line-layout.js';
import { isStrictJson } from './strict-json.js';
import { skipWhitespace } from '../scan.js';

// Where a file has one slip, the whole text tells which repair is the maker's: the one whose edit
// leaves strict JSON. The walk weighs repairs by how far each lets it read on, which cannot tell a
// ']' one too many (`]]`) from one written for a '}': both read on as far, and the first weighed
// won. Nor does it weigh a slip it passed without noticing: a doubled '[' opens a list of lists, a
// doubled '}' closes an object early, a doubled '"' ends a string early, each found only tokens
// later, where the walk repaired another place. Each is a keystroke typed twice, and `validate --fix`
// wrote other JSON than the maker's. Here, at the first token that does not fit, the characters
// typed twice, then the repairs the walk weighs there and the closers it passed, are each read
// against the whole text (a few dozen readings of it at most, MAX_READINGS).

/** How many readings of the whole text the first misfit weighs repairs with: each reads the whole file. */
const MAX_READINGS = 24;
/**
 * How many characters those readings read in all, at most: a minified file of a megabyte missing its
 * last '}' has a '}}' at the end of each of its thousands of objects, and each reading of it parsed
 * all of it before it failed at the end.
 */
const MAX_CHARACTERS_READ = 8 * 1024 * 1024;
/**
 * How many of the last closers right after their twin (`}}`) are weighed as typed twice: a doubled
 * '}' closes an object early, and the walk meets a token that does not fit only lines on.
 */
const MAX_TWIN_CLOSERS = 8;

/**
 * At the first token that does not fit, before any slip was said: the repair whose edit makes the
 * whole text strict JSON, marked to complete the text and stop the walk. First of the characters
 * typed twice (`typedTwice`; the text strict is enough), then of the repairs the walk weighs here
 * (`repairs`), the slips it passed without noticing and a lost '[' (the text strict and laid out
 * consistently).
 * Undefined where none does, or several of a kind do and leave different values (which is meant is
 * then the maker's to say, and the walk weighs the repairs as ever; of a lost '[' and a ']' one too
 * many, the finding names both: `oneOrTheOther`). Not after a slip: where the
 * walk guessed wrong at it, a repair that completes the text with its guess confirmed the guess
 * (a path key split at its ':' and the rest of the member removed).
 */
export function repairCompletingText(walk: WalkState, repairs: readonly Repair[]): Repair | undefined {
  // Text after the value has repairs of its own, which name the closer that ended it by the layout.
  if (walk.top.open === '' && walk.top.place === 'end') return undefined;
  if (repairs.some((repair) => repair.completesText)) return undefined;
  const readings = {
    left: Math.min(MAX_READINGS, Math.floor(MAX_CHARACTERS_READ / Math.max(1, walk.text.length))),
  };
  const opener = listOpenerLost(walk);
  const listed = listOfValuesOpenerLost(walk);
  const completing =
    agreed(completingRepairs(walk, typedTwice(walk), isStrictJson, readings)) ??
    oneOrTheOther(
      walk,
      completingRepairs(
        walk,
        [...repairs, ...closersOneTooMany(walk), ...(opener ? [opener] : []), ...(listed ? [listed] : [])],
        laidOutStrictly,
        readings,
      ),
      opener,
    );
  return (
    completing && {
      ...completing,
      apply: (w) => {
        w.stopped = true;
      },
      completesText: true,
    }
  );
}

/** The repairs whose edit makes the whole text one that `completes`, with the text each makes. */
function completingRepairs(
  walk: WalkState,
  repairs: readonly Repair[],
  completes: (text: string) => boolean,
  readings: { left: number },
): Completing[] {
  const completing: Completing[] = [];
  for (const repair of repairs) {
    if (repair.fix === undefined || repair.fix.oneOfTwo) continue;
    const edits = (repair.commaFix ? [repair.fix, repair.commaFix] : [repair.fix]).map(deleted);
    if (!edits.every((edit) => keepsWords(walk.text, edit))) continue;
    if (readings.left-- <= 0) break;
    const text = applyEdits(walk.text, edits)?.text;
    if (text !== undefined && completes(text)) completing.push({ repair, text, value: valueOf(text) });
  }
  return completing;
}

interface Completing {
  repair: Repair;
  text: string;
  /** The value the text holds, as JSON.stringify writes it. */
  value: string;
}

function valueOf(text: string): string {
  return JSON.stringify(JSON.parse(text));
}

/** The first of the completing repairs, when every other leaves the same value; else undefined. */
function agreed(completing: readonly Completing[]): Repair | undefined {
  const first = completing[0];
  return first && completing.every(({ value }) => value === first.value) ? first.repair : undefined;
}

/**
 * `agreed`, or where the completing repairs are a lost '[' before a member's value (`opener`) and the
 * removal of the ']' after it, the one finding that names both: the text is read without the ']',
 * as the walk read it, and `validate --fix` leaves the choice to the maker (the edit is one of two).
 * Before, --fix removed the ']', and a list the maker wrote lost its brackets.
 */
function oneOrTheOther(
  walk: WalkState,
  completing: readonly Completing[],
  opener: Repair | undefined,
): Repair | undefined {
  const one = agreed(completing);
  if (one || !opener || completing.length !== 2) return one;
  const closer = walk.tokens.at(walk.index)!;
  const removed = completing.find(({ repair }) => repair !== opener)?.repair.fix;
  const removesCloser =
    removed?.offset === closer.offset && removed.length === 1 && removed.insert.trim() === '';
  if (!removesCloser || !completing.some(({ repair }) => repair === opener)) return undefined;
  return walk.repair(
    closer.offset,
    1,
    `This ']' closes no list: if the value before it is a list, add '[' before that value (line ${walk.lineOf(opener.fix!.offset)}); else remove this ']'. Which you meant is yours to say.`,
    () => undefined,
    { ...removed, oneOfTwo: true },
  );
}

/**
 * Whether the edit removes no more than punctuation and space: a repair that removes a word the maker
 * typed (`"g" b: 2` without `b`) makes many a text valid, and confirms nothing.
 */
function keepsWords(text: string, edit: TextEdit): boolean {
  return PUNCTUATION_AND_SPACE.test(text.slice(edit.offset, edit.offset + edit.length));
}

const PUNCTUATION_AND_SPACE = /^[\s,:{}[\]"]*$/;

/**
 * The edit as `validate --fix` writes it: a removal (blanked, to keep offsets) as a deletion, which
 * the layout is judged by (`""name"` at a line's start blanked one column deeper than its siblings).
 */
function deleted(edit: TextEdit): TextEdit {
  const blanked = edit.length > 0 && edit.insert.length === edit.length && edit.insert.trim() === '';
  return blanked ? { offset: edit.offset, length: edit.length, insert: '' } : edit;
}

/**
 * Characters typed twice, as the repairs that remove one of the two: an opener of a bracket still
 * open (`[[`; a list of lists, which connector files hardly have, is read so where that alone
 * explains the text), a closer right after its twin (`]]`: the one that does not fit, or one of the
 * last so closed, MAX_TWIN_CLOSERS), a quote right before
 * the token that does not fit (`"abc""`, `""abc"`). Weighed before any other repair: they give back
 * the text as the maker typed it, where escaping the quote or removing the word after it would
 * make the text valid too, but other JSON.
 */
function typedTwice(walk: WalkState): Repair[] {
  const { text } = walk;
  const twins: Repair[] = [];
  for (const frame of walk.stack) {
    if (frame.open === '' || text.charAt(frame.at + 1) !== frame.open) continue;
    twins.push(
      walk.repair(
        frame.at,
        1,
        `This '${frame.open}' is one too many: the '${frame.open}' right after it opens the ${frame.open === '[' ? 'list' : 'object'} written, and nothing closes this one. Remove it.`,
        () => undefined,
        removal(text, frame.at, 1),
      ),
    );
  }
  const token = walk.tokens.at(walk.index);
  const at = token?.offset ?? -1;
  const character = text.charAt(at);
  const twinClosers = walk.closes
    .map(({ close }) => close)
    .filter((close) => text.charAt(close - 1) === text.charAt(close))
    .slice(-MAX_TWIN_CLOSERS);
  if ((character === '}' || character === ']') && text.charAt(at - 1) === character) twinClosers.push(at);
  for (const close of twinClosers) {
    const closer = text.charAt(close);
    twins.push(
      walk.repair(
        close,
        1,
        `This '${closer}' is one too many: the '${closer}' right before it closes the bracket this one was typed for. Remove it.`,
        () => undefined,
        removal(text, close, 1),
      ),
    );
  }
  // Of two quotes, the one that stands outside the string: blanking the other would change its value.
  const quote =
    at > 1 && text.charAt(at - 1) === '"'
      ? character === '"'
        ? at
        : text.charAt(at - 2) === '"'
          ? at - 2
          : -1
      : -1;
  if (quote !== -1) {
    twins.push(
      walk.repair(
        quote,
        1,
        `This '"' is one too many: the '"' beside it ${quote === at ? 'ends' : 'starts'} the string. Remove it.`,
        () => undefined,
        removal(text, quote, 1),
      ),
    );
  }
  return twins;
}

/**
 * Closers before the token that does not fit that may be one too many, going by the indentation (as
 * for text after the value: extraCloserCandidates), as the repairs that remove them: a '}' typed
 * twice closes an object early, and the walk meets its members only lines later.
 */
function closersOneTooMany(walk: WalkState): Repair[] {
  const { text } = walk;
  return extraCloserCandidates(text, walk.closes).map(({ issue }) =>
    walk.repair(
      issue.offset,
      1,
      `This '${text.charAt(issue.offset)}' is one too many: going by the indentation it closes nothing. Remove it.`,
      () => undefined,
      removal(text, issue.offset, 1),
    ),
  );
}

/**
 * A ']' after a member's value (`"tags": "convert"],`): the '[' before the value may be lost as well
 * as the ']' be one too many, and each makes the whole text valid. Weighed beside the removal, so
 * that the finding names both and which is meant stays the maker's to say (`oneOrTheOther`).
 */
function listOpenerLost(walk: WalkState): Repair | undefined {
  const { text } = walk;
  const frame = walk.top;
  const token = walk.tokens.at(walk.index);
  if (token?.kind !== ']' || frame.open !== '{' || frame.place !== 'comma-or-close') return undefined;
  const colon = skipSpaces(text, frame.keyEnd);
  if (frame.keyEnd < 0 || text.charAt(colon) !== ':') return undefined;
  const value = skipWhitespace(text, colon + 1);
  return walk.repair(
    value,
    0,
    "A '[' is missing before this value: the ']' after it closes a list. Add '['.",
    () => undefined,
    insertion(value, '['),
  );
}

/**
 * A list that lost its '[': a member's value, then a comma and a value where the object expects a
 * key (`"enum":` above `"KES",` `"UGX",` … `],`: the walk meets a ',' after "UGX" read as a key, or
 * a '{' after `{ … },` in `"parameters":`), or a ']' right after a key's colon (`"capabilities": ],`;
 * and a '}' so, an empty object's: `"definitions": },`).
 * The repair the walk weighs there says a colon and a value are missing after each item, and a ']'
 * closes nothing; with the '[' added before the first item (or before the ']' of an empty list), the
 * whole text is read as the maker wrote it. Weighed against the whole text as the walk's repairs are.
 */
function listOfValuesOpenerLost(walk: WalkState): Repair | undefined {
  const { text } = walk;
  const frame = walk.top;
  const token = walk.tokens.at(walk.index);
  if (frame.open !== '{' || token === undefined) return undefined;
  // A closer right after the colon: an empty list or object that lost its opener (`"definitions": },`).
  if (frame.place === 'value' && (token.kind === ']' || token.kind === '}')) {
    const [opener, empty] = token.kind === ']' ? ['[', 'list'] : ['{', 'object'];
    return walk.repair(
      token.offset,
      0,
      `A '${opener}' is missing before this '${token.kind}': the ${empty} is empty. Add '${opener}'.`,
      () => undefined,
      insertion(token.offset, opener),
    );
  }
  // After a comma, an item where a key stands (a value that no ':' follows), or a string read as a
  // key that a ',' or ']' follows.
  const itemAtKey = frame.place === 'key' && ['{', '[', 'literal', 'word'].includes(token.kind);
  const itemReadAsKey = frame.place === 'colon' && (token.kind === ',' || token.kind === ']');
  if (!itemAtKey && !itemReadAsKey) return undefined;
  // The value before the comma is a member's: a ':' stands before it.
  if (frame.valueAt < 0 || frame.valueAt > frame.comma) return undefined;
  const colon = endBefore(text, frame.valueAt) - 1;
  if (text.charAt(colon) !== ':') return undefined;
  // Right after the colon and its space: where the items start on the next line, the '[' ends the
  // key's line, as lists are laid out (and as the whole text is judged).
  const at = text.charAt(colon + 1) === ' ' ? colon + 2 : colon + 1;
  return walk.repair(
    frame.valueAt,
    0,
    "A '[' is missing before this value: it and the values after it are the items of a list, which a ']' closes. Add '[' after the key's ':'.",
    () => undefined,
    insertion(at, '['),
  );
}
