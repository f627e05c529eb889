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
   * Offsets where lines start, in a typed array: a growing array of numbers was one of the largest
   * allocations of a corpus run (a large swagger has tens of thousands of lines), and the typed
   * array's storage is outside the JS heap. One pass over the text: the buffer starts at a guess of
   * one line per 32 characters and doubles when the guess was short (counting the lines first, then
   * recording them, read every large text twice).
   */
  private lineStarts(): Uint32Array {
    if (this.starts) return this.starts;
    const text = this.text;
    let starts = new Uint32Array(Math.max(16, (text.length >> 5) + 1));
    let count = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
      if (count === starts.length) {
        const larger = new Uint32Array(starts.length * 2);
        larger.set(starts);
        starts = larger;
      }
      starts[count++] = at + 1;
    }
    this.starts = starts.subarray(0, count);
    return this.starts;
  }
}
