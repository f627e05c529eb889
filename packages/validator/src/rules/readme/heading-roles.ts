import { listsOperationNames } from './list-item-names.js';
import {
  GROUPING_HEADING,
  groupsListedOperations,
  introducesOnly,
  listsSummaries,
  OPERATIONS_GROUP_HEADING,
  parentIndices,
  TEMPLATE_SECTION_HEADING,
  titlesNextOperation,
} from './operation-headings.js';
import type { ReadmeHeading } from './outline.js';

/**
 * What a sub-heading of Supported Operations is, for README-OPS-MATCH's two checks alike: what it
 * lists (listedKeys) and which headings are stale operations. One definition, so that a heading the
 * stale check takes for a group has its list read, and one it takes for an operation's name lists it.
 *
 * - `operation`: names an operation, listed or stale (under the section or a group); its text is a
 *   name the section lists.
 * - `group`: groups listed operations ("### Actions", Toggl Plan's "### Tasks" over its operations'
 *   headings, StarRez's "### Booking" over a list of summaries); its list items name operations.
 * - `detail`: under an operation's heading, describing it ("#### Inputs", "* Priority: …").
 * - `template`: a template section nested in Supported Operations (monday's "### Obtaining
 *   Credentials") or a heading under one ("#### Step 1"): no operation, and lists none.
 */
export type HeadingRole = 'operation' | 'group' | 'detail' | 'template';

/** What telling an operation's heading from a group's asks of the swagger's operations. */
export interface OperationNaming {
  /**
   * Whether a heading names an operation: by its summary or operationId, or by a name a person reads
   * as one operation's own (loose-names.ts); not by a short name or path several may share.
   */
  namesOperation(heading: ReadmeHeading): boolean;
  /** Whether a name a list item leads with reads as any operation's, a shared short name too. */
  readsAsOperation(name: string): boolean;
  /** Every operation's summary, normalized. */
  readonly summaries: ReadonlySet<string>;
}

/** The role of each sub-heading of a section, in order (see HeadingRole). */
export function headingRoles(
  text: string,
  subHeadings: readonly ReadmeHeading[],
  naming: OperationNaming,
): HeadingRole[] {
  const roles: HeadingRole[] = [];
  const parents = parentIndices(subHeadings);
  for (let index = 0; index < subHeadings.length; index++) {
    const parent = parents[index]!;
    const above = parent === -1 ? 'group' : roles[parent]!;
    // What a template section holds is of it; what an operation's heading holds describes it.
    if (above === 'template' || above === 'detail') roles.push(above);
    else if (above === 'operation') roles.push('detail');
    else roles.push(ownRole(text, subHeadings, index, naming));
  }
  return roles;
}

/** The role of a heading right under the section or a group. */
function ownRole(
  text: string,
  subHeadings: readonly ReadmeHeading[],
  index: number,
  naming: OperationNaming,
): HeadingRole {
  const heading = subHeadings[index]!;
  if (TEMPLATE_SECTION_HEADING.test(heading.normalized)) return 'template';
  if (GROUPING_HEADING.test(heading.normalized)) return 'group';
  if (naming.namesOperation(heading)) return 'operation';
  return groupsOperations(text, subHeadings, index, naming) ? 'group' : 'operation';
}

/**
 * Whether a heading that names no operation groups listed ones: a title over deeper headings that are
 * no details of one (Taqnyat SMS's "### Balance" over "#### Get Balance", not a stale operation over
 * its "#### Inputs"), over a deeper heading that names an operation, or over a list of summaries.
 * A "… Operations" heading also right over an operation's heading (PaySpace's "### Employee
 * Operations") or a list of names read as operations' (Ubiqod's "### Badge Operations"): over
 * nothing of the kind, "List Operations" may be a stale operation.
 */
function groupsOperations(
  text: string,
  subHeadings: readonly ReadmeHeading[],
  index: number,
  naming: OperationNaming,
): boolean {
  const heading = subHeadings[index]!;
  const next = subHeadings[index + 1];
  if (
    introducesOnly(text, heading, next) ||
    groupsListedOperations(subHeadings, index, (deeper) => naming.namesOperation(deeper)) ||
    listsSummaries(text, heading, next, naming.summaries)
  ) {
    return true;
  }
  return (
    OPERATIONS_GROUP_HEADING.test(heading.normalized) &&
    (titlesNextOperation(text, heading, next, (following) => naming.namesOperation(following)) ||
      listsOperationNames(text, heading, next, (name) => naming.readsAsOperation(name)))
  );
}
