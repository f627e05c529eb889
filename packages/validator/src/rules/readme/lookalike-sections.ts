import { headingLookalikes } from './heading-lookalikes.js';
import type { ReadmeHeading, ReadmeOutline } from './outline.js';
import { SUPPORTED_OPERATIONS_HEADING } from './sections.js';

// "##Supported Operations" (no space after the signs) or "##\u00a0Supported Operations" reads as the
// section to a person, but Markdown makes a paragraph of it: README-OPS-MATCH found no section and
// said nothing, so the operations the readme does not list were reported only in the run after the
// maker added the space that README-SECTIONS-* asked for. Read as the heading it is meant to be.

/**
 * The lines that look like an operations section's heading but are no heading (a number sign run
 * without the space Markdown needs after it, or with a no-break space), outside code blocks, each as
 * the heading of its depth it would be: its section runs to the next heading as deep or less. Not
 * such a line in a code block, where Markdown never reads a heading, nor one with a space after its
 * signs (it would be a heading, so it is in a code block the outline has not closed).
 */
export function lookalikeOperationSections(readme: ReadmeOutline): ReadmeHeading[] {
  const sections: ReadmeHeading[] = [];
  for (const line of headingLookalikes(readme.text)) {
    if (line.after === 'space' || !SUPPORTED_OPERATIONS_HEADING.test(line.normalized)) continue;
    if (readme.codeBlocks.some(([start, end]) => line.offset >= start && line.offset < end)) continue;
    const depth = line.marker.length;
    const bodyStart = line.offset + line.text.length;
    const next = readme.headings.find((heading) => heading.offset > line.offset && heading.depth <= depth);
    sections.push({
      depth,
      text: line.text.slice(depth).trim(),
      normalized: line.normalized,
      offset: line.offset,
      length: line.text.length,
      bodyStart,
      bodyEnd: next?.offset ?? readme.text.length,
    });
  }
  return sections;
}

/** The headings and the lookalike sections, in text order, as the outline lists headings. */
export function withLookalikes(
  headings: readonly ReadmeHeading[],
  lookalikes: readonly ReadmeHeading[],
): ReadmeHeading[] {
  return [...headings, ...lookalikes].sort((first, second) => first.offset - second.offset);
}
