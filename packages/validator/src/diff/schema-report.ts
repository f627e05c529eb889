import { quoted } from '../text/message-values.js';
import type { RawChange } from './raw-change.js';
import { MAX_COUNTED_PATHS, MAX_LISTED_PATHS } from './schema-change-list.js';
import type { SchemaChange } from './schema-change.js';

/**
 * The changes of one compared schema, reported for one operation under one ValuePath. The list is
 * the schema comparer's, shared by every operation that reaches the schema: 2,000 operations whose
 * body is one definition of 10,000 fields made required are 2,000 reports of one list, not
 * 20,000,000 changes held at once (which ran out of memory). reported-changes.ts expands each report
 * one change at a time, as it locates, dedupes and caps them.
 */
export interface SchemaReport {
  readonly schemaChanges: readonly SchemaChange[];
  readonly operationId?: string;
  readonly valuePath: string;
  /**
   * The ValuePath of the compared schema when the list is that of a schema nested in it, at
   * `valuePath` (schema-lists.ts `ComparedChanges`): paths not listed are counted under it.
   */
  readonly schemaValuePath?: string;
}

/** What the comparers hand on: changes, and reports that stand for one change per listed schema change. */
export type RawEntry = RawChange | SchemaReport;

export function isSchemaReport(entry: RawEntry): entry is SchemaReport {
  return 'schemaChanges' in entry;
}

/** Whether a schema change is breaking wherever it is reported: its impact does not depend on the report. */
export function isBreakingSchemaChange(change: SchemaChange): boolean {
  return (change.impact ?? change.rule.impact) === 'breaking';
}

/**
 * One schema change as the report's operation has it. A breaking change is reported once per
 * ValuePath, so the last one listed of a change reached by more paths says how many more; the others
 * are reported once per place whatever their paths, so theirs need no count.
 */
export function reportedChange(report: SchemaReport, change: SchemaChange): RawChange {
  const unlisted =
    isBreakingSchemaChange(change) && change.unlisted
      ? unlistedPaths(change.unlisted, report.schemaValuePath ?? report.valuePath)
      : undefined;
  return {
    rule: change.rule,
    file: 'swagger',
    side: change.side,
    pointer: change.pointer,
    atValueEnd: change.atValueEnd,
    operationId: report.operationId,
    valuePath: reportedValuePath(report, change),
    detail: unlisted ? [change.detail, unlisted].filter(Boolean).join(' ') : change.detail,
    impact: change.impact,
  };
}

export function reportedValuePath(report: SchemaReport, change: SchemaChange): string {
  return change.path.length > 0 ? `${report.valuePath}/${change.path.join('/')}` : report.valuePath;
}

/** Every change a list of entries stands for, in order: for tests and the small comparers. */
export function* expandEntries(entries: readonly RawEntry[]): Generator<RawChange> {
  for (const entry of entries) {
    if (!isSchemaReport(entry)) yield entry;
    else for (const change of entry.schemaChanges) yield reportedChange(entry, change);
  }
}

/** "The same field is reached by 3 more ValuePaths under 'operation/Op/responses/200/schema', not listed." */
function unlistedPaths(count: number, valuePath: string): string {
  // Past the count's limit, the paths not listed are at least the limit less the listed ones.
  const howMany =
    count >= MAX_COUNTED_PATHS ? `at least ${MAX_COUNTED_PATHS - MAX_LISTED_PATHS}` : String(count);
  const paths = count === 1 ? 'ValuePath' : 'ValuePaths';
  return `The same field is reached by ${howMany} more ${paths} under ${quoted(valuePath)}, not listed.`;
}
