import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';

/**
 * markdown-it 14's paragraph rule (lib/rules_block/paragraph.mjs) without its output: the paragraph
 * ends where it ends there (a blank line, or a line that a rule allowed to interrupt a paragraph
 * starts), but neither its text nor its three tokens are built. The outline reads headings only, and
 * paragraphs were more than a third of what parsing the corpus readmes allocated (6.3 of 16.8 MB).
 * No other block rule reads paragraph tokens (list only marks them hidden when tight).
 */
export function skipParagraph(state: StateBlock, startLine: number, endLine: number): boolean {
  const terminatorRules = state.md.block.ruler.getRules('paragraph');
  const oldParentType = state.parentType;
  state.parentType = 'paragraph';
  let nextLine = startLine + 1;
  for (; nextLine < endLine && !state.isEmpty(nextLine); nextLine++) {
    // Indented as code, or the quirk line of a block quote: a lazy continuation, as in the rule.
    if (state.sCount[nextLine]! - state.blkIndent > 3 || state.sCount[nextLine]! < 0) continue;
    if (interrupts(terminatorRules, state, nextLine, endLine)) break;
  }
  state.line = nextLine;
  state.parentType = oldParentType;
  return true;
}

function interrupts(
  rules: ReturnType<StateBlock['md']['block']['ruler']['getRules']>,
  state: StateBlock,
  line: number,
  endLine: number,
): boolean {
  for (const rule of rules) if (rule(state, line, endLine, true)) return true;
  return false;
}
