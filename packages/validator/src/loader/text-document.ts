import { LineIndex, type TextPosition } from '../json/line-index.js';

/** A text file (readme, script) with line lookup. */
export class TextDocument {
  private readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  position(offset: number): TextPosition {
    return this.lines.position(offset);
  }
}
