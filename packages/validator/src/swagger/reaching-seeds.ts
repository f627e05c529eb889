/**
 * The seeds that reach an entry of a swagger (`/definitions/Task`) through `$ref`s: its own, and
 * those of every entry that references it, directly or through other entries. A seed is what holds a
 * `$ref` outside the entries (an operation's body parameter or response, say), and the reach is read
 * backwards, from the entries asked about to those that reference them.
 *
 * Why not a walk back from each entry asked about: a chain of definitions, each one asked about and
 * referenced by the next, walks the chain again for each (entries x chain). Each entry's answer is
 * built once from its referrers' answers, in one depth-first pass that groups reference cycles
 * (Tarjan's strongly connected components: every entry of a cycle reaches the others, so they share
 * an answer), and an answer adding nothing to its one referrer's is that referrer's own.
 *
 * Why answers are groups (own seeds, and the answers they inherit) rather than lists: a chain of n
 * definitions, each sent by its own operation, is reached by n^2/2 (definition, operation) pairs;
 * listed per definition they took 840 MB at n = 4,000. A group is the size of its own seeds, and
 * what is asked of the seeds (SeedGroup.fold) is answered per group from its inherited ones'.
 */
export interface ReverseReferences<S> {
  /** The entries that reference this one directly. */
  referrers(entry: string): readonly string[] | undefined;
  /** The seeds that reference this entry directly, in their order. */
  seeds(entry: string): readonly S[] | undefined;
}

/**
 * The seeds reaching one entry, or a reference cycle of them: their own, and the answers of the
 * entries outside them that reference them, in the order of those references.
 */
export class SeedGroup<S> {
  constructor(
    readonly own: readonly S[],
    readonly inherited: readonly SeedGroup<S>[],
  ) {}
}

const NONE = new SeedGroup<never>([], []);

/**
 * The seeds reaching each entry asked about, as a SeedGroup built once per entry and kept; listed
 * (`of`) when asked, sorted by their key, one per key.
 */
export class ReachingSeeds<S> {
  private readonly answers = new Map<string, SeedGroup<S>>();

  constructor(
    private readonly graph: ReverseReferences<S>,
    /** A number that orders the seeds; seeds of one key are one (the first is kept). */
    private readonly keyOf: (seed: S) => number,
  ) {}

  /** The group of seeds that reach the entry: entries that share their seeds share one. */
  groupOf(entry: string): SeedGroup<S> {
    const known = this.answers.get(entry);
    if (known) return known;
    this.answerFrom(entry);
    return this.answers.get(entry)!;
  }

  /** The seeds reaching the entry, sorted by key, one per key (an entry's own seed before one it inherits). */
  of(entry: string): readonly S[] {
    return this.seedsOf(this.groupOf(entry));
  }

  /**
   * The seeds of a group, sorted, one per key: of one key, the first met going through the group's
   * own seeds and then each inherited group in order, depth first (as merging each group's sorted
   * list with its own seeds first kept). Built at each question, not kept: kept for every group of
   * a chain, the lists are the pairs again.
   */
  seedsOf(group: SeedGroup<S>): readonly S[] {
    if (group.inherited.length === 0 && group.own.length <= 1) return group.own;
    const all: S[] = [];
    // Marked when taken, not when stacked: a group met again deeper is gone through there first.
    const seen = new Set<SeedGroup<S>>();
    const stack: SeedGroup<S>[] = [group];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      for (const seed of next.own) all.push(seed);
      for (let at = next.inherited.length - 1; at >= 0; at--) {
        const inherited = next.inherited[at]!;
        if (!seen.has(inherited)) stack.push(inherited);
      }
    }
    const keyOf = this.keyOf;
    // Stable: of one key, the first met is kept. A chain's groups are met from the last to the
    // first: keys that only fall are reversed, not sorted.
    if (all.every((seed, at) => at === 0 || keyOf(seed) < keyOf(all[at - 1]!))) all.reverse();
    else all.sort((a, b) => keyOf(a) - keyOf(b));
    const merged: S[] = [];
    let last = NaN;
    for (const seed of all) {
      const key = keyOf(seed);
      if (key !== last) merged.push(seed);
      last = key;
    }
    return merged;
  }

  /** Tarjan's algorithm over the referrers, iterative: a chain of thousands must not overflow the stack. */
  private answerFrom(start: string): void {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const frames: { entry: string; referrers: readonly string[]; next: number }[] = [];
    const open = (entry: string): void => {
      index.set(entry, index.size);
      low.set(entry, index.size - 1);
      stack.push(entry);
      onStack.add(entry);
      frames.push({ entry, referrers: this.graph.referrers(entry) ?? [], next: 0 });
    };
    open(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.next < frame.referrers.length) {
        const referrer = frame.referrers[frame.next++]!;
        if (this.answers.has(referrer)) continue;
        if (!index.has(referrer)) open(referrer);
        else if (onStack.has(referrer))
          low.set(frame.entry, Math.min(low.get(frame.entry)!, index.get(referrer)!));
        continue;
      }
      frames.pop();
      const entry = frame.entry;
      const entryLow = low.get(entry)!;
      if (entryLow === index.get(entry)) {
        const members: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          members.push(member);
        } while (member !== entry);
        const answer = this.group(members);
        for (const each of members) this.answers.set(each, answer);
      }
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.entry, Math.min(low.get(parent.entry)!, entryLow));
    }
  }

  /** The group of some entries (one, or a reference cycle): their own seeds, and their referrers' answers. */
  private group(members: readonly string[]): SeedGroup<S> {
    const inCycle = members.length === 1 ? undefined : new Set(members);
    const own: S[] = [];
    // A set: a definition that thousands of others reference meets thousands of answers.
    const inherited = new Set<SeedGroup<S>>();
    for (const member of members) {
      const seeds = this.graph.seeds(member);
      if (seeds) for (const seed of seeds) own.push(seed);
      for (const referrer of this.graph.referrers(member) ?? []) {
        if (referrer === member || inCycle?.has(referrer)) continue;
        const answer = this.answers.get(referrer)!;
        if (answer !== NONE) inherited.add(answer);
      }
    }
    if (own.length === 0) {
      if (inherited.size === 0) return NONE;
      if (inherited.size === 1) for (const answer of inherited) return answer;
    }
    return new SeedGroup(own, [...inherited]);
  }
}

/**
 * A summary of each group's seeds, built from its own seeds and its inherited groups' summaries
 * (each summarised once, kept in `known`), deepest first without recursion: a chain of thousands
 * must not overflow the stack.
 */
export function foldGroups<S, T>(
  group: SeedGroup<S>,
  known: Map<SeedGroup<S>, T>,
  summarise: (own: readonly S[], inherited: readonly T[]) => T,
): T {
  const done = known.get(group);
  if (done !== undefined) return done;
  const stack: SeedGroup<S>[] = [group];
  while (stack.length > 0) {
    const next = stack[stack.length - 1]!;
    if (known.has(next)) {
      stack.pop();
      continue;
    }
    let ready = true;
    for (const inherited of next.inherited) {
      if (!known.has(inherited)) {
        ready = false;
        stack.push(inherited);
      }
    }
    if (!ready) continue;
    stack.pop();
    known.set(
      next,
      summarise(
        next.own,
        next.inherited.map((inherited) => known.get(inherited)!),
      ),
    );
  }
  return known.get(group)!;
}
