import { swapAwareDistance } from '@connector-alm/core';
import { quoted } from '../text/message-values.js';

/** A deleted member of an object that looks renamed: a member added in its place. */
export interface MemberRename {
  /** The name of the member added in its place. */
  to: string;
  /**
   * Why it looks renamed: the names differ in letter case only ('letterCase'), or by one edit,
   * letter case aside ('lookAlike'), or it is the one member added where the one deleted was ('only').
   */
  kind: 'letterCase' | 'lookAlike' | 'only';
}

/**
 * Above this many pairs of a slot's deleted and added names, only a change of letter case is looked
 * for (one map lookup a name), not one edit (a distance a pair): with at most this many pairs a slot,
 * a slot of s members compares at most √MAX_PAIRS·s of them, so a thousand deleted fields replaced by
 * a thousand others take no million distances.
 */
const MAX_LOOK_ALIKE_PAIRS = 400;

/**
 * The deleted members of an object (names of the base version, `before`, that the new version,
 * `after`, lacks) that look renamed, each to a member added in its place: between the same two
 * members kept in both versions (or the object's start or end), the slot the deletion left, as a
 * pull request's diff shows it. A deleted member is paired with the one added member of its slot
 * whose name differs from its own by letter case only, else by one edit (letter case aside), when no
 * other deleted member of the slot is that near it; else, the only deleted member of a slot with the one added member of the
 * slot, when `alike` says their values allow it (a number replaced by a list is no rename).
 * Linear in the names, but for the look-alike pairs of each slot (MAX_LOOK_ALIKE_PAIRS).
 */
export function memberRenames(
  before: readonly string[],
  after: readonly string[],
  alike: (was: string, is: string) => boolean = () => true,
): Map<string, MemberRename> {
  const renames = new Map<string, MemberRename>();
  const afterNames = new Set(after);
  const beforeIndex = new Map(before.map((name, at) => [name, at]));
  const slots = new Map<string, { deleted: string[]; added: string[] }>();
  const slotOf = (key: string) => {
    const slot = slots.get(key) ?? { deleted: [], added: [] };
    slots.set(key, slot);
    return slot;
  };
  // A slot is named by the base version's indices of the kept members around it (-1 for the start,
  // the count for the end): a run of deleted names, then a run of added names, names the same pair.
  forEachOutOfPlace(before, afterNames, beforeIndex, (key, name) => slotOf(key).deleted.push(name));
  const beforeNames = new Set(before);
  forEachOutOfPlace(after, beforeNames, beforeIndex, (key, name) => slots.get(key)?.added.push(name));
  for (const { deleted, added } of slots.values()) {
    if (added.length === 0) continue;
    pairLookAlikes(deleted, added, renames);
    const [was] = deleted;
    const [is] = added;
    if (deleted.length === 1 && added.length === 1 && !renames.has(was!) && alike(was!, is!)) {
      renames.set(was!, { to: is!, kind: 'only' });
    }
  }
  return renames;
}

/**
 * Calls `found` with each of `names` that the other version lacks (not in `kept`), and the key of its
 * slot: the base version's indices of the kept names around it.
 */
function forEachOutOfPlace(
  names: readonly string[],
  kept: ReadonlySet<string>,
  beforeIndex: ReadonlyMap<string, number>,
  found: (key: string, name: string) => void,
): void {
  let preceding = -1;
  let run: string[] = [];
  const close = (following: number) => {
    for (const name of run) found(`${preceding},${following}`, name);
    run = [];
  };
  for (const name of names) {
    if (!kept.has(name)) {
      run.push(name);
      continue;
    }
    const at = beforeIndex.get(name)!;
    close(at);
    preceding = at;
  }
  close(beforeIndex.size);
}

/**
 * Pairs each deleted name with the added name of its slot that is as near as a slip, when each of the
 * two has no other such name on the other side: first by letter case alone, then (among the names
 * left) by one edit besides. A letter-case twin is the likelier rename ('item' made 'Item' beside an
 * added 'items'): flows read a field by its exact name, so a case-only change is a fix of the name,
 * and a one-edit look-alike there is more often a field of its own.
 */
function pairLookAlikes(
  deleted: readonly string[],
  added: readonly string[],
  renames: Map<string, MemberRename>,
): void {
  const addedByLower = new Map<string, string[]>();
  for (const is of added) listIn(addedByLower, is.toLowerCase()).push(is);
  const twins = uniquePairs(deleted, (was) => addedByLower.get(was.toLowerCase()) ?? []);
  for (const [was, is] of twins) renames.set(was, { to: is, kind: 'letterCase' });
  const paired = new Set(twins.values());
  const deletedLeft = deleted.filter((was) => !twins.has(was));
  const addedLeft = added.filter((is) => !paired.has(is));
  if (deletedLeft.length * addedLeft.length > MAX_LOOK_ALIKE_PAIRS) return;
  const lookAlikes = uniquePairs(deletedLeft, (was) => {
    const lower = was.toLowerCase();
    return addedLeft.filter((is) => swapAwareDistance(lower, is.toLowerCase(), 1) <= 1);
  });
  for (const [was, is] of lookAlikes) renames.set(was, { to: is, kind: 'lookAlike' });
}

/**
 * Each of `deleted` with the one name `near` finds for it, when no other deleted name finds that one.
 */
function uniquePairs(
  deleted: readonly string[],
  near: (was: string) => readonly string[],
): Map<string, string> {
  const nearDeleted = new Map<string, readonly string[]>();
  const nearAdded = new Map<string, string[]>();
  for (const was of deleted) {
    const found = near(was);
    if (found.length === 0) continue;
    nearDeleted.set(was, found);
    for (const is of found) listIn(nearAdded, is).push(was);
  }
  const pairs = new Map<string, string>();
  for (const [was, found] of nearDeleted) {
    if (found.length === 1 && nearAdded.get(found[0]!)!.length === 1) pairs.set(was, found[0]!);
  }
  return pairs;
}

function listIn(lists: Map<string, string[]>, key: string): string[] {
  let list = lists.get(key);
  if (!list) {
    list = [];
    lists.set(key, list);
  }
  return list;
}

/**
 * What a deleted field's detail says of the member added in its place: flows `use` ('read', 'send')
 * a field by its exact name, so a rename is a deletion all the same.
 */
export function renameNote(rename: MemberRename, use: 'read' | 'send'): string {
  return rename.kind === 'letterCase'
    ? `Only the letter case of its name changed, to ${quoted(rename.to)}: flows ${use} a field by its exact name.`
    : `It looks renamed: ${quoted(rename.to)} has been added in its place.`;
}
