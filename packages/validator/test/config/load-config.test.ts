import { describe, expect, it } from '@jest/globals';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { locatedMessage, temporaryFolder } from '@connector-alm/testing';
import { loadConfig, MAX_CONFIG_BYTES } from '../../src/config/index.js';
import { findRule } from '../../src/rules/index.js';
import { validateFolder } from '../../src/validate.js';
import { writeConnector } from '../helpers/fixture.js';

const RULE_IDS = ['SWG-OPID-UNIQUE', 'SWG-SUMMARY-REQUIRED', 'GEN-JSON-PARSE', 'GEN-JSON-BOM'];

/** A temporary repository (with `.git`) holding the given files. */
function repository(files: Record<string, string>): string {
  const root = temporaryFolder('connector-alm-config-');
  mkdirSync(path.join(root, '.git'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

/** The UserError that loading throws. */
async function loadError(cwd: string, explicitPath?: string): Promise<UserError> {
  try {
    await loadConfig({ cwd, explicitPath, ruleIds: RULE_IDS });
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('loadConfig did not throw');
}

describe('loadConfig', () => {
  it('reads profile, rule levels (one or per profile) and ignore patterns', async () => {
    const root = repository({
      '.connector-alm.yml': [
        '# connector-alm settings',
        'profile: independent-publisher',
        'rules:',
        '  SWG-OPID-UNIQUE: warning',
        '  GEN-JSON-BOM: off',
        '  SWG-SUMMARY-REQUIRED:',
        '    custom: info',
        '    certified: error',
        'ignore:',
        '  - custom-connectors/Legacy*',
        '',
      ].join('\n'),
    });
    expect(await loadConfig({ cwd: root, ruleIds: RULE_IDS })).toEqual({
      path: path.join(root, '.connector-alm.yml'),
      profile: 'independent-publisher',
      rules: {
        'SWG-OPID-UNIQUE': 'warning',
        'GEN-JSON-BOM': 'off',
        'SWG-SUMMARY-REQUIRED': { custom: 'info', certified: 'error' },
      },
      ignore: ['custom-connectors/Legacy*'],
      // Where each pattern is, for what is said of it (the folders it skips, or that it matches none).
      ignorePlaces: [{ line: 10, column: 5 }],
      foundBySearch: true,
    });
  });

  it('reads a JSON file too, tabs and all', async () => {
    const root = repository({
      '.connector-alm.json': '{\n\t"rules": {\n\t\t"GEN-JSON-BOM": "info"\n\t}\n}\n',
    });
    const config = await loadConfig({ cwd: root, ruleIds: RULE_IDS });
    expect(config.rules).toEqual({ 'GEN-JSON-BOM': 'info' });
    expect(config.path).toBe(path.join(root, '.connector-alm.json'));
  });

  // A .json file was read as YAML, which takes trailing commas, comments and unquoted keys: a file that
  // every JSON tool refuses was accepted silently.
  it('holds a JSON file to JSON: a trailing comma or a comment is a located syntax error', async () => {
    const comma = repository({
      '.connector-alm.json': '{\n  "rules": {\n    "GEN-JSON-BOM": "info",\n  }\n}\n',
    });
    const error = await loadError(comma);
    expect(error.message).toMatch(/^The configuration file is not valid JSON: .*comma/i);
    expect(error.location).toEqual({ file: '.connector-alm.json', line: 3, column: 27 });
    expect(error.hint).toBe('Fix the syntax at this position.');
    const comment = repository({ 'config.json': '{\n  // stricter\n  "profile": "certified"\n}\n' });
    const commented = await loadError(comment, 'config.json');
    expect(commented.message).toBe(
      'The configuration file is not valid JSON: Comments are not allowed in JSON; remove it, or write the file as .connector-alm.yml, where # comments are allowed.',
    );
    expect(commented.location).toMatchObject({ file: 'config.json', line: 2, column: 3 });
  });

  // An empty .json file was taken for an empty configuration, as an empty YAML file is (YAML's empty
  // document); no JSON tool reads it, and the user who meant to write settings hears nothing.
  it('refuses an empty .json file, located at its start, saying to write {}', async () => {
    for (const text of ['', '\n', '\uFEFF  \n']) {
      const error = await loadError(repository({ '.connector-alm.json': text }));
      expect(error.message).toBe('The configuration file is empty, which is not valid JSON.');
      expect(error.location).toEqual({ file: '.connector-alm.json', line: 1, column: 1 });
      expect(error.hint).toBe(
        'Write {} in it for a configuration that changes nothing, or write the settings there.',
      );
    }
    const braces = repository({ '.connector-alm.json': '{}\n' });
    expect(await loadConfig({ cwd: braces, ruleIds: RULE_IDS })).toMatchObject({ rules: {}, ignore: [] });
  });

  it('finds the file by walking up from the working directory', async () => {
    const root = repository({ '.connector-alm.yaml': 'profile: custom\n' });
    const cwd = path.join(root, 'custom-connectors', 'Contoso');
    mkdirSync(cwd, { recursive: true });
    const config = await loadConfig({ cwd, ruleIds: RULE_IDS });
    expect(config.path).toBe(path.join(root, '.connector-alm.yaml'));
    expect(config.profile).toBe('custom');
  });

  it('stops at the repository root', async () => {
    const outer = repository({ '.connector-alm.yml': 'profile: custom\n' });
    const inner = path.join(outer, 'vendor', 'other-repo');
    mkdirSync(path.join(inner, '.git'), { recursive: true });
    expect(await loadConfig({ cwd: inner, ruleIds: RULE_IDS })).toEqual({
      rules: {},
      ignore: [],
      foundBySearch: true,
    });
  });

  it('accepts an empty file', async () => {
    const root = repository({ '.connector-alm.yml': '# nothing yet\n' });
    expect(await loadConfig({ cwd: root, ruleIds: RULE_IDS })).toEqual({
      path: path.join(root, '.connector-alm.yml'),
      rules: {},
      ignore: [],
      ignorePlaces: [],
      foundBySearch: true,
    });
  });

  it('reports a YAML syntax error on its line', async () => {
    const root = repository({
      '.connector-alm.yml': 'rules:\n  SWG-OPID-UNIQUE: warning\n  GEN-JSON-BOM: [off\n',
    });
    const error = await loadError(root);
    expect(error.message).toMatch(/^The configuration file is not valid YAML: /);
    expect(error.location).toEqual({ file: '.connector-alm.yml', line: 4, column: 1 });
    expect(error.stack).toBeDefined();
    expect(error.hint).toBeDefined();
  });

  it('reports a duplicated key on its line', async () => {
    const root = repository({ '.connector-alm.yml': 'profile: custom\nprofile: certified\n' });
    const error = await loadError(root);
    expect(error.message).toBe(
      "The key 'profile' is written twice in this map, first on line 1: keep one of them.",
    );
    expect(error.location).toMatchObject({ line: 2, column: 1 });
  });

  it('reports a key written twice in a JSON file in JSON terms, not YAML ones', async () => {
    const root = repository({
      '.connector-alm.json':
        '{\n  "rules": { "SWG-OPID-UNIQUE": "off" },\n  "rules": { "GEN-JSON-BOM": "off" }\n}\n',
    });
    const error = await loadError(root);
    expect(error.message).toBe(
      "The key 'rules' is written twice in this object, first on line 2: keep one of them.",
    );
    expect(error.hint).toBe(
      'Most JSON readers would keep only the later of the two, and drop the first without a word.',
    );
    expect(error.location).toMatchObject({ file: '.connector-alm.json', line: 3, column: 3 });
  });

  it('reports an unknown rule id with a suggestion, on the key', async () => {
    const root = repository({
      '.connector-alm.yml': 'rules:\n  SWG-OPID-UNIQUE: warning\n  swg-opid-uniq: off\n',
    });
    const error = await loadError(root);
    expect(error.message).toBe("Unknown rule 'swg-opid-uniq'. Did you mean 'SWG-OPID-UNIQUE'?");
    expect(error.location).toEqual({ file: '.connector-alm.yml', line: 3, column: 3 });
  });

  it('reports an unknown rule id without a suggestion when nothing is close', async () => {
    const root = repository({
      '.connector-alm.json': '{\n  "rules": {\n    "NOTHING-LIKE-IT": "off"\n  }\n}\n',
    });
    const error = await loadError(root);
    expect(error.message).toBe("Unknown rule 'NOTHING-LIKE-IT'.");
    expect(error.location).toMatchObject({ line: 3, column: 5 });
  });

  it('says a breaking-change rule is decided by fail-on-breaking, not that it is unknown, on the key', async () => {
    const root = repository({
      '.connector-alm.yml':
        'profile: certified\nrules:\n  SWG-OPID-UNIQUE: warning\n  BRK-OP-DELETED: warning\n',
    });
    const error = await loadError(root);
    expect(error.message).toBe(
      "'BRK-OP-DELETED' is a change rule of the comparison with the base: the configuration file sets no level for change rules (BRK-*, CHG-*).",
    );
    expect(error.hint).toBe(
      "Whether breaking changes fail the check is decided by the validate-connector action's fail-on-breaking input (validate --fail-on-breaking on the command line); remove this line.",
    );
    expect(error.location).toEqual({ file: '.connector-alm.yml', line: 4, column: 3 });
  });

  it('says a non-breaking change rule, in any case, is judged by fail-on at its level', async () => {
    const root = repository({
      '.connector-alm.json': '{\n  "rules": {\n    "chg-text-edited": "off"\n  }\n}\n',
    });
    const error = await loadError(root);
    expect(error.message).toMatch(/^'CHG-TEXT-EDITED' is a change rule of the comparison with the base: /);
    expect(error.hint).toBe(
      'Its findings (info) are judged by fail-on (validate --fail-on on the command line), as other findings are; remove this line.',
    );
    expect(error.location).toMatchObject({ line: 3, column: 5 });
  });

  it('says a rule of the package check is not set by the file, not that it is unknown, on the key', async () => {
    // It was "Unknown rule 'PKG-SOL-FILES'. The rule ids are listed in docs/rules.md.", which lists it.
    const root = repository({ '.connector-alm.yml': 'rules:\n  pkg-sol-files: off\n' });
    const error = await loadError(root);
    expect(error.message).toBe(
      "'PKG-SOL-FILES' is a rule of the certification package check (package check, package build): the configuration file sets no level for package rules (PKG-*).",
    );
    expect(error.hint).toBe(
      "Each package rule's level is fixed, as Microsoft's ConnectorPackageValidator.ps1 judges the package: an error fails package check, a warning does not; remove this line.",
    );
    expect(error.location).toEqual({ file: '.connector-alm.yml', line: 2, column: 3 });
  });

  it('reports a bad level with a suggestion, on the value', async () => {
    const root = repository({ '.connector-alm.yml': 'rules:\n  SWG-OPID-UNIQUE: warn\n' });
    const error = await loadError(root);
    expect(error.message).toBe("Bad level 'warn' for rule SWG-OPID-UNIQUE. Did you mean 'warning'?");
    expect(error.location).toEqual({ file: '.connector-alm.yml', line: 2, column: 20 });
    expect(error.hint).toBe('A level is error, warning, info or off.');
  });

  it('reports a bad level in a profile map', async () => {
    const root = repository({ '.connector-alm.yml': 'rules:\n  SWG-OPID-UNIQUE:\n    custom: false\n' });
    const error = await loadError(root);
    expect(error.message).toBe("Bad level 'false' for rule SWG-OPID-UNIQUE in profile custom.");
    expect(error.location).toMatchObject({ line: 3, column: 13 });
  });

  it('reports an unknown profile in a profile map, and an unknown setting', async () => {
    const profileMap = repository({
      '.connector-alm.yml': 'rules:\n  SWG-OPID-UNIQUE:\n    certifed: off\n',
    });
    const first = await loadError(profileMap);
    expect(first.message).toBe(
      "Unknown profile 'certifed' for rule SWG-OPID-UNIQUE. Did you mean 'certified'?",
    );
    expect(first.location).toMatchObject({ line: 3, column: 5 });

    const setting = repository({ '.connector-alm.yml': 'profile: custom\nrule:\n  SWG-OPID-UNIQUE: off\n' });
    const second = await loadError(setting);
    expect(second.message).toBe("Unknown setting 'rule'. Did you mean 'rules'?");
    expect(second.location).toMatchObject({ line: 2, column: 1 });
  });

  it('reports a bad profile and a bad ignore list', async () => {
    const profile = await loadError(repository({ '.connector-alm.yml': 'profile: independent\n' }));
    expect(profile.message).toBe("Unknown profile 'independent'. Did you mean 'independent-publisher'?");
    expect(profile.location).toMatchObject({ line: 1, column: 10 });

    const ignore = await loadError(repository({ '.connector-alm.yml': 'ignore: custom-connectors/*\n' }));
    expect(ignore.message).toMatch(/^'ignore' must be a list of glob patterns/);
  });

  // A backslash escapes the next character in a glob, on Windows too: the pattern matches no folder,
  // and the folders it was written to skip would be validated without a word.
  it('reports an ignore pattern written with \\ between folders on its line, suggesting it with /', async () => {
    const error = await loadError(
      repository({
        '.connector-alm.yml': [
          'ignore:',
          "  - 'custom-connectors/Drafts*'",
          "  - 'custom-connectors\\Legacy*'",
          '  - certified-connectors\\\\Old',
          "  - '**\\.drafts\\**'",
          '',
        ].join('\n'),
      }),
    );
    const all = [error, ...(error.also ?? [])].map((each) => `${each.location?.line}: ${each.message}`);
    expect(all).toEqual([
      "3: The ignore pattern 'custom-connectors\\Legacy*' separates folders with \\, which a glob reads as an escape: it matches no folder. Did you mean 'custom-connectors/Legacy*'?",
      "4: The ignore pattern 'certified-connectors\\\\Old' separates folders with \\, which a glob reads as an escape: it matches no folder. Did you mean 'certified-connectors/Old'?",
      "5: The ignore pattern '**\\.drafts\\**' separates folders with \\, which a glob reads as an escape: it matches no folder. Did you mean '**/.drafts/**'?",
    ]);
    expect(error.location).toMatchObject({ line: 3, column: 5 });
    expect(error.hint).toBe(
      'Patterns separate folders with /, on Windows too; a \\ only escapes a glob character other than * and ? (\\[, \\{, \\!).',
    );

    // In a .json file, where a backslash is written twice.
    const json = await loadError(
      repository({ '.connector-alm.json': '{\n  "ignore": ["custom-connectors\\\\Legacy*"]\n}\n' }),
    );
    expect(locatedMessage(json)).toMatch(
      /^\.connector-alm\.json:2:\d+: The ignore pattern 'custom-connectors\\Legacy\*' separates folders with \\.* Did you mean 'custom-connectors\/Legacy\*'\?/,
    );
  });

  it('accepts a backslash that escapes a glob character in an ignore pattern', async () => {
    const patterns = ['custom-connectors/\\[draft\\]*', 'custom-connectors/\\{old\\}', '**/\\!x'];
    const root = repository({
      '.connector-alm.yml': ['ignore:', ...patterns.map((pattern) => `  - '${pattern}'`), ''].join('\n'),
    });
    expect((await loadConfig({ cwd: root, ruleIds: RULE_IDS })).ignore).toEqual(patterns);
  });

  it('reports every mistake of the file at once, each on its line, not one per run', async () => {
    const error = await loadError(
      repository({
        '.connector-alm.yml': [
          'profile: certifed',
          'rules:',
          '  SWG-OPID-UNIQU: off',
          '  SWG-SUMMARY-REQUIRED: eror',
          '  GEN-JSON-PARSE: { certified: warning, custon: off }',
          'ignore:',
          '  - 42',
          'fail-on: warning',
          '',
        ].join('\n'),
      }),
    );
    const all = [error, ...(error.also ?? [])].map((each) => `${each.location?.line}: ${each.message}`);
    expect(all).toEqual([
      "1: Unknown profile 'certifed'. Did you mean 'certified'?",
      "3: Unknown rule 'SWG-OPID-UNIQU'. Did you mean 'SWG-OPID-UNIQUE'?",
      "4: Bad level 'eror' for rule SWG-SUMMARY-REQUIRED. Did you mean 'error'?",
      "5: Unknown profile 'custon' for rule GEN-JSON-PARSE. Did you mean 'custom'?",
      "7: 'ignore' must be a list of glob patterns (non-empty strings).",
      "8: Unknown setting 'fail-on'.",
    ]);
  });

  // Written as `ignore` is, with dashes: "must be a map of rule id to level" did not say that the
  // dashes are the mistake, nor what to write instead.
  it('says of rules written as a list to leave the dashes out, with an example of its first rule', async () => {
    const said = async (name: string, text: string) => {
      const error = await loadError(repository({ [name]: text }));
      return [error, ...(error.also ?? [])].map(
        (each) => `${each.location?.line}:${each.location?.column}: ${each.message} | ${each.hint}`,
      );
    };
    const example = (ruleId: string) => `For example: "${ruleId}: warning" or "${ruleId}: { custom: off }".`;
    expect(
      await said(
        '.connector-alm.yml',
        'rules:\n  - SWG-OPID-UNIQUE: off\n  - GEN-JSON-BOM: warning\noverrides:\n  - files: [legacy/**]\n    rules:\n      - GEN-JSON-BOM\n',
      ),
    ).toEqual([
      `2:3: 'rules' is a list, and must be a map of rule id to level: write each rule id as a key with its level, without the '- ' before it. | ${example('SWG-OPID-UNIQUE')}`,
      `7:7: 'rules' in overrides[0] is a list, and must be a map of rule id to level: write each rule id as a key with its level, without the '- ' before it. | ${example('GEN-JSON-BOM')}`,
    ]);
    expect(await said('.connector-alm.yml', 'rules: []\n')).toEqual([
      "1:8: 'rules' is a list, and must be a map of rule id to level: write {} for no rules, or each rule id as a key with its level on a line below. | The rule ids are listed in docs/rules.md.",
    ]);
    expect(await said('.connector-alm.json', '{ "rules": [{ "GEN-JSON-BOM": "off" }] }\n')).toEqual([
      `1:12: 'rules' is a list, and must be a map of rule id to level: write it as an object, in { } rather than [ ], each rule id a key and its level the key's value. | For example: "GEN-JSON-BOM": "warning" or "GEN-JSON-BOM": { "custom": "off" }.`,
    ]);
  });

  it('quotes long keys and values cut, each mistake still one short line', async () => {
    // Values of 50,000 characters; keys of 4,000 in JSON, which reads keys up to 4,096 (YAML refuses
    // an implicit key past 1,024 itself).
    const long = (letter: string, length = 50_000): string => letter.repeat(length);
    const lines = [
      '{',
      `"profile": "${long('p')}",`,
      '"rules": {',
      `"${long('R', 4_000)}": "off",`,
      `"SWG-SUMMARY-REQUIRED": "${long('l')}",`,
      `"GEN-JSON-PARSE": { "certified": "warning", "${long('c', 4_000)}": "off" }`,
      '},',
      `"ignore": ["${long('i')}\\\\*"],`,
      `"${long('s', 4_000)}": "warning"`,
      '}',
      '',
    ];
    const error = await loadError(repository({ '.connector-alm.json': lines.join('\n') }));
    const all = [error, ...(error.also ?? [])].map((each) => `${each.location?.line}: ${each.message}`);
    for (const message of all) expect(message.length).toBeLessThan(2_200);
    expect(all).toEqual([
      expect.stringMatching(/^2: Unknown profile 'p+…'\.$/),
      expect.stringMatching(/^4: Unknown rule 'R+…'\.$/),
      "5: Bad level 'lllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllll…' for rule SWG-SUMMARY-REQUIRED.",
      expect.stringMatching(/^6: Unknown profile 'c+…' for rule GEN-JSON-PARSE\.$/),
      expect.stringMatching(/^8: The ignore pattern 'i+…' separates folders with .* Did you mean 'i+…'\?$/),
      expect.stringMatching(/^9: Unknown setting 's+…'\.$/),
    ]);
  });

  it('refuses a YAML alias bomb instead of expanding it', async () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(10)
          .fill(i === 1 ? '*a' : `*${'b'.repeat(i - 1)}`)
          .join(', ')}]`,
      );
    const error = await loadError(repository({ '.connector-alm.yml': lines.join('\n') + '\n' }));
    expect(error.message).toMatch(/^The configuration file cannot be read as data: /);
  });

  it('reports a missing explicit file', async () => {
    const root = repository({});
    const error = await loadError(root, 'config/connector-alm.yml');
    expect(locatedMessage(error)).toBe('config/connector-alm.yml: The configuration file does not exist.');
  });

  // Both said "The configuration file cannot be read (ELOOP)." or "(ERR_FS_FILE_TOO_LARGE).", with a
  // hint that the user may read it.
  it('names a configuration file that is a link round in a loop as that link, and what to do', async () => {
    const root = repository({});
    symlinkSync('connector-alm.yml', path.join(root, 'connector-alm.yml'));
    const error = await loadError(root, 'connector-alm.yml');
    expect([locatedMessage(error), error.hint]).toEqual([
      "connector-alm.yml: is a symbolic link that leads nowhere (to 'connector-alm.yml').",
      'Check the path, or leave it out to use .connector-alm.yml, .connector-alm.yaml, .connector-alm.json from the repository.',
    ]);
  });

  it('says a configuration file too large to read is that, and what to check', async () => {
    const root = repository({ 'huge.yml': '' });
    // Sparse: 2 GiB and a byte that take no room on the disk, refused by its size, unread.
    truncateSync(path.join(root, 'huge.yml'), 2 ** 31 + 1);
    const error = await loadError(root, 'huge.yml');
    expect([locatedMessage(error), error.hint]).toEqual([
      'huge.yml: The configuration file holds more than 1 MB; it was not read.',
      'A configuration file is a few lines of YAML or JSON: check that the path names it.',
    ]);
  });

  // "not valid YAML: Maximum call stack size exceeded", the parser's overflow in V8's words.
  it.each([
    ['flow lists', '['.repeat(100_000)],
    ['block maps', Array.from({ length: 1_200 }, (_, level) => `${' '.repeat(level)}k:`).join('\n')],
  ])('says a configuration file of %s nested too deeply to be read is that', async (_kind, text) => {
    const root = repository({ 'deep.yml': text });
    const error = await loadError(root, 'deep.yml');
    expect([error.message, error.location?.file, error.hint]).toEqual([
      'The configuration file nests too deeply to be read: thousands of levels of lists or maps.',
      'deep.yml',
      'A configuration file nests a few levels: check that the path names it.',
    ]);
  });

  it('reads a configuration file of 1 MB, and refuses one a byte longer', async () => {
    const comment = (bytes: number) => '#'.repeat(bytes - 'profile: certified\n'.length) + '\n';
    const root = repository({
      'at-limit.yml': 'profile: certified\n' + comment(MAX_CONFIG_BYTES - 1),
      'past-limit.yml': 'profile: certified\n' + comment(MAX_CONFIG_BYTES),
    });
    const config = await loadConfig({ cwd: root, explicitPath: 'at-limit.yml', ruleIds: RULE_IDS });
    expect(config.profile).toBe('certified');
    const error = await loadError(root, 'past-limit.yml');
    expect(locatedMessage(error)).toBe(
      'past-limit.yml: The configuration file holds more than 1 MB; it was not read.',
    );
  });

  // /dev/zero was read until Node's string limit, 640 MB, and then said "Invalid string length".
  it('stops reading a configuration path that never ends, at the limit', async () => {
    const root = repository({});
    const error = await loadError(root, '/dev/zero');
    expect(error.message).toBe('The configuration file holds more than 1 MB; it was not read.');
  });

  it('loads an explicit file under any name, without searching', async () => {
    const root = repository({
      '.connector-alm.yml': 'profile: custom\n',
      'ci/strict.yml': 'profile: certified\n',
    });
    const config = await loadConfig({ cwd: root, explicitPath: 'ci/strict.yml', ruleIds: RULE_IDS });
    expect(config).toMatchObject({ path: path.join(root, 'ci/strict.yml'), profile: 'certified' });
  });

  it('refuses two configuration files in one folder', async () => {
    const root = repository({ '.connector-alm.yml': '', '.connector-alm.json': '{}' });
    const error = await loadError(root);
    expect(error.message).toBe('is a second configuration file in its folder, beside .connector-alm.yml.');
    expect(error.location).toEqual({ file: path.join(root, '.connector-alm.json') });
  });

  it('checks rule ids against the real rules by default, and its levels apply', async () => {
    const folder = writeConnector({ 'apiDefinition.swagger.json': '\uFEFF{"swagger": "2.0"}' });
    writeFileSync(path.join(folder, '.connector-alm.yml'), 'rules:\n  GEN-JSON-BOM: warning\n');
    const config = await loadConfig({ cwd: folder });
    const result = await validateFolder(folder, { rules: [findRule('GEN-JSON-BOM')!], config, cwd: folder });
    expect(result.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['GEN-JSON-BOM', 'warning'],
    ]);
  });
});
