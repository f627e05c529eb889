import { childPointer, parsePointer, toPointer, valueAtPointer } from '../json/pointer.js';
import { asObject, has, isObject } from '../swagger/json-values.js';
import { jsonEqual } from './json-equal.js';

/**
 * The place of the new version of a JSON document that is `pointer` of the old one, or else the
 * nearest enclosing place that still is: where a deleted part is shown in the current file. An object
 * key names the same place in both versions, an array index does not (after a deletion, another
 * element sits at it). An element is followed by what names it (its `$ref`, its `name` and `in`) or,
 * without a name, by being unchanged; one that is gone, or cannot be told apart, leaves its array as
 * the place.
 */
export function counterpartPointer(before: unknown, after: unknown, pointer: string): string {
  const segments: (string | number)[] = [];
  let was = before;
  let is = after;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(is)) {
      const element = Array.isArray(was) && /^\d+$/.test(segment) ? was[Number(segment)] : undefined;
      const index = element === undefined ? -1 : is.findIndex((candidate) => sameElement(element, candidate));
      if (index === -1) break;
      segments.push(index);
      was = element;
      is = is[index];
    } else if (isObject(is) && has(is, segment)) {
      segments.push(segment);
      was = isObject(was) && has(was, segment) ? was[segment] : undefined;
      is = is[segment];
    } else {
      break;
    }
  }
  return toPointer(segments);
}

/** Whether an element of the new array is the element of the old one (a parameter, a parameter set). */
function sameElement(before: unknown, after: unknown): boolean {
  const was = asObject(before);
  const is = asObject(after);
  if (was && is) {
    if (typeof was.$ref === 'string') return was.$ref === is.$ref;
    if (typeof was.name === 'string') return was.name === is.name && was.in === is.in;
  }
  return jsonEqual(before, after);
}

/**
 * Where a deleted part is shown in the new version: the place the deletion left, as a pull
 * request's diff shows it. Its enclosing object or array (counterpartPointer) can begin thousands of
 * lines above: `/paths` is line 20 of a swagger whose deleted path item was at line 2,266, and a
 * pull request's annotation is shown inline only on a line its diff holds. So: the member that now
 * follows it (the first of the base version's members after it that is still there: a key, or an
 * element followed as counterpartPointer follows it, never the element that moved into its index),
 * else the enclosing object or array when the deletion left it empty, else what follows the
 * enclosing one in the new version (after the last path item, the key after `paths`), else the
 * member before it. A part that is still there is its own place.
 */
export function deletionPointer(before: unknown, after: unknown, pointer: string): string {
  const kept = counterpartPointer(before, after, pointer);
  const segments = parsePointer(pointer);
  const keptDepth = parsePointer(kept).length;
  if (keptDepth === segments.length) return kept;
  const members = membersOf(
    valueAtPointer(before, toPointer(segments.slice(0, keptDepth))),
    valueAtPointer(after, kept),
  );
  const at = members ? members.names.indexOf(segments[keptDepth]!) : -1;
  if (!members || at === -1) return kept;
  const following = firstPlace(members, members.names.slice(at + 1));
  if (following !== undefined) return childPointer(kept, following);
  // Left empty: its `{}` or `[]` is the line the deletion left.
  if (members.emptied) return kept;
  const outside = followingPlace(after, kept);
  if (outside !== undefined) return outside;
  const preceding = firstPlace(members, members.names.slice(0, at).reverse());
  return preceding === undefined ? kept : childPointer(kept, preceding);
}

/** The members of an object or array in the base version, and where each is in the new version. */
interface Members {
  /** The base version's keys, or its indices as text, in order. */
  names: string[];
  /** The member's key or index in the new version, or undefined when it is gone. */
  placeOf(name: string): string | number | undefined;
  /** Whether the new version has no member left. */
  emptied: boolean;
}

/**
 * The members of `was` as its counterpart `is` has them: undefined when the two are not both
 * objects or both arrays (a schema that became a string has no members to follow).
 */
function membersOf(was: unknown, is: unknown): Members | undefined {
  if (Array.isArray(was) && Array.isArray(is)) {
    return {
      names: was.map((_, index) => String(index)),
      placeOf: (name) => {
        const index = is.findIndex((candidate) => sameElement(was[Number(name)], candidate));
        return index === -1 ? undefined : index;
      },
      emptied: is.length === 0,
    };
  }
  if (isObject(was) && isObject(is)) {
    return {
      names: Object.keys(was),
      placeOf: (name) => (has(is, name) ? name : undefined),
      emptied: Object.keys(is).length === 0,
    };
  }
  return undefined;
}

/** The new place of the first of `names` that is still there. */
function firstPlace(members: Members, names: readonly string[]): string | number | undefined {
  for (const name of names) {
    const place = members.placeOf(name);
    if (place !== undefined) return place;
  }
  return undefined;
}

/** The place that follows `pointer`'s value in the document: its next sibling, or its parent's, and so on up. */
function followingPlace(root: unknown, pointer: string): string | undefined {
  const segments = parsePointer(pointer);
  while (segments.length > 0) {
    const name = segments.pop()!;
    const parentPointer = toPointer(segments);
    const parent = valueAtPointer(root, parentPointer);
    if (Array.isArray(parent)) {
      const next = Number(name) + 1;
      if (next < parent.length) return childPointer(parentPointer, next);
    } else if (isObject(parent)) {
      // The text's order, but for keys that are array indices ("200"), which JavaScript puts first.
      const names = Object.keys(parent);
      const next = names[names.indexOf(name) + 1];
      if (next !== undefined) return childPointer(parentPointer, next);
    }
  }
  return undefined;
}
