/**
 * Every commit reachable from `tip`, itself included, as `git rev-list <tip>` lists them (in no
 * order). The history is walked a generation at a time, so that the reads of one generation's
 * parents are asked for together.
 */
export async function reachableCommits(
  tip: string,
  parentsOf: (commit: string) => Promise<readonly string[]>,
): Promise<Set<string>> {
  const reached = new Set<string>([tip]);
  let generation = [tip];
  while (generation.length > 0) {
    const parents = (await Promise.all(generation.map(parentsOf))).flat();
    generation = [...new Set(parents)].filter((parent) => !reached.has(parent));
    for (const parent of generation) reached.add(parent);
  }
  return reached;
}
