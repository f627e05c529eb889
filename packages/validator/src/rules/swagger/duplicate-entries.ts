import { childPointer } from '../../json/pointer.js';
import { asArray, isObject } from '../../swagger/json-values.js';

/** A stable text form of a JSON value, so that `{"a":1,"b":2}` and `{"b":2,"a":1}` compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Pointers to the entries that repeat an earlier entry of the array. */
export function duplicateEntries(list: unknown, pointer: string): string[] {
  return duplicateIndexes(list).map((index) => childPointer(pointer, index));
}

/**
 * Shared, so readonly by type but not frozen: rules loop over it with for…of, and V8 leaves such a
 * loop unoptimized once it meets a frozen array there (iterator results were allocated per entry).
 */
const NO_INDEXES: readonly number[] = [];

/** Lists up to this long, of primitives only, are compared entry by entry rather than through sets. */
const SHORT_LIST = 16;

/** Indexes of the entries that repeat an earlier entry of the array (none when it is not an array). */
export function duplicateIndexes(list: unknown): readonly number[] {
  const array = asArray(list);
  if (!array || array.length < 2) return NO_INDEXES;
  // Most lists (enums, required names) are short and hold distinct strings: comparing each entry
  // with the earlier ones needs no set and no list of results (~3 MB a corpus run).
  if (array.length <= SHORT_LIST && !array.some(isComposite)) return repeatedPrimitives(array);
  // Primitives compare as themselves (a Set treats them as canonical() would: "1" and 1 differ, 0
  // and -0 do not), so only objects and arrays pay for their canonical text; the two never collide.
  const seenPrimitives = new Set<unknown>();
  let seenObjects: Set<string> | undefined;
  const duplicates: number[] = [];
  for (let index = 0; index < array.length; index++) {
    const entry = array[index];
    let seen: Set<unknown>;
    let key: unknown;
    if (isComposite(entry)) {
      seen = seenObjects ??= new Set<string>();
      key = canonical(entry);
    } else {
      seen = seenPrimitives;
      key = entry;
    }
    if (seen.has(key)) duplicates.push(index);
    seen.add(key);
  }
  return duplicates;
}

function isComposite(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

/** As the sets compare JSON primitives: `===` (0 and -0 are equal, JSON has no NaN). */
function repeatedPrimitives(array: readonly unknown[]): readonly number[] {
  let duplicates: number[] | undefined;
  for (let index = 1; index < array.length; index++) {
    for (let earlier = 0; earlier < index; earlier++) {
      if (array[earlier] === array[index]) {
        (duplicates ??= []).push(index);
        break;
      }
    }
  }
  return duplicates ?? NO_INDEXES;
}
