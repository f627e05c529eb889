import type { RawChange } from './raw-change.js';
import type { ReportOverlap } from './report-overlap.js';
import { pathBelow, type Place, type SchemaChangeIndex } from './schema-change-index.js';
import { isSchemaReport, reportedValuePath, type SchemaReport } from './schema-report.js';

/** An earlier change: one not in a report, or the change at `position` of a report's list. */
export type EarlierChange = RawChange | { report: SchemaReport; position: number };

/**
 * Finds, for a breaking change, the earlier ones that have its rule, place and ValuePath: those it
 * may repeat, whether it does being for their messages to say (dedupe compares whole keys). Only
 * the lists of its own report and of the entries paired with it (report-overlap.ts) can hold one,
 * so they are looked into by index and no key of a change offered is kept.
 */
export class EarlierChanges {
  constructor(
    private readonly overlap: ReportOverlap,
    private readonly index: SchemaChangeIndex,
  ) {}

  /** Whether a change of `report` may repeat another: one of its own list's or of an earlier entry's. */
  mayRepeat(report: SchemaReport): boolean {
    return !this.index.isDistinct(report.schemaChanges) || this.overlap.earlier(report).length > 0;
  }

  /** The earlier changes like change `position` of `report`. */
  ofReported(report: SchemaReport, position: number): EarlierChange[] {
    const change = report.schemaChanges[position]!;
    const like: EarlierChange[] = [];
    if (!this.index.isDistinct(report.schemaChanges)) {
      for (const earlier of this.index.find(report.schemaChanges, change, pathBelow(change))) {
        if (earlier < position) like.push({ report, position: earlier });
      }
    }
    const earlierEntries = this.overlap.earlier(report);
    if (earlierEntries.length === 0) return like;
    const valuePath = reportedValuePath(report, change);
    for (const entry of earlierEntries) {
      if (isSchemaReport(entry)) like.push(...this.inReport(entry, change, valuePath));
      else if (isLike(entry, change, valuePath)) like.push(entry);
    }
    return like;
  }

  /** The changes of earlier reports like `change`, one not in a report (changes among themselves are deduped by key). */
  ofChange(change: RawChange): EarlierChange[] {
    if (change.valuePath === undefined) return [];
    const like: EarlierChange[] = [];
    for (const entry of this.overlap.earlier(change)) {
      if (!isSchemaReport(entry)) continue;
      like.push(...this.inReport(entry, change, change.valuePath));
    }
    return like;
  }

  /** The changes of `report` with `change`'s rule and place, at `valuePath`. */
  private inReport(report: SchemaReport, change: Place, valuePath: string): EarlierChange[] {
    const below = valuePathBelow(valuePath, report.valuePath);
    if (below === undefined) return [];
    return this.index.find(report.schemaChanges, change, below).map((position) => ({ report, position }));
  }
}

/** `valuePath` as a path below `above` ('' for `above` itself), if it is one. */
function valuePathBelow(valuePath: string, above: string): string | undefined {
  if (!valuePath.startsWith(above)) return undefined;
  const below = valuePath.slice(above.length);
  return below === '' || below.startsWith('/') ? below : undefined;
}

function isLike(entry: RawChange, change: Place, valuePath: string): boolean {
  return (
    entry.valuePath === valuePath &&
    entry.rule.id === change.rule.id &&
    entry.side === change.side &&
    entry.pointer === change.pointer
  );
}
