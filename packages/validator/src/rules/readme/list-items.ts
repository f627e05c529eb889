/** A list item's marker at the start of a line: "*", "-", "+" or "1." / "1)". */
const LIST_ITEM = /^[ \t]*(?:[*+-]|\d+[.)])[ \t]+/gm;

/** One list item: where its line starts, where its text starts and where its first line ends. */
export interface ListItem {
  start: number;
  textStart: number;
  /** Before the line's ending (LF, CR, CRLF, as the outline reads them), or at the end of the searched text. */
  lineEnd: number;
}

/** Whether a regular expression's `^` (multiline) matches after this character. */
function endsLine(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/**
 * The list items whose lines start in text[from, to), as offsets in the text: a heading's own text,
 * from the end of its line up to its first sub-heading. The search reads that text only: run on the
 * whole readme from `from`, a heading without a list item scanned on to the end of the readme, for
 * each heading (20,000 headings of one line each, a 590 KB readme, took 8 s).
 */
export function listItemsIn(text: string, from: number, to: number): ListItem[] {
  // `^` in the part matches at its start, where a line need not start in the text: begin the search
  // where one does (a heading's own text starts at the end of its line, before its line ending).
  let start = from;
  while (start < to && start > 0 && !endsLine(text.charCodeAt(start - 1))) start++;
  const items: ListItem[] = [];
  if (start >= to) return items;
  // V8 copies no part of 13 characters or more (it is a view of the text): searching the part
  // costs no copy of the heading's text.
  const own = text.slice(start, to);
  LIST_ITEM.lastIndex = 0;
  for (let item = LIST_ITEM.exec(own); item !== null; item = LIST_ITEM.exec(own)) {
    items.push({
      start: start + item.index,
      textStart: start + LIST_ITEM.lastIndex,
      lineEnd: start + lineEndFrom(own, LIST_ITEM.lastIndex),
    });
  }
  return items;
}

/**
 * Where the line that `at` is in ends: at its line ending, whichever the readme writes. Only a LF was
 * looked for: in a readme with lone CR endings an item's first line, and so its name, ran on to the
 * end of the list.
 */
function lineEndFrom(text: string, at: number): number {
  while (at < text.length && !endsLine(text.charCodeAt(at))) at++;
  return at;
}
