import { describe, expect, it } from '@jest/globals';
import { configLoosening, type RuleLevels } from '../../src/config/config-loosening.js';
import type { ValidatorConfig } from '../../src/config/config-types.js';
import { looseningFindings } from '../../src/config/loosening-findings.js';
import { sameLevels } from '../../src/model/rule.js';
import { configurationRules } from '../../src/repository/rules/configuration-rules.js';

// A pull request's configuration file is the one its own check reads: what it loosens compared with
// the base's is said, and only that (tightening, and settings that change nothing, are not).

const rules: RuleLevels[] = [
  { id: 'SWG-OP-SUMMARY', levels: sameLevels('error') },
  {
    id: 'SWG-OP-DESCRIPTION',
    levels: { certified: 'error', 'independent-publisher': 'warning', custom: 'info' },
  },
  { id: 'README-TODO', levels: sameLevels('warning') },
];

const config = (settings: Partial<ValidatorConfig> = {}): ValidatorConfig => ({
  path: '/repo/.connector-alm.yml',
  rules: {},
  ignore: [],
  ...settings,
});

describe('configLoosening', () => {
  const cases: [string, ValidatorConfig, ValidatorConfig, string[]][] = [
    ['nothing changed', config(), config(), []],
    [
      'a rule turned off',
      config(),
      config({ rules: { 'SWG-OP-SUMMARY': 'off' } }),
      ['rules/SWG-OP-SUMMARY: turns SWG-OP-SUMMARY off (was error at the base)'],
    ],
    [
      'a rule lowered from error to warning',
      config(),
      config({ rules: { 'SWG-OP-SUMMARY': 'warning' } }),
      ['rules/SWG-OP-SUMMARY: lowers SWG-OP-SUMMARY to warning (was error at the base)'],
    ],
    [
      'a rule lowered in one profile only',
      config(),
      config({ rules: { 'SWG-OP-SUMMARY': { custom: 'info' } } }),
      ['rules/SWG-OP-SUMMARY: lowers SWG-OP-SUMMARY to info for custom (was error at the base)'],
    ],
    [
      'a rule turned off whose defaults differ per profile',
      config(),
      config({ rules: { 'SWG-OP-DESCRIPTION': 'off' } }),
      [
        'rules/SWG-OP-DESCRIPTION: turns SWG-OP-DESCRIPTION off (error → off for certified, warning → off for independent-publisher, info → off for custom; base → this change)',
      ],
    ],
    ['a rule raised, which tightens', config(), config({ rules: { 'README-TODO': 'error' } }), []],
    [
      'a rule set to its default level, which changes nothing',
      config(),
      config({ rules: { 'SWG-OP-SUMMARY': 'error' } }),
      [],
    ],
    [
      'an override removed that was stricter than the default',
      config({ rules: { 'README-TODO': 'error' } }),
      config(),
      ['rules/README-TODO: lowers README-TODO to warning (was error at the base)'],
    ],
    [
      'an override removed that was looser than the default, which tightens',
      config({ rules: { 'SWG-OP-SUMMARY': 'off' } }),
      config(),
      [],
    ],
    [
      'a warning lowered to info',
      config(),
      config({ rules: { 'README-TODO': 'info' } }),
      ['rules/README-TODO: lowers README-TODO to info (was warning at the base)'],
    ],
    [
      'an ignore pattern added, another kept',
      config({ ignore: ['custom-connectors/Old*'] }),
      config({ ignore: ['custom-connectors/Old*', 'certified-connectors/Contoso*'] }),
      ["ignore/1: adds ignore pattern 'certified-connectors/Contoso*'"],
    ],
    ['an ignore pattern removed, which tightens', config({ ignore: ['a/*'] }), config(), []],
    [
      'the profile changed to one with lower levels',
      config({ profile: 'certified' }),
      config({ profile: 'custom', rules: { 'README-TODO': { custom: 'off' } } }),
      [
        'profile: changes profile from certified to custom, which lowers 2 rules for connector folders outside the PowerPlatformConnectors layout (SWG-OP-DESCRIPTION error → info, README-TODO warning → off)',
        'rules/README-TODO: turns README-TODO off for custom (was warning at the base)',
      ],
    ],
    [
      'the profile set where it was the default (custom) to a stricter one',
      config(),
      config({ profile: 'certified' }),
      [],
    ],
    [
      'the profile set to custom where it was unset, which changes nothing',
      config(),
      config({ profile: 'custom' }),
      [],
    ],
  ];

  it.each(cases)('%s', (_name, base, head, expected) => {
    const found = configLoosening(base, head, rules).map(
      (loosening) => `${loosening.path.join('/')}: ${loosening.message}`,
    );
    expect(found).toEqual(expected);
  });

  it('names the connector folders of the change that an added ignore pattern skips', () => {
    const head = config({ ignore: ['certified-connectors/Contoso*', 'custom-connectors/*'] });
    const found = configLoosening(config(), head, rules, {
      changedFolders: ['certified-connectors/Contoso Tasks', 'independent-publisher-connectors/Fabrikam'],
      platform: 'linux',
    }).map((loosening) => loosening.message);
    expect(found).toEqual([
      "adds ignore pattern 'certified-connectors/Contoso*', which skips 1 connector folder this change touches ('certified-connectors/Contoso Tasks')",
      "adds ignore pattern 'custom-connectors/*', which skips none of the connector folders this change touches",
    ]);
  });

  it('says nothing of connector folders to a change that touches none', () => {
    const found = configLoosening(config(), config({ ignore: ['custom-connectors/*'] }), rules, {
      changedFolders: [],
      platform: 'linux',
    }).map((loosening) => loosening.message);
    expect(found).toEqual(["adds ignore pattern 'custom-connectors/*'"]);
  });

  it('quotes a long pattern cut, not whole', () => {
    const pattern = `custom-connectors/${'*'.repeat(50_000)}`;
    const [found] = configLoosening(config(), config({ ignore: [pattern] }), rules, {
      changedFolders: ['custom-connectors/Contoso'],
      platform: 'linux',
    });
    expect(found!.message.length).toBeLessThan(1_200);
    expect(found!.message).toMatch(
      /^adds ignore pattern 'custom-connectors\/\*+…', which skips 1 connector folder this change touches \('custom-connectors\/Contoso'\)$/,
    );
  });

  it('names at most ten of the folders a pattern skips and counts the rest (thousands by thousands was their product)', () => {
    const changedFolders = Array.from({ length: 1000 }, (_, index) => `certified-connectors/C${index}`);
    const head = config({
      ignore: Array.from({ length: 50 }, (_, index) => `certified-connectors/{C*,Z${index}}`),
    });
    const found = configLoosening(config(), head, rules, { changedFolders, platform: 'linux' });
    expect(found).toHaveLength(50);
    expect(found[0]!.message).toBe(
      "adds ignore pattern 'certified-connectors/{C*,Z0}', which skips 1000 connector folders this change touches (" +
        `${changedFolders
          .slice(0, 10)
          .map((folder) => `'${folder}'`)
          .join(', ')} and 990 more)`,
    );
  });
});

describe('looseningFindings', () => {
  const withRule = [...rules, ...configurationRules];
  const headText = 'rules:\n  README-TODO: error\n  SWG-OP-SUMMARY: off\nignore:\n  - custom-connectors/*\n';
  const head = {
    config: config({
      rules: { 'README-TODO': 'error', 'SWG-OP-SUMMARY': 'off' },
      ignore: ['custom-connectors/*'],
    }),
    text: headText,
    file: '.connector-alm.yml',
  };
  const base = { config: config(), text: '', file: '.connector-alm.yml' };

  it('puts each loosening on its line of the file, as a warning by default', () => {
    const findings = looseningFindings({ base, head, folder: '.' }, withRule);
    expect(
      findings.map(({ ruleId, severity, file, line, column, connector }) => [
        ruleId,
        severity,
        file,
        line,
        column,
        connector,
      ]),
    ).toEqual([
      ['REPO-CONFIG-LOOSENED', 'warning', '.connector-alm.yml', 3, 3, '.'],
      ['REPO-CONFIG-LOOSENED', 'warning', '.connector-alm.yml', 5, 5, '.'],
    ]);
    // A change of the file alone: "make it in a change of its own" was said of one that is.
    expect(findings[0]!.message).toBe(
      'This change to the configuration file turns SWG-OP-SUMMARY off (was error at the base). The checks of later changes read this file: make sure the loosening is meant.',
    );
  });

  it('advises a change of its own only to a change that touches connectors too', () => {
    const findings = looseningFindings({ base, head, folder: '.' }, withRule, {
      changedFolders: ['certified-connectors/Contoso'],
    });
    expect(findings[0]!.message).toBe(
      "This change to the configuration file turns SWG-OP-SUMMARY off (was error at the base). The change's own check reads this file: make sure the loosening is meant, or make it in a change of its own, one that changes no connector.",
    );
  });

  it("takes the rule's level from the base's configuration, not from the change's", () => {
    // The change turns this very rule off too: that is one more loosening, still reported.
    const selfSilenced = {
      ...head,
      config: { ...head.config, rules: { ...head.config.rules, 'REPO-CONFIG-LOOSENED': 'off' as const } },
    };
    const silenced = looseningFindings({ base, head: selfSilenced, folder: '.' }, withRule);
    expect(silenced.map((finding) => [finding.severity, finding.message.split(/ \(|\. /)[0]])).toEqual([
      ['warning', 'This change to the configuration file turns SWG-OP-SUMMARY off'],
      ['warning', 'This change to the configuration file turns REPO-CONFIG-LOOSENED off'],
      ['warning', "This change to the configuration file adds ignore pattern 'custom-connectors/*'"],
    ]);

    // The strictest of its levels at the base.
    const strictBase = {
      ...base,
      config: config({ rules: { 'REPO-CONFIG-LOOSENED': { certified: 'error' } } }),
    };
    const strict = looseningFindings({ base: strictBase, head, folder: '.' }, withRule);
    // Three: the change's file drops the base's override of this rule, which lowers it too.
    expect(strict.map((finding) => [finding.severity, finding.line])).toEqual([
      ['error', 3],
      ['error', 1],
      ['error', 5],
    ]);

    const offAtBase = { ...base, config: config({ rules: { 'REPO-CONFIG-LOOSENED': 'off' } }) };
    expect(looseningFindings({ base: offAtBase, head, folder: '.' }, withRule)).toEqual([]);
  });

  it('says when the file is new, and reports a deleted one on its lines at the base', () => {
    expect(looseningFindings({ head, folder: '.' }, withRule)[0]!.message).toMatch(
      /^The configuration file, new in this change, turns SWG-OP-SUMMARY off \(was error at the base\)\./,
    );
    // Deleted: what it made stricter than the defaults goes back to them; what it loosened is tightened.
    const deleted = looseningFindings({ base: head, folder: '.' }, withRule);
    expect(deleted.map(({ file, line, message }) => [file, line, message.split('. ')[0]])).toEqual([
      [
        '.connector-alm.yml',
        2,
        'Deleting the configuration file .connector-alm.yml lowers README-TODO to warning (was error at the base)',
      ],
    ]);
  });
});
