import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * markdown-it 14's block state (lib/rules_block/state_block.mjs) with the same table of lines, made
 * by searching for each line feed instead of stepping through every character: only a line's
 * leading spaces and tabs are read one by one. The constructor's loop over every character of the
 * text was the largest single cost of parsing the corpus readmes (1.1 MB a run).
 */
export function withSearchedLines(State: typeof StateBlock): typeof StateBlock {
  return class SearchedLinesState extends State {
    constructor(src: string, md: MarkdownIt, env: unknown, tokens: Token[]) {
      // Every field as markdown-it sets it, the table of an empty text (its one end entry) made anew.
      super('', md, env, tokens);
      this.src = src;
      this.bMarks = [];
      this.eMarks = [];
      this.tShift = [];
      this.sCount = [];
      this.bsCount = [];
      pushLines(this, src);
      this.lineMax = this.bMarks.length - 1;
    }
  };
}

/**
 * Each line's start, end (its LF, or the end of the text), leading spaces and tabs, and indent with
 * tabs expanded to the next multiple of four; then markdown-it's end entry. As in markdown-it, a
 * last line of spaces and tabs only, without a LF, is no line.
 */
function pushLines(state: StateBlock, src: string): void {
  const length = src.length;
  for (let start = 0; start < length;) {
    let textStart = start;
    let indent = 0;
    for (; textStart < length; textStart++) {
      const code = src.charCodeAt(textStart);
      if (code === 0x20) indent++;
      else if (code === 0x09) indent += 4 - (indent % 4);
      else break;
    }
    if (textStart === length) break;
    const lineFeed = src.indexOf('\n', textStart);
    const end = lineFeed === -1 ? length : lineFeed;
    state.bMarks.push(start);
    state.eMarks.push(end);
    state.tShift.push(textStart - start);
    state.sCount.push(indent);
    state.bsCount.push(0);
    start = end + 1;
  }
  state.bMarks.push(length);
  state.eMarks.push(length);
  state.tShift.push(0);
  state.sCount.push(0);
  state.bsCount.push(0);
}
