import { normalizeTitle } from '../../text/normalize-title.js';
import { listItemsIn } from './list-items.js';
import type { ReadmeHeading } from './outline.js';
import { SUPPORTED_OPERATIONS_HEADING } from './sections.js';

/** Sub-headings of Supported Operations that group operations rather than name one. */
export const GROUPING_HEADING =
  /^(actions?|triggers?|operations?|supportedoperations|webhooks?|deprecated.*)$/;

/**
 * A group's "… Operations" (Ubiqod's "### Badge Operations" over a list of bold names, PaySpace's
 * "### Employee Operations" over its operations' headings at the same level): a group only where it
 * groups something, for "List Operations" may be a stale operation.
 */
export const OPERATIONS_GROUP_HEADING = /^.+operations$/;

/**
 * Other sections of the readme template (and "Getting Started", "Frequently Asked Questions"), nested
 * in Supported Operations by a heading level too deep (monday's "### Obtaining Credentials"): they
 * name no operation, stale or not. Also such sections under the other names the corpus has: IN-D's
 * "How to get credentials", TPS & CTPS Checker's "Frequenty Asked Questions", SHRTCODE's "shrtcode
 * API Documentation", and Krozu PM's test reports ("Overall Test Result", "Test Operations within…",
 * "Krozu PM Connector Test within a Power Automate Flow"). Anchored so: "Get Documentation", "How to
 * Reset" or "Run Test Results" may be stale operations.
 */
export const TEMPLATE_SECTION_HEADING =
  /^(publisher.*|prerequisites?|obtainingcredentials|gettingstarted|knownissues(andlimitations)?|limitations|frequen.*askedquestions|faqs?|deploymentinstructions|(further)?support(anddocumentation)?|.*apidocumentation|contactus|howtoget.*|(overall)?test(ing)?results?|test(ing)?operationswithin.*|.+connectortestwithin.*)$/;

/**
 * The sections that list operations: the first, and others beside it rather than in it (Calendly's
 * "## Supported Triggers" and "## Supported Actions"), where a readme splits them. `misspelt`: headings
 * that misspell such a section's name ("## Suported Actions"), read as the section they mean.
 */
export function operationSections(
  headings: readonly ReadmeHeading[],
  misspelt: ReadonlySet<ReadmeHeading> = new Set(),
): ReadmeHeading[] {
  const sections: ReadmeHeading[] = [];
  for (const heading of headings) {
    if (
      heading.depth > 3 ||
      !(SUPPORTED_OPERATIONS_HEADING.test(heading.normalized) || misspelt.has(heading))
    )
      continue;
    const last = sections[sections.length - 1];
    if (last && heading.offset < last.bodyEnd) continue;
    sections.push(heading);
  }
  return sections;
}

/**
 * Whether the sub-heading at `index` has a deeper sub-heading that names an operation: it groups
 * operations ("### Tasks" over "#### Fetch list of tasks" in Toggl Plan). One that has only deeper
 * headings naming none ("#### Inputs") can still be a stale operation.
 */
export function groupsListedOperations(
  subHeadings: readonly ReadmeHeading[],
  index: number,
  namesOperation: (heading: ReadmeHeading) => boolean,
): boolean {
  const group = subHeadings[index]!;
  for (let next = index + 1; next < subHeadings.length; next++) {
    const heading = subHeadings[next]!;
    if (heading.offset >= group.bodyEnd) return false;
    if (heading.depth > group.depth && namesOperation(heading)) return true;
  }
  return false;
}

/**
 * For each sub-heading, the index of the nearest one above it that holds it (a lower depth), or -1.
 * In one pass over a stack of the headings still open: walking back from each heading to the first
 * was quadratic (with 20,000 headings at one level, README-OPS-MATCH took 0.45 s, now 0.2 s; with
 * 80,000, 8.7 s, now 0.9 s).
 */
export function parentIndices(subHeadings: readonly ReadmeHeading[]): number[] {
  const parents: number[] = [];
  // Indices of the headings that may still hold a later one, depths rising from the bottom.
  const open: number[] = [];
  for (let index = 0; index < subHeadings.length; index++) {
    const depth = subHeadings[index]!.depth;
    // A heading closes the open ones at its level or deeper: they hold nothing after it.
    while (open.length > 0 && subHeadings[open[open.length - 1]!]!.depth >= depth) open.pop();
    parents.push(open.length > 0 ? open[open.length - 1]! : -1);
    open.push(index);
  }
  return parents;
}

/**
 * Whether the text under a heading, up to the next heading, is a list of listed operations: two
 * items or more that start with a summary ("### Booking" over "* `Get Booking`: …" in StarRez), or
 * a list right under the heading whose every item does (OpenText eDOCS's "### Item" over its one
 * trigger). Only items that start with one: an operation's description may name others (QPP
 * NextGen's "Download File (Blob)" names two in its list of parameters).
 */
export function listsSummaries(
  text: string,
  heading: ReadmeHeading,
  next: ReadmeHeading | undefined,
  summaries: ReadonlySet<string>,
): boolean {
  const end = next && next.offset < heading.bodyEnd ? next.offset : heading.bodyEnd;
  const items = listItemsIn(text, heading.bodyStart, end);
  if (items.length === 0) return false;
  let found = 0;
  for (const item of items) {
    const name = normalizeTitle(text, item.textStart, item.lineEnd);
    for (const summary of summaries) {
      if (summary !== '' && name.startsWith(summary)) {
        if (++found === 2) return true;
        break;
      }
    }
  }
  const rightUnder = normalizeTitle(text, heading.bodyStart, items[0]!.start) === '';
  return rightUnder && found === items.length;
}

/**
 * Sub-headings that describe one operation rather than name one: its inputs and outputs, request and
 * response ("Request Body", "Response Schema"), samples ("Sample Request"), errors and notes. Under
 * a heading with no text of its own, such a first sub-heading makes it an operation's, not a group's
 * title: "### Delete Widget" over "#### Description" and "#### Request" is a stale operation, not a
 * group of two. The corpus has "Path Parameters", "Request Body Parameters", "Responses" and
 * "Parameters" (Google Gemini and PaLM) and "Input" and "Output" (bitskout); the others are the
 * headings API references commonly use.
 */
const DETAIL_HEADING =
  /^(descriptions?|summary|details|inputs?|outputs?|(path|query|header|body|request|response|input|output)?(parameters?|params|arguments|fields|properties|headers?)|requests?|requestbody.*|responses?|response(body|schema|codes?)|statuscodes?|errors?|errorcodes?|returns|returnvalues?|(samples?|examples?)|(sample|example)(requests?|responses?|usage|inputs?|outputs?|payloads?|calls?)|(request|response)(samples?|examples?)|notes?|remarks|usage|permissions|scopes)$/;

/** A request line as a sub-heading: "POST `/{apiVersion}/models`" (Google Gemini). */
const HTTP_REQUEST_HEADING = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+`?\//;

/**
 * Whether the heading has no text of its own before its first sub-heading, which names something
 * other than a detail of an operation: a group's title (Taqnyat SMS's "### Balance" over
 * "#### Get Balance"), not an operation described under "#### Inputs".
 */
export function introducesOnly(
  text: string,
  heading: ReadmeHeading,
  next: ReadmeHeading | undefined,
): boolean {
  if (!next || next.offset >= heading.bodyEnd || next.depth <= heading.depth) return false;
  if (DETAIL_HEADING.test(next.normalized) || HTTP_REQUEST_HEADING.test(next.text)) return false;
  return normalizeTitle(text, heading.bodyStart, next.offset) === '';
}

/**
 * Whether the heading has no text of its own and the next sub-heading, at its level or deeper,
 * names an operation: PaySpace's "### Employee Operations" right over "### Get a collection of
 * employees", a title over what follows.
 */
export function titlesNextOperation(
  text: string,
  heading: ReadmeHeading,
  next: ReadmeHeading | undefined,
  namesOperation: (heading: ReadmeHeading) => boolean,
): boolean {
  if (!next || next.depth < heading.depth) return false;
  return normalizeTitle(text, heading.bodyStart, next.offset) === '' && namesOperation(next);
}

export function isSubHeading(heading: ReadmeHeading, section: ReadmeHeading): boolean {
  return heading.offset > section.offset && heading.offset < section.bodyEnd && heading.depth > section.depth;
}

/**
 * The sub-headings of each section (isSubHeading), in one pass over the headings: the sections
 * (operationSections) do not overlap and both lists are in text order. Filtering every heading once
 * per section made a readme of many one-heading sections quadratic (20,000 of them took seconds).
 */
export function subHeadingsBySection(
  headings: readonly ReadmeHeading[],
  sections: readonly ReadmeHeading[],
): ReadmeHeading[][] {
  const bySection: ReadmeHeading[][] = sections.map(() => []);
  let current = 0;
  for (const heading of headings) {
    while (current < sections.length && heading.offset >= sections[current]!.bodyEnd) current++;
    if (current === sections.length) break;
    if (isSubHeading(heading, sections[current]!)) bySection[current]!.push(heading);
  }
  return bySection;
}
