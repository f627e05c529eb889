/**
 * What keeps a line that would be a heading from being one: a code block of the readme's outline
 * (markdown-it's, as the outline found it: `codeBlocks`), with the fence that opens it and whether one
 * closes it, or an HTML comment. Pure: offsets in the readme's text.
 */
export type EnclosingBlock =
  | { kind: 'code'; start: number; end: number; fence: string | undefined; closed: boolean }
  | { kind: 'comment'; start: number }
  | { kind: 'other' };

/** The block around `offset` of `text`, from the outline's code blocks ([start, end) of their lines). */
export function enclosingBlock(
  text: string,
  codeBlocks: readonly (readonly [number, number])[],
  offset: number,
): EnclosingBlock {
  const commentOpen = text.lastIndexOf('<!--', offset);
  if (commentOpen !== -1 && text.lastIndexOf('-->', offset) < commentOpen) {
    return { kind: 'comment', start: commentOpen };
  }
  const block = codeBlocks.find(([start, end]) => start <= offset && offset < end);
  if (!block) return { kind: 'other' };
  const [start, end] = block;
  const lines = text
    .slice(start, end)
    .trimEnd()
    .split(/\r\n|\r|\n/);
  const fence = /^\s*(`{3,}|~{3,})/.exec(lines[0]!)?.[1];
  // Closed where its last line is a run of the fence's character at least as long, and nothing else.
  const last = lines.length > 1 ? lines[lines.length - 1]!.trim() : '';
  const closed =
    fence !== undefined &&
    last.length >= fence.length &&
    [...last].every((character) => character === fence[0]);
  return { kind: 'code', start, end, fence, closed };
}
