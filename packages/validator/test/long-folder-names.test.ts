import { describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { printable } from '@connector-alm/core';
import { looseningFindings } from '../src/config/loosening-findings.js';
import { ALL_RULES } from '../src/rules/index.js';
import { listFolders } from '../src/repository/rules/folder-list.js';
import { formatJson } from '../src/reporters/json-reporter.js';
import { renderJobSummary } from '../src/reporters/job-summary.js';
import { formatSarif } from '../src/reporters/sarif-reporter.js';
import { formatText } from '../src/reporters/text-reporter.js';
import { validatePaths, type ValidationResult } from '../src/validate.js';
import { LONG_MESSAGE } from './helpers/inflate-folder.js';
import { validConnectorFiles } from './helpers/valid-connector.js';

/*
 * Connector folders, nested folders and files named near the file system's limit of 255 bytes a name,
 * in multi-byte characters, some with control characters (a line feed, a tab, an escape) that Linux
 * allows in a name: every message that quotes one stays one bounded line, and the reports (text,
 * JSON, SARIF, the action's job summary) stay readable.
 */

/** `prefix` followed by `character` repeated while the name stays within `bytes` bytes of UTF-8. */
function nameOfBytes(prefix: string, character: string, bytes = 255): string {
  const room = bytes - Buffer.byteLength(prefix);
  return `${prefix}${character.repeat(Math.floor(room / Buffer.byteLength(character)))}`;
}

/**
 * Whether text holds a character a terminal obeys instead of showing (a line feed starts a report line
 * of its own, an escape recolours it): what core's `printable` escapes. Tabs stay.
 */
function hasControls(text: string): boolean {
  return printable(text) !== text;
}

const NAMES = {
  accented: nameOfBytes('Contoso ', 'é'),
  emoji: nameOfBytes('Contoso ', '😀'),
  broken: nameOfBytes('Contoso\nerror: not a finding\t\u001b[31m ', 'ü'),
  nested: nameOfBytes('Nested\nerror: not a finding ', 'ß'),
  file: nameOfBytes('notes\r\nerror: not a finding ', 'ø', 250) + '.txt',
  swagger: nameOfBytes('Contoso\nerror: not a finding ', 'æ', 240) + '.swagger.json',
  properties: nameOfBytes('apiProperties.json\nerror: not a finding ', 'å'),
};

/** A repository with connectors under long names, one holding a nested folder and a stray file of long names. */
function repository(): string {
  const root = temporaryFolder('connector-alm-names-');
  const write = (folder: string, files: Record<string, string | object>) => {
    mkdirSync(folder, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(
        path.join(folder, name),
        typeof content === 'string' ? content : JSON.stringify(content, null, 2),
      );
    }
  };
  const top = path.join(root, 'certified-connectors');
  for (const name of [NAMES.accented, NAMES.emoji, NAMES.broken]) {
    write(path.join(top, name), validConnectorFiles());
  }
  // Extra entries: a nested folder and a stray file, each of long, broken names.
  mkdirSync(path.join(top, NAMES.broken, NAMES.nested));
  writeFileSync(path.join(top, NAMES.broken, NAMES.file), 'notes');
  // A misnamed swagger beside the swagger ("rename it"), and a misnamed apiProperties.json instead of one.
  writeFileSync(
    path.join(top, NAMES.broken, NAMES.swagger),
    JSON.stringify(validConnectorFiles()['apiDefinition.swagger.json']),
  );
  const { 'apiProperties.json': apiProperties, ...withoutProperties } = validConnectorFiles();
  write(path.join(top, nameOfBytes('Northwind ', 'é')), {
    ...withoutProperties,
    [NAMES.properties]: apiProperties!,
  });
  // A connector whose files are all in a nested folder: "move them up", naming it.
  const { 'readme.md': readme } = validConnectorFiles();
  write(path.join(top, nameOfBytes('Fabrikam ', 'é')), { 'readme.md': readme! });
  write(path.join(top, nameOfBytes('Fabrikam ', 'é'), NAMES.nested), validConnectorFiles());
  return root;
}

async function validated(): Promise<{ root: string; result: ValidationResult }> {
  const root = repository();
  return { root, result: await validatePaths([root], { cwd: root }) };
}

describe('folder and file names near the file system limit', () => {
  it('quotes them in messages of one bounded line each', async () => {
    const { result } = await validated();
    expect(result.connectors).toHaveLength(5);
    const defects = result.findings.flatMap((finding) => {
      const why = hasControls(finding.message)
        ? 'a control character'
        : finding.message.length > LONG_MESSAGE
          ? 'long'
          : !(finding.line >= 1)
            ? 'no line'
            : undefined;
      return why ? [`${finding.ruleId}: ${why}: ${JSON.stringify(finding.message.slice(0, 100))}`] : [];
    });
    expect(defects).toEqual([]);
    // The rules that quote a folder's or a file's name did report: the test cannot pass by their not firing.
    const rules = new Set(result.findings.map((finding) => finding.ruleId));
    expect(
      ['REPO-FOLDER-NAME', 'REPO-EXTRA-FILES', 'REPO-REQUIRED-FILES', 'REPO-FILENAMES'].filter(
        (id) => !rules.has(id),
      ),
    ).toEqual([]);
  });

  it('keeps every report readable: a finding is one line of text, and no name breaks a line', async () => {
    const { root, result } = await validated();
    const text = formatText(result, { color: false });
    // Each line is a report line of its own: none starts with what a name holds after its line feed.
    for (const line of text.split('\n')) {
      expect(hasControls(line)).toBe(false);
      expect(line).not.toMatch(/^error: not a finding/);
    }
    for (const report of [formatJson(result), formatSarif(result, { cwd: root })]) {
      // JSON escapes the names; parsed, each message is still one line.
      expect(report.split('\n').every((line) => !/^error: not a finding/.test(line))).toBe(true);
      expect(report.length).toBeLessThan(1_000_000);
    }
    const summary = renderJobSummary(result, { cwd: root });
    for (const line of summary.split('\n')) expect(line).not.toMatch(/^error: not a finding/);
  });

  it('names the folders an added ignore pattern skips on the line of its finding', () => {
    const rules = ALL_RULES.filter((rule) => rule.id === 'REPO-CONFIG-LOOSENED');
    const config = { path: '/repository/.connector-alm.yml', rules: {}, ignore: ['certified-connectors/*'] };
    const changedFolders = [NAMES.broken, NAMES.emoji].map((name) => `certified-connectors/${name}`);
    const [finding] = looseningFindings(
      {
        head: { config, text: "ignore:\n  - 'certified-connectors/*'\n", file: '.connector-alm.yml' },
        folder: '.',
      },
      rules,
      { changedFolders },
    );
    expect(finding!.message).toContain('skips 2 connector folders');
    expect(hasControls(finding!.message)).toBe(false);
  });

  it('lists folders each on the line of the message', () => {
    const list = listFolders([`certified-connectors/${NAMES.broken}`, `certified-connectors/${NAMES.emoji}`]);
    expect(hasControls(list)).toBe(false);
    expect(list).toContain(NAMES.emoji);
    expect(listFolders(['a', 'b', 'c', `d\n${NAMES.emoji}`, 'e'])).toBe('"a", "b", "c" and 2 more');
  });
});
