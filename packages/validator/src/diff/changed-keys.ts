import { asObject } from '../swagger/json-values.js';
import { maskSecret } from '../rules/general-secrets/placeholders.js';
import { boundedList, excerpt, quoted } from '../text/message-values.js';

/** The most elements of a list of plain values that a move shows before "and N more". */
const MAX_SHOWN_ELEMENTS = 5;

/**
 * The keys a CHG-OTHER entry names after "Changed:", each written as a plain value (a string, a
 * number, a boolean), a list of them, or absent in both versions followed by its move:
 * "x-ms-visibility (from none to 'important')", "consumes (from none to ['text/plain'])", and of a
 * list in both versions what it gained and lost: "required (added 'due')", since a schema's list of
 * thirty required fields shown whole twice would hide the one added. The bare key said nothing a
 * maker could check: of the sweep of 400
 * PowerPlatformConnectors commits (session 52), 529 entries read "Changed: x-ms-visibility.", 283
 * "Changed: format." and 89 "Changed: default.", where which value left and which came is the whole
 * change. Keys holding an object or a list of objects (x-ms-dynamic-values, items) stay bare: their
 * values can be long, and the notes that follow say what to check of them. `name` writes a key as
 * the message names it (info's keys as "info.version").
 */
export function changedKeyList(
  keys: readonly string[],
  before: unknown,
  after: unknown,
  options: ChangedKeyOptions = {},
): string {
  const { name = (key: string) => key, isSecret = () => false } = options;
  const was = asObject(before);
  const is = asObject(after);
  const shownPlain = (value: unknown) => plainShown(value, isSecret);
  return boundedList(keys, (key) => withMove(name(key), was?.[key], is?.[key], shownPlain));
}

export interface ChangedKeyOptions {
  /** How the message names a key (info's as "info.version"); as it is unless given. */
  readonly name?: (key: string) => string;
  /**
   * Whether a string is a secret by where it is written (a secret default, SecretDefaultValues),
   * which its text alone does not tell: shown masked whole. Any other value has the secrets its
   * text shows masked, as every message value has (excerpt).
   */
  readonly isSecret?: (value: string) => boolean;
}

/** How one plain value (a string, a number, a boolean) is written in the message. */
type ShowPlain = (value: unknown) => string;

function withMove(key: string, was: unknown, is: unknown, shownPlain: ShowPlain): string {
  const name = excerpt(key);
  // The same value on both sides (a key told for what a $ref it sits beside resolves to) has no move.
  if (was === is || !isShown(was) || !isShown(is)) return name;
  if (Array.isArray(was) && Array.isArray(is)) {
    const move = listMove(was, is, shownPlain);
    return move === undefined ? name : `${name} (${move})`;
  }
  return `${name} (from ${shown(was, shownPlain)} to ${shown(is, shownPlain)})`;
}

/**
 * What a list of plain values gained and lost ("added 'due'; removed 'title'"), "reordered" when it
 * holds the same values in another order, undefined when only repeats changed.
 */
function listMove(
  was: readonly unknown[],
  is: readonly unknown[],
  shownPlain: ShowPlain,
): string | undefined {
  const before = new Set(was);
  const after = new Set(is);
  const added = [...after].filter((value) => !before.has(value));
  const removed = [...before].filter((value) => !after.has(value));
  const moves = [
    ...(added.length > 0 ? [`added ${shownList(added, shownPlain)}`] : []),
    ...(removed.length > 0 ? [`removed ${shownList(removed, shownPlain)}`] : []),
  ];
  if (moves.length > 0) return moves.join('; ');
  return was.length === is.length ? 'reordered' : undefined;
}

function isPlain(value: unknown): boolean {
  return ['string', 'number', 'boolean'].includes(typeof value);
}

/** Absent, plain, or a list of plain values (consumes, schemes, required, a boolean's enum). */
function isShown(value: unknown): boolean {
  return value === undefined || isPlain(value) || (Array.isArray(value) && value.every(isPlain));
}

/**
 * A value as the message writes it: strings quoted (and cut when long), absent as "none", a list in
 * brackets, its first few elements.
 */
function shown(value: unknown, shownPlain: ShowPlain): string {
  if (value === undefined) return 'none';
  if (Array.isArray(value)) return `[${shownList(value, shownPlain)}]`;
  return shownPlain(value);
}

function shownList(values: readonly unknown[], shownPlain: ShowPlain): string {
  return boundedList(values, shownPlain, { max: MAX_SHOWN_ELEMENTS });
}

function plainShown(value: unknown, isSecret: (value: string) => boolean): string {
  if (typeof value !== 'string') return String(value);
  return quoted(isSecret(value) ? maskSecret(value) : value);
}
