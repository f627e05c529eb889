import { chars, isEscaped, isWhitespace } from './scan.js';

/** The colons of a text, found in one pass. */
export interface Colons {
  /** The offset of every `:` of the text, in text order, inside strings or not. */
  offsets: Int32Array;
  /**
   * How many of them have an unescaped quote as the nearest non-whitespace character before them,
   * as each key's colon of strict JSON does: the text's half of the duplicate-key screen (see
   * `mayHaveDuplicateKeys`).
   */
  afterQuote: number;
}

const { QUOTE } = chars;
const BACKSLASH = 0x5c;

/**
 * Finds the colons of `text`. Two screens walk a JSON document's colons (the duplicate-key screen,
 * and GEN-SECRETS' look for `name: "value"`), and finding them is most of their cost: a native
 * `indexOf` per colon (~15 ns each, ~600,000 colons in the corpus's JSON texts). So the document
 * finds them once (`JsonDocument.colonOffsets`) and both screens read the list. The characters before
 * each colon are read here too, for the duplicate-key screen, while the search has just brought
 * them into the cache; read later from the list, they cost ~5 ms of cache misses a corpus run.
 * Measured in-process on the 739 strict corpus documents, each screen run over all of them in turn
 * (fastest of 20), both screens took 32.2 ms when each searched its own colons, 28.1 when the
 * duplicate-key screen read the list, and 26.2 with its count made here.
 */
export function findColons(text: string): Colons {
  let offsets = scratch;
  let count = 0;
  let afterQuote = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) {
    if (count === offsets.length) offsets = grown(offsets);
    offsets[count++] = at;
    if (followsQuote(text, at)) afterQuote++;
  }
  scratch = offsets;
  // A copy at its final size: the scratch list is filled again by the next text, and a list grown
  // by doubling would hold up to twice the memory for as long as its document lives.
  return { offsets: offsets.slice(0, count), afterQuote };
}

/** Whether the nearest non-whitespace character before the colon at `colon` is an unescaped quote. */
function followsQuote(text: string, colon: number): boolean {
  let before = colon - 1;
  let code = text.charCodeAt(before);
  // Nearly every colon has its key's quote right before it: the whitespace loop is rarely entered.
  while (isWhitespace(code)) code = text.charCodeAt(--before);
  // A key's closing quote is never escaped, so the `\":` of a JSON example inside a description is
  // not counted (the most common reason the counts disagreed on the corpus without any repeated
  // key). It almost never has a backslash before it: the parity count is left for that case.
  return code === QUOTE && (text.charCodeAt(before - 1) !== BACKSLASH || !isEscaped(text, before));
}

/**
 * Reused from text to text, so that only the exact-size copy is new. A module-level list is safe
 * here: it holds numbers only, never a document, and it grows to the largest text's colon count
 * (~21,000 in the corpus's largest swagger, 83 KB).
 */
let scratch: Int32Array = new Int32Array(4096);

function grown(offsets: Int32Array): Int32Array {
  const larger = new Int32Array(offsets.length * 2);
  larger.set(offsets);
  return larger;
}
