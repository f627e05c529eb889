/**
 * What keeps a line that would be a heading from being one: the code block a fence opens above it
 * (``` or ~~~, closed below it or never), or an HTML comment. Read from the text, line by line, as
 * CommonMark opens and closes fences: up to three spaces, three or more backticks or tildes, closed
 * by a run of the same character at least as long. Pure.
 */
export type EnclosingBlock =
  | { kind: 'fence'; marker: string; openLine: number; closeLine: number | undefined }
  | { kind: 'comment'; openLine: number }
  | { kind: 'other' };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The block around `offset` of `text` (1-based lines). */
export function enclosingBlock(text: string, offset: number): EnclosingBlock {
  const commentOpen = text.lastIndexOf('<!--', offset);
  if (commentOpen !== -1 && text.lastIndexOf('-->', offset) < commentOpen) {
    return { kind: 'comment', openLine: lineOf(text, commentOpen) };
  }
  const lines = text.split(/\r\n|\r|\n/);
  let open: { marker: string; line: number } | undefined;
  let at = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const lineEnd = at + line.length;
    const fence = FENCE.exec(line)?.[1];
    if (at > offset) {
      // Past the line: the fence open around it closes here, or never.
      if (open && fence && fence[0] === open.marker[0] && fence.length >= open.marker.length)
        return { kind: 'fence', marker: open.marker, openLine: open.line, closeLine: index + 1 };
    } else if (fence) {
      if (!open) open = { marker: fence, line: index + 1 };
      else if (fence[0] === open.marker[0] && fence.length >= open.marker.length) open = undefined;
    }
    at = lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1);
  }
  return open
    ? { kind: 'fence', marker: open.marker, openLine: open.line, closeLine: undefined }
    : { kind: 'other' };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}
