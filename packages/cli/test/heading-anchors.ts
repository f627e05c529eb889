/**
 * The anchors GitHub gives the headings of a markdown page (code blocks left out): lower case,
 * punctuation dropped, spaces made '-'.
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    const heading = inCode ? undefined : /^#{1,6} (.+)$/.exec(line)?.[1];
    if (heading)
      anchors.add(
        heading
          .trim()
          .toLowerCase()
          .replace(/[^\p{L}\p{N} _-]/gu, '')
          .replace(/ /g, '-'),
      );
  }
  return anchors;
}
