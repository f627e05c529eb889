import { encodeSegment } from './pointer.js';
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
  /**
   * The RFC 6901 pointer of the object that repeats the key, as the text is written: what tells this
   * repeat apart from the same key repeated in another object, whatever is fixed before it.
   */
  objectPointer: string;
}

const { QUOTE, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, COMMA, COLON } = chars;

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
  const path = new OpenPath(text);
  for (let i = nextStructural(text, 0); i !== -1; i = nextStructural(text, i)) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = skipString(text, i);
      if (end === -1) break;
      const object = open[open.length - 1];
      if (object !== undefined && text.charCodeAt(skipWhitespace(text, end)) === COLON) {
        noteKey(text, object, i, end, found, path);
      }
      i = end;
    } else {
      if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        path.enter(i, open[open.length - 1]?.lastKey);
        open.push(
          code === OPEN_BRACE ? { keys: new Map(), repeats: undefined, lastKey: undefined } : undefined,
        );
      } else {
        settleKeptOffsets(open.pop());
        path.leave();
      }
      i++;
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

interface OpenObject {
  /** Each key read so far, with the offset of its latest occurrence. */
  keys: Map<string, number>;
  repeats: DuplicateKey[] | undefined;
  /** The key read last: the one whose value a container opened now is. */
  lastKey: string | undefined;
}

function noteKey(
  text: string,
  object: OpenObject,
  start: number,
  end: number,
  found: DuplicateKey[],
  path: OpenPath,
): void {
  const written = text.slice(start + 1, end - 1);
  const key = written.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : written;
  object.lastKey = key;
  const earlier = object.keys.get(key);
  object.keys.set(key, start);
  if (earlier === undefined) return;
  const ignored: DuplicateKey = {
    key,
    offset: earlier,
    length: skipString(text, earlier) - earlier,
    keptOffset: -1,
    objectPointer: path.innermostPointer(),
  };
  (object.repeats ??= []).push(ignored);
  found.push(ignored);
}

/** Once an object is read, each key's latest occurrence is the kept one. */
function settleKeptOffsets(object: OpenObject | undefined): void {
  if (object?.repeats === undefined) return;
  for (const ignored of object.repeats) ignored.keptOffset = object.keys.get(ignored.key)!;
}

/**
 * The pointers of the open containers, made only when a repeat asks for one: nearly every text the
 * exact scan reads repeats no key, and pays for a few numbers and a key per container opened. An
 * array's index is not counted as the scan goes, which would mean stopping at every comma: it is
 * counted from where the array was counted to, when a pointer through it is asked for. No recursion:
 * the text may nest as deep as its writer liked.
 */
class OpenPath {
  /** Per open container, outermost first: the offset of its bracket … */
  private readonly openers: number[] = [];
  /** … the key whose value it is, undefined in an array and at the top … */
  private readonly names: (string | undefined)[] = [];
  /** … its pointer once made … */
  private readonly pointers: (string | undefined)[] = [];
  /** … and for an array, the elements counted so far, up to which offset. */
  private readonly counted: number[] = [];
  private readonly countedTo: number[] = [];
  private depth = 0;

  constructor(private readonly text: string) {}

  enter(opener: number, name: string | undefined): void {
    const at = this.depth++;
    this.openers[at] = opener;
    this.names[at] = name;
    this.pointers[at] = undefined;
    this.counted[at] = 0;
    this.countedTo[at] = opener + 1;
  }

  leave(): void {
    if (this.depth > 0) this.depth--;
  }

  /** The pointer of the innermost open container. */
  innermostPointer(): string {
    let made = this.depth - 1;
    while (made >= 0 && this.pointers[made] === undefined) made--;
    for (let at = made + 1; at < this.depth; at++) {
      const name = this.names[at];
      this.pointers[at] =
        at === 0
          ? ''
          : `${this.pointers[at - 1]!}/${name !== undefined ? encodeSegment(name) : this.indexIn(at - 1)}`;
    }
    return this.depth === 0 ? '' : this.pointers[this.depth - 1]!;
  }

  /** The index, in the array open at `at`, of the container opened inside it. */
  private indexIn(at: number): number {
    const child = this.openers[at + 1]!;
    this.counted[at] = this.counted[at]! + commasBetween(this.text, this.countedTo[at]!, child);
    this.countedTo[at] = child;
    return this.counted[at]!;
  }
}

/** The commas between `from` and `to` that are not inside a string or a nested container. */
function commasBetween(text: string, from: number, to: number): number {
  let commas = 0;
  let nested = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = skipString(text, i);
      if (end === -1) break;
      i = end - 1;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) nested++;
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) nested--;
    else if (code === COMMA && nested === 0) commas++;
  }
  return commas;
}

const STRUCTURAL = /["{}[\]]/g;

/** Offset of the next quote or bracket at or after `at`, or -1. */
function nextStructural(text: string, at: number): number {
  STRUCTURAL.lastIndex = at;
  return STRUCTURAL.test(text) ? STRUCTURAL.lastIndex - 1 : -1;
}
