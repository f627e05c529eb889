import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

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

/**
 * CommonMark block parsing only: the core `inline` rule is off, so paragraphs are never parsed
 * inline (that was most of the cost of a full parse); heading contents are parsed inline on their own.
 * The `commonmark` preset, like micromark without extensions: no tables, no linkify, raw HTML allowed.
 */
const markdown = new MarkdownIt('commonmark');
markdown.core.ruler.disable('inline');
// Autolink text as written (`<http://a%20b>` reads "http://a%20b"), not decoded for display.
markdown.normalizeLinkText = (url) => url;

/**
 * The visible text of a heading's inline tokens: text, entities, escapes and code spans; raw HTML
 * and images say nothing, a hard break joins its lines, a soft break keeps its line ending.
 */
function plainText(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
        text += token.content;
        break;
      case 'softbreak':
        text += '\n';
        break;
      default:
        break;
    }
  }
  return text;
}

/** Offsets where each line starts; line endings are those markdown-it counts (LF, CRLF, CR). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) starts.push(i + 1);
    else if (code === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Offset of the end of a line's content, before its line ending. */
function lineEnd(text: string, starts: readonly number[], line: number): number {
  let end = line + 1 < starts.length ? starts[line + 1]! : text.length;
  if (end > starts[line]! && text.charCodeAt(end - 1) === 0x0a) end--;
  if (end > starts[line]! && text.charCodeAt(end - 1) === 0x0d) end--;
  return end;
}

function parse(text: string): ReadmeOutline {
  // markdown-it is given the text without a BOM (it would read it as content); offsets are then
  // shifted back, so that they point into the text as loaded, which the engine locates them in.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = shift ? text.slice(1) : text;
  let tokens: Token[];
  const env: Record<string, unknown> = {};
  try {
    tokens = markdown.parse(body, env);
  } catch {
    return { text, headings: [] };
  }
  let starts: number[] | undefined;
  const headings: ReadmeHeading[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    // Top-level headings only (level 0): not those inside block quotes or lists.
    if (token.type !== 'heading_open' || token.level !== 0 || !token.map) continue;
    starts ??= lineStarts(body);
    const [firstLine, endLine] = token.map;
    let offset = starts[firstLine] ?? body.length;
    while (body.charCodeAt(offset) === 0x20 || body.charCodeAt(offset) === 0x09) offset++;
    const end = lineEnd(body, starts, Math.min(endLine - 1, starts.length - 1));
    const inline = tokens[index + 1];
    const children: Token[] = [];
    if (inline?.type === 'inline') markdown.inline.parse(inline.content, markdown, env, children);
    const headingText = plainText(children).trim();
    headings.push({
      depth: Number(token.tag.slice(1)),
      text: headingText,
      normalized: normalizeTitle(headingText),
      offset: offset + shift,
      length: end - offset,
      bodyStart: end + shift,
      bodyEnd: text.length,
    });
  }
  for (let index = 0; index < headings.length; index++) {
    const heading = headings[index]!;
    for (let later = index + 1; later < headings.length; later++) {
      const next = headings[later]!;
      if (next.depth <= heading.depth) {
        heading.bodyEnd = next.offset;
        break;
      }
    }
  }
  return { text, headings };
}

/** Parses each readme once, however many rules read it: keyed by the document, so it is freed with it. */
const cache = new WeakMap<object, ReadmeOutline>();
export function outlineOf(document: { readonly text: string }): ReadmeOutline {
  let outline = cache.get(document);
  if (!outline) {
    outline = parse(document.text);
    cache.set(document, outline);
  }
  return outline;
}
