import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@connector-alm/testing';
import type { FixKind } from '../../src/model/rule.js';
import { ALL_RULES } from '../../src/rules/index.js';

// docs/cli.md tells which rules' findings `validate --fix` writes values for, and which rename keys.
// --fix makes only the fixes of the kind a rule is marked to name (namesFixes, fix-folders.ts), so
// the marks are what --fix can do: the lists must name exactly the rules so marked. Session 71 found
// five rules that write values missing from the list; this holds it.

const CLI_DOCS = readFileSync(path.join(REPO_ROOT, 'docs/cli.md'), 'utf8');
const RULE_ID = /\b[A-Z]+(?:-[A-Z0-9]+)+\b/g;

/** The text of docs/cli.md from the line starting with `from` up to the next blank line. */
function paragraphFrom(from: string): string {
  const start = CLI_DOCS.indexOf(from);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = CLI_DOCS.indexOf('\n\n', start);
  return CLI_DOCS.slice(start, end < 0 ? undefined : end);
}

/**
 * The rule ids the value-writes list names: the ids before each bullet's colon ("- SWG-DEFAULT-TYPE
 * and SWG-ENUM-TYPE: a string…"), not those its explanations mention.
 */
function idsOfValueWritesList(): string[] {
  const intro = CLI_DOCS.indexOf('Then, in the files as renamed, it writes the values whose right form');
  expect(intro).toBeGreaterThanOrEqual(0);
  // The list is the paragraph that follows the one leading into it.
  const start = CLI_DOCS.indexOf('\n\n', intro) + 2;
  const list = CLI_DOCS.slice(start, CLI_DOCS.indexOf('\n\n', start));
  const bullets = list.split(/\n(?=- )/);
  for (const bullet of bullets) expect(bullet).toMatch(/^- [A-Z]+-[A-Z0-9-]+[ ,:]/);
  return bullets.flatMap((bullet) => bullet.slice(0, bullet.indexOf(':')).match(RULE_ID) ?? []);
}

/** The rule ids the key-renames paragraph gives an example of ("SWG-ADDL-PROP's `basepath` → …"). */
function idsOfKeyRenames(): string[] {
  const paragraph = paragraphFrom('Then, in the fixed files, it renames the misspelled keys');
  return [...paragraph.matchAll(/\b([A-Z]+(?:-[A-Z0-9]+)+)'s `/g)].map((match) => match[1]!);
}

function rulesMarked(kind: FixKind): string[] {
  return ALL_RULES.filter((rule) => rule.namesFixes === kind).map((rule) => rule.id);
}

describe("docs/cli.md's lists of the fixes validate --fix makes", () => {
  it('names in its value-writes list every rule marked to write values, and no other', () => {
    const listed = idsOfValueWritesList();
    expect([...new Set(listed)].sort()).toEqual(rulesMarked('valueWrites').sort());
    // Each once: a rule named in two bullets would say two things of one fix.
    expect(listed).toHaveLength(new Set(listed).size);
  });

  it('names among the files renamed the rules marked to rename files, and no other', () => {
    const paragraph = paragraphFrom('First, `--fix` renames the connector files');
    expect([...new Set(paragraph.match(RULE_ID))].sort()).toEqual(rulesMarked('fileRenames').sort());
  });

  it('gives an example of a key rename for every rule marked to rename keys, and no other', () => {
    expect(idsOfKeyRenames().sort()).toEqual(rulesMarked('keyRenames').sort());
  });
});
