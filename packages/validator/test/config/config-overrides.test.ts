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

/** Every mistake loading reports. */
async function userErrors(name: string, text: string): Promise<UserError[]> {
  try {
    await loadConfig({ cwd: repository(name, text), ruleIds: RULE_IDS });
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return [error as UserError, ...((error as UserError).also ?? [])];
  }
  throw new Error('loadConfig did not throw');
}

/** Every mistake loading reports, as "line:column: message". */
async function mistakes(name: string, text: string): Promise<string[]> {
  return (await userErrors(name, text)).map(
    (each) => `${each.location?.line}:${each.location?.column}: ${each.message}`,
  );
}

/** Every mistake loading reports, as "message | hint". */
async function advice(name: string, text: string): Promise<string[]> {
  return (await userErrors(name, text)).map((each) => `${each.message} | ${each.hint}`);
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
          '      REPO-CONFIG-OVERRIDE-UNMATCHED: off',
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
      '11:7: REPO-CONFIG-OVERRIDE-UNMATCHED judges the configuration file itself, not connector folders: it has no level in overrides[3].',
      "12:7: Unknown rule 'SWG-PATH-PARAM-ENCODNG' in overrides[3]. Did you mean 'SWG-PATH-PARAM-ENCODING'?",
      "13:19: Bad level 'of' for rule SWG-FORMAT in overrides[3]. Did you mean 'off'?",
      "14:23: Unknown profile 'custm' for rule SWG-CONSUMES in overrides[3]. Did you mean 'custom'?",
      '15:7: REPO-CONFIG-LOOSENED judges the configuration file itself, not connector folders: it has no level in overrides[3].',
      "16:7: 'BRK-OP-DELETED' is a change rule of the comparison with the base: the configuration file sets no level for change rules (BRK-*, CHG-*).",
      '17:5: overrides[4] changes nothing: give it a profile or rules for its files.',
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

  // A hint's example is copied as shown: YAML's in a .json file would be a syntax error there.
  it('give a JSON file JSON examples, and a YAML file YAML ones', async () => {
    const entryWithoutFiles = (syntax: string) =>
      `overrides[0] has no 'files': the glob patterns of the connector folders it applies to. | For example: ${syntax}`;
    expect(
      await advice(
        '.connector-alm.json',
        '{\n  "rules": { "SWG-FORMAT": "custom:off", "SWG-CONSUMES": 5 },\n  "ignore": "-legacy/*",\n  "overrides": [{ "profile": "custom" }]\n}\n',
      ),
    ).toEqual([
      `Bad level 'custom:off' for rule SWG-FORMAT. A level for one profile is an object: write '"SWG-FORMAT": { "custom": "off" }'. | A level is error, warning, info or off.`,
      'The level of rule SWG-CONSUMES must be error, warning, info or off, or a map of profile to level. | For example: "SWG-CONSUMES": "warning" or "SWG-CONSUMES": { "custom": "off" }.',
      `'ignore' must be a list of glob patterns (non-empty strings). | Patterns are relative to the configuration file, e.g. "custom-connectors/Legacy*".`,
      entryWithoutFiles(
        '{ "files": ["integrations/legacy/**"], "profile": "custom" }, or "rules": { "SWG-FORMAT": "off" } beside "files".',
      ),
    ]);
    expect(
      await advice(
        '.connector-alm.yml',
        'rules:\n  SWG-FORMAT: custom:off\n  SWG-CONSUMES: 5\nignore: -legacy/*\noverrides:\n  - profile: custom\n',
      ),
    ).toEqual([
      "Bad level 'custom:off' for rule SWG-FORMAT. A level for one profile is a map: write 'SWG-FORMAT: { custom: off }'. | A level is error, warning, info or off.",
      'The level of rule SWG-CONSUMES must be error, warning, info or off, or a map of profile to level. | For example: "SWG-CONSUMES: warning" or "SWG-CONSUMES: { custom: off }".',
      "'ignore' must be a list of glob patterns (non-empty strings). It holds the text '-legacy/*': write a space after '-' ('- legacy/*'). | Patterns are relative to the configuration file, e.g. \"custom-connectors/Legacy*\".",
      entryWithoutFiles(
        `"- files: ['integrations/legacy/**']" with "profile: custom" or "rules: { SWG-FORMAT: off }" under it.`,
      ),
    ]);
    // One pattern written as the value, not in a list: the pattern is right, its brackets are missing.
    const onePattern = (list: string) =>
      `It holds one pattern as text: write it in a list, ${list}. | Patterns are relative to the configuration file, e.g. "custom-connectors/Legacy*".`;
    expect(
      await advice(
        '.connector-alm.yml',
        'ignore: legacy/*\noverrides:\n  - files: old/Contoso Tasks\n    profile: custom\n',
      ),
    ).toEqual([
      `'ignore' must be a list of glob patterns (non-empty strings). ${onePattern("ignore: ['legacy/*']")}`,
      // With a space, as a folder's name has, or as YAML joins lines of patterns written without dashes.
      "'files' of overrides[0] must be a list of one or more glob patterns (non-empty strings). It holds the text 'old/Contoso Tasks': write each pattern as a list item, '- ' and the pattern on a line of its own. | Patterns are relative to the configuration file, e.g. \"custom-connectors/Legacy*\".",
    ]);
    expect(
      await advice(
        '.connector-alm.json',
        '{ "overrides": [{ "files": "old/Contoso Tasks", "profile": "custom" }] }\n',
      ),
    ).toEqual([
      `'files' of overrides[0] must be a list of one or more glob patterns (non-empty strings). ${onePattern('"files": ["old/Contoso Tasks"]')}`,
    ]);
    // A top level that is no object: the one hint about the file as a whole.
    const [notAnObject] = await advice('.connector-alm.json', '[]\n');
    expect(notAnObject).toBe(
      'The configuration must be a map of settings (profile, rules, ignore, overrides). | Write the settings as an object of keys and values: { "profile": "custom" }.',
    );
  });
});
