/** GitHub rejects a step summary larger than 1 MiB. */
export const GITHUB_SUMMARY_LIMIT = 1024 * 1024;

/** Room kept for the truncation note. */
const NOTE_RESERVE = 1024;

/**
 * Collects markdown lines up to a size in UTF-8 bytes. Once a line does not fit, the budget is
 * closed: later lines are refused too, so the summary never skips an item and shows a later one.
 */
export class SummaryBudget {
  private readonly lines: string[] = [];
  private bytes = 0;
  private closed = false;
  private readonly limit: number;

  constructor(maxBytes: number) {
    this.limit = Math.max(0, maxBytes - NOTE_RESERVE);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Adds the lines if all of them fit; returns whether they were added. */
  add(...lines: string[]): boolean {
    if (this.closed) return false;
    const size = lines.reduce((sum, line) => sum + Buffer.byteLength(line, 'utf8') + 1, 0);
    if (this.bytes + size > this.limit) {
      this.closed = true;
      return false;
    }
    this.lines.push(...lines);
    this.bytes += size;
    return true;
  }

  /** The collected text, plus the note (which the reserve always has room for). */
  text(note?: string): string {
    const body = this.lines.join('\n');
    return note ? `${body}\n\n${note}\n` : `${body}\n`;
  }
}
