/**
 * What a "did you mean" costs (closestMatcher): a word is measured against every candidate whose
 * letters could be within the distance it accepts, so names that share most of their letters are
 * all measured. Each case is timed next to a baseline measured in the same run, preparing the matcher
 * (each candidate lowercased and its letters counted: one pass over the names). Long names were the
 * slow case: every distance filled the whole table of the two names, however far it went past the
 * distance that could still be suggested.
 */
// Not the package's index, which holds the Jest helpers too.
import { randomText, seededRandom, withEdits } from '@connector-alm/testing/random-text';
import { closestMatcher } from '../src/did-you-mean.js';

interface Case {
  name: string;
  make(): { candidates: string[]; words: string[] };
}

/** Names of `length` letters of four: each six edits from one base, and so a dozen from each other. */
function longNames(length: number, close: boolean): Case {
  return {
    name: `${length}-letter names, ${close ? 'a few edits from one' : 'none close'}`,
    make() {
      const random = seededRandom(length);
      const letters = 'abcd';
      const base = randomText(length, letters, random);
      const candidates = Array.from({ length: 50 }, () => withEdits(base, 6, letters, random));
      // A candidate with three more edits, or letters drawn anew: about half of them differ, more
      // than the third of a name that is suggested.
      const words = Array.from({ length: 10 }, (_, at) =>
        close
          ? withEdits(candidates[(at * 7) % candidates.length]!, 3, letters, random)
          : randomText(length, letters, random),
      );
      return { candidates, words };
    },
  };
}

const cases: Case[] = [
  {
    // The case closestMatcher's comment measures: short names, none close.
    name: "1,000 'Missing<i>' among 3,003 'Param<i>'",
    make: () => ({
      candidates: Array.from({ length: 3003 }, (_, at) => `Param${at}`),
      words: Array.from({ length: 1000 }, (_, at) => `Missing${at}`),
    }),
  },
  longNames(500, true),
  longNames(1000, true),
  longNames(500, false),
  longNames(1000, false),
];

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const runs = 3;
console.log(`fastest of ${runs} runs; baseline: preparing the matcher (one pass over the names)`);
for (const benchCase of cases) {
  const { candidates, words } = benchCase.make();
  let askMs = Infinity;
  let baselineMs = Infinity;
  let suggested = 0;
  for (let run = 0; run < runs; run++) {
    baselineMs = Math.min(
      baselineMs,
      timed(() => closestMatcher(candidates)),
    );
    const matcher = closestMatcher(candidates);
    askMs = Math.min(
      askMs,
      timed(() => {
        suggested = words.filter((word) => matcher(word) !== undefined).length;
      }),
    );
  }
  console.log(
    `${benchCase.name.padEnd(48)} ${askMs.toFixed(1).padStart(9)} ms  (baseline ${baselineMs.toFixed(2)} ms, ` +
      `${(askMs / baselineMs).toFixed(0)}x; ${suggested} of ${words.length} words suggested)`,
  );
}
