import { listItemsIn } from './list-items.js';
import type { ReadmeHeading } from './outline.js';

/** Where a list item's name ends and its description begins: "`Find`: A free text search…". */
const NAME_END = /:|\s[-–—]\s/;
/** Longer lead-ins are descriptions, not names; and a line is read only so far. */
const MAX_NAME = 200;

/** Where the heading's own text ends: at its first sub-heading, or with its section. */
function ownTextEnd(heading: ReadmeHeading, next: ReadmeHeading | undefined): number {
  return next && next.offset < heading.bodyEnd ? next.offset : heading.bodyEnd;
}

/**
 * The names list items lead with in a heading's own text, up to its first sub-heading: the start of
 * each item, up to a colon or a dash (Ordnance Survey's "* `Find`: A free text search…").
 */
export function listItemNames(
  text: string,
  heading: ReadmeHeading,
  next: ReadmeHeading | undefined,
): string[] {
  const names: string[] = [];
  for (const item of listItemsIn(text, heading.bodyStart, ownTextEnd(heading, next))) {
    const line = text.slice(item.textStart, Math.min(item.lineEnd, item.textStart + MAX_NAME));
    const end = line.search(NAME_END);
    names.push(end === -1 ? line : line.slice(0, end));
  }
  return names;
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
