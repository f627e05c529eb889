import { describe, expect, it } from '@jest/globals';
import { ruleReports } from '../../src/engine.js';
import { RULES_NAMING_FIXES } from '../../src/fix/fix-folders.js';
import { fixKindOf } from '../../src/fix/marked-fixes.js';
import { loadConnectorFolder } from '../../src/loader/connector-folder.js';
import { discoverConnectorFolders } from '../../src/loader/discover.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { resolveProfile } from '../../src/validate.js';
import { DEFAULT_CONFIG } from '../../src/config/config-types.js';
import { CORPUS_DIR, corpusAvailable } from '../helpers/fixture.js';

// validate --fix runs only the rules marked `namesFixes` to collect the fixes (fix-folders.ts): a
// rule whose reports carry a fix without the mark would have its findings say that --fix writes the
// value, and --fix would never write it. Every fix the whole catalog names on the corpus's 373
// connector folders must come from a rule marked with its kind, which docs/cli.md's lists of the
// values written and the keys renamed are held to (docs-fix-lists.test.ts). --fix itself makes no fix
// of another kind than its rule's mark (fix-kind-marks.test.ts).

const describeCorpus = corpusAvailable ? describe : describe.skip;
if (!corpusAvailable) console.warn(`Skipping the fix-marking test: ${CORPUS_DIR} is absent.`);

describeCorpus('the rules that name fixes are marked so', () => {
  it('every report with a fix, on every corpus connector, comes from a rule with namesFixes', async () => {
    const marked = new Set(RULES_NAMING_FIXES.map((rule) => rule.id));
    const fixing = new Map<string, number>();
    const kinds = new Map<string, Set<string>>();
    for (const folder of await discoverConnectorFolders([CORPUS_DIR])) {
      const connector = await loadConnectorFolder(folder, CORPUS_DIR);
      const profile = resolveProfile(connector.absolutePath, undefined, DEFAULT_CONFIG);
      for (const { rule, report } of ruleReports(connector, { profile, rules: ALL_RULES })) {
        if (report.fix === undefined) continue;
        fixing.set(rule.id, (fixing.get(rule.id) ?? 0) + 1);
        const kind = fixKindOf(report.fix);
        kinds.set(rule.id, new Set([...(kinds.get(rule.id) ?? []), kind]));
      }
    }
    expect([...fixing.keys()].filter((id) => !marked.has(id))).toEqual([]);
    const markOf = new Map(RULES_NAMING_FIXES.map((rule) => [rule.id, rule.namesFixes]));
    const mismarked = [...kinds].filter(([id, named]) => [...named].some((kind) => kind !== markOf.get(id)));
    expect(mismarked).toEqual([]);
    // The corpus has fixes of both kinds, renamed keys and written values, or this proves little.
    expect([...fixing.keys()].sort()).toEqual(
      expect.arrayContaining(['SWG-XMS-UNKNOWN', 'SWG-VISIBILITY-ENUM', 'SWG-END-ALNUM', 'SWG-ENUM-TYPE']),
    );
  }, 120_000);
});
