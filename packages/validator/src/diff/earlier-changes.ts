import type { RawChange } from './raw-change.js';
import type { ReportOverlap } from './report-overlap.js';
import { pathBelow, type Place, type SchemaChangeIndex } from './schema-change-index.js';
import { reportedValuePath, type SchemaReport } from './schema-report.js';

/** An earlier change: one not in a report, or the change at `position` of a report's list. */
export type EarlierChange = RawChange | { report: SchemaReport; position: number };

/**
 * Finds, for a breaking change, the earlier ones that have its rule, place and ValuePath: those it
 * may repeat, whether it does being for their messages to say (dedupe compares whole keys). Only
 * the lists of its own report and of the entries that may overlap it (report-overlap.ts) can hold
 * one, so they are looked into by index and no key of a change offered is kept. They are handed out
 * one at a time: dedupe stops at the first that repeats it, mostly the first found.
 */
export class EarlierChanges {
  constructor(
    private readonly overlap: ReportOverlap,
    private readonly index: SchemaChangeIndex,
  ) {}

  /** Whether a change of `report` may repeat another: one of its own list's or of an earlier entry's. */
  mayRepeat(report: SchemaReport): boolean {
    return !this.index.isDistinct(report.schemaChanges) || this.overlap.mayOverlap(report);
  }

  /** The earlier changes like change `position` of `report`. */
  *ofReported(report: SchemaReport, position: number): Generator<EarlierChange> {
    const change = report.schemaChanges[position]!;
    const below = pathBelow(change);
    if (!this.index.isDistinct(report.schemaChanges)) {
      for (const earlier of this.index.find(report.schemaChanges, change, below)) {
        if (earlier < position) yield { report, position: earlier };
      }
    }
    let valuePath: string | undefined;
    for (const candidate of this.overlap.candidates(report, change, below)) {
      if ('report' in candidate) yield* this.inReport(candidate.report, change, candidate.below);
      else if (isLike(candidate, change, (valuePath ??= reportedValuePath(report, change)))) yield candidate;
    }
  }

  /** The changes of earlier reports like `change`, one not in a report (changes among themselves are deduped by key). */
  *ofChange(change: RawChange): Generator<EarlierChange> {
    for (const candidate of this.overlap.candidatesOfChange(change)) {
      if ('report' in candidate) yield* this.inReport(candidate.report, change, candidate.below);
    }
  }

  /** The changes of `report` with `change`'s rule and place, at `below` under its ValuePath. */
  private *inReport(report: SchemaReport, change: Place, below: string): Generator<EarlierChange> {
    for (const position of this.index.find(report.schemaChanges, change, below)) yield { report, position };
  }
}

/**
 * Whether a change not in a report is of the group of a report's change (`change`, at `valuePath`):
 * its rule, place and ValuePath, the operation being the tree's it was found in. A report's changes
 * are all in the swagger: a change of another file at the same pointer has another dedupe key, and
 * offering it would only build it to compare.
 */
function isLike(entry: RawChange, change: Place, valuePath: string): boolean {
  return (
    entry.valuePath === valuePath &&
    entry.rule.id === change.rule.id &&
    entry.file === 'swagger' &&
    entry.side === change.side &&
    entry.pointer === change.pointer
  );
}
