import { printable } from '@connector-alm/core';
import { withSecretsMasked } from '../rules/general-secrets/masked-secrets.js';

/**
 * Values from the user's files as messages show them. A message is one line of a report, an
 * annotation or a pull-request comment: a value written into it must neither make it enormous (a
 * `type` that is an array of hundreds of entries, a 5,000-character enum value) nor break it (a line
 * feed in a name starts a line that reads like a report line of its own). So each value is cut to a
 * bounded length, arrays and objects are summarised by their first entries, and control characters
 * show as escapes (core's `printable`). Nor may it print a secret: what GEN-SECRETS calls one is
 * masked as that rule masks it (masked-secrets.ts), before the value is cut, so that no cut leaves
 * part of a secret readable, or unrecognisable to the masking.
 */

/** The longest a single value is shown, in characters, the ellipsis included. */
export const MAX_VALUE_LENGTH = 100;
/**
 * The longest a name that a message identifies something by is shown: an operation's label (its
 * operationId, else its method and path), a parameter's or a header's name. Longer than
 * MAX_VALUE_LENGTH, since the name is what the reader searches the file for, and no real one is cut:
 * the corpus's longest operationId is 77 characters, its longest path 210. Without it a swagger of
 * 500 operationIds of 50 KB each (25 MB) made 77 MB of `--format json`, each of its findings quoting
 * one whole.
 */
export const MAX_NAME_LENGTH = 1000;
/** Entries of an array or object shown before "… (N more)". */
const MAX_ENTRIES = 3;
/** Arrays and objects inside arrays and objects deeper than this show as `[…]` and `{…}`. */
const MAX_NESTING = 2;
/** A string inside an array or object is cut shorter, so that several entries fit. */
const MAX_NESTED_STRING = 30;
const ELLIPSIS = '…';

/**
 * A value as text for a message: a string as it is, anything else as compact JSON, which a small
 * value is exactly (`["string","null"]`); a long one is summarised (`["t0","t1","t2",… (497 more)]`)
 * and cut to `maxLength` characters. On one line, whatever the value holds, and its secrets masked.
 */
export function excerpt(value: unknown, maxLength = MAX_VALUE_LENGTH): string {
  const text = typeof value === 'string' ? withSecretsMasked(value, maxLength) : summarise(value, 0);
  return cut(text, maxLength);
}

/**
 * A name that a message identifies something by (an operationId, a parameter's name, a readme
 * heading), cut to MAX_NAME_LENGTH: long enough that no real one is cut.
 */
export function nameExcerpt(name: unknown): string {
  return excerpt(name, MAX_NAME_LENGTH);
}

/** The value in single quotes, as the messages quote names and values: 'GetTask'. */
export function quoted(value: unknown, maxLength = MAX_VALUE_LENGTH): string {
  return `'${excerpt(value, maxLength)}'`;
}

/**
 * Text that its first and last characters enclose, such as a string in its quotes as the file or an
 * edit writes it (`'Contoso'`, `"Contoso"`), cut inside them: a long one still shows where it opens
 * and closes ("Contoso…"). `maxLength` bounds the whole, the enclosing characters being quotes.
 */
export function enclosedExcerpt(text: string, maxLength = MAX_VALUE_LENGTH): string {
  if (text.length < 2) return excerpt(text, maxLength);
  const inner = excerpt(text.slice(1, -1), maxLength - 2);
  return `${excerpt(text.charAt(0))}${inner}${excerpt(text.charAt(text.length - 1))}`;
}

/** A value as JSON writes it, cut to an excerpt: a string in its double quotes, escapes and all. */
export function jsonExcerpt(value: unknown): string {
  return typeof value === 'string' ? enclosedExcerpt(JSON.stringify(value)) : excerpt(value);
}

/** What kind of JSON value it is, for messages: 'a JSON array', 'a JSON string', 'null'. */
export function kindOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a JSON array';
  return `a JSON ${typeof value}`;
}

/** Short quoted list for messages: 'a', 'b' and 3 more. */
export function quoteList(values: readonly unknown[], max = 5): string {
  return boundedList(values, quoted, { max });
}

/**
 * Names (keys of the file) listed as they are, without quotes: a, b, c and 3 more. As many as fit
 * in a few lines' worth of characters: the keys an edit touched are usually a handful, but a file can
 * hold thousands.
 */
export function nameList(names: readonly string[]): string {
  return boundedList(names, (name) => excerpt(name));
}

/**
 * The longest a list that a message is about runs before "and N more": README-OPS-MATCH's operations
 * missing from the readme, SWG-PATH-PARTIAL-DUP's similar paths. The corpus's longest such lists are
 * ~4,600 and ~2,100 characters, all shown; a swagger of thousands of long summaries made one
 * message of megabytes, which only boundedMessage's cut held.
 */
export const MAX_LONG_LIST_LENGTH = 4800;

/**
 * Texts already made short (excerpts) joined with ', ', as many as fit in `maxLength` characters (at
 * least one), then "and N more" for the rest of `total` entries (more than `texts` holds when the
 * caller listed only the first few).
 */
export function joinWithin(
  texts: readonly string[],
  total = texts.length,
  maxLength = MAX_LONG_LIST_LENGTH,
): string {
  return boundedList(texts, (text) => text, { maxLength, total });
}

/**
 * Sentences, each already short, joined with a space, as many as fit in `maxLength` characters (at
 * least one), then "And N more." for the rest: the sentence a diff says of each edited policy, where
 * a file can edit thousands (3,000 made one message of 722,266 characters, cut by boundedMessage
 * mid-value with no word of the rest).
 */
export function sentencesWithin(sentences: readonly string[], maxLength = MAX_LONG_LIST_LENGTH): string {
  const joined = boundedList(sentences, (sentence) => sentence, {
    maxLength,
    separator: ' ',
    conjunction: 'And',
  });
  return joined.endsWith(' more') ? `${joined}.` : joined;
}

/**
 * Values as alternatives, each an excerpt of at most `maxLength` characters, `A or B or C`, at most
 * `max` of them, then "or N more": the places a message says something could be (README-OPS-MATCH's
 * section headings), the redirect URLs an OAuth app may have to allow (README-OAUTH-STEPS).
 */
export function alternatives(values: readonly unknown[], max: number, maxLength = MAX_VALUE_LENGTH): string {
  return boundedList(values, (value) => excerpt(value, maxLength), {
    max,
    maxLength: Infinity,
    separator: ' or ',
    conjunction: 'or',
  });
}

/** The longest a list runs before "and N more", at least one entry shown. */
const MAX_LIST_LENGTH = 300;

interface ListBounds {
  /** The most values shown; all that fit unless set. */
  readonly max?: number;
  /** The most characters the values shown take, at least one shown; MAX_LIST_LENGTH unless set. */
  readonly maxLength?: number;
  /** How many values there are, when `values` holds only the first few. */
  readonly total?: number;
  readonly separator?: string;
  /** The word before "N more". */
  readonly conjunction?: string;
}

/** `values` shown and joined, within `bounds`, then "and N more" for the rest. */
export function boundedList<T>(
  values: readonly T[],
  show: (value: T) => string,
  bounds: ListBounds = {},
): string {
  const {
    max = Infinity,
    maxLength = MAX_LIST_LENGTH,
    total = values.length,
    separator = ', ',
    conjunction = 'and',
  } = bounds;
  const shown: string[] = [];
  let length = 0;
  for (const value of values) {
    if (shown.length >= max) break;
    const text = show(value);
    if (shown.length > 0 && length + text.length > maxLength) break;
    shown.push(text);
    length += text.length + separator.length;
  }
  const rest = total - shown.length;
  const joined = shown.join(separator);
  return rest > 0 ? `${joined} ${conjunction} ${rest} more` : joined;
}

/**
 * `text` with its control characters escaped, at most `maxLength` characters long: cut between code
 * points and escapes, never inside one, and ended with an ellipsis when cut. Only as much of the
 * text is read as is shown.
 */
function cut(text: string, maxLength: number): string {
  // Most texts fit whole: escaped in one pass, not a character at a time. Every operation's label in
  // a diff passes here (operationLabel), and the loop below took ~3 us a label, 30x this.
  if (text.length <= maxLength) {
    const whole = printable(text);
    if (whole.length <= maxLength) return whole;
  }
  // A long text with nothing to escape as far as it is shown (the common case: a hostile 50,000-character
  // operationId) is cut by position, not escaped a character at a time: that loop was seconds over
  // a diff of thousands of long names.
  const head = text.slice(0, maxLength + 1);
  if (printable(head) === head)
    return `${text.slice(0, codePointEnd(text, maxLength - ELLIPSIS.length))}${ELLIPSIS}`;
  const pieces: string[] = [];
  let length = 0;
  for (const character of text) {
    const escaped = printable(character);
    if (length + escaped.length > maxLength) {
      while (length > maxLength - ELLIPSIS.length) length -= pieces.pop()!.length;
      return `${pieces.join('')}${ELLIPSIS}`;
    }
    pieces.push(escaped);
    length += escaped.length;
  }
  return pieces.join('');
}

/** `end`, or one less where a surrogate pair would be cut in two there. */
function codePointEnd(text: string, end: number): number {
  const high = text.charCodeAt(end - 1);
  const low = text.charCodeAt(end);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? end - 1 : end;
}

/** A string inside an array or object, as JSON: its first characters only, its secrets masked. */
function nestedString(value: string): string {
  const masked = withSecretsMasked(value, 2 * (MAX_NESTED_STRING + 1));
  // Two code units per code point read are enough to tell whether there are more than shown.
  const characters = [...masked.slice(0, 2 * (MAX_NESTED_STRING + 1))];
  const shown =
    characters.length > MAX_NESTED_STRING
      ? `${characters.slice(0, MAX_NESTED_STRING - 1).join('')}${ELLIPSIS}`
      : characters.join('');
  return JSON.stringify(shown);
}

/**
 * Compact JSON of a value, with arrays and objects summarised: their first entries, then how many
 * more there are; deeper ones as `[…]` and `{…}`; long strings cut. Reads no more of the value than
 * it shows, however large or deep the value is.
 */
function summarise(value: unknown, depth: number): string {
  if (typeof value === 'string') return nestedString(value);
  if (value === null || typeof value !== 'object') return String(JSON.stringify(value));
  const isArray = Array.isArray(value);
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  const keys = isArray ? undefined : Object.keys(value);
  const count = isArray ? value.length : keys!.length;
  if (count === 0) return `${open}${close}`;
  if (depth >= MAX_NESTING) return `${open}${ELLIPSIS}${close}`;
  const entries: string[] = [];
  for (let index = 0; index < Math.min(count, MAX_ENTRIES); index++) {
    if (isArray) {
      entries.push(summarise(value[index], depth + 1));
    } else {
      const key = keys![index]!;
      const member = (value as Record<string, unknown>)[key];
      entries.push(`${nestedString(key)}:${summarise(member, depth + 1)}`);
    }
  }
  if (count > MAX_ENTRIES) entries.push(`${ELLIPSIS} (${count - MAX_ENTRIES} more)`);
  return `${open}${entries.join(',')}${close}`;
}
