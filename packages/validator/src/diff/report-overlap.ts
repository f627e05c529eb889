import { listedOperationId, type RawChange } from './raw-change.js';
import { isBreakingSchemaChange, isSchemaReport, type RawEntry, type SchemaReport } from './schema-report.js';

/** Which schema reports may hold a breaking change that another change repeats. */
export interface ReportOverlap {
  /** Reports that an earlier one repeats whole: same list, operation and ValuePath. */
  readonly repeated: ReadonlySet<SchemaReport>;
  /** Reports whose breaking changes may equal another report's or a change's: they are deduped by key. */
  readonly overlapping: ReadonlySet<SchemaReport>;
}

/**
 * Dedupe (connector-diff.ts) drops a breaking change that has the rule, place, operation, ValuePath
 * and message of an earlier one. Keeping a key of each of 20,000,000 to find the few repeated ones
 * took gigabytes, so the reports that can hold one are found here from their lists: two changes are
 * one only if they name one operation (as listed: cut, see listedOperationId), at one place (side and
 * pointer), by one ValuePath; a report's
 * ValuePaths all start with its own, so one report's can equal another's (or a change's) only when
 * one ValuePath is the other's or begins it. Every other report's breaking changes are each unique.
 * Its non-breaking ones, one per place whatever the operation, are deduped by key in all cases.
 */
export function reportOverlap(entries: readonly RawEntry[]): ReportOverlap {
  const repeated = new Set<SchemaReport>();
  const overlapping = new Set<SchemaReport>();
  const places = new BreakingPlaces();
  // Per operation as listed (dedupe reads a missing operationId as ''), the reports by ValuePath.
  const reports = new Map<string, Map<string, SchemaReport[]>>();
  for (const entry of entries) {
    if (!isSchemaReport(entry)) continue;
    const byPath = reports.get(operationKey(entry.operationId)) ?? new Map<string, SchemaReport[]>();
    reports.set(operationKey(entry.operationId), byPath);
    const same = byPath.get(entry.valuePath) ?? [];
    byPath.set(entry.valuePath, same);
    if (same.some((earlier) => earlier.schemaChanges === entry.schemaChanges)) repeated.add(entry);
    else same.push(entry);
  }
  const reportsAbove = (operationId: string | undefined, valuePath: string): SchemaReport[] => {
    const byPath = reports.get(operationKey(operationId));
    if (!byPath) return [];
    return valuePathAndAbove(valuePath).flatMap((path) => byPath.get(path) ?? []);
  };
  for (const byPath of reports.values()) {
    for (const same of byPath.values()) {
      for (const report of same) {
        for (const other of reportsAbove(report.operationId, report.valuePath)) {
          if (other === report || !places.intersect(report, other)) continue;
          overlapping.add(report);
          overlapping.add(other);
        }
      }
    }
  }
  for (const entry of entries) {
    if (isSchemaReport(entry) || !isBreaking(entry) || entry.valuePath === undefined) continue;
    for (const report of reportsAbove(entry.operationId, entry.valuePath)) {
      if (places.of(report).has(placeKey(entry))) overlapping.add(report);
    }
  }
  return { repeated, overlapping };
}

/** The operation as dedupe tells it apart: by the id it is listed with, none being ''. */
function operationKey(operationId: string | undefined): string {
  return listedOperationId(operationId) ?? '';
}

/** 'a/b/c', 'a/b' and 'a': the ValuePaths whose reports' changes may have the ValuePath 'a/b/c'. */
function valuePathAndAbove(valuePath: string): string[] {
  const paths = [valuePath];
  for (let index = valuePath.lastIndexOf('/'); index >= 0; index = valuePath.lastIndexOf('/', index - 1)) {
    paths.push(valuePath.slice(0, index));
    if (index === 0) break;
  }
  return paths;
}

function isBreaking(change: RawChange): boolean {
  return (change.impact ?? change.rule.impact) === 'breaking';
}

function placeKey(change: { side: string; pointer: string }): string {
  return `${change.side}\u0000${change.pointer}`;
}

/** The places of each list's breaking changes, built once per list. */
class BreakingPlaces {
  private readonly byList = new Map<SchemaReport['schemaChanges'], Set<string>>();

  of(report: SchemaReport): Set<string> {
    let places = this.byList.get(report.schemaChanges);
    if (!places) {
      places = new Set(report.schemaChanges.filter(isBreakingSchemaChange).map(placeKey));
      this.byList.set(report.schemaChanges, places);
    }
    return places;
  }

  intersect(a: SchemaReport, b: SchemaReport): boolean {
    const [small, large] = [this.of(a), this.of(b)].sort((x, y) => x.size - y.size);
    for (const place of small!) if (large!.has(place)) return true;
    return false;
  }
}
