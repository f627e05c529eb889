import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { LineWalker } from './line-walker.js';
import { normalizeTitle } from '../../text/normalize-title.js';
import { skipParagraph } from './skip-paragraph.js';
import { withSearchedLines } from './searched-lines-state.js';
import { ConnectorCache } from '../../model/connector-cache.js';
import type { RuleContext } from '../../model/rule.js';

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
  /**
   * The code blocks, fenced or indented, at any level (in lists and block quotes too), as
   * [start, end) offsets of their lines in the text: not prose, so rules on wording skip them.
   */
  codeBlocks: [number, number][];
}

/**
 * CommonMark block parsing only: the core `inline` rule is off, so paragraphs are never parsed
 * inline (that was most of the cost of a full parse); heading contents are parsed inline on their own.
 * The `commonmark` preset, like micromark without extensions: no tables, no linkify, raw HTML allowed.
 * Paragraphs are only skipped (see skipParagraph). With the normalize rule below and the plain
 * headings of headingTextOf, parsing the corpus readmes allocates 10.5 MB instead of 23.9.
 */
const markdown = new MarkdownIt('commonmark');
markdown.core.ruler.disable('inline');
markdown.block.ruler.at('paragraph', skipParagraph);
// The same table of lines, made faster: parsing the corpus readmes took 8.6 ms instead of 5.2 (fastest
// of 40, interleaved in one process; medians 13.4 and 8.6 on a busy machine).
markdown.block.State = withSearchedLines(markdown.block.State);
/*
 * text_join merges the text tokens of inline contents, which are never parsed into the block tokens
 * with `inline` off (heading texts are parsed on their own, and plainText reads text_special as
 * text): it only stepped through every block token (0.2 ms a corpus run).
 */
markdown.core.ruler.disable('text_join');
// Run by markdownSource instead, which knows whether the text has a CR.
markdown.core.ruler.disable('normalize');

/**
 * What markdown-it's normalize rule (lib/rules_core/normalize.mjs) makes of the text, replaced only
 * where it changes something: its two replacements copy the whole text even when it has no CR and no
 * NUL, as 334 of the 371 corpus readmes (saves 2.8 MB a corpus run). Whether the text has a CR is
 * asked once for this and the line walker: each search goes through the whole of most readmes.
 */
function markdownSource(text: string, hasCR: boolean): string {
  // Two searches for one character each: far cheaper than a regular expression with a class.
  if (!hasCR && !text.includes('\0')) return text;
  return text.replace(/\r\n?|\n/g, '\n').replace(/\0/g, '\uFFFD');
}
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

/**
 * The characters that make markdown-it's commonmark inline rules produce anything but plain text:
 * line breaks, escapes, code spans, emphasis, links, images, autolinks, raw HTML and entities.
 * A heading without any of them reads as written, so it is not parsed inline: all but 18 of the
 * 5222 corpus headings (saves 3.7 MB a corpus run).
 */
const INLINE_MARKUP = /[\n\\`*_[!<&]/;

function headingTextOf(inline: Token | undefined, env: Record<string, unknown>): string {
  if (inline?.type !== 'inline') return '';
  if (!INLINE_MARKUP.test(inline.content)) return inline.content.trim();
  const children: Token[] = [];
  markdown.inline.parse(inline.content, markdown, env, children);
  return plainText(children).trim();
}

function parse(text: string): ReadmeOutline {
  // markdown-it is given the text without a BOM (it would read it as content); offsets are then
  // shifted back, so that they point into the text as loaded, which the engine locates them in.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = shift ? text.slice(1) : text;
  let tokens: Token[];
  const env: Record<string, unknown> = {};
  const hasCR = body.includes('\r');
  try {
    tokens = markdown.parse(markdownSource(body, hasCR), env);
  } catch {
    return { text, headings: [], codeBlocks: [] };
  }
  const lines = new LineWalker(body, hasCR);
  const headings: ReadmeHeading[] = [];
  const codeBlocks: [number, number][] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    // Tokens come in line order, which the line walker needs: code blocks are read in the same pass.
    if ((token.type === 'fence' || token.type === 'code_block') && token.map) {
      codeBlocks.push([lines.startOf(token.map[0]) + shift, lines.startOf(token.map[1]) + shift]);
      continue;
    }
    // Top-level headings only (level 0): not those inside block quotes or lists.
    if (token.type !== 'heading_open' || token.level !== 0 || !token.map) continue;
    const [firstLine, endLine] = token.map;
    let offset = lines.startOf(firstLine);
    while (body.charCodeAt(offset) === 0x20 || body.charCodeAt(offset) === 0x09) offset++;
    const end = lines.endBefore(endLine);
    const headingText = headingTextOf(tokens[index + 1], env);
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
  return { text, headings, codeBlocks };
}

/**
 * A readme's text: a loaded readme's (TextDocument) is read as each merge conflict's first side has
 * it (`firstSideText`).
 */
type ReadmeText = { readonly text: string; readonly firstSideText?: string };

/** Parses each readme once, however many rules read it: keyed by the document, so it is freed with it. */
const cache = new ConnectorCache<ReadmeText, ReadmeOutline>();
function parseDocument(document: ReadmeText): ReadmeOutline {
  return parse(document.firstSideText ?? document.text);
}

export function outlineOf(document: ReadmeText): ReadmeOutline {
  return cache.getOrBuild(document, parseDocument);
}

/** The readme's outline, read once per readme (see outlineOf); undefined without a readme. */
export function outline(context: RuleContext): ReadmeOutline | undefined {
  const document = context.connector.files.readme?.document;
  return document === undefined ? undefined : outlineOf(document);
}
