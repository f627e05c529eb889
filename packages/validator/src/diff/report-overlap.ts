import { listedOperationId, type RawChange } from './raw-change.js';
import { placeKey, type SchemaChangeIndex } from './schema-change-index.js';
import { isSchemaReport, type RawEntry, type SchemaReport } from './schema-report.js';
import { type PathNode, ValuePathTree } from './value-path-tree.js';

type SchemaChanges = SchemaReport['schemaChanges'];

/**
 * An earlier entry that may hold a change like one asked about: a report, whose list may hold it
 * with path `below` under the report's ValuePath, or a change not in a report.
 */
export type OverlapCandidate = { report: SchemaReport; below: string } | RawChange;

/** Which schema reports may hold a breaking change that another change repeats. */
export interface ReportOverlap {
  /** Reports that an earlier one repeats whole: same list, operation and ValuePaths. */
  readonly repeated: ReadonlySet<SchemaReport>;
  /** Whether an earlier entry may hold a breaking change like one of `report`'s list. */
  mayOverlap(report: SchemaReport): boolean;
  /**
   * The earlier entries that may hold a change like `place` of `report`'s list, at `below` under
   * the report's ValuePath, one at a time: the first that does is enough. For a report, reports
   * and changes; for a change (`ofChange`), reports: changes are deduped with changes by key.
   */
  candidates(report: SchemaReport, place: Place, below: string): Generator<OverlapCandidate>;
  candidatesOfChange(change: RawChange): Generator<OverlapCandidate>;
}

type Place = { pointer: string };

/**
 * Dedupe (reported-changes.ts) drops a breaking change that has the rule, place, operation,
 * ValuePath and message of an earlier one. Keeping a key of each of 20,000,000 to find the few
 * repeated ones took gigabytes, so the entries that can hold one are found here from their lists: two
 * changes are one only if they name one operation (as listed: cut, see listedOperationId), at one
 * place (side and pointer), by one ValuePath; a report's ValuePaths all start with its own, so one
 * report's can equal another's (or a change's) only when one ValuePath is the other's or begins it.
 *
 * Pairing each report with every earlier one at or above its ValuePath that shared a place was
 * quadratic: 1,000 parameters named alike up to the cut took 20 s, a chain of 200 named 'x', 'x/x', …
 * 57 s. So each operation's ValuePaths are a tree (value-path-tree.ts); a report above another is a
 * candidate only if its list has a path under the part of the other's ValuePath beyond its own (none
 * in a chain); candidates are looked for per change, by place, and handed out one at a time.
 */
export function reportOverlap(entries: readonly RawEntry[], index: SchemaChangeIndex): ReportOverlap {
  const repeated = new Set<SchemaReport>();
  const order = new Map<RawEntry, number>();
  const trees = new Map<string, ValuePathTree>();
  const nodes = new Map<SchemaReport, PathNode>();
  // Per node, the reports kept per list, by the ValuePath their unlisted paths are counted under.
  const kept = new Map<PathNode, Map<SchemaChanges, Set<string | undefined>>>();
  const treeOf = (operationId: string | undefined): ValuePathTree => {
    const key = operationKey(operationId);
    let tree = trees.get(key);
    if (!tree) {
      tree = new ValuePathTree();
      trees.set(key, tree);
    }
    return tree;
  };
  entries.forEach((entry, position) => {
    if (!order.has(entry)) order.set(entry, position);
    if (!isSchemaReport(entry)) {
      if (!isBreaking(entry) || entry.valuePath === undefined || order.get(entry) !== position) return;
      const node = treeOf(entry.operationId).nodeOf(entry.valuePath);
      node.changes.push(entry);
      ValuePathTree.holdsEntry(node);
      return;
    }
    const node = treeOf(entry.operationId).nodeOf(entry.valuePath);
    const lists = kept.get(node) ?? new Map<SchemaChanges, Set<string | undefined>>();
    kept.set(node, lists);
    const countedUnder = lists.get(entry.schemaChanges) ?? new Set<string | undefined>();
    lists.set(entry.schemaChanges, countedUnder);
    if (countedUnder.has(entry.schemaValuePath)) {
      repeated.add(entry);
      return;
    }
    countedUnder.add(entry.schemaValuePath);
    node.reports.push(entry);
    nodes.set(entry, node);
    ValuePathTree.holdsEntry(node);
  });
  const places = new ReportsByPlace(index);
  const above = new Map<PathNode, PathNode[]>();
  /** The nodes above `node` that hold a list with a path under `node`'s ValuePath. */
  const overlapping = (node: PathNode, valuePath: string): PathNode[] => {
    let result = above.get(node);
    if (!result) {
      result = [];
      for (const ancestor of node.ancestors()) {
        const rest = valuePath.slice(ancestor.length);
        const lists = new Set(ancestor.reports.map((report) => report.schemaChanges));
        if ([...lists].some((list) => index.hasPathUnder(list, rest))) result.push(ancestor);
      }
      above.set(node, result);
    }
    return result;
  };
  /**
   * The reports of `node` before `before` (in entry order) that may have a breaking change at
   * `place`, `below` their ValuePath.
   */
  function* reportsBefore(
    node: PathNode,
    place: Place,
    below: string,
    before: number,
  ): Generator<SchemaReport> {
    for (const report of places.at(node, place.pointer, below)) {
      if (order.get(report)! >= before) return;
      yield report;
    }
  }
  return {
    repeated,
    mayOverlap(report) {
      const node = nodes.get(report)!;
      const position = order.get(report)!;
      return (
        node.reports[0] !== report ||
        node.changes.length > 0 ||
        node.entriesBelow ||
        overlapping(node, report.valuePath).some((ancestor) => order.get(ancestor.reports[0]!)! < position)
      );
    },
    *candidates(report, place, below) {
      const node = nodes.get(report)!;
      const position = order.get(report)!;
      for (const other of reportsBefore(node, place, below, position))
        if (other !== report) yield { report: other, below };
      if (below === '') yield* changesBefore(node, position);
      for (const ancestor of overlapping(node, report.valuePath)) {
        const rest = report.valuePath.slice(ancestor.length) + below;
        for (const other of reportsBefore(ancestor, place, rest, position))
          yield { report: other, below: rest };
      }
      if (!node.entriesBelow || below === '') return;
      const valuePath = report.valuePath + below;
      for (const descendant of ValuePathTree.down(node, valuePath)) {
        const rest = valuePath.slice(descendant.length);
        for (const other of reportsBefore(descendant, place, rest, position))
          yield { report: other, below: rest };
        if (rest === '') yield* changesBefore(descendant, position);
      }
    },
    *candidatesOfChange(change) {
      if (change.valuePath === undefined) return;
      const tree = trees.get(operationKey(change.operationId));
      if (!tree) return;
      const position = order.get(change)!;
      for (const node of tree.along(change.valuePath)) {
        const below = change.valuePath.slice(node.length);
        for (const report of reportsBefore(node, change, below, position)) yield { report, below };
      }
    },
  };
  function* changesBefore(node: PathNode, before: number): Generator<RawChange> {
    for (const change of node.changes) {
      if (order.get(change)! >= before) return;
      yield change;
    }
  }
}

/** The operation as dedupe tells it apart: by the id it is listed with, none being ''. */
function operationKey(operationId: string | undefined): string {
  return listedOperationId(operationId) ?? '';
}

function isBreaking(change: RawChange): boolean {
  return (change.impact ?? change.rule.impact) === 'breaking';
}

/**
 * A node's reports that may have a breaking change at a place and path below the node, in entry
 * order. Most nodes hold a report or a few, looked into one by one; a node of many (parameters named
 * alike up to the cut) is indexed by place once, so that a change is looked for only in the lists
 * that have its place: each list's place keys (schema-change-index.ts) are its own.
 */
class ReportsByPlace {
  static readonly INDEXED = 16;
  private readonly byNode = new Map<PathNode, Map<string, SchemaReport[]>>();

  constructor(private readonly index: SchemaChangeIndex) {}

  at(node: PathNode, pointer: string, below: string): readonly SchemaReport[] {
    if (node.reports.length < ReportsByPlace.INDEXED) return node.reports;
    let byPlace = this.byNode.get(node);
    if (!byPlace) {
      byPlace = new Map();
      for (const report of node.reports) {
        for (const key of this.index.placeKeys(report.schemaChanges)) {
          const reports = byPlace.get(key);
          if (reports) reports.push(report);
          else byPlace.set(key, [report]);
        }
      }
      this.byNode.set(node, byPlace);
    }
    return byPlace.get(placeKey(pointer, below)) ?? [];
  }
}
