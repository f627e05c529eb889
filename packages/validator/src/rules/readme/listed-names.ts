import { listedEntries } from './loose-names.js';
import {
  GROUPING_HEADING,
  groupsListedOperations,
  introducesOnly,
  LIST_ITEM,
  OPERATIONS_GROUP_HEADING,
  parentIndex,
  TEMPLATE_SECTION_HEADING,
} from './operation-headings.js';
import type { ReadmeHeading } from './outline.js';

/** Where a list item's name ends and its description begins: "`Find`: A free text search…". */
const NAME_END = /:|\s[-–—]\s/;
/** Longer lead-ins are descriptions, not names; and a line is read only so far. */
const MAX_NAME = 200;

/**
 * The loose entries (listedEntries) of the names a section lists operations under: the start of
 * each list item, up to a colon or a dash (Ordnance Survey's "* `Find`: A free text search…"), and
 * its sub-headings that hold no deeper one (a heading over others groups them: Toggl Plan's
 * "### Tasks" names no operation). Read only when an operation is not found by its summary or
 * operationId, for the few such operations.
 *
 * Only where the section lists operations: in its own text and under a sub-heading that groups
 * operations. Under a heading that names an operation, list items and sub-headings describe it
 * ("* Priority: …" under "### Create Ticket" is a parameter, no "Update Priority").
 */
export function listedKeys(
  text: string,
  sections: readonly { section: ReadmeHeading; subHeadings: readonly ReadmeHeading[] }[],
  namesOperation: (name: string) => boolean,
): Set<string> {
  const keys = new Set<string>();
  const addNames = (names: readonly string[]) => {
    for (const name of names) for (const entry of listedEntries(name)) keys.add(entry);
  };
  for (const { section, subHeadings } of sections) {
    const groups = groupingHeadings(text, subHeadings, namesOperation);
    addNames(listItemNames(text, section, subHeadings[0]));
    for (let index = 0; index < subHeadings.length; index++) {
      const heading = subHeadings[index]!;
      const next = subHeadings[index + 1];
      const parent = parentIndex(subHeadings, index);
      if (!holdsDeeper(heading, next) && (parent === -1 || groups[parent])) addNames([heading.text]);
      if (groups[index]) addNames(listItemNames(text, heading, next));
    }
  }
  return keys;
}

/**
 * Whether the list under a heading names an operation, by a name a person reads as its: for a
 * heading that says it holds operations, Ubiqod's "### Tracker Operations" over "- **Update
 * Tracker**: …" (and three names no operation has).
 */
export function listsOperationNames(
  text: string,
  heading: ReadmeHeading,
  next: ReadmeHeading | undefined,
  readsAsOperation: (name: string) => boolean,
): boolean {
  return listItemNames(text, heading, next).some(readsAsOperation);
}

/**
 * Which sub-headings group operations: a group's name ("Actions", "Badge Operations"), or a heading
 * that names no operation itself over deeper ones that are no details of one (Toggl Plan's
 * "### Tasks" over "#### Fetch list of tasks", not a stale operation over its "#### Inputs"). A
 * template section nested in the section ("### Obtaining Credentials") lists none.
 */
function groupingHeadings(
  text: string,
  subHeadings: readonly ReadmeHeading[],
  namesOperation: (name: string) => boolean,
): boolean[] {
  return subHeadings.map((heading, index) => {
    if (TEMPLATE_SECTION_HEADING.test(heading.normalized)) return false;
    if (GROUPING_HEADING.test(heading.normalized)) return true;
    if (namesOperation(heading.text)) return false;
    const next = subHeadings[index + 1];
    return (
      introducesOnly(text, heading, next) ||
      groupsListedOperations(subHeadings, index, (deeper) => namesOperation(deeper.text)) ||
      (OPERATIONS_GROUP_HEADING.test(heading.normalized) &&
        listsOperationNames(text, heading, next, namesOperation))
    );
  });
}

/** Whether the next sub-heading is one of the heading's own. */
function holdsDeeper(heading: ReadmeHeading, next: ReadmeHeading | undefined): boolean {
  return next !== undefined && next.offset < heading.bodyEnd && next.depth > heading.depth;
}

/** Where the heading's own text ends: at its first sub-heading, or with its section. */
function ownTextEnd(heading: ReadmeHeading, next: ReadmeHeading | undefined): number {
  return next && next.offset < heading.bodyEnd ? next.offset : heading.bodyEnd;
}

/** The names list items lead with in a heading's own text, up to its first sub-heading. */
function listItemNames(text: string, heading: ReadmeHeading, next: ReadmeHeading | undefined): string[] {
  const to = ownTextEnd(heading, next);
  const names: string[] = [];
  LIST_ITEM.lastIndex = heading.bodyStart;
  for (let item = LIST_ITEM.exec(text); item !== null && item.index < to; item = LIST_ITEM.exec(text)) {
    const start = LIST_ITEM.lastIndex;
    const lineEnd = text.indexOf('\n', start);
    const line = text.slice(start, Math.min(lineEnd === -1 ? to : lineEnd, to, start + MAX_NAME));
    const end = line.search(NAME_END);
    names.push(end === -1 ? line : line.slice(0, end));
  }
  return names;
}
