import { listedOperationId, type RawChange } from './raw-change.js';
import { isBreakingSchemaChange, isSchemaReport, type RawEntry, type SchemaReport } from './schema-report.js';

/** Which schema reports may hold a breaking change that another change repeats. */
export interface ReportOverlap {
  /** Reports that an earlier one repeats whole: same list, operation and ValuePaths. */
  readonly repeated: ReadonlySet<SchemaReport>;
  /**
   * The earlier entries whose breaking changes may equal one of `entry`'s: for a report, reports and
   * changes; for a change, reports (changes are deduped with changes by key). None for most.
   */
  earlier(entry: RawEntry): readonly RawEntry[];
}

/**
 * Dedupe (reported-changes.ts) drops a breaking change that has the rule, place, operation,
 * ValuePath and message of an earlier one. Keeping a key of each of 20,000,000 to find the few
 * repeated ones took gigabytes, so the entries that can hold one are found here from their lists: two
 * changes are one only if they name one operation (as listed: cut, see listedOperationId), at one
 * place (side and pointer), by one ValuePath; a report's ValuePaths all start with its own, so one
 * report's can equal another's (or a change's) only when one ValuePath is the other's or begins it,
 * and they share a place. Those are paired here, the later with the earlier; every other report's
 * breaking changes are unique but for repeats within its own list. Its non-breaking ones, one per
 * place whatever the operation, are deduped by key in all cases.
 */
export function reportOverlap(entries: readonly RawEntry[]): ReportOverlap {
  const repeated = new Set<SchemaReport>();
  const places = new BreakingPlaces();
  const order = new Map<RawEntry, number>();
  // Per operation as listed (dedupe reads a missing operationId as ''), the reports by ValuePath.
  const reports = new Map<string, Map<string, SchemaReport[]>>();
  entries.forEach((entry, index) => {
    if (!order.has(entry)) order.set(entry, index);
    if (!isSchemaReport(entry)) return;
    const byPath = reports.get(operationKey(entry.operationId)) ?? new Map<string, SchemaReport[]>();
    reports.set(operationKey(entry.operationId), byPath);
    const same = byPath.get(entry.valuePath) ?? [];
    byPath.set(entry.valuePath, same);
    if (same.some((earlier) => repeats(earlier, entry))) repeated.add(entry);
    else same.push(entry);
  });
  const reportsAbove = (operationId: string | undefined, valuePath: string): SchemaReport[] => {
    const byPath = reports.get(operationKey(operationId));
    if (!byPath) return [];
    return valuePathAndAbove(valuePath).flatMap((path) => byPath.get(path) ?? []);
  };
  const earlier = new Map<RawEntry, Set<RawEntry>>();
  const pair = (a: RawEntry, b: RawEntry): void => {
    const [first, last] = order.get(a)! < order.get(b)! ? [a, b] : [b, a];
    const set = earlier.get(last) ?? new Set<RawEntry>();
    set.add(first);
    earlier.set(last, set);
  };
  for (const byPath of reports.values()) {
    for (const same of byPath.values()) {
      for (const report of same) {
        for (const other of reportsAbove(report.operationId, report.valuePath)) {
          if (other !== report && places.intersect(report, other)) pair(report, other);
        }
      }
    }
  }
  for (const entry of entries) {
    if (isSchemaReport(entry) || !isBreaking(entry) || entry.valuePath === undefined) continue;
    for (const report of reportsAbove(entry.operationId, entry.valuePath)) {
      if (places.has(report, entry)) pair(entry, report);
    }
  }
  const lists = new Map([...earlier].map(([entry, set]) => [entry, [...set]]));
  return { repeated, earlier: (entry) => lists.get(entry) ?? [] };
}

/**
 * Whether `later` stands for the changes `earlier` does, of one operation at one ValuePath: the same
 * list, counting the paths it does not list under the same ValuePath.
 */
function repeats(earlier: SchemaReport, later: SchemaReport): boolean {
  return earlier.schemaChanges === later.schemaChanges && earlier.schemaValuePath === later.schemaValuePath;
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

type Side = 'old' | 'new';
const SIDE_BITS: Record<Side, number> = { old: 1, new: 2 };

/**
 * The places of each list's breaking changes, built once per list: per pointer, the sides it is on
 * (as bits), keyed by the pointer strings the list holds already.
 */
class BreakingPlaces {
  private readonly byList = new Map<SchemaReport['schemaChanges'], Map<string, number>>();

  of(report: SchemaReport): Map<string, number> {
    let places = this.byList.get(report.schemaChanges);
    if (!places) {
      places = new Map();
      for (const change of report.schemaChanges) {
        if (isBreakingSchemaChange(change))
          places.set(change.pointer, (places.get(change.pointer) ?? 0) | SIDE_BITS[change.side]);
      }
      this.byList.set(report.schemaChanges, places);
    }
    return places;
  }

  has(report: SchemaReport, change: { side: Side; pointer: string }): boolean {
    return ((this.of(report).get(change.pointer) ?? 0) & SIDE_BITS[change.side]) !== 0;
  }

  intersect(a: SchemaReport, b: SchemaReport): boolean {
    const [small, large] = [this.of(a), this.of(b)].sort((x, y) => x.size - y.size);
    for (const [pointer, sides] of small!) if (((large!.get(pointer) ?? 0) & sides) !== 0) return true;
    return false;
  }
}
