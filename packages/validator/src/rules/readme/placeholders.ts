import { EXTRACTION_TODOS } from './extraction-todos.js';
import type { Placeholder } from './placeholder-matches.js';
import { PUBLISHER_HEADING, publisherStandIn } from './publisher-name.js';
import { nameExcerpt } from '../../text/message-values.js';

/**
 * Template text left in place (18 merged readmes still say "Publisher's Name"), and the TODOs of the
 * readme extract-connectors writes. `message` says what to write instead.
 */
export const PLACEHOLDERS: readonly Placeholder[] = [
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
  /*
   * A stand-in for the publisher's name on the Publisher heading ("## Publisher: <name>", "## Publisher:
   * Your Name", "## Publisher: [Company]"), the whole heading marked. Lower-case "ublisher" is in any
   * spelling but "PUBLISHER".
   */
  {
    pattern: PUBLISHER_HEADING,
    keep: ([, after]) => publisherStandIn(after!) !== undefined,
    message: ([heading, after]) =>
      `The heading "${nameExcerpt(heading.trim())}" names no publisher: "${nameExcerpt(publisherStandIn(after!)!)}" stands for the name; write the publisher's name in its place (the company's, or an independent publisher's first and last name), as in "## Publisher: Contoso Ltd".`,
    contains: 'ublisher',
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
  // The TODOs of the readme extract-connectors writes, which pr refuses to send.
  ...EXTRACTION_TODOS,
];

const upstreamText = (text: string) => `"${text}" is text of the readme template; replace it.`;

/** The first five words of a template instruction line, enough to recognize it. */
const templateInstruction = (line: string) => `${line.split(/\s+/).slice(0, 5).join(' ')}…`;
