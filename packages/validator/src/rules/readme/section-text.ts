import { normalizeTitle } from '../../text/normalize-title.js';
import type { ReadmeHeading, ReadmeOutline } from './outline.js';
import { isAsciiDigit, isAsciiLower, isAsciiUpper } from '../../text/ascii-codes.js';

/**
 * Where a name occurs in the section, searched after `from` first and from the start only when it is
 * not there, or -1. Sections mostly list operations in the swagger's order, so each search mostly
 * goes from one operation to the next rather than through the section from its start (searching the
 * corpus sections for their summaries: 5.4 -> 3.4 ms a run).
 */
function indexInSection(section: string, name: string, from: number): number {
  const at = section.indexOf(name, from);
  if (at !== -1 || from === 0) return at;
  // Only what starts before `from` is left to search: a name the section misses (a quarter of the
  // corpus summaries) is no longer searched for twice after `from` (2.05 -> 1.76 ms a run).
  return section.slice(0, from + name.length - 1).indexOf(name);
}

/**
 * The Supported Operations section, asked for the names it lists (all names normalized).
 *
 * A sub-heading whose text stands as written in its line is a piece of the section's text, and
 * normalizing keeps or drops each character on its own, so the section contains that heading's name:
 * such names answer without the section being normalized and searched. Sections mostly list
 * operations as such sub-headings (2,185 of the corpus's 4,573 visible summaries), and 108 of its 327
 * sections list every visible summary so, which are then never normalized: the rule over the corpus
 * takes 9.2-9.45 ms of CPU instead of 9.8-10.3 (fastest of 100, 3 interleaved pairs).
 */
export class SectionText {
  /** Each sub-heading's text, with its name: a summary written the same has the same name. */
  private readonly headingNames = new Map<string, string>();
  /**
   * The sub-headings' names, for an operationId's: each operation not listed by its summary was
   * compared with every sub-heading's name.
   */
  private readonly subHeadingNames = new Set<string>();
  /** How many operationIds were searched for in the section's text, up to IDENTIFIERS_AFTER. */
  private searches = 0;
  /** The compound identifiers written in the section (compoundIdentifiersIn), made when needed. */
  private identifiers: Set<string> | undefined;
  /** The names of the sub-headings written as is: the section's text contains them. */
  private readonly writtenNames = new Set<string>();
  private normalized: string | undefined;
  /** Just after the name the search found last. */
  private from = 0;
  constructor(
    private readonly readme: ReadmeOutline,
    private readonly section: ReadmeHeading,
    subHeadings: readonly ReadmeHeading[],
  ) {
    for (const heading of subHeadings) {
      this.headingNames.set(heading.text, heading.normalized);
      this.subHeadingNames.add(heading.normalized);
      if (isWrittenAsIs(readme, heading)) this.writtenNames.add(heading.normalized);
    }
  }

  /**
   * A summary's name: a summary that reads as a sub-heading (2,081 of the corpus's 5,174) has its
   * name already, and is not normalized again.
   */
  nameOf(summary: string): string {
    return this.headingNames.get(summary) ?? normalizeTitle(summary);
  }

  /**
   * Whether the section lists an operation by its operationId instead of its summary: as a
   * sub-heading ("### SendSMS" in SMS Wireless Services), or written as is in its text when the id is
   * a compound one (`TimeCard_Get`, **GetAccount**). A one-word id ("Board", "Assign") written in a
   * sentence is only a word, so it does not count.
   */
  listsOperationId(operationId: string): boolean {
    if (this.subHeadingNames.has(normalizeTitle(operationId))) return true;
    if (!COMPOUND_IDENTIFIER.test(operationId)) return false;
    // Where many operationIds are searched for, the section's identifiers are read once and looked
    // up: searching the readme from the section for each read 4.8 MB of the corpus readmes a run (978
    // searches; InEight's 80 operations, listed by operationId, each went through its 28 kB section).
    // The rule on InEight: 2.37-2.49 ms, now 1.91-2.33 (fastest of 30, interleaved). Not for the
    // first few: reading a section's identifiers costs more than a search or two (read for any, QPP
    // NextGen and HubSpot CRM V2 were 0.1 ms slower).
    if (
      this.identifiers === undefined &&
      ++this.searches > IDENTIFIERS_AFTER &&
      IDENTIFIER.test(operationId)
    ) {
      this.identifiers = compoundIdentifiersIn(
        this.readme.text,
        this.section.bodyStart,
        this.section.bodyEnd,
      );
    }
    if (this.identifiers !== undefined && IDENTIFIER.test(operationId))
      return this.identifiers.has(operationId);
    const text = this.readme.text;
    const end = this.section.bodyEnd;
    for (
      let at = text.indexOf(operationId, this.section.bodyStart);
      at !== -1;
      at = text.indexOf(operationId, at + 1)
    ) {
      if (at + operationId.length > end) return false;
      if (
        !isIdentifierChar(text.charCodeAt(at - 1)) &&
        !isIdentifierChar(text.charCodeAt(at + operationId.length))
      ) {
        return true;
      }
    }
    return false;
  }

  contains(name: string): boolean {
    if (this.writtenNames.has(name)) return true;
    this.normalized ??= normalizeTitle(this.readme.text, this.section.bodyStart, this.section.bodyEnd);
    const at = indexInSection(this.normalized, name, this.from);
    if (at === -1) return false;
    this.from = at + name.length;
    return true;
  }
}

/** An identifier of several parts: a lower-case letter before a capital, an underscore or a digit. */
const COMPOUND_IDENTIFIER = /[a-z][A-Z]|_|\d/;
/** Letters, digits and underscores only (isIdentifierChar): written apart, a whole run of them. */
const IDENTIFIER = /^[A-Za-z0-9_]+$/;
/** The searches for operationIds in a section before its identifiers are read instead. */
const IDENTIFIERS_AFTER = 8;

/**
 * The runs of letters, digits and underscores (isIdentifierChar) that lie whole in text[from, to)
 * and are compound identifiers (COMPOUND_IDENTIFIER): where such an operationId is written apart.
 * A run the range cuts (one that goes on before `from` or after `to`) is none: it holds the
 * operationId only with an identifier character beside it, or not wholly in the section.
 */
export function compoundIdentifiersIn(text: string, from: number, to: number): Set<string> {
  const identifiers = new Set<string>();
  let start = from;
  // A run already under way at `from` is not whole in the range.
  while (
    start < to &&
    isIdentifierChar(text.charCodeAt(start - 1)) &&
    isIdentifierChar(text.charCodeAt(start))
  ) {
    start++;
  }
  while (start < to) {
    if (!isIdentifierChar(text.charCodeAt(start))) {
      start++;
      continue;
    }
    // COMPOUND_IDENTIFIER's tests on the way: an underscore or a digit, or a capital after a small letter.
    const first = text.charCodeAt(start);
    let compound = first === 0x5f || isAsciiDigit(first);
    let end = start + 1;
    for (; end < text.length && isIdentifierChar(text.charCodeAt(end)); end++) {
      const code = text.charCodeAt(end);
      if (
        code === 0x5f ||
        isAsciiDigit(code) ||
        (isAsciiUpper(code) && isAsciiLower(text.charCodeAt(end - 1)))
      )
        compound = true;
    }
    if (end <= to && compound) identifiers.add(text.slice(start, end));
    start = end;
  }
  return identifiers;
}

/** A letter, digit or underscore (NaN, before or after the text, is none). */
function isIdentifierChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f
  );
}

/**
 * Whether a heading's text is written as is in its line, so that the section holding it contains it;
 * not a heading whose markup is dropped from its text (`&amp;` displays "&", a link its text only).
 */
function isWrittenAsIs(readme: ReadmeOutline, heading: ReadmeHeading): boolean {
  const at = readme.text.indexOf(heading.text, heading.offset);
  return at !== -1 && at + heading.text.length <= heading.offset + heading.length;
}
