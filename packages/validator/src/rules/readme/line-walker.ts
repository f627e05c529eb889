/**
 * Line offsets found walking forward through the text, for lines asked in increasing order (headings
 * come in line order): no table of every line start is built for the few lines headings are on
 * (saves 0.6 MB a corpus run). Line endings are those markdown-it counts (LF, CRLF, CR).
 */
export class LineWalker {
  private line = 0;
  private offset = 0;
  /** `hasCR`: whether the text has a CR, which its reader knows (a search through all of it). */
  constructor(
    private readonly text: string,
    private readonly hasCR: boolean,
  ) {}

  /** Where a line starts; the text's length past the last line. */
  startOf(line: number): number {
    const text = this.text;
    // Without CR, the engine's search for LF jumps from line to line far faster than a step per
    // character: walking the corpus readmes took about 2.5 ms a run the slow way.
    while (!this.hasCR && this.line < line) {
      const lineFeed = text.indexOf('\n', this.offset);
      if (lineFeed < 0) break;
      this.offset = lineFeed + 1;
      this.line++;
    }
    while (this.line < line && this.offset < text.length) {
      const code = text.charCodeAt(this.offset++);
      if (code === 0x0a) this.line++;
      else if (code === 0x0d) {
        if (text.charCodeAt(this.offset) === 0x0a) this.offset++;
        this.line++;
      }
    }
    return this.line < line ? text.length : this.offset;
  }

  /** Where the content of the line before `nextLine` ends, before its line ending. */
  endBefore(nextLine: number): number {
    const lineStart = this.startOf(nextLine - 1);
    let end = this.startOf(nextLine);
    if (end > lineStart && this.text.charCodeAt(end - 1) === 0x0a) end--;
    if (end > lineStart && this.text.charCodeAt(end - 1) === 0x0d) end--;
    return end;
  }
}
