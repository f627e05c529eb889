import { isInvisible, isSpaceLike } from '../json/syntax/word-tokens.js';
import type { TextEdit } from '../text/text-edits.js';

// The diagnosis removes text by blanking it to spaces (see `removal`), so that the lines and columns
// of everything after it stay where they were while the file is read. Written into the file, those
// blanks would be litter: `"a": 1,  // note` would become `"a": 1          ` and a trailing comma a
// trailing space. So a removal is written as a deletion, the spaces it leaves at the end of its
// line go with it, and a line it leaves empty goes whole.

/**
 * The edits to write into the file for the diagnosis's edits of `text`: the same edits, with each
 * removal made a deletion and tidied (see above). The edit of invisible characters that show as
 * space stays the space it makes: the maker typed them for a space (a no-break space pasted from a
 * web page). Those that take no room (a zero-width space, a NUL byte) are deleted.
 */
export function writtenEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const removals = edits.filter((edit) => isRemoval(text, edit));
  const written = edits.filter((edit) => !removals.includes(edit));
  written.push(...joinedRemovals(text, removals).map((removal) => tidiedDeletion(text, removal)));
  // In order of offset, an insertion before a deletion that starts where it goes: a tidied deletion
  // can start where the diagnosis inserts a missing comma (`1 // note` becomes `1,`).
  return written.sort((a, b) => a.offset - b.offset || Number(a.length > 0) - Number(b.length > 0));
}

/**
 * Removals with only blanks between them as one (a block comment, then a line comment), so that
 * the tidying sees what is left of their line.
 */
function joinedRemovals(text: string, removals: readonly TextEdit[]): TextEdit[] {
  const joined: TextEdit[] = [];
  for (const removal of [...removals].sort((a, b) => a.offset - b.offset)) {
    const last = joined[joined.length - 1];
    const lastEnd = last ? last.offset + last.length : -1;
    if (last && removal.offset >= lastEnd && skipBlanks(text, lastEnd) >= removal.offset) {
      const end = removal.offset + removal.length;
      joined[joined.length - 1] = { offset: last.offset, length: end - last.offset, insert: '' };
    } else joined.push(removal);
  }
  return joined;
}

/**
 * Whether an edit blanks text that holds more than invisible characters, or invisible characters none
 * of which shows as space.
 */
function isRemoval(text: string, edit: TextEdit): boolean {
  if (edit.length === 0 || edit.insert.length !== edit.length) return false;
  const removed = text.slice(edit.offset, edit.offset + edit.length);
  if (edit.insert !== removed.replace(/[^\n\r]/g, ' ')) return false;
  const characters = [...removed].map((character) => character.codePointAt(0)!);
  return characters.some((character) => !isInvisible(character)) || !characters.some(isSpaceLike);
}

/**
 * The deletion of an edit's text and, when nothing but spaces follows it on its line, of the spaces
 * before and after it; when nothing at all is left on the line then, of the line break after it too
 * (the last line keeps the break before it, which ends the text above).
 */
function tidiedDeletion(text: string, edit: TextEdit): TextEdit {
  let start = edit.offset;
  let end = edit.offset + edit.length;
  const lineEnd = skipBlanks(text, end);
  if (lineEnd < text.length && !isLineBreak(text.charCodeAt(lineEnd))) {
    // Text follows on the line: the blanks after the deletion go too when blanks or the line's
    // indentation stand before it (`  /* note */ "a"` becomes `  "a"`, `"a": /* x */ 1` `"a": 1`).
    if (start === 0 || isBlank(text.charCodeAt(start - 1)) || isLineBreak(text.charCodeAt(start - 1))) {
      end = lineEnd;
    }
    // A ',' after it closes up to the value before it, as the maker wrote it (`"a" },` becomes `"a",`).
    if (text.charAt(end) === ',') start = blanksBefore(text, start);
    return { offset: start, length: end - start, insert: '' };
  }
  end = lineEnd;
  while (start > 0 && isBlank(text.charCodeAt(start - 1))) start--;
  const lineStart = start === 0 || isLineBreak(text.charCodeAt(start - 1));
  if (lineStart && end < text.length) end += text.startsWith('\r\n', end) ? 2 : 1;
  return { offset: start, length: end - start, insert: '' };
}

/** Where the blanks before `offset` on its line start (`offset` itself after its line's indentation). */
function blanksBefore(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && isBlank(text.charCodeAt(start - 1))) start--;
  return start === 0 || isLineBreak(text.charCodeAt(start - 1)) ? offset : start;
}

function skipBlanks(text: string, offset: number): number {
  while (offset < text.length && isBlank(text.charCodeAt(offset))) offset++;
  return offset;
}

const isBlank = (code: number): boolean => code === 0x20 || code === 0x09;
const isLineBreak = (code: number): boolean => code === 0x0a || code === 0x0d;
