/**
 * The number of object members of a parsed JSON value (all its objects together), or -1 when it
 * nests objects and arrays more than `limit` levels deep (the root container is level 1, as
 * `offsetPastDepth` counts the text's brackets), has a key longer than `keyLimit` or keys from the
 * root adding up to more than `pathLimit` (see key-length.ts: checked in this walk, a few operations
 * a member, rather than in a walk of its own). The member count is the value's half of the
 * duplicate-key screen (see `mayHaveDuplicateKeys`); counting it here, in the walk the depth check
 * makes anyway, costs one increment per member.
 *
 * Why measure the value rather than the text: V8's JSON.parse is iterative (it parses a document
 * nested 1,000,000 levels deep without overflowing the stack), so strict JSON can be parsed first
 * and its depth measured here, with an explicit stack and no recursion, before anything recursive
 * sees it. Visiting the containers of the value is about half the cost of re-scanning every
 * character of the text. Text that JSON.parse refuses is still measured on the text, before the
 * (recursive) tolerant parser runs.
 */
export function objectMembersWithin(
  root: unknown,
  limit: number,
  keyLimit = Infinity,
  pathLimit = Infinity,
): number {
  if (root === null || typeof root !== 'object') return 0;
  let members = 0;
  // Parallel stacks of containers, their levels and their key paths' lengths (the keys from the
  // root, one character a level, as findOverlongKey counts them): no per-container allocation.
  const containers: object[] = [root];
  const levels: number[] = [1];
  const paths: number[] = [0];
  while (containers.length > 0) {
    const container = containers.pop()!;
    const level = levels.pop()!;
    const path = paths.pop()!;
    if (level > limit) return -1;
    if (Array.isArray(container)) {
      for (let index = 0; index < container.length; index++) {
        const child: unknown = container[index];
        if (child !== null && typeof child === 'object') {
          containers.push(child);
          levels.push(level + 1);
          paths.push(path + 1);
        }
      }
    } else {
      const object = container as Record<string, unknown>;
      for (const key in object) {
        const keyPath = path + 1 + key.length;
        if (key.length > keyLimit || keyPath > pathLimit) return -1;
        members++;
        const child = object[key];
        if (child !== null && typeof child === 'object') {
          containers.push(child);
          levels.push(level + 1);
          paths.push(keyPath);
        }
      }
    }
  }
  return members;
}
