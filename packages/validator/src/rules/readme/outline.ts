import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Heading, Nodes } from 'mdast';

/** One heading of the readme, with where it is and where its section ends. */
export interface ReadmeHeading {
  depth: number;
  text: string;
  /** Lower case, letters and digits only: for comparing headings with names and summaries. */
  normalized: string;
  offset: number;
  length: number;
  /** Where the section's body starts (after the heading) and ends (at the next heading of the same or a higher level). */
  bodyStart: number;
  bodyEnd: number;
}

export interface ReadmeOutline {
  text: string;
  headings: ReadmeHeading[];
}

export function normalizeTitle(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** The visible text of a heading; inline nesting is shallow, so the depth bound is only a guard. */
function plainText(node: Nodes, depth = 0): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (!('children' in node) || depth > 16) return '';
  return node.children.map((child) => plainText(child as Nodes, depth + 1)).join('');
}

function parse(text: string): ReadmeOutline {
  let root;
  try {
    root = fromMarkdown(text);
  } catch {
    return { text, headings: [] };
  }
  const raw = root.children.filter((node): node is Heading => node.type === 'heading');
  const headings: ReadmeHeading[] = raw.map((node) => {
    const offset = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? offset;
    const headingText = plainText(node).trim();
    return {
      depth: node.depth,
      text: headingText,
      normalized: normalizeTitle(headingText),
      offset,
      length: end - offset,
      bodyStart: end,
      bodyEnd: text.length,
    };
  });
  headings.forEach((heading, index) => {
    const next = headings.slice(index + 1).find((other) => other.depth <= heading.depth);
    if (next) heading.bodyEnd = next.offset;
  });
  return { text, headings };
}

/** Parses each readme text once, however many rules read it. */
const cache = new Map<string, ReadmeOutline>();
export function outlineOf(text: string): ReadmeOutline {
  let outline = cache.get(text);
  if (!outline) {
    outline = parse(text);
    // Only the last readme is kept: rules of one connector run back to back.
    cache.clear();
    cache.set(text, outline);
  }
  return outline;
}
