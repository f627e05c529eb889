import { chars, skipString, skipWhitespace } from './scan.js';

/**
 * A key that its object repeats. JSON allows it, but JSON.parse (and Newtonsoft's default) keep the
 * last value only, so this occurrence and its value are silently ignored.
 */
export interface DuplicateKey {
  /** The key as JSON reads it (escapes decoded). */
  key: string;
  /** Where this ignored occurrence's key is in the text, quotes included. */
  offset: number;
  length: number;
  /** Where the last occurrence, the one whose value is kept, has its key. */
  keptOffset: number;
}

const { QUOTE, OPEN_BRACE, OPEN_BRACKET, COLON } = chars;

/**
 * The cheap screen: false only when a strict JSON text, whose parsed value has `members` object
 * members in all, is proven to repeat no key; true means "maybe", and the exact scan decides.
 * `colonsAfterQuote` is the text's count of colons whose nearest non-whitespace character before
 * them is an unescaped quote (`Colons.afterQuote`, counted as the colons are found: see `findColons`).
 *
 * Why it is sound: in strict JSON every key is a string followed by optional whitespace and a colon,
 * and each key has its own colon. So the colons whose nearest non-whitespace character before them
 * is a quote are at least as many as the keys written; the members JSON.parse kept are the keys
 * written less the repeats. When both counts are equal, nothing was dropped. Colons inside strings
 * (`":"`, `" :"`) can only make the text's count larger, which means "maybe", never a wrong "no";
 * an escaped quote before a colon (`"a\": b"`) is inside a string, and not counted.
 * Counting the colons after a quote on the corpus's 739 strict documents (30 M characters, 600,000
 * colons): ~13 ms with an `indexOf(':')` per colon, as `findColons` does; `"\s*:` with one global
 * regular expression took 35 ms, `":` 22, `text.split(':')` 15, and `indexOf('":')` 18 (memchr
 * stops at every quote).
 */
export function mayHaveDuplicateKeys(colonsAfterQuote: number, members: number): boolean {
  return colonsAfterQuote !== members;
}

/**
 * Every ignored occurrence of a repeated key in strict JSON text, in text order, each with the place
 * of the one kept. Exact, but it cuts out every key of the document: run it only where the screen
 * cannot rule repeats out. Why not jsonc-parser's `visit`: it makes a string of every token, values
 * included, and on the four corpus documents the screen leaves to it that was ~6 MB a corpus run.
 */
export function findDuplicateKeys(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  // One entry per open container: for an object, its keys so far with the offset of their latest
  // occurrence, and its repeats; for an array, undefined.
  const open: (OpenObject | undefined)[] = [];
  for (let i = nextStructural(text, 0); i !== -1; i = nextStructural(text, i)) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = skipString(text, i);
      if (end === -1) break;
      const object = open[open.length - 1];
      if (object !== undefined && text.charCodeAt(skipWhitespace(text, end)) === COLON) {
        noteKey(text, object, i, end, found);
      }
      i = end;
    } else {
      if (code === OPEN_BRACE) open.push({ keys: new Map(), repeats: undefined });
      else if (code === OPEN_BRACKET) open.push(undefined);
      else settleKeptOffsets(open.pop());
      i++;
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

interface OpenObject {
  /** Each key read so far, with the offset of its latest occurrence. */
  keys: Map<string, number>;
  repeats: DuplicateKey[] | undefined;
}

function noteKey(text: string, object: OpenObject, start: number, end: number, found: DuplicateKey[]): void {
  const written = text.slice(start + 1, end - 1);
  const key = written.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : written;
  const earlier = object.keys.get(key);
  object.keys.set(key, start);
  if (earlier === undefined) return;
  const ignored: DuplicateKey = {
    key,
    offset: earlier,
    length: skipString(text, earlier) - earlier,
    keptOffset: -1,
  };
  (object.repeats ??= []).push(ignored);
  found.push(ignored);
}

/** Once an object is read, each key's latest occurrence is the kept one. */
function settleKeptOffsets(object: OpenObject | undefined): void {
  if (object?.repeats === undefined) return;
  for (const ignored of object.repeats) ignored.keptOffset = object.keys.get(ignored.key)!;
}

const STRUCTURAL = /["{}[\]]/g;

/** Offset of the next quote or bracket at or after `at`, or -1. */
function nextStructural(text: string, at: number): number {
  STRUCTURAL.lastIndex = at;
  return STRUCTURAL.test(text) ? STRUCTURAL.lastIndex - 1 : -1;
}
