import { README_TODO } from '@connector-alm/core';
import { nameExcerpt } from '../../text/message-values.js';

/** The line ends of a pattern with the m flag, in a character class: CR, LF, LS and PS. */
const LINE_END = '\\r\\n\\u2028\\u2029';

/**
 * Template text left in place (18 merged readmes still say "Publisher's Name"), and the TODOs of the
 * readme extract-connectors writes. `contains`: text that every match contains, searched first
 * because the engine finds a plain string far faster than it tries a pattern at every line start
 * (the "# Title" pattern: 1.1 ms a corpus run, 0.1 ms with it). `message` says what to write instead.
 */
export const PLACEHOLDERS: {
  pattern: RegExp;
  message: (match: RegExpExecArray) => string;
  contains?: string;
}[] = [
  { pattern: /Publisher's Name/g, message: () => upstreamText("Publisher's Name") },
  /*
   * The template's two sentences in one pattern: a case-insensitive scan of the corpus readmes costs
   * ~0.7 ms a run for each sentence, and ~0.85 ms for both at once. They start with different
   * letters, so at most one matches at a position, and neither can start again inside itself, so
   * searching on from one character after each match's start finds each sentence where its own
   * pattern would, also where one starts with the other's last letter ("…get starteDescription…").
   */
  {
    pattern: /Description of operation \d|Optional\. How to get started/gi,
    message: ([match]) =>
      upstreamText(/^d/i.test(match) ? 'Description of operation N' : 'Optional. How to get started…'),
  },
  // Spaces and tabs only: \s would take the CR of a CRLF line ending, or run into the next line.
  { pattern: /^#[ \t]*Title[ \t]*$/gm, message: () => upstreamText('# Title'), contains: 'Title' },
  /*
   * The instruction under each heading of the repository readme templates, left in place under
   * a filled-in heading: "Required. Explain the authentication method and how to get the
   * credentials." is in two merged readmes. Only the templates' own sentences, so that prose that
   * starts with "Required." is not taken; the line is marked up to its last visible character (the
   * templates end some lines with a zero-width space).
   */
  {
    pattern:
      /^Required(?:\.[ \t]+| for )(?:One paragraph, two to three sentences|Any plans or licenses|Describe actions, triggers|Explain the authentication method|Include any known issues|Add instructions on how to deploy|It should be the company or organization|For Independent-Publisher-Connector|Independent-Publisher-Connector)(?:[^\r\n]*[^\s\u200b])?/gm,
    message: ([line]) => upstreamText(templateInstruction(line)),
    contains: 'Required',
  },
  {
    pattern:
      /^Optional\.[ \t]+(?:Include frequently asked questions|Add instructions on how to deploy)(?:[^\r\n]*[^\s\u200b])?/gm,
    message: ([line]) => upstreamText(templateInstruction(line)),
    contains: 'Optional.',
  },
  /*
   * The TODOs of extract-connectors' readme, in capitals where it writes them, so that "Todoist" or
   * "To Do lists" in prose is no placeholder: a line "TODO: <what to write>", the whole line marked.
   */
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

const upstreamText = (text: string) => `"${text}" is text of the readme template; replace it.`;

/** The first five words of a template instruction line, enough to recognize it. */
const templateInstruction = (line: string) => `${line.split(/\s+/).slice(0, 5).join(' ')}…`;
