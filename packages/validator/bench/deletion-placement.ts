/**
 * What placing the deleted elements of a long array (or members of a big object) costs (deletionPlace, once for each breaking
 * change a deletion makes): a pull request from a fork is hostile input, and a run must not hang on
 * it. Each case is timed at two sizes, next to a baseline measured in the same run (a structured
 * clone of the base document: one walk of every value); the ratio of the two sizes says whether the
 * cost grows as the array does (about 2x) or faster. Placing the 1,000 last of 3,000 parameters took
 * more than two minutes when each deletion searched the whole new array for each of its followers.
 */
import { deletionPlace } from '../src/diff/counterpart-pointer.js';

interface Case {
  name: string;
  /** The base document, the new one, and the pointers of the deleted elements, for `size` elements. */
  make(size: number): { before: unknown; after: unknown; deleted: string[] };
}

const lastThird = (size: number, list: string) =>
  Array.from({ length: Math.floor(size / 3) }, (_, at) => `${list}/${size - 1 - at}`);

const cases: Case[] = [
  {
    name: 'named parameters, last third deleted',
    make(size) {
      const parameters = Array.from({ length: size }, (_, at) => ({ name: `p${at}`, in: 'query' }));
      const after = { parameters: parameters.slice(0, size - Math.floor(size / 3)), responses: {} };
      return {
        before: { parameters, responses: {} },
        after: structuredClone(after),
        deleted: lastThird(size, '/parameters'),
      };
    },
  },
  {
    name: 'unnamed objects, last third deleted',
    make(size) {
      const list = Array.from({ length: size }, (_, at) => ({ value: at, tags: [at, 'x'] }));
      const after = { list: list.slice(0, size - Math.floor(size / 3)) };
      return { before: { list }, after: structuredClone(after), deleted: lastThird(size, '/list') };
    },
  },
  {
    // A big object beside the one that lost its last members: looking for what follows the object
    // listed the keys of `definitions` for each of them (1,000 deletions took seconds), and the
    // members added in a deleted one's place are looked for among the new keys, listed once.
    name: 'properties, last third deleted',
    make(size) {
      const names = Array.from({ length: size }, (_, at) => `p${at}`);
      const properties = Object.fromEntries(names.map((name) => [name, { type: 'string' }]));
      const others = Object.fromEntries(names.map((name) => [`D${name}`, { type: 'object' }]));
      const kept = Object.fromEntries(names.slice(0, size - Math.floor(size / 3)).map((name) => [name, {}]));
      return {
        before: { definitions: { A: { properties }, ...others } },
        after: structuredClone({ definitions: { A: { properties: kept }, ...others } }),
        deleted: names.slice(size - Math.floor(size / 3)).map((name) => `/definitions/A/properties/${name}`),
      };
    },
  },
  {
    // Each deleted parameter placed on the one added where it was: the new indices the base
    // elements went to are listed once for the pair, not once per deletion.
    name: 'named parameters, last third renamed',
    make(size) {
      const parameters = Array.from({ length: size }, (_, at) => ({ name: `p${at}`, in: 'query' }));
      const kept = parameters.slice(0, size - Math.floor(size / 3));
      const renamed = parameters.slice(kept.length).map(({ name }) => ({ name: `${name}New`, in: 'query' }));
      return {
        before: { parameters, responses: {} },
        after: structuredClone({ parameters: [...kept, ...renamed], responses: {} }),
        deleted: lastThird(size, '/parameters'),
      };
    },
  },
  {
    // One slot of deleted and added members, too many pairs to measure each (member-renames.ts):
    // each deleted name is looked for among the added ones by its letter case, once for the pair.
    name: 'properties, last third renamed',
    make(size) {
      const names = Array.from({ length: size }, (_, at) => `p${at}`);
      const kept = names.slice(0, size - Math.floor(size / 3));
      const renamed = names.slice(kept.length).map((name, at) => (at % 2 ? name.toUpperCase() : `${name}x`));
      const object = (keys: string[]) => Object.fromEntries(keys.map((name) => [name, { type: 'string' }]));
      return {
        before: { properties: object(names) },
        after: structuredClone({ properties: object([...kept, ...renamed]) }),
        deleted: names.slice(kept.length).map((name) => `/properties/${name}`),
      };
    },
  },
  {
    // A slot of one deleted and one added member at every other member: one distance a slot.
    name: 'properties, every other one renamed',
    make(size) {
      const names = Array.from({ length: size }, (_, at) => `property${at}`);
      const renamed = names.map((name, at) => (at % 2 ? `${name}s` : name));
      const object = (keys: string[]) => Object.fromEntries(keys.map((name) => [name, { type: 'string' }]));
      return {
        before: { properties: object(names) },
        after: structuredClone({ properties: object(renamed) }),
        deleted: names.filter((_, at) => at % 2).map((name) => `/properties/${name}`),
      };
    },
  },
  {
    name: 'enum narrowed to its first value',
    make(size) {
      const values = Array.from({ length: size }, (_, at) => `value${at}`);
      // BRK-ENUM-NARROWED places the first removed value only; the whole run follows it.
      return { before: { enum: values }, after: { enum: ['value0'] }, deleted: ['/enum/1'] };
    },
  },
];

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** The median of `runs` timings of placing every deletion of a fresh pair of documents. */
function placementMs(benchCase: Case, size: number, runs: number): { placeMs: number; baselineMs: number } {
  const place: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Fresh documents each run: the places are kept per pair of arrays.
    const { before, after, deleted } = benchCase.make(size);
    baseline.push(timed(() => structuredClone(before)));
    place.push(
      timed(() => {
        for (const pointer of deleted) deletionPlace(before, after, pointer);
      }),
    );
  }
  const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  return { placeMs: median(place), baselineMs: median(baseline) };
}

const runs = 5;
const sizes = [3000, 6000];
console.log(`median of ${runs} runs; baseline: structuredClone of the base document`);
for (const benchCase of cases) {
  placementMs(benchCase, sizes[0]!, runs); // warm-up
  const [small, large] = sizes.map((size) => placementMs(benchCase, size, runs));
  for (const [at, size] of sizes.entries()) {
    const { placeMs, baselineMs } = [small, large][at]!;
    console.log(
      `${benchCase.name.padEnd(40)} ${String(size).padStart(6)} elements ${placeMs.toFixed(1).padStart(8)} ms` +
        `  (baseline ${baselineMs.toFixed(1)} ms, ${(placeMs / baselineMs).toFixed(1)}x)`,
    );
  }
  console.log(
    `${''.padEnd(40)} twice the elements: ${(large!.placeMs / small!.placeMs).toFixed(1)}x the time`,
  );
}
