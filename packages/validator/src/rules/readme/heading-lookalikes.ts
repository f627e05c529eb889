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

/** One to three number signs (the depths template sections are found at), then anything but another sign. */
const HEADING_LOOKALIKE = /^ {0,3}(#{1,3})(?=[^\s#]|[ \t\u00a0])[^\r\n]*/gm;

function afterMarker(code: number): HeadingLookalike['after'] {
  if (code === 0x20 || code === 0x09) return 'space';
  return code === 0xa0 ? 'no-break space' : 'text';
}

/** Read only when a template section is missing: 7 merged readmes have such a line. */
export function headingLookalikes(text: string): HeadingLookalike[] {
  const lines: HeadingLookalike[] = [];
  HEADING_LOOKALIKE.lastIndex = 0;
  for (let match = HEADING_LOOKALIKE.exec(text); match !== null; match = HEADING_LOOKALIKE.exec(text)) {
    const marker = match[1]!;
    const line = match[0].trimEnd();
    const offset = match.index + match[0].indexOf('#');
    lines.push({
      text: line.trimStart(),
      offset,
      marker,
      after: afterMarker(text.charCodeAt(offset + marker.length)),
      normalized: normalizeTitle(text, offset + marker.length, match.index + line.length),
    });
  }
  return lines;
}
