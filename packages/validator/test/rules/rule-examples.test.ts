import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { PROFILES, type Profile, type Severity } from '../../src/model/finding.js';
import type { RuleDefinition } from '../../src/model/rule.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { validatePaths } from '../../src/validate.js';
import { writeConnector } from '../helpers/fixture.js';
import {
  baseExampleFiles,
  exampleFixture,
  placeFragment,
  type ExampleFiles,
  type ExamplePlace,
} from './rule-example-connector.js';
import { RULE_EXAMPLE_PLACES, UNCHECKED_EXAMPLES } from './rule-example-places.js';

// docs/rules.md shows, for each rule, an example that fires it ("Fires on") and its fix ("Passes").
// Each is put into the valid connector at its place (rule-example-places.ts), written to disk and
// validated as the CLI does, under a profile where the rule is on: a reader who copies the bad example
// must see the rule, and one who copies the good example must not.

/** Rules without an example, each deliberately: every other rule shows one. */
const WITHOUT_EXAMPLE: Record<string, string> = {
  'GEN-JSON-BOM': 'a byte order mark is invisible in a code block',
};

const documented = ALL_RULES.filter((rule) => rule.example);
const checked = documented.filter((rule) => !(rule.id in UNCHECKED_EXAMPLES));
// A rule without a place fails the listing test below, not the run of the others.
const placed = checked.filter((rule) => rule.id in RULE_EXAMPLE_PLACES);

describe('the rule reference examples', () => {
  it('are shown for every rule but a few listed ones', () => {
    const missing = ALL_RULES.filter((rule) => !rule.example && !(rule.id in WITHOUT_EXAMPLE));
    const listedButShown = Object.keys(WITHOUT_EXAMPLE).filter(
      (id) => ALL_RULES.find((r) => r.id === id)?.example,
    );
    expect({ missing: missing.map((rule) => rule.id), listedButShown }).toEqual({
      missing: [],
      listedButShown: [],
    });
  });

  it('each have a place in a connector, or a reason why not', () => {
    const placeless = checked.filter((rule) => !(rule.id in RULE_EXAMPLE_PLACES)).map((rule) => rule.id);
    const stale = [...Object.keys(RULE_EXAMPLE_PLACES), ...Object.keys(UNCHECKED_EXAMPLES)].filter(
      (id) => !documented.some((rule) => rule.id === id),
    );
    const both = Object.keys(UNCHECKED_EXAMPLES).filter((id) => id in RULE_EXAMPLE_PLACES);
    expect({ placeless, stale, both }).toEqual({ placeless: [], stale: [], both: [] });
  });

  describe.each(placed.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    const place = RULE_EXAMPLE_PLACES[id]!;
    const profile = place.profile ?? profileWhereOn(rule);
    const example = rule.example!;

    it('fires on its bad example, not on the connector it is put into', async () => {
      expect(await firedOn(withContext(place), rule, profile)).toEqual([]);
      const bad = withBad(place, example.bad);
      expect(await firedOn(bad, rule, profile)).toEqual([expect.stringContaining(id)]);
    });

    if (example.good !== undefined && place.goodInWords === undefined) {
      const good = example.good;
      it('does not fire on its good example', async () => {
        const files = place.goodFixesBad ? withBad(place, example.bad) : withContext(place);
        placeFragment(files, place, good, 'good');
        const fired = await firedOn(
          files,
          rule,
          profile,
          place.goodKeepsNote === undefined ? 'info' : 'warning',
        );
        expect(fired).toEqual([]);
      });
    }
  });
});

function withContext(place: ExamplePlace): ExampleFiles {
  const files = baseExampleFiles();
  place.context?.(files);
  return files;
}

function withBad(place: ExamplePlace, bad: string): ExampleFiles {
  const files = withContext(place);
  placeFragment(files, place, bad, 'bad');
  return files;
}

function profileWhereOn(rule: RuleDefinition): Profile {
  return PROFILES.find((profile) => rule.levels[profile] !== 'off') ?? 'certified';
}

/**
 * The rule's findings on the files from `least` severity up, as `ruleId: message` (joined in one
 * string, so that an example firing its rule many times still matches one expected string).
 */
async function firedOn(
  files: ExampleFiles,
  rule: RuleDefinition,
  profile: Profile,
  least: Severity = 'info',
): Promise<string[]> {
  const folder = writeConnector(exampleFixture(files), profile, files.name);
  const result = await validatePaths([folder], { cwd: path.dirname(folder) });
  const counted = least === 'info' ? ['info', 'warning', 'error'] : ['warning', 'error'];
  const own = result.findings.filter(
    (finding) => finding.ruleId === rule.id && counted.includes(finding.severity),
  );
  return own.length === 0 ? [] : [own.map((finding) => `${finding.ruleId}: ${finding.message}`).join('\n')];
}
