import { describe, expect, it } from '@jest/globals';
import { UserError } from '@connector-alm/core';
import { parseConfig } from '../src/config/load-config.js';
import { looseningFindings } from '../src/config/loosening-findings.js';
import type { ValidatorConfig } from '../src/config/config-types.js';
import { ALL_RULES } from '../src/rules/index.js';
import { MAX_NAME_LENGTH } from '../src/text/message-values.js';
import { inflateJson, inflateText, PAD, type InflateOptions } from './helpers/inflate.js';
import { LONG_MESSAGE, quotesWhole } from './helpers/inflate-folder.js';
import {
  CONFIG_FILE_OF,
  inflatedConfigText,
  yamlNameCases,
  type ConfigFormat,
} from './helpers/inflate-config.js';

/*
 * The configuration file inflated as the connectors' files are (inflated-values.test.ts): its rule
 * ids, levels, profiles, ignore globs, setting keys and comments made long. Every mistake it is
 * refused for must still be one bounded, located message (and hint), quoting each value as an
 * excerpt; and what a valid one loosens (REPO-CONFIG-LOOSENED) must be a bounded finding.
 */

const CWD = '/repository';

/** A configuration with every kind of mistake the file can hold. */
const FLAWED = {
  profile: 'certifed',
  rules: {
    'SWG-OPID-UNIQUE': 'warning',
    'SWG-OPID-UNIQU': 'off',
    'SWG-OP-SUMMARY-REQ': { custom: 'info', custon: 'off' },
    'GEN-JSON-BOM': 'eror',
  },
  ignore: ['custom-connectors/Legacy*', 'custom-connectors\\Old', 'certified-connectors\\\\Older\\*'],
  'fail-on': 'warning',
};

/** A valid configuration: inflated, its values are mistakes too (a padded level is no level). */
const VALID = {
  profile: 'custom',
  rules: { 'SWG-OPID-UNIQUE': 'warning', 'SWG-OP-SUMMARY-REQ': { custom: 'info', certified: 'off' } },
  ignore: ['custom-connectors/Legacy*'],
};

const VARIANTS: InflateOptions[] = [
  { placement: 'end', keys: 'every' },
  { placement: 'start', keys: 'none' },
  { placement: 'start', keys: 'every' },
  { placement: 'inside', keys: 'every' },
  { placement: 'end', keys: 'every', stride: 2, offset: 1 },
  { placement: 'end', keys: 'none', stride: 2, offset: 0 },
];

const FORMATS: ConfigFormat[] = ['yaml', 'json'];

/** Each mistake of a configuration file's text, as parseConfig reports them (none when it is valid). */
function mistakesOf(text: string, format: ConfigFormat): UserError[] {
  try {
    parseConfig(text, `${CWD}/${CONFIG_FILE_OF[format]}`, { cwd: CWD });
    return [];
  } catch (error) {
    // Anything else is an internal error, which must not be.
    if (!(error instanceof UserError)) throw error;
    return [error, ...(error.also ?? [])];
  }
}

/** Why a mistake's report is unbounded or unlocated, or undefined when it is neither. */
function unboundedMistake(mistake: UserError): string | undefined {
  for (const [part, text] of [
    ['message', mistake.message],
    ['hint', mistake.hint ?? ''],
  ] as const) {
    if (text.length > LONG_MESSAGE) return `${part} long (${text.length})`;
    if (longestRun(text, PAD) > MAX_NAME_LENGTH) return `${part} quotes a padded value or key whole`;
    if (/[\n\r]/.test(text)) return `${part} spans lines`;
  }
  const { location } = mistake;
  if (!location || !(location.line! >= 1) || !(location.column! >= 1)) return 'no line';
  return undefined;
}

function longestRun(text: string, character: string): number {
  let longest = 0;
  let run = 0;
  for (const each of text) {
    run = each === character ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** `what: why: message` for each mistake of `text` that is unbounded or unlocated. */
function defectsOf(what: string, text: string, format: ConfigFormat): string[] {
  return mistakesOf(text, format).flatMap((mistake) => {
    const why = unboundedMistake(mistake);
    return why ? [`${what}: ${why}: ${mistake.message.slice(0, 120)}`] : [];
  });
}

describe('inflating the configuration file', () => {
  it('refuses every padded setting, rule id, level, profile, glob and key in a bounded, located message', () => {
    const defects: string[] = [];
    let mistakes = 0;
    for (const format of FORMATS) {
      for (const [index, variant] of VARIANTS.entries()) {
        for (const [name, config] of Object.entries({ FLAWED, VALID })) {
          const text = inflatedConfigText(config, variant, format);
          mistakes += mistakesOf(text, format).length;
          defects.push(...defectsOf(`${name} ${format} variant ${index}`, text, format));
        }
      }
    }
    expect(defects).toEqual([]);
    // The mistakes were found: the test cannot pass by the file's being read as valid.
    expect(mistakes).toBeGreaterThan(100);
  });

  it("reports YAML's own long names (tags, anchors, aliases, directives) in a bounded message", () => {
    const defects = Object.entries(yamlNameCases(12_000)).flatMap(([name, text]) =>
      defectsOf(name, text, 'yaml'),
    );
    expect(defects).toEqual([]);
  });

  it('reports JSON syntax mistakes around long words and comments in a bounded message', () => {
    const long = inflateText('custom', 12_000, 'end');
    const cases: Record<string, string> = {
      'a comment': `{\n  // ${long}\n  "profile": "custom"\n}\n`,
      'a block comment': `{\n  /* ${long} */\n  "profile": "custom"\n}\n`,
      'an unquoted value': `{\n  "profile": ${long}\n}\n`,
      'an unquoted key': `{\n  ${long}: "custom"\n}\n`,
      'a single-quoted value': `{\n  "profile": '${long}'\n}\n`,
      'an unterminated string': `{\n  "profile": "${long}\n}\n`,
      'words after the end': `{\n  "profile": "custom"\n}\n${long}\n`,
      'a key past 4,096 characters': `{\n  "${'r'.repeat(5_000)}": "off"\n}\n`,
    };
    const defects = Object.entries(cases).flatMap(([name, text]) => defectsOf(name, text, 'json'));
    expect(defects).toEqual([]);
    for (const text of Object.values(cases)) expect(mistakesOf(text, 'json')).not.toEqual([]);
  });

  it('reports what a valid file with long ignore globs loosens in bounded findings', () => {
    const rules = ALL_RULES.filter((rule) => ['SWG-OPID-UNIQUE', 'REPO-CONFIG-LOOSENED'].includes(rule.id));
    // Only the globs padded: a padded rule id, level or profile is no longer valid.
    const defects: string[] = [];
    let findings = 0;
    for (const format of FORMATS) {
      for (const variant of VARIANTS.filter((each) => each.placement !== 'inside')) {
        const settings = {
          rules: { 'SWG-OPID-UNIQUE': 'off' },
          ignore: inflateJson(['custom-connectors/Legacy*', 'certified-connectors/*'], variant),
        };
        const file = `${CWD}/${CONFIG_FILE_OF[format]}`;
        const text = inflatedConfigText(settings, { ...variant, valueLength: 0, keys: 'none' }, format);
        const config: ValidatorConfig = parseConfig(text, file, { cwd: CWD });
        for (const finding of looseningFindings(
          { head: { config, text, file: CONFIG_FILE_OF[format] }, folder: '.' },
          rules,
          { changedFolders: ['custom-connectors/Legacy Tasks', 'certified-connectors/Contoso'] },
        )) {
          findings++;
          const why = quotesWhole(finding);
          if (why) defects.push(`${format} ${variant.placement}: ${why}`);
        }
      }
    }
    expect(defects).toEqual([]);
    expect(findings).toBeGreaterThan(10);
  });
});
