import { LineIndex, type TextPosition, type TextRange } from '../json/line-index.js';
import { firstSidesOf } from '../text/merge-conflicts.js';

/**
 * A text file (readme, script) with line lookup. Its text keeps a leading BOM, and offsets point into
 * it as it is; but a BOM is no column: editors, GitHub's file view and the annotations on it do not
 * show it, so columns on the first line are counted after it, as JSON documents (which drop it) count.
 */
export class TextDocument {
  private readonly lines: LineIndex;
  private readonly bom: boolean;
  private firstSides: string | undefined;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    this.bom = text.charCodeAt(0) === 0xfeff;
  }

  /**
   * The text as the readme and script rules read it: each unresolved merge conflict as its first side
   * has it, as a JSON file is read, offsets and lines kept (`firstSidesOf`). Read with both sides, a
   * readme's conflict listed its headings twice and a script's compared Context.OperationId with the
   * other side's names too; GEN-MERGE-CONFLICT says the conflict, on the text as it is.
   */
  get firstSideText(): string {
    return (this.firstSides ??= firstSidesOf(this.text));
  }

  position(offset: number): TextPosition {
    const { line, column } = this.lines.position(offset);
    return { line, column: this.shown(line, column) };
  }

  /** The positions of two offsets, `end` usually on the line of `start`. */
  rangeBetween(start: number, end: number): TextRange {
    const range = this.lines.range(start, end);
    return {
      ...range,
      column: this.shown(range.line, range.column),
      endColumn: this.shown(range.endLine, range.endColumn),
    };
  }

  /** The offset where the line holding `offset` starts (LineIndex.lineStartOf). */
  lineStartOf(offset: number): number {
    return this.lines.lineStartOf(offset);
  }

  /** The column as an editor shows it: on the first line, not counting the BOM (the BOM itself is column 1). */
  private shown(line: number, column: number): number {
    return this.bom && line === 1 ? Math.max(1, column - 1) : column;
  }
}
