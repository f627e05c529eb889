import { parsePointer } from './pointer.js';
import { isWhitespace, skipString } from './scan.js';
import type { SyntaxEdits } from './syntax/diagnosis.js';
import { removal } from '../text/text-edits.js';

// When JSON.parse and the fast locator can stand in for jsonc-parser's tolerant parse and tree on
// text that is not strict JSON.

/** What jsonc-parser's tolerant parse makes of text whose only syntax errors are trailing commas. */
export interface TrailingCommaSlips {
  /** The parsed value. */
  readonly value: unknown;
  /** The text with those commas blanked: strict JSON, every offset and line the original's. */
  readonly blanked: string;
  /** The offset of each trailing comma, in text order. */
  readonly commas: readonly number[];
}

/** A comma, JSON whitespace, a closing bracket. */
const TRAILING_COMMA = /,[ \t\n\r]*[\]}]/g;

/**
 * The value and trailing commas of text whose only syntax errors are trailing commas (a common slip;
 * a corpus swagger of 214 KB has one), found without jsonc-parser's tolerant parse, which costs ~4
 * times JSON.parse (2.9 ms against 0.7 for that file); undefined for any other text, and for text
 * of more than `maxCommas` of them.
 *
 * Why the answer is jsonc-parser's: the blanked text B is strict JSON, and the text is B with a
 * comma before some closing brackets, each after a value. jsonc-parser reads B's tokens as JSON.parse
 * does; at such a comma it reports the bracket, where it expected a value or a member, and goes on
 * from that bracket (`describeIssue` names that as a trailing comma), so its value is B's. A comma
 * right after its container's opening bracket (`[,]`) is reported otherwise: such text is refused.
 * Except for a `__proto__` key: jsonc-parser assigns members, which sets the object's prototype for
 * that key, where JSON.parse makes it an own key; text that may hold one, written plainly or with
 * `\u` escapes (no other escape makes its letters), is refused too.
 */
export function parseTrailingCommaSlips(text: string, maxCommas = Infinity): TrailingCommaSlips | undefined {
  if (text.includes('__proto__') || text.includes('\\u')) return undefined;
  const commas: number[] = [];
  let blanked = '';
  let from = 0;
  // Strings are read from the start of the text, so that a comma inside one is told apart: every
  // quote outside a string opens one in B, and blanking changes no quote or backslash.
  let outside = 0;
  // The first quote from `outside` on, kept from comma to comma: searched again at each, it was
  // searched to the end of the text at each comma after the last string (seconds on 64 MB).
  let quote = text.indexOf('"');
  TRAILING_COMMA.lastIndex = 0;
  for (let match = TRAILING_COMMA.exec(text); match !== null; match = TRAILING_COMMA.exec(text)) {
    const comma = match.index;
    while (quote !== -1 && quote < comma) {
      outside = skipString(text, quote);
      if (outside === -1) return undefined;
      quote = text.indexOf('"', outside);
    }
    if (outside > comma) continue;
    // Past the slip limit the diagnosis speaks for the text (it refuses it).
    if (followsOpeningBracket(text, comma) || commas.length === maxCommas) return undefined;
    commas.push(comma);
    blanked += text.slice(from, comma) + ' ';
    from = comma + 1;
  }
  if (commas.length === 0) return undefined;
  blanked += text.slice(from);
  try {
    return { value: JSON.parse(blanked), blanked, commas };
  } catch {
    return undefined;
  }
}

/**
 * What the syntax diagnosis (diagnoseAndRepair) makes of text whose only syntax errors are at most
 * `maxCommas` trailing commas, but for its issues: a slip and a removal for each comma, and the text
 * read to its end. Undefined for any other text (see parseTrailingCommaSlips).
 *
 * Found without the diagnosis, which walks every token of the text and tries the repairs that could
 * explain each slip on the tokens after it: for a 214 KB corpus swagger with one trailing comma it
 * took about three times as long as this, and was most of what GEN-JSON-PARSE (which asks whether
 * `validate --fix` fixes the file) cost a corpus run. At such a comma the walk weighs the removal of
 * the comma against a closer one too many (`},` before a key) and keeps the repair that reads
 * furthest, the first of equals: the removal, after which it reads the blanked text, strict JSON, up
 * to the next comma. The test holds the two to each other on generated text.
 */
export function trailingCommaRepair(text: string, maxCommas: number): SyntaxEdits | undefined {
  const slips = parseTrailingCommaSlips(text, maxCommas);
  return slips === undefined ? undefined : commaRemovals(text, slips.commas);
}

/** The repair of text whose only syntax errors are the trailing commas at `commas` (see above). */
export function commaRemovals(text: string, commas: readonly number[]): SyntaxEdits {
  return {
    edits: commas.map((comma) => removal(text, comma, 1)),
    unfixedAt: undefined,
    slips: commas.length,
    refused: false,
  };
}

/** Whether the nearest character before `at` that is not JSON whitespace opens an object or array. */
function followsOpeningBracket(text: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && isWhitespace(text.charCodeAt(before))) before--;
  const code = text.charCodeAt(before);
  return code === 0x7b || code === 0x5b;
}

/**
 * Whether a segment of `pointer` reads as an array index only loosely (`01`, `1e0`, an empty one):
 * the tolerant tree takes `Number(segment)` as the index, the fast locator only the index written
 * plainly, so such pointers are left to the tree.
 */
export function namesIndexLoosely(pointer: string): boolean {
  // Text that is no pointer is left to the tree too: the fast locator refuses it, the tree does not.
  if (pointer !== '' && !pointer.startsWith('/')) return true;
  for (const segment of parsePointer(pointer)) {
    const index = Number(segment);
    if (Number.isInteger(index) && index >= 0 && String(index) !== segment) return true;
  }
  return false;
}
