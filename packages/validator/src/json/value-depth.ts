/**
 * True when a parsed JSON value nests objects and arrays more than `limit` levels deep (the root
 * container is level 1, as `nestingDepth` counts the text's brackets).
 *
 * Why measure the value rather than the text: V8's JSON.parse is iterative (it parses a document
 * nested 1,000,000 levels deep without overflowing the stack), so strict JSON can be parsed first
 * and its depth measured here, with an explicit stack and no recursion, before anything recursive
 * sees it. Visiting the containers of the value is about half the cost of re-scanning every
 * character of the text. Text that JSON.parse refuses is still measured on the text, before the
 * (recursive) tolerant parser runs.
 */
export function valueNestingExceeds(root: unknown, limit: number): boolean {
  if (root === null || typeof root !== 'object') return false;
  // Parallel stacks of containers and their levels: no per-container allocation.
  const containers: object[] = [root];
  const levels: number[] = [1];
  while (containers.length > 0) {
    const container = containers.pop()!;
    const level = levels.pop()!;
    if (level > limit) return true;
    if (Array.isArray(container)) {
      for (let index = 0; index < container.length; index++) {
        const child: unknown = container[index];
        if (child !== null && typeof child === 'object') {
          containers.push(child);
          levels.push(level + 1);
        }
      }
    } else {
      const object = container as Record<string, unknown>;
      for (const key in object) {
        const child = object[key];
        if (child !== null && typeof child === 'object') {
          containers.push(child);
          levels.push(level + 1);
        }
      }
    }
  }
  return false;
}
