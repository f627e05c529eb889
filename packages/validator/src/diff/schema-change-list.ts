import type { SchemaChange } from './schema-change.js';

/**
 * Paths listed for one change of a compared schema. A definition reached by several properties is
 * one change reached by several paths, each a ValuePath of its own; where definitions reuse each
 * other (two properties of each level referencing the next) the paths double at each level, and a
 * 10 KB swagger listed 2^29 of them. The corpus's most is 32 (Survalyzer's TranslationElement).
 */
export const MAX_LISTED_PATHS = 50;

/** Counts of paths are exact up to here, and stop here: fan-out 2 at the depth limit is 2^64. */
export const MAX_COUNTED_PATHS = Number.MAX_SAFE_INTEGER;

/**
 * What comparing one pair of schemas found, in the order found: its own changes (with their paths
 * from it) and the results of the schemas nested in it (through a property name or 'items'). A
 * result is memoized per pair and shared by every place that reaches the pair, so the results form a
 * DAG as the definitions do, and its paths are never all written out.
 */
export interface ComparedSchema {
  readonly parts: readonly ComparedPart[];
  /** Whether the walk stopped at the depth limit somewhere below, so that a shallower place may see more. */
  readonly cut: boolean;
  /** The depth it was compared at. */
  readonly depth: number;
}

/**
 * A change of the schema's own, or a nested result: through a property name or 'items' (`step`), or
 * spliced in where it stands, no step deeper (the properties of an allOf member, shared with the
 * member's own result: compared-properties.ts).
 */
export type ComparedPart =
  | { readonly change: SchemaChange; readonly kind: string }
  | { readonly step?: string; readonly nested: ComparedSchema };

/** A change of the schema itself (or of one of its properties, by `path`), as a part. */
export function ownChange(change: SchemaChange): ComparedPart {
  return { change, kind: kindKey(change) };
}

/**
 * The changes under `root`, in the order found, each kind (rule, side, pointer, detail, impact:
 * all but the path) listed for its first MAX_LISTED_PATHS paths, the way listing every path and
 * cutting each kind's list would; the last listed one of a kind counts the others (`unlisted`).
 * Time is the size of the DAG under the root plus the listed paths, whatever the number of paths.
 */
export function listChanges(root: ComparedSchema): SchemaChange[] {
  const totals = pathsToEachKind(root);
  const tallies = new Map<string, { listed: number; lastIndex: number }>();
  const result: SchemaChange[] = [];
  const path: string[] = [];
  // A result whose visit listed nothing has every kind under it listed in full: it never will.
  const exhausted = new Set<ComparedSchema>();
  const visit = (node: ComparedSchema): boolean => {
    let listedAny = false;
    for (const part of node.parts) {
      if ('nested' in part) {
        if (exhausted.has(part.nested)) continue;
        if (part.step !== undefined) path.push(part.step);
        if (visit(part.nested)) listedAny = true;
        if (part.step !== undefined) path.pop();
        continue;
      }
      const tally = tallies.get(part.kind) ?? { listed: 0, lastIndex: -1 };
      if (tally.listed >= MAX_LISTED_PATHS) continue;
      tallies.set(part.kind, tally);
      tally.listed++;
      tally.lastIndex = result.length;
      result.push({ ...part.change, path: [...path, ...part.change.path] });
      listedAny = true;
    }
    if (!listedAny) exhausted.add(node);
    return listedAny;
  };
  visit(root);
  for (const [kind, tally] of tallies) {
    const total = totals.get(kind)!;
    if (total <= tally.listed) continue;
    const unlisted = total >= MAX_COUNTED_PATHS ? MAX_COUNTED_PATHS : total - tally.listed;
    result[tally.lastIndex] = { ...result[tally.lastIndex]!, unlisted };
  }
  return result;
}

/**
 * How many changes `listChanges(root)` lists, from `pathsToEachKind(root)`: each kind's paths, up to
 * MAX_LISTED_PATHS.
 */
export function listedCount(totals: ReadonlyMap<string, number>): number {
  let count = 0;
  for (const total of totals.values()) count += Math.min(total, MAX_LISTED_PATHS);
  return count;
}

/**
 * How many paths from `root` lead to each kind of change: the number of paths to each result
 * (parents before children, each adding its count to its children's, once per reference), summed
 * over the results that hold the kind.
 */
export function pathsToEachKind(root: ComparedSchema): Map<string, number> {
  const order: ComparedSchema[] = [];
  const seen = new Set<ComparedSchema>();
  // Depth-first, each result after every result under it; reversed, parents come first. The depth
  // is bounded by the comparer's (MAX_SCHEMA_WALK_DEPTH).
  const postorder = (node: ComparedSchema): void => {
    seen.add(node);
    for (const part of node.parts) if ('nested' in part && !seen.has(part.nested)) postorder(part.nested);
    order.push(node);
  };
  postorder(root);
  const reaching = new Map<ComparedSchema, number>([[root, 1]]);
  const totals = new Map<string, number>();
  for (let index = order.length - 1; index >= 0; index--) {
    const node = order[index]!;
    const paths = reaching.get(node)!;
    for (const part of node.parts) {
      if ('nested' in part) reaching.set(part.nested, saturated((reaching.get(part.nested) ?? 0) + paths));
      else totals.set(part.kind, saturated((totals.get(part.kind) ?? 0) + paths));
    }
  }
  return totals;
}

/** What makes two changes one change reached by two paths: everything but the path. */
function kindKey(change: SchemaChange): string {
  const detail = change.detail === undefined ? '\u0001' : change.detail;
  return [change.rule.id, change.side, change.pointer, detail, change.impact ?? ''].join('\u0000');
}

function saturated(count: number): number {
  return Math.min(count, MAX_COUNTED_PATHS);
}
