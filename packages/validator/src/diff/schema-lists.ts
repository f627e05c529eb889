import { listChanges, listedCount, type ComparedPart, type ComparedSchema } from './schema-change-list.js';
import type { SchemaChange } from './schema-diff.js';

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
   * False: each compared schema's changes are one list, written out whole. The lists shared are
   * tested against it: they must give the same changes in the same order.
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
 * shared instead, a step deeper, where that lists the same changes as the whole: where no kind of
 * change (schema-change-list.ts) is under two parts of the schema, each kind's paths are all under
 * one part, listed and counted there as they would be from the schema.
 */
export class SchemaLists {
  private readonly lists = new Map<ComparedSchema, SchemaChange[]>();
  private readonly counts = new Map<ComparedSchema, number>();
  private readonly parts = new Map<ComparedSchema, readonly ComparedChanges[]>();
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
      for (const { list, steps } of this.of(part.nested)) result.push({ list, steps: [part.step, ...steps] });
    });
    endRun();
    return result;
  }

  /**
   * Which of `root`'s parts are nested schemas to report as lists of their own: those of at least
   * `minSharedList` changes, when no kind of change is under two parts (nor any result: every
   * result compared holds a change). None otherwise.
   */
  private partsApart(root: ComparedSchema): boolean[] | undefined {
    if (!root.parts.some((part) => 'nested' in part)) return undefined;
    const kindOwner = new Map<string, number>();
    const resultOwner = new Map<ComparedSchema, number>();
    /** False when the kind is under another part already. */
    const claimKind = (kind: string, index: number): boolean => {
      const owner = kindOwner.get(kind);
      if (owner === undefined) kindOwner.set(kind, index);
      return owner === undefined || owner === index;
    };
    for (let index = 0; index < root.parts.length; index++) {
      const part = root.parts[index]!;
      if (!('nested' in part)) {
        if (!claimKind(part.kind, index)) return undefined;
        continue;
      }
      const stack = [part.nested];
      for (let node = stack.pop(); node; node = stack.pop()) {
        const owner = resultOwner.get(node);
        if (owner === index) continue;
        if (owner !== undefined) return undefined;
        resultOwner.set(node, index);
        for (const below of node.parts) {
          if ('nested' in below) stack.push(below.nested);
          else if (!claimKind(below.kind, index)) return undefined;
        }
      }
    }
    const apart = root.parts.map(
      (part) => 'nested' in part && this.countOf(part.nested) >= this.minSharedList,
    );
    return apart.includes(true) ? apart : undefined;
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
      count = this.lists.get(root)?.length ?? listedCount(root);
      this.counts.set(root, count);
    }
    return count;
  }
}
