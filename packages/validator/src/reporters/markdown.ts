/** Small helpers for writing GitHub-flavoured markdown that contains user text. */
import { breaksAsSpaces } from './one-line.js';

// Characters that make inline markup anywhere in a line (emphasis, code, links, tables, strikethrough).
const INLINE_SPECIAL = /[\\`*_[\]|~]/g;
// Characters that make block markup at the start of a line (heading, list, quote, ordered list).
const BLOCK_START = /^[#+\-=]/;
const ORDERED_LIST_START = /^(\d+)([.)])/;

/**
 * User text as one line of HTML text, for markdown and for the HTML that @actions/core's summary
 * builds (addHeading, addTable, addList put their strings in as they are): a name such as
 * `<img src=x onerror=…></td></table>` shows as itself instead of becoming markup. Line breaks become
 * spaces, since a blank line would end an HTML block and let the rest be read as markdown; quotes are
 * escaped so that the text can also stand in an attribute.
 */
export function htmlText(text: string): string {
  return breaksAsSpaces(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * User text (messages, paths, operation ids) as inert inline markdown: HTML is neutralised, markup
 * characters are backslash-escaped, line breaks become spaces, and `@` cannot mention anyone.
 */
export function escapeMarkdown(text: string): string {
  return htmlText(text)
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(BLOCK_START, (start) => `\\${start}`)
    .replace(ORDERED_LIST_START, '$1\\$2')
    .replace(/@/g, '@\u200b');
}

/*
 * Linear although the lint rule cannot tell: each backtick can end a span, so every try from a run of
 * backticks succeeds at the next run (200,000 backticks and a letter: 0 ms).
 */
// eslint-disable-next-line regexp/no-super-linear-move
const CODE_SPAN = /(`+[^`]*`+)/;

/** `text` with `escape` applied outside its code spans, which stay as they are. */
function escapedOutsideCode(text: string, escape: (part: string) => string): string {
  return text
    .split(CODE_SPAN)
    .map((part, index) => (index % 2 === 1 ? part : escape(part)))
    .join('');
}

/**
 * Our own prose (rule titles and descriptions) as markdown: code spans are kept, but outside them
 * `<`, `>` and `|` are escaped, so `<your client secret>` shows instead of vanishing as an HTML tag
 * and a pipe cannot split a table cell.
 */
export function proseMarkdown(text: string): string {
  return escapedOutsideCode(text, (part) =>
    part.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|'),
  );
}

/**
 * Our own one-line text that names code (a rule's title, such as "Set `publisher` and `stackOwner`.")
 * as inline markdown for the job summary: escaped as user text is (escapeMarkdown), but with its code
 * spans kept, so that they show as code, as the rule reference shows them, not between backslashed
 * backticks.
 */
export function inlineProse(text: string): string {
  return escapedOutsideCode(text, escapeMarkdown);
}

/** Text as an inline code span, with a fence longer than any run of backticks inside it. */
export function inlineCode(text: string): string {
  const single = text.replace(/[\r\n]+/g, ' ');
  const longestRun = Math.max(0, ...(single.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = single.startsWith('`') || single.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${single}${pad}${fence}`;
}

/** A fenced code block whose fence cannot be closed by the content. */
export function codeBlock(text: string, language = ''): string {
  const longestRun = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/** One table row. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
