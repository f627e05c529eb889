import type { HeadingRole } from './heading-roles.js';
import { listItemNames } from './list-item-names.js';
import { listedEntries } from './loose-names.js';
import type { ReadmeHeading } from './outline.js';

/**
 * The loose entries (listedEntries) of the names a section lists operations under: the start of
 * each list item, up to a colon or a dash (Ordnance Survey's "* `Find`: A free text search…"), and
 * the sub-headings that name an operation (headingRoles): "### Get the instructor" over its "####
 * Inputs" too, not a group's "### Tasks" (Toggl Plan). Read only when an operation is not found by
 * its summary or operationId, for the few such operations.
 *
 * Only where the section lists operations: in its own text and under a sub-heading that groups
 * operations. Under a heading that names an operation, list items and sub-headings describe it
 * ("* Priority: …" under "### Create Ticket" is a parameter, no "Update Priority"); a template
 * section nested in it lists none.
 */
export function listedKeys(
  text: string,
  sections: readonly {
    section: ReadmeHeading;
    subHeadings: readonly ReadmeHeading[];
    roles(): readonly HeadingRole[];
  }[],
): Set<string> {
  const keys = new Set<string>();
  const addNames = (names: readonly string[]) => {
    for (const name of names) for (const entry of listedEntries(name)) keys.add(entry);
  };
  for (const entry of sections) {
    const { section, subHeadings } = entry;
    const roles = entry.roles();
    addNames(listItemNames(text, section, subHeadings[0]));
    for (let index = 0; index < subHeadings.length; index++) {
      const heading = subHeadings[index]!;
      if (roles[index] === 'operation') addNames([heading.text]);
      else if (roles[index] === 'group') addNames(listItemNames(text, heading, subHeadings[index + 1]));
    }
  }
  return keys;
}
