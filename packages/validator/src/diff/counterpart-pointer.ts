import { childPointer, parsePointer, toPointer, valueAtPointer } from '../json/pointer.js';
import { has, isObject, type JsonObject } from '../swagger/json-values.js';
import { elementPlaces } from './element-places.js';

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
      const at = Array.isArray(was) && /^\d+$/.test(segment) ? Number(segment) : -1;
      const index = at === -1 ? undefined : elementPlaces(was as unknown[], is).placeOf(at);
      if (index === undefined) break;
      segments.push(index);
      was = (was as unknown[])[at];
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
 *
 * A pointer names where a member starts; `deletionPlace` says where a deletion of a last member is
 * better shown, and should be preferred where the end of a value can be located.
 */
export function deletionPointer(before: unknown, after: unknown, pointer: string): string {
  const deleted = deletedMember(before, after, pointer);
  if (typeof deleted === 'string') return deleted;
  const outside = followingPlace(after, deleted.kept);
  if (outside !== undefined) return outside;
  const preceding = deleted.members.precedingPlace(deleted.at);
  return preceding === undefined ? deleted.kept : childPointer(deleted.kept, preceding);
}

/**
 * Where a deletion is shown in the new version: the start of what `pointer` names (a member's key,
 * an element's first character) or, with `atValueEnd`, the end of its value.
 */
export interface DeletionPlace {
  pointer: string;
  atValueEnd: boolean;
}

/**
 * As deletionPointer, but a deleted LAST member of an object or array that keeps others is shown at
 * the end of the member now before it: the line whose trailing comma the deletion took away, which
 * the pull request's diff holds. What follows the enclosing object (deletionPointer's place) is
 * below the diff's lines, by as many lines as the enclosing objects close.
 */
export function deletionPlace(before: unknown, after: unknown, pointer: string): DeletionPlace {
  const deleted = deletedMember(before, after, pointer);
  if (typeof deleted === 'string') return { pointer: deleted, atValueEnd: false };
  const preceding = deleted.members.precedingPlace(deleted.at);
  if (preceding !== undefined) return { pointer: childPointer(deleted.kept, preceding), atValueEnd: true };
  // Only members the base version did not have are left: what follows the enclosing one.
  return { pointer: followingPlace(after, deleted.kept) ?? deleted.kept, atValueEnd: false };
}

/**
 * The place of a deleted part inside what encloses it, when it is there: the member that now
 * follows it, or the enclosing object or array left empty. Else, the enclosing one (`kept`), its
 * members and the deleted one's position among them, for the caller to choose a place outside it
 * or before it. A part that is still there is its own place.
 */
function deletedMember(
  before: unknown,
  after: unknown,
  pointer: string,
): string | { kept: string; members: Members; at: number } {
  const kept = counterpartPointer(before, after, pointer);
  const segments = parsePointer(pointer);
  const keptDepth = parsePointer(kept).length;
  if (keptDepth === segments.length) return kept;
  const members = membersOf(
    valueAtPointer(before, toPointer(segments.slice(0, keptDepth))),
    valueAtPointer(after, kept),
  );
  const at = members ? members.positionOf(segments[keptDepth]!) : undefined;
  if (!members || at === undefined) return kept;
  const following = members.followingPlace(at);
  if (following !== undefined) return childPointer(kept, following);
  // Left empty: its `{}` or `[]` is the line the deletion left.
  if (members.emptied) return kept;
  return { kept, members, at };
}

/**
 * The members of an object or array in the base version, and where each is in the new version.
 * Worked out once per pair (a WeakMap keyed by the two values: parsed documents are never edited):
 * a change is placed for each deleted member, and walking a deleted run again for each of its
 * members made a thousand deletions take minutes.
 */
interface Members {
  /** The position among the base version's members of a key, or of an index as text. */
  positionOf(name: string): number | undefined;
  /** The new key or index of the first member after `position` that is still there. */
  followingPlace(position: number): string | number | undefined;
  /** The new key or index of the last member before `position` that is still there. */
  precedingPlace(position: number): string | number | undefined;
  /** Whether the new version has no member left. */
  emptied: boolean;
}

const membersByBase = new WeakMap<object, WeakMap<object, Members>>();

/**
 * The members of `was` as its counterpart `is` has them: undefined when the two are not both
 * objects or both arrays (a schema that became a string has no members to follow).
 */
function membersOf(was: unknown, is: unknown): Members | undefined {
  const bothArrays = Array.isArray(was) && Array.isArray(is);
  if (!bothArrays && !(isObject(was) && isObject(is))) return undefined;
  const pair = [was as object, is as object] as const;
  let byNew = membersByBase.get(pair[0]);
  if (!byNew) {
    byNew = new WeakMap();
    membersByBase.set(pair[0], byNew);
  }
  let members = byNew.get(pair[1]);
  if (!members) {
    members = bothArrays
      ? arrayMembers(was as unknown[], is as unknown[])
      : objectMembers(was as JsonObject, is as JsonObject);
    byNew.set(pair[1], members);
  }
  return members;
}

function arrayMembers(was: readonly unknown[], is: readonly unknown[]): Members {
  const places = elementPlaces(was, is);
  return {
    // An index as the base version's members are named: "1", never "01" or "1.0".
    positionOf: (name) => {
      const at = Number(name);
      return Number.isInteger(at) && at >= 0 && at < was.length && String(at) === name ? at : undefined;
    },
    ...nearestPlaces(was.length, (at) => places.placeOf(at)),
    emptied: is.length === 0,
  };
}

function objectMembers(was: JsonObject, is: JsonObject): Members {
  const names = Object.keys(was);
  const positions = new Map(names.map((name, at) => [name, at]));
  return {
    positionOf: (name) => positions.get(name),
    ...nearestPlaces(names.length, (at) => (has(is, names[at]!) ? names[at] : undefined)),
    emptied: Object.keys(is).length === 0,
  };
}

/**
 * The new place of the nearest member still there on each side of every position, from the new
 * place of each (`placeOf`): each list is made on its first use, in one walk, so that a deleted run
 * is walked once, not once for each of its members.
 */
function nearestPlaces(
  count: number,
  placeOf: (position: number) => string | number | undefined,
): Pick<Members, 'followingPlace' | 'precedingPlace'> {
  let following: (string | number | undefined)[] | undefined;
  let preceding: (string | number | undefined)[] | undefined;
  return {
    followingPlace(position) {
      if (!following) {
        following = new Array<string | number | undefined>(count);
        for (let at = count - 2; at >= 0; at--) following[at] = placeOf(at + 1) ?? following[at + 1];
      }
      return following[position];
    },
    precedingPlace(position) {
      if (!preceding) {
        preceding = new Array<string | number | undefined>(count);
        for (let at = 1; at < count; at++) preceding[at] = placeOf(at - 1) ?? preceding[at - 1];
      }
      return preceding[position];
    },
  };
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
      const next = nextKeys(parent).get(name);
      if (next !== undefined) return childPointer(parentPointer, next);
    }
  }
  return undefined;
}

const nextKeysByObject = new WeakMap<JsonObject, Map<string, string>>();

/**
 * The key that follows each key of an object, listed once per object: each of a thousand deleted
 * last members of an object in `definitions` listed the 3,000 definitions again (seconds).
 */
function nextKeys(object: JsonObject): Map<string, string> {
  let next = nextKeysByObject.get(object);
  if (!next) {
    // The text's order, but for keys that are array indices ("200"), which JavaScript puts first.
    const names = Object.keys(object);
    next = new Map();
    for (let at = 0; at + 1 < names.length; at++) next.set(names[at]!, names[at + 1]!);
    nextKeysByObject.set(object, next);
  }
  return next;
}
