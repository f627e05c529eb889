import { describe, expect, it } from '@jest/globals';
import { foldGroups, ReachingSeeds, type SeedGroup } from '../../src/swagger/reaching-seeds.js';

/** A seed: its key, and the entry that holds it. */
type Seed = { key: number; entry: string };

/** A graph given as `from -> to` references between entries, and the keys of the seeds each holds. */
function reach(references: [string, string][], seeds: Record<string, number[]>): ReachingSeeds<Seed> {
  const referrers = new Map<string, string[]>();
  for (const [from, to] of references) referrers.set(to, [...(referrers.get(to) ?? []), from]);
  const held = new Map<string, Seed[]>();
  for (const [entry, keys] of Object.entries(seeds))
    held.set(
      entry,
      keys.map((key) => ({ key, entry })),
    );
  return new ReachingSeeds<Seed>(
    { referrers: (entry) => referrers.get(entry), seeds: (entry) => held.get(entry) },
    (seed) => seed.key,
  );
}

const seedsOf = (graph: ReachingSeeds<Seed>, entry: string) =>
  graph.of(entry).map((seed) => `${seed.key}@${seed.entry}`);

describe('ReachingSeeds', () => {
  it('gives an entry its own seeds and those of the entries that reference it, by key, each key once', () => {
    // A diamond: D is reached from A through B and through C; key 1 is A's and C's, key 4 D's and B's.
    const graph = reach(
      [
        ['A', 'B'],
        ['A', 'C'],
        ['B', 'D'],
        ['C', 'D'],
      ],
      { A: [1], B: [4, 2], C: [3, 1], D: [4] },
    );
    expect(seedsOf(graph, 'D')).toEqual(['1@A', '2@B', '3@C', '4@D']);
    expect(seedsOf(graph, 'C')).toEqual(['1@C', '3@C']);
    expect(seedsOf(graph, 'A')).toEqual(['1@A']);
  });

  it('gives every entry of a reference cycle the seeds of all of them', () => {
    const graph = reach(
      [
        ['A', 'B'],
        ['B', 'C'],
        ['C', 'A'],
        ['C', 'C'],
        ['X', 'B'],
      ],
      { A: [1], C: [3], X: [2] },
    );
    for (const entry of ['A', 'B', 'C']) expect(seedsOf(graph, entry)).toEqual(['1@A', '2@X', '3@C']);
    expect(seedsOf(graph, 'X')).toEqual(['2@X']);
  });

  it('answers an entry nothing reaches with no seeds', () => {
    expect(seedsOf(reach([], {}), 'A')).toEqual([]);
  });

  it("keeps, for a chain whose entries each have a seed, each entry's own seed and its referrer's group", () => {
    // Listed per entry, the seeds would be 100,000^2/2.
    const references: [string, string][] = [];
    const seeds: Record<string, number[]> = { E0: [0] };
    for (let at = 0; at < 100_000; at++) {
      references.push([`E${at}`, `E${at + 1}`]);
      seeds[`E${at + 1}`] = [at + 1];
    }
    const graph = reach(references, seeds);
    const last = graph.groupOf('E100000');
    expect(last.own.map((seed) => seed.key)).toEqual([100_000]);
    expect(last.inherited).toEqual([graph.groupOf('E99999')]);
    // Folded once per group, deepest first, without running out of stack.
    let folds = 0;
    const counts = new Map<SeedGroup<Seed>, number>();
    const count = foldGroups(last, counts, (own, inherited) => {
      folds++;
      return own.length + inherited.reduce((sum, each) => sum + each, 0);
    });
    expect([count, folds]).toEqual([100_001, 100_001]);
    expect(seedsOf(graph, 'E3')).toEqual(['0@E0', '1@E1', '2@E2', '3@E3']);
  });

  it('lists, of one key, the seed met first going through own seeds, then inherited groups depth first', () => {
    // D inherits B, X and C, in that order, and B inherits C: C's key 5, met through B, comes
    // before X's.
    const references = ['B>D', 'X>D', 'C>D', 'C>B'].map((edge) => edge.split('>') as [string, string]);
    const graph = reach(references, { B: [1], C: [5], X: [5, 2] });
    expect(seedsOf(graph, 'D')).toEqual(['1@B', '2@X', '5@C']);
  });

  it('reads a chain of 100,000 entries without running out of stack', () => {
    const references: [string, string][] = [];
    for (let at = 0; at < 100_000; at++) references.push([`E${at}`, `E${at + 1}`]);
    const graph = reach(references, { E0: [2], E50000: [1] });
    expect(seedsOf(graph, 'E100000')).toEqual(['1@E50000', '2@E0']);
    expect(seedsOf(graph, 'E2')).toEqual(['2@E0']);
  });
});
