import { removal } from '../../text/text-edits.js';
import type { Token } from './token.js';

/** Comments, which JSON does not allow: read as tokens of their own, each named with its removal. */

/** Exported for the configuration file, which says instead where comments may go. */
export const COMMENT = 'Comments are not allowed in JSON; remove it (a "description" can hold the note).';

const UNCLOSED_COMMENT =
  "This '/*' comment is never closed, so the rest of the file is read as part of it: comments are not allowed in JSON; remove the comment.";

/**
 * A '/*' or '//' comment as the scanner read it; `unclosed`: a '/*' comment that runs to the end of
 * the text.
 */
export function commentToken(text: string, offset: number, end: number, unclosed: boolean): Token {
  const kind = 'skip';
  if (unclosed) {
    // Where the comment was meant to end is the maker's to say: no edit is named.
    const problem = { message: UNCLOSED_COMMENT, offset, length: 2 };
    return { kind, offset, end, problem, unclosedAtEnd: true };
  }
  const problem = { message: COMMENT, offset, length: end - offset };
  return { kind, offset, end, problem, fix: removal(text, offset, end - offset) };
}

/**
 * A '#' and a space start a comment to the end of the line, as in YAML and Python; `#/definitions`
 * or `#3b5bdb` is an unquoted string. Undefined when no such comment starts at `offset`.
 */
export function hashCommentToken(text: string, offset: number): Token | undefined {
  if (text.charCodeAt(offset) !== 0x23 || !/^[ \t\r\n]?$/.test(text.charAt(offset + 1))) return undefined;
  const lineEnd = text.slice(offset).search(/[\r\n]/);
  const commentEnd = lineEnd === -1 ? text.length : offset + lineEnd;
  return {
    kind: 'skip',
    offset,
    end: commentEnd,
    problem: { message: COMMENT, offset, length: commentEnd - offset },
    fix: removal(text, offset, commentEnd - offset),
  };
}
