import { parsePointer } from './pointer.js';
import { skipWhitespace } from './scan.js';

// When the fast locator can stand in for jsonc-parser's tolerant tree on text that is not strict JSON.

/**
 * The text with its trailing commas blanked, when they are its only syntax errors (a common slip:
 * a corpus swagger of 214 KB has one); else undefined. The blanked text is strict JSON whose every
 * offset and line is the original's, so the fast locator finds what jsonc-parser's tolerant tree
 * (which skips trailing commas) would, without building that tree of every value: building it was
 * most of the time locating took on the corpus's broken files.
 */
export function trailingCommasBlanked(
  text: string,
  issues: readonly { offset: number }[],
): string | undefined {
  const commas = issues.map((issue) => issue.offset).sort((a, b) => a - b);
  let blanked = '';
  let from = 0;
  for (const comma of commas) {
    if (text.charCodeAt(comma) !== COMMA || !closesNext(text, comma + 1)) return undefined;
    blanked += text.slice(from, comma) + ' ';
    from = comma + 1;
  }
  blanked += text.slice(from);
  try {
    JSON.parse(blanked);
  } catch {
    return undefined;
  }
  return blanked;
}

const COMMA = 0x2c;

/** Whether the next character after JSON whitespace from `at` closes an object or array. */
function closesNext(text: string, at: number): boolean {
  const next = text.charCodeAt(skipWhitespace(text, at));
  return next === 0x7d || next === 0x5d;
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
