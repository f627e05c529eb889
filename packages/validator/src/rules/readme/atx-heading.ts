import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';

/** The token type of an ATX heading (`## Text`) as this rule pushes it: one token, not three. */
export const ATX_HEADING = 'atx_heading';

/** Heading tags by level, so that no tag string is built per heading. */
const TAGS = ['', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

function isSpace(code: number): boolean {
  return code === 0x09 || code === 0x20;
}

function isAsciiTrimmable(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * markdown-it 14's heading rule (lib/rules_block/heading.mjs) with a lighter output: one token that
 * holds the level (tag), the line (map) and the text (content), where the rule pushes an open, an
 * inline and a close token, each with its markup, tag and map (the outline's heading tokens were
 * 3.9 MB of what parsing the corpus readmes allocated). The heading ends, starts and is recognized
 * exactly as there; no other block rule reads heading tokens.
 */
export function atxHeading(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  let pos = state.bMarks[startLine]! + state.tShift[startLine]!;
  let max = state.eMarks[startLine]!;
  // Indented more than 3 spaces: a code block.
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const src = state.src;
  let ch = src.charCodeAt(pos);
  if (ch !== 0x23 || pos >= max) return false;

  let level = 1;
  ch = src.charCodeAt(++pos);
  while (ch === 0x23 && pos < max && level <= 6) {
    level++;
    ch = src.charCodeAt(++pos);
  }
  if (level > 6 || (pos < max && !isSpace(ch))) return false;
  if (silent) return true;

  // Cut tails like '    ###  ' from the end of the line.
  max = state.skipSpacesBack(max, pos);
  const tmp = state.skipCharsBack(max, 0x23, pos);
  if (tmp > pos && isSpace(src.charCodeAt(tmp - 1))) max = tmp;

  state.line = startLine + 1;
  const token = state.push(ATX_HEADING, TAGS[level]!, 0);
  token.map = [startLine, state.line];
  // markdown-it's asciiTrim of the slice, trimming before slicing.
  while (pos < max && isAsciiTrimmable(src.charCodeAt(pos))) pos++;
  while (max > pos && isAsciiTrimmable(src.charCodeAt(max - 1))) max--;
  token.content = src.slice(pos, max);
  return true;
}
