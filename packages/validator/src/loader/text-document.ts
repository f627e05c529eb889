import { LineIndex, type TextPosition, type TextRange } from '../json/line-index.js';

/** A text file (readme, script) with line lookup. */
export class TextDocument {
  private readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  position(offset: number): TextPosition {
    return this.lines.position(offset);
  }

  /** The positions of two offsets, `end` usually on the line of `start`. */
  rangeBetween(start: number, end: number): TextRange {
    return this.lines.range(start, end);
  }
}
