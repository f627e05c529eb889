import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixJsonText } from '../../src/fix/json-fix.js';
import { CORPUS_DIR, corpusAvailable } from '../helpers/fixture.js';
import { seededPick } from '../helpers/seeded-random.js';

// `validate --fix` passed files it had made strict JSON but not the JSON the maker wrote: a lost
// list closer (`"scopes": [,`) had the list take the object's members as its items, and a key left
// without its value took the next member's. Where the fix of one character lost from a real
// connector file is made, it must give back the value as written: a fix that guesses otherwise says
// so (no edit), and the maker decides. The characters whose loss the layout does not always place
// (a '}' in a file indented unevenly, a '[' before an item on the key's line, a '"') are not held
// to it.

const describeCorpus = corpusAvailable ? describe : describe.skip;
if (!corpusAvailable) console.warn(`Skipping the lost-character fixes: ${CORPUS_DIR} is absent.`);

/** Every n-th corpus connector's swagger and apiProperties.json, and the losses tried in each. */
const EVERY = 6;
const LOSSES_PER_CHARACTER = 2;

function connectorJsonFiles(): string[] {
  const files: string[] = [];
  for (const top of readdirSync(CORPUS_DIR, { withFileTypes: true })) {
    if (!top.isDirectory()) continue;
    for (const folder of readdirSync(path.join(CORPUS_DIR, top.name))) {
      for (const name of ['apiDefinition.swagger.json', 'apiProperties.json']) {
        files.push(path.join(CORPUS_DIR, top.name, folder, name));
      }
    }
  }
  return files.filter((_, index) => index % EVERY === 0);
}

describeCorpus('one character lost from a real connector file', () => {
  it.each([',', ':', '{', ']'])(
    "--fix gives back the value as written, or makes no fix: a lost '%s'",
    (lost) => {
      const pick = seededPick(lost.charCodeAt(0));
      let fixed = 0;
      const otherValues: string[] = [];
      for (const file of connectorJsonFiles()) {
        let text: string;
        try {
          text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
        } catch {
          continue; // a connector without this file
        }
        const written = JSON.stringify(JSON.parse(text));
        const places = [...text.matchAll(new RegExp(`\\${lost}`, 'g'))].map((match) => match.index);
        for (let loss = 0; loss < LOSSES_PER_CHARACTER && places.length > 0; loss++) {
          const at = places[pick(places.length)]!;
          const fix = fixJsonText(text.slice(0, at) + text.slice(at + 1));
          if (fix.outcome !== 'fixed') continue;
          fixed++;
          if (JSON.stringify(JSON.parse(fix.text)) !== written)
            otherValues.push(`${path.relative(CORPUS_DIR, file)}, the '${lost}' at offset ${at}`);
        }
      }
      expect(otherValues).toEqual([]);
      // The fixes were made, not all refused.
      expect(fixed).toBeGreaterThan(100);
    },
  );
});
