import { escapeMarkdown, inlineCode } from './markdown.js';
import type { SummaryBudget } from './summary-budget.js';
import { ruleDocUrl } from './tool-info.js';

/** One change between a connector's base version and the PR's, as the diff engine reports it. */
export interface ConnectorChange {
  ruleId: string;
  breaking: boolean;
  message: string;
  operationId?: string;
  /**
   * Microsoft's ValuePath: the only place that names the field of a field-level change (an output
   * deleted from a shared definition reads the same for every operation but for it).
   */
  valuePath?: string;
  file?: string;
  line?: number;
}

/** The changes of one connector against its base version, and their certification classification. */
export interface ConnectorChanges {
  connector: string;
  /**
   * Where the connector's folder was in the base version, when the change renamed it: as the
   * repository names it (from its root, with '/'), as git reported the rename.
   */
  renamedFrom?: string;
  /** The change deleted the connector (its one change says so): `connector` is where it was. */
  deleted?: boolean;
  /** The change added the connector: the base has no version of it, so `changes` is empty. */
  added?: boolean;
  changes: readonly ConnectorChange[];
  /** e.g. `no change`, `minor update`, `major update`, `breaking`. */
  classification: string;
}

/** The section of the changes against the base branch: per connector, breaking changes first. */
export function writeChanges(
  budget: SummaryBudget,
  changeSets: readonly ConnectorChanges[],
  shown: (file: string) => string,
  docs: string,
  omitted: { changes: number },
): void {
  budget.add('### Changes against the base branch', '');
  // Not "no connector changed": a pull request that only adds an intro.md changes its folder, and
  // the connector is checked, but the comparison reads none of that.
  if (changeSets.length === 0)
    budget.add(
      "No checked connector's swagger, apiProperties.json, readme, script or icon differs from the base.",
      '',
    );
  for (const set of changeSets) {
    const breaking = set.changes.filter((change) => change.breaking).length;
    budget.add(
      `**${escapeMarkdown(shown(set.connector))}**` +
        (set.renamedFrom ? ` (renamed from ${escapeMarkdown(set.renamedFrom)})` : '') +
        (set.deleted ? ' (deleted)' : '') +
        // A reviewer must not read a new connector as one the pull request left alone.
        (set.added
          ? ' (new): no version at the base to compare with'
          : `: ${escapeMarkdown(set.classification)}`) +
        (set.changes.length === 0
          ? ''
          : ` (${breaking} breaking, ${set.changes.length - breaking} non-breaking)`),
      '',
    );
    // Breaking changes first: they are what the reviewer has to decide on.
    const ordered = [...set.changes].sort((a, b) => Number(b.breaking) - Number(a.breaking));
    for (const [index, change] of ordered.entries()) {
      if (!budget.add(changeLine(change, shown, docs))) {
        omitted.changes += ordered.length - index;
        break;
      }
    }
    if (ordered.length > 0) budget.add('');
  }
}

function changeLine(change: ConnectorChange, shown: (file: string) => string, docs: string): string {
  const kind = change.breaking ? '💥 **breaking**' : '➕ non-breaking';
  const operation = change.operationId ? ` ${inlineCode(change.operationId)}` : '';
  const where = change.file
    ? ` (${escapeMarkdown(shown(change.file))}${change.line !== undefined ? `:${change.line}` : ''})`
    : '';
  // As the text report and the annotations end the message: which field, in Microsoft's words.
  const valuePath = change.valuePath ? ` ValuePath: ${inlineCode(change.valuePath)}` : '';
  // Linked like the findings' rules: the reference says what the change breaks and what to do instead.
  const rule = `[${inlineCode(change.ruleId)}](${ruleDocUrl(change.ruleId, docs)})`;
  return `- ${kind} ${rule}${operation}: ${escapeMarkdown(change.message)}${valuePath}${where}`;
}
