/** Narrowing helpers for values that came out of JSON.parse. */

import { isObject, type JsonObject } from '@connector-alm/core';

export { isObject, type JsonObject };

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** Own enumerable entries only: "__proto__" or "constructor" keys in user JSON stay plain data. */
export function entriesOf(value: unknown): [string, unknown][] {
  return isObject(value) ? Object.entries(value) : [];
}

export function has(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/**
 * `entriesOf` without building the list of pairs, for the walks that visit every node of a
 * document: same entries, same order (own enumerable keys of a JSON.parse result).
 */
export function forEachEntry(value: unknown, visit: (key: string, entry: unknown) => void): void {
  if (!isObject(value)) return;
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key)) visit(key, value[key]);
  }
}
