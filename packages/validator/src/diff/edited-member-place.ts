import { childPointer } from '../json/pointer.js';
import { isObject } from '../swagger/json-values.js';
import { memberDeletionPlace, type DeletionPlace } from './counterpart-pointer.js';
import { differingKeys } from './json-equal.js';

/**
 * Where the edit of some members of an object is shown: on the line a pull request's diff changed.
 * `edited` names keys whose values differ between `was` (the base version's object) and `is` (the
 * new version's, at `at`). The object's first line can be far above the edit (an operation's
 * parameters, a response's schema, `info` before a long description), where an annotation is not
 * shown inline. So:
 * - of the edited members still there, the first in the new file (the detail names the others);
 * - within it, when both versions have an object there (info's `contact`), the first of its members
 *   that differs, down to the edited value: `"contact": {` is a line of the diff's context;
 * - else, every edited member deleted, where the first deleted one left its place (deletionPlace:
 *   the member added or now following there, else the end of the member before it).
 */
export function editedMemberPlace(
  was: unknown,
  is: unknown,
  at: string,
  edited: readonly string[],
): DeletionPlace {
  if (!isObject(is)) return { pointer: at, atValueEnd: false };
  const kept = Object.keys(is).find((key) => edited.includes(key));
  if (kept === undefined) {
    const deleted = isObject(was) ? Object.keys(was).find((key) => edited.includes(key)) : undefined;
    return deleted === undefined
      ? { pointer: at, atValueEnd: false }
      : memberDeletionPlace(was, is, at, deleted);
  }
  const pointer = childPointer(at, kept);
  const before = isObject(was) ? was[kept] : undefined;
  const after = is[kept];
  if (!isObject(before) || !isObject(after)) return { pointer, atValueEnd: false };
  return editedMemberPlace(before, after, pointer, differingKeys(before, after, new Set()));
}
