import { describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { temporaryFolder } from '@connector-alm/testing';
import { loadConfig } from '../../src/config/index.js';

// `overrides` gives the connector folders its globs match their own profile and rule levels (a team
// keeping connectors/** certified and integrations/legacy/** relaxed), and is held to the same
// standard as the rest of the file: each mistake on its line, with a suggestion.

const RULE_IDS = ['SWG-PATH-PARAM-ENCODING', 'SWG-FORMAT', 'SWG-CONSUMES', 'REPO-CONFIG-LOOSENED'];

function repository(name: string, text: string): string {
  const root = temporaryFolder('connector-alm-overrides-');
  mkdirSync(path.join(root, '.git'));
  writeFileSync(path.join(root, name), text);
  return root;
}

/** Every mistake loading reports, as "line:column: message". */
async function mistakes(name: string, text: string): Promise<string[]> {
  try {
    await loadConfig({ cwd: repository(name, text), ruleIds: RULE_IDS });
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return [error as UserError, ...((error as UserError).also ?? [])].map(
      (each) => `${each.location?.line}:${each.location?.column}: ${each.message}`,
    );
  }
  throw new Error('loadConfig did not throw');
}

describe('overrides in the configuration file', () => {
  it('are read in the order written, from YAML and from JSON', async () => {
    const yaml = [
      'profile: custom',
      'overrides:',
      "  - files: ['connectors/**']",
      '    profile: certified',
      '  - files:',
      '      - integrations/legacy/**',
      '      - integrations/old-*',
      '    rules:',
      '      SWG-PATH-PARAM-ENCODING: error',
      '      SWG-CONSUMES: { custom: off }',
      '',
    ].join('\n');
    const overrides = [
      { files: ['connectors/**'], profile: 'certified' },
      {
        files: ['integrations/legacy/**', 'integrations/old-*'],
        rules: { 'SWG-PATH-PARAM-ENCODING': 'error', 'SWG-CONSUMES': { custom: 'off' } },
      },
    ];
    const fromYaml = await loadConfig({ cwd: repository('.connector-alm.yml', yaml), ruleIds: RULE_IDS });
    expect(fromYaml).toMatchObject({ profile: 'custom', rules: {}, ignore: [], overrides });
    const json = JSON.stringify({ overrides }, null, 2);
    const fromJson = await loadConfig({ cwd: repository('.connector-alm.json', json), ruleIds: RULE_IDS });
    expect(fromJson.overrides).toEqual(overrides);
  });

  it('report every mistake of an entry on its line, with a suggestion', async () => {
    expect(
      await mistakes(
        '.connector-alm.yml',
        [
          'overides: []',
          'overrides:',
          "  - files: ['connectors/**']",
          '    profle: certified',
          '  - files: []',
          '    profile: custom',
          '  - profile: custom',
          "  - files: ['integrations\\legacy\\*']",
          '    profile: certifed',
          '    rules:',
          '      SWG-PATH-PARAM-ENCODNG: warning',
          '      SWG-FORMAT: of',
          '      SWG-CONSUMES: { custm: off }',
          '      REPO-CONFIG-LOOSENED: off',
          '      BRK-OP-DELETED: off',
          '  - files: [connectors/Etsy]',
          '',
        ].join('\n'),
      ),
    ).toEqual([
      "1:1: Unknown setting 'overides'. Did you mean 'overrides'?",
      "4:5: Unknown key 'profle' in overrides[0]. Did you mean 'profile'?",
      "5:12: 'files' of overrides[1] must be a list of one or more glob patterns (non-empty strings).",
      "7:5: overrides[2] has no 'files': the glob patterns of the connector folders it applies to.",
      "8:13: The files pattern 'integrations\\legacy\\*' in overrides[3] separates folders with \\, which a glob reads as an escape: it matches no folder. Did you mean 'integrations/legacy/*'?",
      "9:14: Unknown profile 'certifed' in overrides[3]. Did you mean 'certified'?",
      "11:7: Unknown rule 'SWG-PATH-PARAM-ENCODNG' in overrides[3]. Did you mean 'SWG-PATH-PARAM-ENCODING'?",
      "12:19: Bad level 'of' for rule SWG-FORMAT in overrides[3]. Did you mean 'off'?",
      "13:23: Unknown profile 'custm' for rule SWG-CONSUMES in overrides[3]. Did you mean 'custom'?",
      '14:7: REPO-CONFIG-LOOSENED judges the configuration file itself, not connector folders: it has no level in overrides[3].',
      "15:7: 'BRK-OP-DELETED' is a change rule of the comparison with the base: the configuration file sets no level for change rules (BRK-*, CHG-*).",
      '16:5: overrides[4] changes nothing: give it a profile or rules for its files.',
    ]);
  });

  it('report a JSON file’s mistakes on their lines too', async () => {
    expect(await mistakes('.connector-alm.json', '{\n  "overrides": { "files": ["a"] }\n}\n')).toEqual([
      "2:16: 'overrides' must be a list of entries, each with files and a profile or rules.",
    ]);
    expect(
      await mistakes(
        '.connector-alm.json',
        '{\n  "overrides": [\n    "connectors/**",\n    { "files": ["a"], "rules": { "SWG-FORMT": "off" } }\n  ]\n}\n',
      ),
    ).toEqual([
      '3:5: overrides[0] must be a map with files and a profile or rules.',
      "4:34: Unknown rule 'SWG-FORMT' in overrides[1]. Did you mean 'SWG-FORMAT'?",
    ]);
  });
});
