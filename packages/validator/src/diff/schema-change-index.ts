import type { SchemaChange } from './schema-diff.js';
import { isBreakingSchemaChange, type SchemaReport } from './schema-report.js';

type SchemaChanges = SchemaReport['schemaChanges'];

/** What of a change, with its path, the index tells changes apart by. */
export type Place = Pick<SchemaChange, 'rule' | 'side' | 'pointer'>;

/**
 * A change's ValuePath below its report's: '' for the report's own ([]), else '/' and its path, so
 * that the report's ValuePath and this are the change's ('' and [''] stay apart).
 */
export function pathBelow(change: SchemaChange): string {
  return change.path.length === 0 ? '' : `/${change.path.join('/')}`;
}

/**
 * The breaking changes of each list by place, told apart by rule and ValuePath below the report: all
 * of a reported change's dedupe key but the report's operation and ValuePath and the message. Dedupe
 * looks a change up in the lists of the reports that may repeat it, rather than keeping a key per
 * change it offered: 400 operations whose body parameter's `schema` and `items` both reach one
 * definition of 10,000 fields made required kept 8,000,000 keys of ~400 characters, and ran out of
 * memory. Built once per list, on first use, keyed by the pointers the list holds already: most
 * lists are never looked into, and a list that is holds one position per change.
 */
export class SchemaChangeIndex {
  private readonly indexes = new Map<SchemaChanges, Map<string, number | number[]>>();
  private readonly distinct = new Map<SchemaChanges, boolean>();

  /** Whether no two of the list's breaking changes share rule, place and path. */
  isDistinct(list: SchemaChanges): boolean {
    let distinct = this.distinct.get(list);
    if (distinct === undefined) {
      const keys = new Set<string>();
      distinct = list.every((change) => {
        if (!isBreakingSchemaChange(change)) return true;
        const key = [change.rule.id, change.side, change.pointer, pathBelow(change)].join('\u0000');
        return keys.size < keys.add(key).size;
      });
      this.distinct.set(list, distinct);
    }
    return distinct;
  }

  /** The positions in `list` of its breaking changes with `change`'s rule and place, and `below` as path. */
  find(list: SchemaChanges, change: Place, below: string): number[] {
    const positions = this.of(list).get(change.pointer);
    if (positions === undefined) return [];
    return (typeof positions === 'number' ? [positions] : positions).filter((position) => {
      const candidate = list[position]!;
      return (
        candidate.rule.id === change.rule.id &&
        candidate.side === change.side &&
        pathBelow(candidate) === below
      );
    });
  }

  private of(list: SchemaChanges): Map<string, number | number[]> {
    let index = this.indexes.get(list);
    if (!index) {
      const byPointer = new Map<string, number | number[]>();
      list.forEach((change, position) => {
        if (!isBreakingSchemaChange(change)) return;
        const positions = byPointer.get(change.pointer);
        if (positions === undefined) byPointer.set(change.pointer, position);
        else if (typeof positions === 'number') byPointer.set(change.pointer, [positions, position]);
        else positions.push(position);
      });
      this.indexes.set(list, byPointer);
      index = byPointer;
    }
    return index;
  }
}
