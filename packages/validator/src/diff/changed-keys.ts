import { asObject } from '../swagger/json-values.js';
import { boundedList, excerpt, quoted } from '../text/message-values.js';

/**
 * The keys a CHG-OTHER entry names after "Changed:", each written as a plain value (a string, a
 * number, a boolean) or absent in both versions followed by its move: "x-ms-visibility (from none to
 * 'important')". The bare key said nothing a maker could check: of the sweep of 400
 * PowerPlatformConnectors commits (session 52), 529 entries read "Changed: x-ms-visibility.", 283
 * "Changed: format." and 89 "Changed: default.", where which value left and which came is the whole
 * change. Keys holding an object or a list (x-ms-dynamic-values, items, enum) stay bare: their
 * values can be long, and the notes that follow say what to check of them.
 */
export function changedKeyList(keys: readonly string[], before: unknown, after: unknown): string {
  const was = asObject(before);
  const is = asObject(after);
  return boundedList(keys, (key) => withMove(key, was?.[key], is?.[key]));
}

function withMove(key: string, was: unknown, is: unknown): string {
  const name = excerpt(key);
  // The same value on both sides (a key told for what a $ref it sits beside resolves to) has no move.
  if (was === is || !isPlain(was) || !isPlain(is)) return name;
  return `${name} (from ${shown(was)} to ${shown(is)})`;
}

function isPlain(value: unknown): boolean {
  return value === undefined || ['string', 'number', 'boolean'].includes(typeof value);
}

/** A value as the message writes it: strings quoted (and cut when long), absent as "none". */
function shown(value: unknown): string {
  if (value === undefined) return 'none';
  return typeof value === 'string' ? quoted(value) : String(value);
}
