import { firstIndexNotBefore } from '@connector-alm/core';
import type { SchemaChange } from './schema-change.js';
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
 * The breaking changes of each list by place and ValuePath below the report: all of a reported
 * change's dedupe key but the rule, the report's operation and ValuePath and the message. Dedupe
 * looks a change up in the lists of the reports that may repeat it, rather than keeping a key per
 * change it offered: 400 operations whose body parameter's `schema` and `items` both reach one
 * definition of 10,000 fields made required kept 8,000,000 keys of ~400 characters, and ran out of
 * memory. Built once per list, on first use: most lists are never looked into, and a list that is
 * holds a key per breaking change, however many reports offer it. Keyed by pointer only, a list
 * that reaches one field by 50 paths was searched through 50 of them for each change looked up.
 */
export class SchemaChangeIndex {
  private readonly indexes = new Map<SchemaChanges, Map<string, number | number[]>>();
  private readonly distinct = new Map<SchemaChanges, boolean>();
  private readonly paths = new Map<SchemaChanges, string[]>();

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
    const positions = this.of(list).get(placeKey(change.pointer, below));
    if (positions === undefined) return [];
    return (typeof positions === 'number' ? [positions] : positions).filter((position) => {
      const candidate = list[position]!;
      return (
        candidate.rule.id === change.rule.id &&
        candidate.side === change.side &&
        candidate.pointer === change.pointer &&
        pathBelow(candidate) === below
      );
    });
  }

  /** The place keys (placeKey) of the list's breaking changes: a change of it may be at each. */
  placeKeys(list: SchemaChanges): Iterable<string> {
    return this.of(list).keys();
  }

  /**
   * Whether one of the list's breaking changes has `below` as path, or a path below it (`below`
   * being '' or starting with '/'): whether a report of the list at ValuePath V may hold a change at
   * V + `below` or under it.
   */
  hasPathUnder(list: SchemaChanges, below: string): boolean {
    let paths = this.paths.get(list);
    if (!paths) {
      const distinct = new Set<string>();
      for (const change of list) if (isBreakingSchemaChange(change)) distinct.add(pathBelow(change));
      paths = [...distinct].sort();
      this.paths.set(list, paths);
    }
    if (paths[lowerBound(paths, below)] === below) return true;
    const under = `${below}/`;
    return paths[lowerBound(paths, under)]?.startsWith(under) ?? false;
  }

  private of(list: SchemaChanges): Map<string, number | number[]> {
    let index = this.indexes.get(list);
    if (!index) {
      index = new Map<string, number | number[]>();
      for (let position = 0; position < list.length; position++) {
        const change = list[position]!;
        if (!isBreakingSchemaChange(change)) continue;
        const key = placeKey(change.pointer, pathBelow(change));
        const positions = index.get(key);
        if (positions === undefined) index.set(key, position);
        else if (typeof positions === 'number') index.set(key, [positions, position]);
        else positions.push(position);
      }
      this.indexes.set(list, index);
    }
    return index;
  }
}

/**
 * A change's pointer and its ValuePath below its report, as one key. Names may hold any character,
 * so two places may share one: `find` compares each found change's whole place.
 */
export function placeKey(pointer: string, below: string): string {
  return `${pointer}\u0000${below}`;
}

/** The first index of sorted `values` whose value is not less than `value` (code unit order). */
function lowerBound(values: readonly string[], value: string): number {
  return firstIndexNotBefore(values.length, (index) => values[index]! < value);
}
