// Edits of a text, and the text they make with the way back to the original's offsets. The syntax
// diagnosis of JSON says each issue as the edit that fixes it (quote this, remove that comma), the
// merge-conflict reading blanks the markers and the side it does not read, and `validate --fix`
// writes the edits the rules name: all of them edit text, so the edits live here, not in any of them.

/** Replace `length` characters at `offset` of the original text with `insert`. */
export interface TextEdit {
  offset: number;
  length: number;
  insert: string;
  /**
   * The message names another edit too (`01234`: 1234, or "01234" if the zeros matter): the
   * text is read through this one, but which the maker meant is theirs to say, so `validate --fix`
   * does not write it.
   */
  oneOfTwo?: true;
  /**
   * The edit puts in a closer where the diagnosis met a token that does not fit, while the
   * indentation says the closer was lost earlier (lost-closer-by-layout.ts): the text is read
   * through it, but written, it could move members into another object, so `validate --fix` does
   * not write it.
   */
  againstLayout?: true;
  /**
   * The edit removes a string, word or literal the maker typed, which reading on needs: `validate
   * --fix` deletes no text on a guess.
   */
  removesWords?: true;
}

/** Repaired text, and the way back from its offsets to the original's. */
export interface RepairedText {
  readonly text: string;
  /** The original offset of an offset in the repaired text; inserted text maps to where it went in. */
  originalOffset(offset: number): number;
}

/** Removing text: blanked to spaces, its line breaks kept, so that lines after it stay where they are. */
export function removal(text: string, offset: number, length: number): TextEdit {
  return { offset, length, insert: text.slice(offset, offset + length).replace(/[^\n\r]/g, ' ') };
}

export function insertion(offset: number, insert: string): TextEdit {
  return { offset, length: 0, insert };
}

export function replacement(offset: number, length: number, insert: string): TextEdit {
  return { offset, length, insert };
}

/** A replacement that is one of two edits the message names (see `TextEdit.oneOfTwo`). */
export function oneOfTwoReplacements(offset: number, length: number, insert: string): TextEdit {
  return { offset, length, insert, oneOfTwo: true };
}

/**
 * The text with the edits made, in order of offset: at one offset, insertions before the edit that
 * replaces text there (the text they go before), and otherwise in the order given. Undefined when
 * two edits overlap, which no single reading of the text explains.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): RepairedText | undefined {
  const ordered = edits
    .map((edit, order) => ({ edit, order }))
    .sort(
      (a, b) =>
        a.edit.offset - b.edit.offset ||
        Number(a.edit.length > 0) - Number(b.edit.length > 0) ||
        a.order - b.order,
    )
    .map(({ edit }) => edit);
  let repaired = '';
  let from = 0;
  // Where each edit that changes the length starts in the repaired text, for the way back.
  const starts: number[] = [];
  const shifted: TextEdit[] = [];
  for (const edit of ordered) {
    if (edit.offset < from) return undefined;
    repaired += text.slice(from, edit.offset);
    if (edit.insert.length !== edit.length) {
      starts.push(repaired.length);
      shifted.push(edit);
    }
    repaired += edit.insert;
    from = edit.offset + edit.length;
  }
  repaired += text.slice(from);
  if (shifted.length === 0) return { text: repaired, originalOffset: (offset) => offset };
  return {
    text: repaired,
    originalOffset(offset) {
      // The last length-changing edit that starts at or before the offset.
      let low = 0;
      let high = starts.length - 1;
      let found = -1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (starts[middle]! <= offset) {
          found = middle;
          low = middle + 1;
        } else high = middle - 1;
      }
      if (found === -1) return offset;
      const edit = shifted[found]!;
      const into = offset - starts[found]!;
      if (into < edit.insert.length) return edit.offset + Math.min(into, edit.length);
      return edit.offset + edit.length + (into - edit.insert.length);
    },
  };
}
