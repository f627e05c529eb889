import { README_TODO } from '@connector-alm/core';
import { nameExcerpt } from '../../text/message-values.js';
import { placeholderMatches, type Placeholder, type PlaceholderMatch } from './placeholder-matches.js';

/** The line ends of a pattern with the m flag, in a character class: CR, LF, LS and PS. */
const LINE_END = '\\r\\n\\u2028\\u2029';

/**
 * The TODOs of the readme extract-connectors writes, in capitals where it writes them, so that
 * "Todoist" or "To Do lists" in prose is no placeholder. They are certain, not a guess: no merged
 * readme has one, and they are connector-alm's own, so `pr` refuses a readme that still has one
 * whatever README-PLACEHOLDER's level (see extractionTodos).
 */
export const EXTRACTION_TODOS: readonly Placeholder[] = [
  // A line "TODO: <what to write>", the whole line marked.
  {
    /*
     * The note's first character cannot be a space or tab, so the spaces before it are taken one way
     * only, and it stops at every line end `^` starts after (LS and PS too): `[ \t]*([^\r\n]*\S)`
     * took quadratic time on a line of spaces and tabs (100,000 of them: 13 s).
     */
    pattern: new RegExp(`^${README_TODO}:[ \\t]*((?:[^ \\t${LINE_END}][^${LINE_END}]*)?[^\\s])`, 'gm'),
    message: ([line, what]) =>
      `The readme still says "${nameExcerpt(line)}": replace the line with ${nameExcerpt(what)}${/[.!?]$/.test(what!) ? '' : '.'}`,
    contains: `${README_TODO}:`,
  },
  // A heading "## Publisher: TODO", the whole heading marked.
  {
    // As for the note above: the label starts with no space or tab, and stops at every line end.
    pattern: new RegExp(
      `^#{1,6}[ \\t]+((?:[^ \\t${LINE_END}:][^${LINE_END}:]*)?[^\\s:])[ \\t]*:[ \\t]*${README_TODO}[ \\t]*$`,
      'gm',
    ),
    message: ([heading, label]) =>
      `The readme still says "${nameExcerpt(heading.trim())}": replace ${README_TODO} with the ${nameExcerpt(label!.toLowerCase())}.`,
    contains: README_TODO,
  },
];

/**
 * The TODOs extract-connectors left in a readme's text, each with what to write in its place, in the
 * words README-PLACEHOLDER reports them with.
 */
export function extractionTodos(text: string): PlaceholderMatch[] {
  return [...placeholderMatches(text, EXTRACTION_TODOS)];
}
