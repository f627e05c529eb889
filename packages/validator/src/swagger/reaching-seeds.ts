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
 * an answer), and an answer adding nothing to its one referrer's is that referrer's own: a chain's
 * entries share one list.
 */
export interface ReverseReferences<S> {
  /** The entries that reference this one directly. */
  referrers(entry: string): readonly string[] | undefined;
  /** The seeds that reference this entry directly, in their order. */
  seeds(entry: string): readonly S[] | undefined;
}

const NONE: readonly never[] = [];

/**
 * The seeds reaching each entry asked about, sorted by their key, one per key (an entry's own seed
 * before one it inherits), each entry's answer built once and kept.
 */
export class ReachingSeeds<S> {
  private readonly answers = new Map<string, readonly S[]>();

  constructor(
    private readonly graph: ReverseReferences<S>,
    /** A number that orders the seeds; seeds of one key are one (the first is kept). */
    private readonly keyOf: (seed: S) => number,
  ) {}

  of(entry: string): readonly S[] {
    const known = this.answers.get(entry);
    if (known) return known;
    this.answerFrom(entry);
    return this.answers.get(entry)!;
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
        const answer = this.merge(members);
        for (const each of members) this.answers.set(each, answer);
      }
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.entry, Math.min(low.get(parent.entry)!, entryLow));
    }
  }

  /**
   * The answer of a group of entries (one, or a reference cycle): their own seeds and their
   * referrers', sorted. Sorted answers concatenated are sorted runs, which the sort merges in one pass.
   */
  private merge(members: readonly string[]): readonly S[] {
    const group = members.length === 1 ? undefined : new Set(members);
    const own: S[] = [];
    // A set: a definition that thousands of others reference meets thousands of answers.
    const inherited = new Set<readonly S[]>();
    for (const member of members) {
      const seeds = this.graph.seeds(member);
      if (seeds) for (const seed of seeds) own.push(seed);
      for (const referrer of this.graph.referrers(member) ?? []) {
        if (referrer === member || group?.has(referrer)) continue;
        const answer = this.answers.get(referrer)!;
        if (answer.length > 0) inherited.add(answer);
      }
    }
    if (own.length === 0) {
      if (inherited.size === 0) return NONE;
      if (inherited.size === 1) for (const answer of inherited) return answer;
    }
    const keyOf = this.keyOf;
    // Stable: of one key, the own seed (listed first) is kept.
    const all = own;
    for (const answer of inherited) for (const seed of answer) all.push(seed);
    all.sort((a, b) => keyOf(a) - keyOf(b));
    const merged: S[] = [];
    let last = NaN;
    for (const seed of all) {
      const key = keyOf(seed);
      if (key !== last) merged.push(seed);
      last = key;
    }
    return merged;
  }
}
