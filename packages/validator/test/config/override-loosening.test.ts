import { describe, expect, it } from '@jest/globals';
import { configLoosening, type RuleLevels } from '../../src/config/config-loosening.js';
import type { ConfigOverride, ValidatorConfig } from '../../src/config/config-types.js';
import { sameLevels } from '../../src/model/rule.js';

// An override could turn off for some folders what the file keeps on for all: a change to
// `overrides` is compared with the base's as the rest of the file is (REPO-CONFIG-LOOSENED).

const rules: RuleLevels[] = [
  { id: 'SWG-OP-SUMMARY', levels: sameLevels('error') },
  { id: 'README-TODO', levels: { certified: 'warning', 'independent-publisher': 'warning', custom: 'off' } },
];

const config = (overrides: ConfigOverride[], rulesOfFile = {}): ValidatorConfig => ({
  path: '/repo/.connector-alm.yml',
  rules: rulesOfFile,
  ignore: [],
  overrides,
});

const found = (base: ValidatorConfig, head: ValidatorConfig) =>
  configLoosening(base, head, rules).map((each) => `${each.path.join('/')}: ${each.message}`);

describe('configLoosening of overrides', () => {
  it('says nothing of overrides left as they were, or made stricter', () => {
    const legacy = { files: ['legacy/**'], rules: { 'SWG-OP-SUMMARY': 'warning' as const } };
    expect(found(config([legacy]), config([legacy]))).toEqual([]);
    expect(found(config([legacy]), config([{ ...legacy, rules: { 'SWG-OP-SUMMARY': 'error' } }]))).toEqual(
      [],
    );
    expect(found(config([legacy]), config([]))).toEqual([]);
  });

  it('reports a rule lowered for the folders of an override, new or changed, on its line', () => {
    expect(
      found(
        config([]),
        config([{ files: ['legacy/**', 'old'], rules: { 'SWG-OP-SUMMARY': { custom: 'off' } } }]),
      ),
    ).toEqual([
      "overrides/0/rules/SWG-OP-SUMMARY: turns SWG-OP-SUMMARY off in overrides for 'legacy/**' and 'old' for custom (was error at the base)",
    ]);
  });

  it('reports an override that widens another by its new files', () => {
    const narrow = config([{ files: ['legacy/payroll'], rules: { 'SWG-OP-SUMMARY': 'off' } }]);
    const wide = config([{ files: ['legacy/**'], rules: { 'SWG-OP-SUMMARY': 'off' } }]);
    expect(found(narrow, wide)).toEqual([
      "overrides/0/rules/SWG-OP-SUMMARY: turns SWG-OP-SUMMARY off in overrides for 'legacy/**' (was error at the base)",
    ]);
  });

  it("reports a profile that lowers rules for an override's folders, as it does for the file's", () => {
    expect(
      found(config([{ files: ['a'], profile: 'certified' }]), config([{ files: ['a'], profile: 'custom' }])),
    ).toEqual([
      "overrides/0/profile: gives profile custom in overrides for 'a' (was certified at the base), which lowers 1 rule for those folders (README-TODO warning → off)",
    ]);
  });
});
