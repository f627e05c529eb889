/**
 * `items` in groups of one key, each group where its first item stands and its items in their order;
 * an item whose key is undefined is a group of its own. What the job summary folds alike findings and
 * changes with (summary-finding-folds.ts, summary-change-folds.ts).
 */
export function groupsInFirstOrder<T>(items: readonly T[], keyOf: (item: T) => string | undefined): T[][] {
  const byKey = new Map<string, T[]>();
  const groups: T[][] = [];
  for (const item of items) {
    const key = keyOf(item);
    const group = key === undefined ? undefined : byKey.get(key);
    if (group) {
      group.push(item);
      continue;
    }
    const started = [item];
    if (key !== undefined) byKey.set(key, started);
    groups.push(started);
  }
  return groups;
}
