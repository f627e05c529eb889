import { describe, expect, it } from '@jest/globals';
import { closestMatch, closestMatcher, didYouMean, unambiguousMatch } from '../src/did-you-mean.js';
import { randomText, seededRandom, withEdits } from '@connector-alm/testing';
import { fullTableDistance } from './helpers/full-table-distance.js';

describe('closestMatch', () => {
  const ids = ['SWG-OPID-UNIQUE', 'SWG-OPID-FORMAT', 'PROP-BRAND-COLOR'];

  it('suggests the nearest id, ignoring case', () => {
    expect(closestMatch('swg-opid-uniqe', ids)).toBe('SWG-OPID-UNIQUE');
    expect(closestMatch('PROP-BRAND-COLOUR', ids)).toBe('PROP-BRAND-COLOR');
  });

  it('suggests the one candidate that the word begins', () => {
    expect(closestMatch('independent', ['certified', 'independent-publisher', 'custom'])).toBe(
      'independent-publisher',
    );
  });

  it('suggests the identifier that gained a suffix before one a few edits away', () => {
    const operations = ['ListConsentCategoriesRenamed', 'ListEventCategories', 'ListConsentChannels'];
    expect(closestMatch('ListConsentCategories', operations)).toBe('ListConsentCategoriesRenamed');
    expect(closestMatch('ListAttachments', ['ListAttachmentsV2', 'ListDocuments'])).toBe('ListAttachmentsV2');
    // One edit is nearer than any suffix.
    expect(closestMatch('GetItemz', ['GetItems', 'GetItemzAll'])).toBe('GetItems');
    // Two candidates begin with the word: the edit distance decides.
    expect(closestMatch('ListConsent', ['ListConsentAlpha', 'ListConsentBeta', 'ListCantent'])).toBe(
      'ListCantent',
    );
  });

  it('suggests nothing when nothing is close', () => {
    expect(closestMatch('ICON-SIZE', ids)).toBeUndefined();
    expect(closestMatch('SWG-OPID', ids)).toBeUndefined();
  });
});

/**
 * closestMatch written plainly, as the reference for closestMatcher: every candidate lowercased and
 * measured on every call, with no screen by letters, and by the full table of the two words (no
 * limit, no band), as the implementation before the banded distance measured them.
 */
function closestMatchPlainly(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = fullTableDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (bestDistance <= 1) return best;
  const extended =
    lower.length < 3 ? [] : candidates.filter((candidate) => candidate.toLowerCase().startsWith(lower));
  if (extended.length === 1) return extended[0];
  return bestDistance <= limit ? best : undefined;
}

describe('closestMatcher', () => {
  it('answers as closestMatch written plainly does, for every word, on generated lists', () => {
    const random = seededRandom(2024);
    // Few letters in both cases, so that candidates share prefixes, tie in distance, differ only in
    // case, repeat, and begin one another; İ lowercases to two code units.
    const letters = 'abAB-éİ';
    const wordOf = (most: number) => {
      let word = '';
      for (let count = random(most + 1); count > 0; count--) word += letters[random(letters.length)];
      return word;
    };
    let suggested = 0;
    for (let round = 0; round < 2_000; round++) {
      const candidates = Array.from({ length: random(8) }, () => wordOf(9));
      const matcher = closestMatcher(candidates);
      for (let ask = 0; ask < 10; ask++) {
        // Half the words are a candidate's start or a candidate with an edit, the rest anything.
        const source = candidates[random(candidates.length + 1)];
        const word =
          source === undefined || random(2) === 0
            ? wordOf(12)
            : random(2) === 0
              ? source.slice(0, random(source.length + 1))
              : source.slice(0, random(source.length + 1)) +
                wordOf(1) +
                source.slice(random(source.length + 1));
        const expected = closestMatchPlainly(word, candidates);
        if (expected !== undefined) suggested++;
        const answers = [matcher(word), closestMatch(word, candidates)];
        // Compared plainly first: toEqual on every word took most of the test's time.
        if (answers[0] !== expected || answers[1] !== expected)
          expect({ word, candidates, answers }).toEqual({ word, candidates, answers: [expected, expected] });
      }
    }
    // Both answers come up often: a generator that made every word unmatched would test little.
    expect(suggested).toBeGreaterThan(5_000);
    expect(suggested).toBeLessThan(15_000);
  });

  it('answers as closestMatch written plainly does for long names that share most of their letters', () => {
    // Where the distance is computed within the band of the limit: names of up to 120 letters of
    // three, each a few edits from one base (so every one passes the screen by letters), asked with
    // names a few edits from one of them, or from the base, or drawn anew.
    const random = seededRandom(38);
    const letters = 'abC';
    let suggested = 0;
    let asked = 0;
    for (let round = 0; round < 25; round++) {
      const base = randomText(20 + random(100), letters, random);
      const candidates = Array.from({ length: 1 + random(10) }, () =>
        withEdits(base, random(base.length / 4), letters, random),
      );
      const matcher = closestMatcher(candidates);
      for (let ask = 0; ask < 12; ask++) {
        const kind = random(3);
        const word =
          kind === 0
            ? withEdits(candidates[random(candidates.length)]!, random(base.length / 3), letters, random)
            : kind === 1
              ? withEdits(base, random(base.length / 2), letters, random)
              : randomText(base.length, letters, random);
        const expected = closestMatchPlainly(word, candidates);
        asked++;
        if (expected !== undefined) suggested++;
        if (matcher(word) !== expected)
          expect({ word, candidates, answer: matcher(word) }).toEqual({ word, candidates, answer: expected });
      }
    }
    // Some words are suggested a name and some are not.
    expect(suggested).toBeGreaterThan(asked / 4);
    expect(suggested).toBeLessThan(asked);
  });

  it('says the same "did you mean" with the list prepared', () => {
    const ids = ['SWG-OPID-UNIQUE', 'SWG-OPID-FORMAT'];
    expect(didYouMean('swg-opid-uniqe', closestMatcher(ids))).toBe(" Did you mean 'SWG-OPID-UNIQUE'?");
    expect(didYouMean('ICON-SIZE', closestMatcher(ids))).toBe('');
  });

  it('keeps its own copy of the list', () => {
    const candidates = ['alpha', 'beta'];
    const matcher = closestMatcher(candidates);
    candidates[0] = 'gamma';
    expect(matcher('alpah')).toBe('alpha');
  });
});

describe('unambiguousMatch', () => {
  it('gives the closest candidate when no other is as close', () => {
    expect(unambiguousMatch('certifed-connectors', ['certified-connectors', 'custom-connectors'])).toBe(
      'certified-connectors',
    );
    expect(unambiguousMatch('contoso-crm', ['Contoso-CRM', 'Contoso-ERP'])).toBe('Contoso-CRM');
  });

  it('gives nothing when two are as close, which closestMatch would choose between', () => {
    expect(closestMatch('contoso-crx', ['Contoso-CRM', 'Contoso-CRN'])).toBe('Contoso-CRM');
    expect(unambiguousMatch('contoso-crx', ['Contoso-CRM', 'Contoso-CRN'])).toBeUndefined();
    // Two names that differ only in case are both the word, case aside.
    expect(unambiguousMatch('contoso', ['Contoso', 'CONTOSO'])).toBeUndefined();
  });

  it('gives nothing when nothing is close', () => {
    expect(unambiguousMatch('archive', ['certified-connectors', 'custom-connectors'])).toBeUndefined();
  });
});
