import { describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { locatedMessage, temporaryFolder } from '@connector-alm/testing';
import { loadConfig } from '../../src/config/index.js';

/*
 * The slips a person makes writing the configuration file by hand, each reported on the line to
 * edit, in plain words that say what to write: the YAML parser's own message names what it read (an
 * alias, a compact mapping) and often the line above the slip.
 */

const RULE_IDS = ['SWG-CONSUMES', 'SWG-FORMAT'];
const FILE = '.connector-alm.yml';

/** "file:line:column: message" of loading a repository whose configuration file holds `text`. */
async function slipOf(text: string): Promise<string> {
  const root = temporaryFolder('connector-alm-yaml-slip-');
  mkdirSync(path.join(root, '.git'));
  writeFileSync(path.join(root, FILE), text);
  try {
    await loadConfig({ cwd: root, ruleIds: RULE_IDS });
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).hint).toBeDefined();
    return locatedMessage(error);
  }
  throw new Error(`loadConfig read ${JSON.stringify(text)} without a word`);
}

const lines = (...each: string[]) => each.join('\n') + '\n';

describe('slips in the configuration file', () => {
  it.each([
    ['a glob that starts with **', '  - **/archive/**', `${FILE}:3:5`, "'**/archive/**'"],
    ['a glob that starts with *.', '  - *.bak # editor backups', `${FILE}:3:5`, "'*.bak'"],
  ])(
    'reports %s under ignore on its line, saying to quote the pattern',
    async (_what, line, place, meant) => {
      const text = lines('ignore:', '  - integrations/legacy/Citymapper', line);
      expect(await slipOf(text)).toBe(
        `${place}: A YAML value that starts with * is read as an alias, a reference to a value marked with &: quote the pattern (${meant}).`,
      );
    },
  );

  it("says 'pattern' for a glob of an override's files too, which are patterns as ignore's are", async () => {
    const text = lines('overrides:', '  - files:', '      - *-legacy', '    profile: custom');
    expect(await slipOf(text)).toBe(
      `${FILE}:3:9: A YAML value that starts with * is read as an alias, a reference to a value marked with &: quote the pattern ('*-legacy').`,
    );
  });

  it('reports an unquoted * in a flow list at its column, quoting a quote inside by doubling it, and keeps a real alias', async () => {
    expect(await slipOf(lines("ignore: [legacy, *o'neil]"))).toBe(
      `${FILE}:1:18: A YAML value that starts with * is read as an alias, a reference to a value marked with &: quote the pattern ('*o''neil').`,
    );
    // An alias whose anchor is set before it is what YAML's aliases are for.
    const root = temporaryFolder('connector-alm-yaml-slip-');
    mkdirSync(path.join(root, '.git'));
    writeFileSync(
      path.join(root, FILE),
      lines('rules:', '  SWG-CONSUMES: &quiet off', '  SWG-FORMAT: *quiet'),
    );
    const config = await loadConfig({ cwd: root, ruleIds: RULE_IDS });
    expect(config.rules).toEqual({ 'SWG-CONSUMES': 'off', 'SWG-FORMAT': 'off' });
  });

  it('says to write a space after the colon of a key, for the only key of a map', async () => {
    expect(await slipOf(lines('profile: custom', 'rules:', '  SWG-CONSUMES:off'))).toBe(
      `${FILE}:3:3: 'rules' must be a map of rule id to level. It holds the text 'SWG-CONSUMES:off': write a space after ':' ('SWG-CONSUMES: off').`,
    );
  });

  it('says to write a space after the colon of a key among others, on its line', async () => {
    const message = `'SWG-CONSUMES:off' has no space after ':', so YAML reads it as one word, not a key and its value: write 'SWG-CONSUMES: off'.`;
    // Before another key (the parser: "Implicit keys need to be on a single line"), and last
    // ("Implicit map keys need to be followed by map values").
    expect(await slipOf(lines('rules:', '  SWG-CONSUMES:off', '  SWG-FORMAT: off'))).toBe(
      `${FILE}:2:3: ${message}`,
    );
    expect(await slipOf(lines('rules:', '  SWG-FORMAT: off', '  SWG-CONSUMES:off'))).toBe(
      `${FILE}:3:3: ${message}`,
    );
  });

  it('says to write a space after the colon of a setting, alone or before others', async () => {
    expect(await slipOf(lines('profile:custom'))).toBe(
      `${FILE}:1:1: The configuration must be a map of settings (profile, rules, ignore, overrides). It holds the text 'profile:custom': write a space after ':' ('profile: custom').`,
    );
    expect(await slipOf(lines('profile:custom', 'rules:', '  SWG-FORMAT: off'))).toBe(
      `${FILE}:1:1: 'profile:custom' has no space after ':', so YAML reads it as one word, not a key and its value: write 'profile: custom'.`,
    );
  });

  it('says how to write a level for one profile written as profile:level', async () => {
    expect(await slipOf(lines('rules:', '  SWG-FORMAT: custom:off'))).toBe(
      `${FILE}:2:15: Bad level 'custom:off' for rule SWG-FORMAT. A level for one profile is a map: write 'SWG-FORMAT: { custom: off }'.`,
    );
  });

  it('says to write the colon of a key that has none', async () => {
    expect(await slipOf(lines('rules:', '  SWG-CONSUMES off', '  SWG-FORMAT: off'))).toBe(
      `${FILE}:2:3: 'SWG-CONSUMES off' has no ':' after its key: write 'SWG-CONSUMES: off'.`,
    );
  });

  it('says to write a space after the dash of a list item', async () => {
    expect(await slipOf(lines('ignore:', '  -legacy/*'))).toBe(
      `${FILE}:2:3: 'ignore' must be a list of glob patterns (non-empty strings). It holds the text '-legacy/*': write a space after '-' ('- legacy/*').`,
    );
  });

  it('reports a line indented too deep on that line, not at the value above it', async () => {
    expect(
      await slipOf(lines('profile: custom', 'rules:', '  SWG-CONSUMES: off', '    SWG-FORMAT: off')),
    ).toBe(
      `${FILE}:4:5: This line is indented more than line 3 above it (4 spaces, not 2), whose key has its value already: indent it as line 3.`,
    );
    // The line above is the nearest that holds more than a comment.
    expect(await slipOf(lines('profile: custom', '', '  rules:', '    SWG-FORMAT: off'))).toBe(
      `${FILE}:3:3: This line is indented more than line 1 above it (2 spaces, not 0), whose key has its value already: indent it as line 1.`,
    );
  });

  it('reports a key or a list item indented less than those above it', async () => {
    expect(await slipOf(lines('rules:', '  SWG-CONSUMES: off', ' SWG-FORMAT: off'))).toBe(
      `${FILE}:3:2: This line is indented by 1 space and line 2 above it by 2: the keys of one map start at the same column.`,
    );
    expect(await slipOf(lines('ignore:', '  - legacy/*', ' - old/*'))).toBe(
      `${FILE}:3:2: This line is indented by 1 space and line 2 above it by 2: the items of one list start at the same column.`,
    );
  });

  // YAML reads it as more of the item above ('legacy/* - old/*'), without an error: a glob that
  // matches nothing, and the folder it was to skip validated.
  it('reports a list item indented deeper than the one above, which YAML reads without an error', async () => {
    expect(await slipOf(lines('ignore:', '  - legacy/*', '    - old/*'))).toBe(
      `${FILE}:3:5: This list item is indented deeper than the item above it, so YAML reads it as more of that item, 'legacy/* - old/*': start its '-' at the column of the item above.`,
    );
  });

  it('reports a tab that indents a line', async () => {
    expect(await slipOf('rules:\n\tSWG-CONSUMES: off\n')).toBe(
      `${FILE}:2:1: A tab indents this line: YAML indents with spaces only.`,
    );
  });

  it.each([
    ['@', '  - @legacy/x # the old team', `${FILE}:2:5`, "'@legacy/x'"],
    ['`', '  - `legacy`', `${FILE}:2:5`, "'`legacy`'"],
    ['%', '  - %legacy', `${FILE}:2:5`, "'%legacy'"],
  ])('says to quote a value that starts with %s', async (character, line, place, meant) => {
    expect(await slipOf(lines('ignore:', line))).toBe(
      `${place}: A YAML value cannot start with ${character} unless it is quoted: write ${meant}.`,
    );
  });

  it('says to quote a value that starts with @ in a flow list, the value alone', async () => {
    expect(await slipOf(lines('ignore: [legacy, @old, x]'))).toBe(
      `${FILE}:1:18: A YAML value cannot start with @ unless it is quoted: write '@old'.`,
    );
  });

  // YAML reads `!legacy` as a tag it does not know, which it only warns of: the value was read as
  // empty, and said to be no glob pattern, or no level, without a word of the '!'.
  it.each([
    [
      'a pattern of ignore',
      lines('ignore:', '  - legacy/*', '  - !legacy'),
      `${FILE}:3:5`,
      'pattern',
      "'!legacy'",
    ],
    [
      "a pattern of an override's files",
      lines('overrides:', '  - files: [old/*, !old/x]', '    profile: custom'),
      `${FILE}:2:20`,
      'pattern',
      "'!old/x'",
    ],
  ])(
    'says that a ! starts a tag in %s, to quote it, and what the quoted pattern matches',
    async (_what, text, place, what, meant) => {
      expect(await slipOf(text)).toBe(
        `${place}: A YAML value that starts with ! is read as a tag, a type given to the value after it (${meant.slice(1, -1)}), not as text: quote the ${what} (${meant}). Quoted, a pattern that starts with ! matches every folder the rest of it does not.`,
      );
    },
  );

  it('says that a ! starts a tag in a level or a list item, and to quote it or leave the ! out', async () => {
    expect(await slipOf(lines('rules:', '  SWG-FORMAT: !off # quiet'))).toBe(
      `${FILE}:2:15: A YAML value that starts with ! is read as a tag, a type given to the value after it (!off), not as text: quote the value ('!off'), or leave the ! out ('off').`,
    );
    // The tag's text and the value after it, which YAML reads without the tag.
    expect(await slipOf(lines('rules:', '  - !legacy SWG-FORMAT'))).toBe(
      `${FILE}:2:5: A YAML value that starts with ! is read as a tag, a type given to the value after it (!legacy), not as text: quote the value ('!legacy SWG-FORMAT'), or leave the ! out ('legacy SWG-FORMAT').`,
    );
  });

  it("leaves YAML's own tags, and a tag on a map, which is still read as the map", async () => {
    for (const text of [
      lines('rules:', '  SWG-FORMAT: !!str off'),
      lines('rules: !quiet', '  SWG-FORMAT: off'),
    ]) {
      const root = temporaryFolder('connector-alm-yaml-slip-');
      mkdirSync(path.join(root, '.git'));
      writeFileSync(path.join(root, FILE), text);
      const config = await loadConfig({ cwd: root, ruleIds: RULE_IDS });
      expect(config.rules).toEqual({ 'SWG-FORMAT': 'off' });
    }
  });

  it('names a key written twice and the line of the first', async () => {
    expect(
      await slipOf(lines('rules:', '  SWG-FORMAT: off', '  SWG-CONSUMES: off', '  SWG-FORMAT: warning')),
    ).toBe(
      `${FILE}:4:3: The key 'SWG-FORMAT' is written twice in this map, first on line 2: keep one of them.`,
    );
  });

  it('names a second document at the line that starts it, not the parser API that reads several', async () => {
    const second = `${FILE}:3:1: The configuration file holds more than one YAML document (a '---' line starts another): keep one.`;
    expect(await slipOf(lines('rules:', '  SWG-FORMAT: off', '---', 'rules:', '  SWG-CONSUMES: off'))).toBe(
      second,
    );
    // A '---' left at the end starts an empty document.
    expect(await slipOf(lines('rules:', '  SWG-FORMAT: off', '---'))).toBe(second);
    expect(await slipOf(lines('rules:', '  SWG-FORMAT: off', '...', 'profile: custom'))).toBe(
      `${FILE}:4:1: The configuration file holds more than one YAML document (this line follows a '...' line, which ends the first): keep one.`,
    );
  });

  it('reads a file that only starts with ---, or only ends with ...: one document', async () => {
    for (const text of [
      lines('---', 'rules:', '  SWG-FORMAT: off'),
      lines('rules:', '  SWG-FORMAT: off', '...'),
    ]) {
      const root = temporaryFolder('connector-alm-yaml-slip-');
      mkdirSync(path.join(root, '.git'));
      writeFileSync(path.join(root, FILE), text);
      const config = await loadConfig({ cwd: root, ruleIds: RULE_IDS });
      expect(config.rules).toEqual({ 'SWG-FORMAT': 'off' });
    }
  });

  it('finds the line of a slip in a file with CRLF line ends and a byte-order mark', async () => {
    expect(
      await slipOf('\uFEFFprofile: custom\r\nrules:\r\n  SWG-CONSUMES: off\r\n    SWG-FORMAT: off\r\n'),
    ).toBe(
      `${FILE}:4:5: This line is indented more than line 3 above it (4 spaces, not 2), whose key has its value already: indent it as line 3.`,
    );
  });
});
