import { normalizeTitle } from '../../text/normalize-title.js';

/** A line that reads as a heading to a person but not to Markdown: "##Deployment", "##\u00a0Prerequisites". */
export interface HeadingLookalike {
  text: string;
  offset: number;
  /** The number signs, "##". */
  marker: string;
  /**
   * What follows the marker. A space: the line would be a heading, so it is in a code block (the
   * section would have been found otherwise), as after Tesseron ASM Basic Data's lone ```.
   */
  after: 'space' | 'no-break space' | 'text';
  /** The text after the marker, normalized like a heading's. */
  normalized: string;
}

/** The depths template sections are found at: "#" to "###". */
const MAX_MARKER = 3;
const NUMBER_SIGN = 0x23;
const WHITESPACE = /\s/;

function afterMarker(code: number): HeadingLookalike['after'] {
  if (code === 0x20 || code === 0x09) return 'space';
  return code === 0xa0 ? 'no-break space' : 'text';
}

/**
 * The lines that start with up to three spaces, one to three number signs, then anything but
 * another sign: a space, a tab, a no-break space or any other character but whitespace. What the
 * multiline pattern `^ {0,3}(#{1,3})(?=[^\s#]|[ \t\u00a0])[^\r\n]*` matches, found from each run
 * of number signs by a search instead of the pattern, which is tried at every line start: the
 * lookalikes of all 371 corpus readmes take 1.5 ms instead of 3.0 (fastest of 40, interleaved).
 * Read only when a template section is missing (185 corpus readmes a run): 7 merged readmes have
 * such a line.
 */
export function headingLookalikes(text: string): HeadingLookalike[] {
  const lines: HeadingLookalike[] = [];
  for (let offset = text.indexOf('#'); offset !== -1;) {
    let markerEnd = offset + 1;
    while (text.charCodeAt(markerEnd) === NUMBER_SIGN) markerEnd++;
    const lineStart = lineStartBefore(text, offset);
    if (markerEnd - offset > MAX_MARKER || lineStart === -1 || !startsText(text, markerEnd)) {
      offset = text.indexOf('#', markerEnd);
      continue;
    }
    let end = markerEnd;
    while (end < text.length && !isCrOrLf(text.charCodeAt(end))) end++;
    const line = text.slice(lineStart, end).trimEnd();
    lines.push({
      text: line.trimStart(),
      offset,
      marker: text.slice(offset, markerEnd),
      after: afterMarker(text.charCodeAt(markerEnd)),
      normalized: normalizeTitle(text, markerEnd, lineStart + line.length),
    });
    offset = text.indexOf('#', end);
  }
  return lines;
}

/**
 * Where the line of `offset` starts, if only up to three spaces come before it there, else -1. A
 * line starts where a multiline `^` matches: at the text's start, or after LF, CR, U+2028 or U+2029.
 */
function lineStartBefore(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && offset - start < 3 && text.charCodeAt(start - 1) === 0x20) start--;
  if (start === 0) return 0;
  const before = text.charCodeAt(start - 1);
  return isCrOrLf(before) || before === 0x2028 || before === 0x2029 ? start : -1;
}

/** Whether a marker ending at `at` is followed by a space, a tab, a no-break space or other text. */
function startsText(text: string, at: number): boolean {
  if (at >= text.length) return false;
  return afterMarker(text.charCodeAt(at)) !== 'text' || !WHITESPACE.test(text.charAt(at));
}

function isCrOrLf(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}
