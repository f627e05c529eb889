/** 1-based line and column of an offset in a text. Columns count UTF-16 code units, as SARIF's default. */
export interface TextPosition {
  line: number;
  column: number;
}

/** Maps offsets to lines and columns. Built lazily: most files never need it. */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  position(offset: number): TextPosition {
    const starts = this.lineStarts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1 };
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    let at = this.text.indexOf('\n');
    while (at !== -1) {
      starts.push(at + 1);
      at = this.text.indexOf('\n', at + 1);
    }
    this.starts = starts;
    return starts;
  }
}
