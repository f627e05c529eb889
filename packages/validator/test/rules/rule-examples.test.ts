import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { PROFILES, type Profile } from '../../src/model/finding.js';
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
import { PLACEMENT_POINTERS, RULE_EXAMPLE_PLACES, UNCHECKED_EXAMPLES } from './rule-example-places.js';

// docs/rules.md shows, for each rule, an example that fires it ("Fires on") and its fix ("Passes"), and
// where in a connector they go when the fragment does not say it (the example's placement). Each is
// put into the valid connector at that place (rule-example-places.ts), written to disk and validated
// as the CLI does, under a profile where the rule is on: a reader who copies the bad example must see
// the rule, and one who copies the good example must not, or only the note the reference announces.

/** Rules without an example, each deliberately: every other rule shows one. */
const WITHOUT_EXAMPLE: Record<string, string> = {
  'GEN-JSON-BOM': 'a byte order mark is invisible in a code block',
};

const documented = ALL_RULES.filter((rule) => rule.example);
const checked = documented.filter((rule) => !(rule.id in UNCHECKED_EXAMPLES));
const listed = checked.filter((rule) => rule.id in RULE_EXAMPLE_PLACES);
// A rule without a place, or without a file to put it in, fails the listing tests below, not the
// run of the others.
const placed = listed.filter(
  (rule) => rule.example!.placement || RULE_EXAMPLE_PLACES[rule.id]!.file !== undefined,
);

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

  // The reference says where a fragment goes from the rule's placement; the test must put it there,
  // not where a table of its own says, or the two could part.
  it('go where the reference says: at their placement, else at the root of a file or where their words say', () => {
    const misplaced = listed.flatMap((rule) => {
      const setup = RULE_EXAMPLE_PLACES[rule.id]!;
      if (rule.example!.placement)
        return setup.file === undefined ? [] : [`${rule.id}: file beside placement`];
      if (setup.file === undefined) return [`${rule.id}: no placement and no file`];
      const atRoot = (setup.at ?? '') === '';
      return atRoot || setup.cut ? [] : [`${rule.id}: at ${setup.at} without a placement`];
    });
    expect(misplaced).toEqual([]);
  });

  describe.each(placed.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    const place = placeOf(rule);
    const profile = place.profile ?? profileWhereOn(rule);
    const example = rule.example!;

    it('fires on its bad example, not on the connector it is put into', async () => {
      expect(await firedOn(withContext(place), rule, profile)).toEqual([]);
      const bad = withBad(place, example.bad);
      expect(await firedOn(bad, rule, profile)).toEqual([expect.stringContaining(id)]);
    });

    if (example.good !== undefined && place.goodInWords === undefined) {
      const good = example.good;
      const goodFiles = () => {
        const files = place.goodFixesBad ? withBad(place, example.bad) : withContext(place);
        placeFragment(files, place, good, 'good');
        return files;
      };
      if (example.goodNote === undefined) {
        it('does not fire on its good example', async () => {
          expect(await firedOn(goodFiles(), rule, profile)).toEqual([]);
        });
      } else {
        it('only notes its good example, at info, as the reference says', async () => {
          const fired = await firedOn(goodFiles(), rule, profile);
          expect(fired).toEqual([expect.stringMatching(new RegExp(`^${id} \\(info\\): [^\\n]+$`))]);
        });
      }
    }
  });
});

/**
 * The place of a rule's example: its table entry over what its placement says (the file, the
 * pointer, and what the placement's words say is there, such as an OAuth connection parameter).
 */
function placeOf(rule: RuleDefinition): ExamplePlace {
  const setup = RULE_EXAMPLE_PLACES[rule.id]!;
  const { placement, goodPlacement } = rule.example!;
  const pointer = placement ? PLACEMENT_POINTERS[placement] : undefined;
  const goodPointer = goodPlacement ? PLACEMENT_POINTERS[goodPlacement] : undefined;
  return {
    context: pointer?.context ?? goodPointer?.context,
    ...(pointer && { at: pointer.at }),
    ...(goodPointer && { goodAt: goodPointer.at }),
    ...setup,
    // `placed` holds only rules with one or the other.
    file: (setup.file ?? pointer?.file)!,
  };
}

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
 * The rule's findings on the files, as `ruleId (severity): message` (joined in one string, so that an
 * example firing its rule many times still matches one expected string).
 */
async function firedOn(files: ExampleFiles, rule: RuleDefinition, profile: Profile): Promise<string[]> {
  const folder = writeConnector(exampleFixture(files), profile, files.name);
  const result = await validatePaths([folder], { cwd: path.dirname(folder) });
  const own = result.findings.filter((finding) => finding.ruleId === rule.id);
  return own.length === 0
    ? []
    : [own.map((finding) => `${finding.ruleId} (${finding.severity}): ${finding.message}`).join('\n')];
}
