/**
 * Appends `items` to `target` one by one, and returns `target`. `target.push(...items)` passes each
 * item as an argument on the stack, and throws "Maximum call stack size exceeded" past some 100,000
 * of them: a list an input sizes (the changes of a swagger with 200,000 fields) is appended with this.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
