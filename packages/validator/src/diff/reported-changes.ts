import { compareText } from '@connector-alm/core';
import type { Change } from './change.js';
import { ChangeCap } from './change-cap.js';
import { ChangeLocator, filePath } from './change-locator.js';
import { CHANGE_RULES } from './change-rules.js';
import type { ConnectorVersion } from './connector-diff.js';
import type { RawChange } from './raw-change.js';
import { reportOverlap } from './report-overlap.js';
import type { SchemaChange } from './schema-diff.js';
import {
  isBreakingSchemaChange,
  isSchemaReport,
  reportedChange,
  type RawEntry,
  type SchemaReport,
} from './schema-report.js';

type SchemaChanges = SchemaReport['schemaChanges'];

/**
 * The changes of a diff as reported: without the superseded ones, located in their files, deduped,
 * in report order and capped per rule (change-cap.ts). Schema reports are expanded one change at a
 * time and a change that cannot be listed is counted without being built, so that memory is the
 * input's and the cap's, however many changes the shared definitions multiply into.
 */
export function reportedChanges(
  entries: readonly RawEntry[],
  before: ConnectorVersion,
  after: ConnectorVersion,
): Change[] {
  const superseded = supersededPlaces(entries);
  const locator = new ChangeLocator(entries, before, after);
  const overlap = reportOverlap(entries);
  const cap = new ChangeCap(compareChanges);
  const seen = new Set<string>();
  const offer = (change: Change, keys: Set<string>): void => {
    const key = dedupeKey(change);
    if (keys.has(key)) return;
    keys.add(key);
    cap.add(change);
  };
  // Lists whose non-breaking changes were offered: they are told once per place, whatever the operation.
  const listsOffered = new Set<SchemaChanges>();
  const distinct = new DistinctLists();
  const swaggerFile = { old: filePath(before, 'swagger'), new: filePath(after, 'swagger') };
  for (const entry of entries) {
    if (!isSchemaReport(entry)) {
      if (!superseded.has(entry)) offer(locator.locate(entry), seen);
      continue;
    }
    if (overlap.repeated.has(entry)) continue;
    const list = entry.schemaChanges;
    const nonBreakingOffered = listsOffered.has(list);
    listsOffered.add(list);
    // A report that may repeat other changes is deduped with them; one with no repeats within
    // itself is not deduped at all, and its changes that come too late to be listed are only counted.
    const keys = overlap.overlapping.has(entry) ? seen : distinct.has(list) ? undefined : new Set<string>();
    const places = locator.placesOf(list);
    list.forEach((schemaChange, index) => {
      const { rule, side, pointer } = schemaChange;
      if (superseded.has({ rule, file: 'swagger', pointer })) return;
      if (!isBreakingSchemaChange(schemaChange)) {
        if (!nonBreakingOffered) offer(locator.locate(reportedChange(entry, schemaChange)), seen);
        return;
      }
      if (keys) {
        offer(locator.locate(reportedChange(entry, schemaChange)), keys);
        return;
      }
      const { line, column } = places[index]!;
      const file = swaggerFile[side];
      const comesAfter = (last: Change) =>
        (file === last.file ? 0 : compareText(file, last.file)) || line - last.line || column - last.column;
      if (cap.mayKeep(rule.id, comesAfter)) cap.add(locator.locate(reportedChange(entry, schemaChange)));
      else cap.count(rule.id, 'breaking', rule.severity);
    });
  }
  return cap.result();
}

/**
 * The generic "Other properties" entries that another change already tells as its own (`supersedes`):
 * they are not listed.
 */
function supersededPlaces(entries: readonly RawEntry[]): {
  has: (change: Pick<RawChange, 'rule' | 'file' | 'pointer'>) => boolean;
} {
  const places = new Set<string>();
  for (const entry of entries) {
    if (isSchemaReport(entry)) continue;
    for (const place of entry.supersedes ?? []) places.add(`${place.file}:${place.pointer}`);
  }
  return {
    has: (change) =>
      places.size > 0 && change.rule === CHANGE_RULES.other && places.has(`${change.file}:${change.pointer}`),
  };
}

/**
 * The lists whose breaking changes are each unique for any operation and ValuePath: no two share rule,
 * place and path, which with the report's operation and ValuePath make all of a change's key but the
 * message. Checked once per list.
 */
class DistinctLists {
  private readonly known = new Map<SchemaChanges, boolean>();

  has(list: SchemaChanges): boolean {
    let distinct = this.known.get(list);
    if (distinct === undefined) {
      const keys = list.filter(isBreakingSchemaChange).map(distinctKey);
      distinct = new Set(keys).size === keys.length;
      this.known.set(list, distinct);
    }
    return distinct;
  }
}

function distinctKey(change: SchemaChange): string {
  // A change at the report's own ValuePath ([]) and one at the path [''] have different ValuePaths.
  const path = change.path.length === 0 ? '\u0001' : change.path.join('/');
  return [change.rule.id, change.side, change.pointer, path].join('\u0000');
}

/**
 * A shared definition reached from several operations gives one breaking change per operation, as
 * Microsoft reports them (each names its operation); non-breaking ones are listed once per place.
 * The place is the line and column too: syntax errors all have the file's root as their pointer.
 */
function dedupeKey(change: Change): string {
  const place = [change.ruleId, change.side, change.file, change.pointer, change.line, change.column];
  return (
    change.breaking
      ? [...place, change.operationId, change.valuePath, change.message]
      : [...place, change.message, change.impact]
  ).join('\u0000');
}

/** Report order: by file, place, rule, operation and message. */
function compareChanges(a: Change, b: Change): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.operationId ?? '', b.operationId ?? '') ||
    compareText(a.message, b.message)
  );
}
