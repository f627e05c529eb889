import type { LineCounter } from 'yaml';
import { enclosedExcerpt } from '../text/message-values.js';

/**
 * A common slip in a YAML configuration file, in plain words, at the place to edit: the parser's
 * own message names the YAML construct it read (an alias, a compact mapping) and often the place
 * where its reading went wrong, not the line the user got wrong.
 */
export interface YamlSlip {
  message: string;
  /** Where to edit, as an offset into the text (without its byte-order mark). */
  offset: number;
  hint: string;
}

/** The hint of every slip that quoting mends. */
export const QUOTE_HINT = "Quoted text is always a plain string: '…' (a ' inside written as '') or \"…\".";

/**
 * The text in YAML single quotes, whose one escape is a doubled quote, cut as messages quote values:
 * what the user can write instead of the unquoted text.
 */
export function yamlQuoted(text: string): string {
  return enclosedExcerpt(`'${text.replaceAll("'", "''")}'`);
}

/** One line of the text: its number (1-based), where it starts, how far it is indented, what it holds. */
export interface TextLine {
  number: number;
  start: number;
  /** Spaces before its content. */
  indent: number;
  /** Its content after the indentation, without a comment or the line break. */
  content: string;
}

/** The line `number` (1-based) of the text, or undefined past its end. */
export function textLine(text: string, lines: LineCounter, number: number): TextLine | undefined {
  const start = lines.lineStarts[number - 1];
  if (start === undefined) return undefined;
  const end = lines.lineStarts[number] ?? text.length;
  const whole = text.slice(start, end).replace(/\r?\n$/, '');
  const indent = whole.length - whole.trimStart().length;
  return { number, start, indent, content: withoutComment(whole.slice(indent)) };
}

/** The nearest line after (`step` 1) or before (-1) line `number` that holds more than a comment. */
export function nearestContentLine(
  text: string,
  lines: LineCounter,
  number: number,
  step: 1 | -1,
): TextLine | undefined {
  for (let at = number + step; at >= 1 && at <= lines.lineStarts.length; at += step) {
    const line = textLine(text, lines, at);
    if (line && line.content !== '') return line;
  }
  return undefined;
}

/** A line's content without a YAML comment (a # at its start or after a space) and trailing spaces. */
function withoutComment(content: string): string {
  const comment = /(^|\s)#/.exec(content);
  return (comment ? content.slice(0, comment.index) : content).trimEnd();
}
