/**
 * The `$ref`s of a swagger between its reusable entries (`/definitions/X`, `/parameters/X`,
 * `/responses/X`, and the places inside /paths that references lead into) and from its operations,
 * as the reach below reads them.
 */
export interface ReferenceGraph {
  /** The entries each entry references directly, by entry pointer. */
  readonly edges: ReadonlyMap<string, readonly string[]>;
  /** Entries referenced directly by a visible operation (or anything else a maker may see). */
  readonly visibleSeeds: Iterable<string>;
  /** Entries referenced directly by an internal operation. */
  readonly internalSeeds: Iterable<string>;
}

/**
 * The entries visible operations reach, and those that internal operations reach, directly or through
 * other entries, and no visible operation does (`internalOnly`): no designer shows those. An entry
 * nothing reaches is in neither: it may be dead, or be meant for an operation still to come, and
 * nothing says it is hidden.
 */
export function reachOf(graph: ReferenceGraph): { visible: Set<string>; internalOnly: Set<string> } {
  const visible = reachedFrom(graph.visibleSeeds, graph.edges);
  return { visible, internalOnly: reachedFrom(graph.internalSeeds, graph.edges, visible) };
}

/**
 * The entries reached from `seeds` through `edges`, seeds included, but for those in `known`, which
 * are not followed: `known` is a closure, so what they lead to is in it too. Each entry is taken
 * once, so reference loops end.
 */
function reachedFrom(
  seeds: Iterable<string>,
  edges: ReadonlyMap<string, readonly string[]>,
  known?: ReadonlySet<string>,
): Set<string> {
  const reached = new Set<string>();
  const pending: string[] = [];
  const take = (entry: string): void => {
    if (reached.has(entry) || known?.has(entry)) return;
    reached.add(entry);
    pending.push(entry);
  };
  for (const seed of seeds) take(seed);
  while (pending.length > 0) {
    for (const next of edges.get(pending.pop()!) ?? []) take(next);
  }
  return reached;
}
