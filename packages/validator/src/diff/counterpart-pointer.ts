import { childPointer, parsePointer, toPointer, valueAtPointer } from '../json/pointer.js';
import { has, isObject, type JsonObject } from '../swagger/json-values.js';
import { elementPlaces } from './element-places.js';
import { memberRenames, type MemberRename } from './member-renames.js';

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
 * Where a deletion is shown in the new version: the start of what `pointer` names (a member's key,
 * an element's first character) or, with `atValueEnd`, the end of its value.
 */
export interface DeletionPlace {
  pointer: string;
  atValueEnd: boolean;
}

/**
 * Where a deleted part is shown in the new version: the place the deletion left, as a pull
 * request's diff shows it. Its enclosing object or array (counterpartPointer) can begin thousands of
 * lines above: `/paths` is line 20 of a swagger whose deleted path item was at line 2,266, and a
 * pull request's annotation is shown inline only on a line its diff holds. So, inside the enclosing
 * object or array that is still there:
 * - a member the base version did not have, now where the deleted one was: the one it looks renamed
 *   to (member-renames.ts: `viewEventURL` made `viewEventUrl`, among other members added there), else
 *   the one right after the last member before it that is still there: `{a, b}` made `{a, c}` shows
 *   `c` on the lines `b` left;
 * - else the member that now follows it (the first of the base version's members after it that is
 *   still there: a key, or an element followed as counterpartPointer follows it, never the element
 *   that moved into its index);
 * - else the enclosing object or array, when the deletion left it empty (its `{}` is the line);
 * - else, a deleted LAST member, the end of the member now before it (`atValueEnd`): the line whose
 *   trailing comma the deletion took away. What follows the enclosing object is below the diff's
 *   lines, by as many lines as the enclosing objects close, and the member's start can be far above.
 * A part that is still there is its own place.
 */
export function deletionPlace(before: unknown, after: unknown, pointer: string): DeletionPlace {
  const kept = counterpartPointer(before, after, pointer);
  const segments = parsePointer(pointer);
  const keptDepth = parsePointer(kept).length;
  const start = (place: string): DeletionPlace => ({ pointer: place, atValueEnd: false });
  if (keptDepth === segments.length) return start(kept);
  const members = membersOf(
    valueAtPointer(before, toPointer(segments.slice(0, keptDepth))),
    valueAtPointer(after, kept),
  );
  const at = members ? members.positionOf(segments[keptDepth]!) : undefined;
  if (!members || at === undefined) return start(kept);
  const preceding = members.precedingPlace(at);
  const added = members.renamedTo(segments[keptDepth]!) ?? members.addedAfter(preceding);
  if (added !== undefined) return start(childPointer(kept, added));
  const following = members.followingPlace(at);
  if (following !== undefined) return start(childPointer(kept, following));
  // Left empty, or (an array whose elements repeat) nothing else to show.
  if (preceding === undefined) return start(kept);
  return { pointer: childPointer(kept, preceding), atValueEnd: true };
}

/**
 * Where `member` of the object or array `was` (of the base version), deleted, left its place in
 * `is`, its counterpart at `at` in the new version: deletionPlace within the two, as a pointer of
 * the new document. An operation or an enum list is compared where each version has it, which
 * can be another path.
 */
export function memberDeletionPlace(
  was: unknown,
  is: unknown,
  at: string,
  member: string | number,
): DeletionPlace {
  const within = deletionPlace(was, is, childPointer('', member));
  return { pointer: `${at}${within.pointer}`, atValueEnd: within.atValueEnd };
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
  /**
   * The new key or index of the member right after `place` (a member still there; the first member
   * when undefined), when the base version did not have it: what now stands where deleted members were.
   */
  addedAfter(place: string | number | undefined): string | number | undefined;
  /** The new key of the member a deleted key looks renamed to (member-renames.ts); none in an array. */
  renamedTo(name: string): string | undefined;
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
  let taken: Set<number | undefined> | undefined;
  return {
    // An index as the base version's members are named: "1", never "01" or "1.0".
    positionOf: (name) => {
      const at = Number(name);
      return Number.isInteger(at) && at >= 0 && at < was.length && String(at) === name ? at : undefined;
    },
    ...nearestPlaces(was.length, (at) => places.placeOf(at)),
    addedAfter: (place) => {
      const next = place === undefined ? 0 : Number(place) + 1;
      if (next >= is.length) return undefined;
      // The new indices that base elements went to, listed once (on the first deletion placed).
      taken ??= new Set(was.map((_, at) => places.placeOf(at)));
      return taken.has(next) ? undefined : next;
    },
    renamedTo: () => undefined,
  };
}

function objectMembers(was: JsonObject, is: JsonObject): Members {
  const names = Object.keys(was);
  const positions = new Map(names.map((name, at) => [name, at]));
  // The new version's keys in its order, and where each is, listed on the first deletion placed.
  let newNames: string[] | undefined;
  let newPositions: Map<string, number> | undefined;
  let renames: Map<string, MemberRename> | undefined;
  return {
    positionOf: (name) => positions.get(name),
    ...nearestPlaces(names.length, (at) => (has(is, names[at]!) ? names[at] : undefined)),
    addedAfter: (place) => {
      newNames ??= Object.keys(is);
      newPositions ??= new Map(newNames.map((name, at) => [name, at]));
      const next = place === undefined ? newNames[0] : newNames[newPositions.get(String(place))! + 1];
      return next !== undefined && !has(was, next) ? next : undefined;
    },
    renamedTo: (name) => {
      newNames ??= Object.keys(is);
      renames ??= memberRenames(names, newNames);
      return renames.get(name)?.to;
    },
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
