import { looseKey } from './loose-names.js';
import type { ReadmeHeading } from './outline.js';

/** A list item's marker and what follows on its line. */
const LIST_ITEM = /^[ \t]*(?:[*+-]|\d+[.)])[ \t]+([^\r\n]*)/gm;
/** Where a list item's name ends and its description begins: "`Find`: A free text search…". */
const NAME_END = /:|\s[-–—]\s/;
/** Longer lead-ins are descriptions, not names; and a line is read only so far. */
const MAX_NAME = 200;

/**
 * The loose keys (looseKey) of the names a section lists operations under: its sub-headings that
 * hold no deeper one (a heading over others groups them: Toggl Plan's "### Tasks" names no
 * operation), and the start of each list item, up to a colon or a dash (Ordnance Survey's
 * "* `Find`: A free text search…"). Read only when an operation is not found by its summary or
 * operationId, for the few such operations.
 */
export function listedKeys(
  text: string,
  sections: readonly { section: ReadmeHeading; subHeadings: readonly ReadmeHeading[] }[],
): Set<string> {
  const keys = new Set<string>();
  for (const { section, subHeadings } of sections) {
    for (let index = 0; index < subHeadings.length; index++) {
      const heading = subHeadings[index]!;
      const next = subHeadings[index + 1];
      if (next && next.offset < heading.bodyEnd && next.depth > heading.depth) continue;
      keys.add(looseKey(heading.text));
    }
    LIST_ITEM.lastIndex = section.bodyStart;
    for (let item = LIST_ITEM.exec(text); item !== null; item = LIST_ITEM.exec(text)) {
      if (item.index >= section.bodyEnd) break;
      const line = item[1]!.slice(0, MAX_NAME);
      const end = line.search(NAME_END);
      keys.add(looseKey(end === -1 ? line : line.slice(0, end)));
    }
  }
  keys.delete('');
  return keys;
}
