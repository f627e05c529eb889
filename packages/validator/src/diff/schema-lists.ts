import {
  listChanges,
  listedCount,
  MAX_LISTED_PATHS,
  pathsToEachKind,
  type ComparedPart,
  type ComparedSchema,
} from './schema-change-list.js';
import type { SchemaChange } from './schema-change.js';

/**
 * Some of the changes of a compared schema: those of `list`, each below `steps` (the property names
 * and 'items' from the compared schema down to the schema the list is of). A list of a nested schema
 * is shared by every schema that reaches it; a compared schema's changes are the lists of its
 * `ComparedChanges` one after the other.
 */
export interface ComparedChanges {
  readonly list: readonly SchemaChange[];
  readonly steps: readonly string[];
}

/**
 * A nested schema whose list has fewer changes than this, beside other parts of its parent, is
 * copied into the parent's list rather than reported as a list of its own. Each list of its own is
 * one report more for every operation that reaches the parent, where a copy is paid once per parent:
 * a shared parent reached by thousands of operations would hold more reports than it saves changes.
 */
export const MIN_SHARED_LIST = 1_000;

export interface SchemaListOptions {
  /**
   * False: each compared schema's changes are one list, written out whole, and a schema that merges
   * a definition through allOf compares each of its properties where it is, rather than share the
   * definition's compared properties (compared-properties.ts). What is shared is tested against it: it must
   * give the same changes in the same order.
   */
  readonly share?: boolean;
  /** MIN_SHARED_LIST unless set (tests share every nested list they can). */
  readonly minSharedList?: number;
}

/**
 * The lists that a compared schema's changes are reported as. A schema held its own list of every
 * change under it, so a schema written anew in each operation (a body parameter with an edited
 * description whose `items` is a definition of 10,000 fields made required) copied the
 * definition's list for each: 400 operations ran out of memory in 256 MB. A nested schema's list is
 * shared instead, a step deeper (or where it stands, for a part spliced in), where that lists the
 * same changes as the whole: where each kind of change (schema-change-list.ts) under two parts of
 * the schema is reached by no more paths than are listed, and each other kind's paths are all
 * under one part, listed and counted there as they would be from the schema.
 */
export class SchemaLists {
  private readonly lists = new Map<ComparedSchema, SchemaChange[]>();
  private readonly counts = new Map<ComparedSchema, number>();
  private readonly parts = new Map<ComparedSchema, readonly ComparedChanges[]>();
  private readonly paths = new Map<ComparedSchema, ReadonlyMap<string, number>>();
  private readonly walked = new Set<ComparedSchema>();
  private readonly share: boolean;
  private readonly minSharedList: number;

  constructor(options: SchemaListOptions = {}) {
    this.share = options.share ?? true;
    this.minSharedList = options.minSharedList ?? MIN_SHARED_LIST;
  }

  /** The lists of `root`'s changes, in the order a list of them all would have them. */
  of(root: ComparedSchema): readonly ComparedChanges[] {
    if (!this.share) return [{ list: this.listOf(root), steps: [] }];
    let lists = this.parts.get(root);
    if (!lists) {
      lists = this.split(root);
      this.parts.set(root, lists);
    }
    return lists;
  }

  private split(root: ComparedSchema): readonly ComparedChanges[] {
    // A schema whose only difference is one nested schema (a body wrapping a definition in an
    // inline object) always has that schema's lists: they are the same changes, a step deeper.
    const [only] = root.parts;
    const apart = root.parts.length === 1 && only && 'nested' in only ? [true] : this.partsApart(root);
    if (!apart) return [{ list: this.listOf(root), steps: [] }];
    const result: ComparedChanges[] = [];
    let run: ComparedPart[] = [];
    const endRun = () => {
      if (run.length === 0) return;
      result.push({ list: listChanges({ parts: run, cut: root.cut, depth: root.depth }), steps: [] });
      run = [];
    };
    root.parts.forEach((part, index) => {
      if (!apart[index] || !('nested' in part)) {
        run.push(part);
        return;
      }
      endRun();
      for (const { list, steps } of this.of(part.nested))
        result.push({ list, steps: part.step === undefined ? steps : [part.step, ...steps] });
    });
    endRun();
    return result;
  }

  /**
   * Which of `root`'s parts are nested schemas to report as lists of their own: those of at least
   * `minSharedList` changes, when each kind of change under two parts is reached by no more paths
   * than are listed (MAX_LISTED_PATHS). None otherwise. Lists of the parts then list what a list of
   * the whole does: a kind under one part is listed and counted there as from the whole, and one
   * under two is listed whole, in order, by both. (A body that merges a definition through allOf
   * and wraps it too has each of its changes under both: 400 operations copied its 10,000 each.)
   */
  private partsApart(root: ComparedSchema): boolean[] | undefined {
    const apart = root.parts.map(
      (part) => 'nested' in part && this.countOf(part.nested) >= this.minSharedList,
    );
    if (!apart.includes(true)) return undefined;
    // Each kind under any part but the nested one of most kinds, by the part it is under; then that
    // part's kinds are looked up, not walked: a schema written anew in each of 2,000 operations (a
    // body parameter with an edited description beside `items`, a definition of 10,000 changes)
    // walked the definition once per operation, a third of the diff's time.
    const under = new Map<number, ReadonlyMap<string, number>>();
    let largest = -1;
    root.parts.forEach((part, index) => {
      if (!('nested' in part)) return;
      const paths = this.pathsUnder(part.nested);
      under.set(index, paths);
      if (largest < 0 || paths.size > under.get(largest)!.size) largest = index;
    });
    // Per kind: the part it was first found under, its paths under the parts so far, and whether
    // another part has it too.
    const claims = new Map<string, { owner: number; paths: number; shared: boolean }>();
    const claim = (kind: string, index: number, paths: number): void => {
      const known = claims.get(kind);
      if (!known) claims.set(kind, { owner: index, paths, shared: false });
      else {
        known.paths += paths;
        if (known.owner !== index) known.shared = true;
      }
    };
    for (let index = 0; index < root.parts.length; index++) {
      if (index === largest) continue;
      const part = root.parts[index]!;
      if ('nested' in part) for (const [kind, paths] of under.get(index)!) claim(kind, index, paths);
      else claim(part.kind, index, 1);
    }
    const ofLargest = under.get(largest)!;
    for (const [kind, { paths, shared }] of claims) {
      const more = ofLargest.get(kind);
      if ((shared || more !== undefined) && paths + (more ?? 0) > MAX_LISTED_PATHS) return undefined;
    }
    return apart;
  }

  /**
   * How many paths lead to each kind of change under a nested schema. Kept once asked for twice: a
   * definition nested in the schema of each of many operations is walked once, while a schema
   * nested in one alone (each level of a chain of wrappers over a definition) keeps no map of the
   * definition's kinds.
   */
  private pathsUnder(schema: ComparedSchema): ReadonlyMap<string, number> {
    const known = this.paths.get(schema);
    if (known) return known;
    const paths = pathsToEachKind(schema);
    if (this.walked.has(schema)) this.paths.set(schema, paths);
    else this.walked.add(schema);
    return paths;
  }

  private listOf(root: ComparedSchema): SchemaChange[] {
    let list = this.lists.get(root);
    if (!list) {
      list = listChanges(root);
      this.lists.set(root, list);
    }
    return list;
  }

  private countOf(root: ComparedSchema): number {
    let count = this.counts.get(root);
    if (count === undefined) {
      count = this.lists.get(root)?.length ?? listedCount(this.pathsUnder(root));
      this.counts.set(root, count);
    }
    return count;
  }
}
