import type { LineStarts } from './scan.js';

/** 1-based line and column of an offset in a text. Columns count UTF-16 code units, as SARIF's default. */
export interface TextPosition {
  line: number;
  column: number;
}

/** A located range: 1-based start line and column, plus the end. */
export interface TextRange extends TextPosition {
  endLine: number;
  endColumn: number;
}

/**
 * Maps offsets to lines and columns. Built lazily, and only as far into the text as offsets are asked
 * for: most files never need it, and the findings of the others usually end well before the end of
 * the file (about a third of the located text is never asked for on the corpus).
 */
export class LineIndex implements LineStarts {
  /**
   * Offsets where lines start, in a typed array: a growing array of numbers was one of the largest
   * allocations of a corpus run (a large swagger has tens of thousands of lines), and the typed
   * array's storage is outside the JS heap. It starts at a guess of one line per 32 characters and
   * doubles when the guess was short (counting the lines first, then recording them, read every
   * large text twice).
   */
  private starts: Uint32Array | undefined;
  private count = 1;
  /** Every newline before this offset is recorded in `starts`. */
  private scanned = 0;

  constructor(private readonly text: string) {}

  position(offset: number): TextPosition {
    const clamped = this.clamp(offset);
    const line = this.lineHolding(clamped);
    return { line: line + 1, column: clamped - this.starts![line]! + 1 };
  }

  /**
   * The positions of `start` and `end` in one object. Why not two `position` calls: a finding is
   * located by a range, and the two positions and their copy into one object were most of the
   * locating's garbage (8,328 findings on the corpus); the end is nearly always on the start's line,
   * which needs no second search.
   */
  range(start: number, end: number): TextRange {
    const from = this.clamp(start);
    const to = this.clamp(end);
    const line = this.lineHolding(from);
    // Every line start up to `to` is recorded after this, so the next one says whether `to` is further.
    const starts = this.lineStartsThrough(to);
    const sameLine = from <= to && (line + 1 >= this.count || to < starts[line + 1]!);
    const endLine = sameLine ? line : this.lineHolding(to);
    return {
      line: line + 1,
      column: from - starts[line]! + 1,
      endLine: endLine + 1,
      endColumn: to - starts[endLine]! + 1,
    };
  }

  /**
   * The offset where the line that holds `offset` starts. The locator's scan asks for the lines of
   * the brackets it passes, in text order, and recording lines through `offset` stops at the first
   * newline after it: the answer is nearly always the last line recorded or the one before.
   */
  lineStartOf(offset: number): number {
    const clamped = this.clamp(offset);
    const starts = this.lineStartsThrough(clamped);
    let line = this.count - 1;
    if (starts[line]! > clamped && starts[--line]! > clamped) line = this.lineHolding(clamped);
    return starts[line]!;
  }

  private clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.text.length));
  }

  /** The 0-based index of the line that holds `offset` (already clamped to the text). */
  private lineHolding(offset: number): number {
    const starts = this.lineStartsThrough(offset);
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  get lineCount(): number {
    this.lineStartsThrough(this.text.length);
    return this.count;
  }

  /** The line starts, recorded at least up to the line that holds `offset`. */
  private lineStartsThrough(offset: number): Uint32Array {
    const starts = (this.starts ??= new Uint32Array(Math.max(16, (this.text.length >> 5) + 1)));
    return this.scanned < offset ? this.recordLinesThrough(offset) : starts;
  }

  /**
   * Records the line starts up to the line that holds `offset`. The loop keeps its state in locals,
   * written back once: it runs for every line of the located part of the text (~600,000 a corpus
   * run), and the field writes on each were a fifth of its time.
   */
  private recordLinesThrough(offset: number): Uint32Array {
    const text = this.text;
    let starts = this.starts!;
    let count = this.count;
    let scanned = this.scanned;
    // A newline at `offset` itself starts a line after it: recording it is harmless.
    while (scanned < offset) {
      const at = text.indexOf('\n', scanned);
      if (at === -1) {
        scanned = text.length;
        break;
      }
      if (count === starts.length) {
        const larger = new Uint32Array(starts.length * 2);
        larger.set(starts);
        starts = larger;
      }
      starts[count++] = at + 1;
      scanned = at + 1;
    }
    this.starts = starts;
    this.count = count;
    this.scanned = scanned;
    return starts;
  }
}
