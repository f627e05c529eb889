/** 1-based line and column of an offset in a text. Columns count UTF-16 code units, as SARIF's default. */
export interface TextPosition {
  line: number;
  column: number;
}

/** Maps offsets to lines and columns. Built lazily: most files never need it. */
export class LineIndex {
  private starts: Uint32Array | undefined;

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

  /**
   * Offsets where lines start, in a typed array of the exact size: lines are counted first, then
   * recorded. A growing array of numbers was one of the largest allocations of a corpus run (a large
   * swagger has tens of thousands of lines), and the typed array's storage is outside the JS heap.
   */
  private lineStarts(): Uint32Array {
    if (this.starts) return this.starts;
    const text = this.text;
    let count = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
    const starts = new Uint32Array(count);
    let line = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1;
    this.starts = starts;
    return starts;
  }
}
