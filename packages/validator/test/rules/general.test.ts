import { describe, expect, it } from '@jest/globals';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { runRules, writeConnector } from '../helpers/fixture.js';
import { validateFolder } from '../../src/validate.js';
import { findRule } from '../../src/rules/index.js';
import { fixJsonSlips } from '../../src/fix/fix-folders.js';
import type { Finding } from '../../src/model/finding.js';
import { fingerprints } from '../../src/reporters/fingerprint.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';

describe('GEN-JSON-PARSE', () => {
  it('fires on a trailing comma, at its line', async () => {
    const findings = await runRules({ 'apiDefinition.swagger.json': '{\n  "swagger": "2.0",\n}' }, [
      'GEN-JSON-PARSE',
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'GEN-JSON-PARSE', severity: 'error', line: 2, column: 19 });
    expect(findings[0]!.message).toMatch(/trailing comma/);
    expect(findings[0]!.file).toMatch(/apiDefinition\.swagger\.json$/);
  });

  it("reads the file past a '}' one too many mid-file, so its definitions are not reported missing", async () => {
    // As in CognitiveServicesTextAnalytics: a "200" response closed twice ended the value early, and
    // every reference to a definition after that point got an SWG-REF-SCHEMA error.
    const pretty = JSON.stringify(validSwagger(), null, 2);
    const closer = pretty.indexOf('\n            }\n', pretty.indexOf('"The tasks."')) + 1;
    const text = `${pretty.slice(0, closer)}            }\n${pretty.slice(closer)}`;
    // Of the two '}' alike, the second closes nothing going by the indentation.
    const extraLine = pretty.slice(0, closer).split('\n').length + 1;
    const findings = await runRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': text }, [
      'GEN-JSON-PARSE',
      'SWG-REF-SCHEMA',
      'SWG-ADDL-PROP',
    ]);
    expect(findings.map((finding) => [finding.ruleId, finding.line, finding.column])).toEqual([
      ['GEN-JSON-PARSE', extraLine, 13],
    ]);
    expect(findings[0]!.message).toMatch(
      /^This '\}' is one too many: going by the indentation it closes nothing/,
    );
    expect(findings[0]!.message).toMatch(/`connector-alm validate --fix` repairs it\.$/);
  });

  it("reads the file past a '}' one too many at the end of a line, and --fix removes it", async () => {
    // ListTasks closed after its "summary": the top-level value ended at the last '}' but one, and
    // twelve findings followed (operationId and responses "not allowed" in "/tasks", the path
    // "/tasks/{taskId}" not allowed), with GEN-JSON-PARSE at line 122, far from the slip.
    const pretty = JSON.stringify(validSwagger(), null, 2);
    const text = pretty.replace('"summary": "List tasks",', '"summary": "List tasks" },');
    const files = { ...validConnectorFiles(), 'apiDefinition.swagger.json': text };
    const folder = writeConnector(files);
    // Every rule's findings of the swagger (the folder's name is the temporary folder's).
    const ofSwagger = async () =>
      (await validateFolder(folder, { cwd: path.dirname(folder) })).findings.filter((finding) =>
        finding.file.endsWith('apiDefinition.swagger.json'),
      );
    const findings = await ofSwagger();
    expect(findings.map((finding) => [finding.ruleId, finding.line, finding.column])).toEqual([
      ['GEN-JSON-PARSE', 27, 33],
    ]);
    expect(findings[0]!.message).toBe(
      "This '}' is one too many: going by the indentation it closes nothing, and it ends the file's value early, before the rest of the file. Remove it. `connector-alm validate --fix` repairs it.",
    );
    expect((await fixJsonSlips([folder])).fixed.map((fixed) => fixed.slips)).toEqual([1]);
    expect(readFileSync(path.join(folder, 'apiDefinition.swagger.json'), 'utf8')).toBe(pretty);
    expect(await ofSwagger()).toEqual([]);
  });

  it("says a '}' one too many after the '}' it doubles on its line, not at the line below that it misaligns", async () => {
    // The "schema" of ListTasks' "200" closed twice on its line: the '}' of "200" below was said one
    // too many (the file without it reads the same), which is right as written.
    const pretty = JSON.stringify(validSwagger(), null, 2);
    const schemaEnd = pretty.indexOf('\n              }\n', pretty.indexOf('"The tasks."')) + 15;
    const text = `${pretty.slice(0, schemaEnd + 1)}}${pretty.slice(schemaEnd + 1)}`;
    expect(text.slice(schemaEnd - 14, schemaEnd + 3)).toBe('              }}\n');
    const extraLine = pretty.slice(0, schemaEnd).split('\n').length;
    const files = { ...validConnectorFiles(), 'apiDefinition.swagger.json': text };
    const findings = await runRules(files, ['GEN-JSON-PARSE', 'README-OPS-MATCH', 'SWG-REF-SCHEMA']);
    expect(findings.map((finding) => [finding.ruleId, finding.line, finding.column])).toEqual([
      ['GEN-JSON-PARSE', extraLine, 16],
    ]);
    const folder = writeConnector(files);
    expect((await fixJsonSlips([folder])).fixed.map((fixed) => fixed.slips)).toEqual([1]);
    expect(readFileSync(path.join(folder, 'apiDefinition.swagger.json'), 'utf8')).toBe(pretty);
  });

  it('stays quiet on strict JSON', async () => {
    expect(await runRules(validConnectorFiles(), ['GEN-JSON-PARSE'])).toEqual([]);
  });

  it('says `validate --fix` repairs a slip only where --fix makes its edit', async () => {
    const swagger = JSON.stringify(validSwagger(), null, 2);
    const parseFindings = async (folder: string) =>
      (await validateFolder(folder, { rules: [findRule('GEN-JSON-PARSE')!], cwd: path.dirname(folder) }))
        .findings;
    // A trailing comma names its edit, and --fix makes it.
    const fixable = writeConnector({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': swagger.replace('"swagger": "2.0",', '"swagger": "2.0",,'),
    });
    const told = await parseFindings(fixable);
    expect(told).toHaveLength(1);
    expect(told[0]!.message).toMatch(/ `connector-alm validate --fix` repairs it\.$/);
    // A missing value names no edit: --fix leaves the whole file, the trailing comma in it too.
    const unfixable = writeConnector({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': swagger
        .replace('"swagger": "2.0",', '"swagger": "2.0",,')
        .replace('"host": "api.contoso.com"', '"host": '),
    });
    const untold = await parseFindings(unfixable);
    expect(untold.length).toBeGreaterThan(1);
    for (const finding of untold) expect(finding.message).not.toMatch(/--fix/);
    // The sentence depends on the rest of the file, not on the slip: the trailing comma's SARIF
    // fingerprint is the same whether the file can be fixed or not.
    const printOf = (finding: Finding) => fingerprints([finding], (file) => path.basename(file))[0];
    const comma = (findings: readonly Finding[]) =>
      findings.find((finding) => /comma/i.test(finding.message))!;
    expect(comma(untold).message).not.toBe(told[0]!.message);
    expect(printOf(comma(untold))).toBe(printOf(told[0]!));
    // A leading zero names two edits (1234, or "01234" as a string): the maker's to choose.
    const choice = writeConnector({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': swagger.replace(
        '"swagger": "2.0",',
        '"swagger": "2.0",,\n  "x-zip": 01234,',
      ),
    });
    const chosen = await parseFindings(choice);
    expect(chosen.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^Two commas in a row: remove one\.$/),
      expect.stringMatching(/leading zeros: write 1234 instead of 01234, or "01234" as a string/),
    ]);
    for (const finding of chosen) expect(finding.message).not.toMatch(/--fix/);
    // As --fix decides: it fixes the first folder and leaves the others.
    const report = await fixJsonSlips([fixable, unfixable, choice]);
    expect(report.fixed.map((fixed) => fixed.slips)).toEqual([1]);
    expect(report.notFixed).toHaveLength(2);
  });

  it('lists 20 slips of a file and counts the rest in one more finding, which --fix repairs too', async () => {
    // 25 trailing commas: read by the trailing-comma path. 25 unquoted keys: by the diagnosis.
    const commas = `{\n  "swagger": "2.0",\n  "x": [\n${'    [1,],\n'.repeat(25)}    [1]\n  ]\n}`;
    const unquoted = `{\n  "swagger": "2.0",\n  "x": {\n${Array.from({ length: 25 }, (_, i) => `    k${i}: 1,\n`).join('')}    "z": 0\n  }\n}`;
    for (const text of [commas, unquoted]) {
      const folder = writeConnector({ ...validConnectorFiles(), 'apiDefinition.swagger.json': text });
      const { findings } = await validateFolder(folder, {
        rules: [findRule('GEN-JSON-PARSE')!],
        cwd: path.dirname(folder),
      });
      expect(findings).toHaveLength(21);
      // At the 21st slip, on line 3 + 21.
      expect(findings[20]).toMatchObject({
        line: 24,
        message:
          '5 more findings of this rule are not listed: a file lists at most 20 JSON syntax errors. Fix the ones listed and check again. `connector-alm validate --fix` repairs them too.',
        unlisted: { count: 5, per: 'file' },
      });
      expect(findings.filter((finding) => finding.unlisted !== undefined)).toEqual([findings[20]]);
      expect((await fixJsonSlips([folder])).fixed.map((fixed) => fixed.slips)).toEqual([25]);
    }
  });

  it('leaves the other rules the file as the edits it names make it, their findings where they are written', async () => {
    // The slips its message names the edit for; jsonc-parser's recovery dropped the member an unquoted
    // key names and the value a single-quoted string is, which other rules then reported.
    const meant = JSON.stringify(validSwagger(), null, 2).replace('"Get a task"', '"Get a task."');
    const slips: [string, string][] = [
      ['"summary": "Get a task."', `summary: 'Get a task.'`],
      ['"operationId": "GetTask"', 'operationId: "GetTask"'],
      ['"in": "path"', `"in": 'path'`],
    ];
    const broken = slips.reduce((text, [written, slipped]) => text.replace(written, slipped), meant);
    const told = async (swagger: string) =>
      (
        await validateFolder(
          writeConnector({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger }),
          {},
        )
      ).findings
        .filter((finding) => finding.ruleId !== 'GEN-JSON-PARSE')
        .map(({ ruleId, message, line, column }) => ({ ruleId, message, line, column }));
    const strict = await told(meant);
    const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    const summaryLine = lineOf(meant, '"Get a task."');
    expect(strict).toContainEqual(
      expect.objectContaining({ ruleId: 'SWG-OP-SUMMARY-END', line: summaryLine }),
    );
    // The same findings, on the same lines; on the line of the unquoted key, at its first letter.
    expect(await told(broken)).toEqual(
      strict.map((finding) =>
        finding.line === summaryLine
          ? { ...finding, column: broken.split('\n')[summaryLine - 1]!.indexOf('summary') + 1 }
          : finding,
      ),
    );
  });
});

describe('GEN-JSON-DUPLICATE-KEY', () => {
  const swagger = (operation: string): string =>
    `{\n  "swagger": "2.0",\n  "paths": {\n    "/x": {\n      "get": {\n${operation}\n      }\n    }\n  }\n}`;

  it('warns on the ignored occurrence, names the line of the kept one, in every profile', async () => {
    const text = swagger(
      '        "operationId": "Old",\n        "summary": "S",\n        "operationId": "New"',
    );
    for (const profile of ['certified', 'independent-publisher', 'custom'] as const) {
      const findings = await runRules(
        { ...validConnectorFiles(), 'apiDefinition.swagger.json': text },
        ['GEN-JSON-DUPLICATE-KEY'],
        profile,
      );
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ ruleId: 'GEN-JSON-DUPLICATE-KEY', severity: 'warning', line: 6 });
      expect(findings[0]!.message).toBe(
        "The key 'operationId' appears again at line 8 of this object; JSON readers keep only the last value, so this one is ignored. Remove one of them.",
      );
      expect(findings[0]!.file).toMatch(/apiDefinition\.swagger\.json$/);
    }
  });

  // Without a pointer, SARIF fingerprinted these on the message: the same key repeated in two objects
  // was told apart by report order alone, and fixing the first renumbered the second.
  it('points at the repeated member of each object, and is placed at the ignored occurrence as before', async () => {
    const text = [
      '{',
      '  "swagger": "2.0",',
      '  "paths": {',
      '    "/x": {',
      '      "get": {"operationId": "A", "x-ms-visibility": "internal", "operationId": "B", "x-ms-visibility": "important"},',
      '      "post": {"operationId": "C", "summary": "S", "operationId": "D"}',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const findings = await runRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': text }, [
      'GEN-JSON-DUPLICATE-KEY',
    ]);
    expect(
      findings.map(({ pointer, line, column, endColumn }) => ({ pointer, line, column, endColumn })),
    ).toEqual([
      { pointer: '/paths/~1x/get/operationId', line: 5, column: 15, endColumn: 28 },
      { pointer: '/paths/~1x/get/x-ms-visibility', line: 5, column: 35, endColumn: 52 },
      { pointer: '/paths/~1x/post/operationId', line: 6, column: 16, endColumn: 29 },
    ]);
    expect(findings[2]!.message).toBe(
      "The key 'operationId' appears again at line 6 of this object; JSON readers keep only the last value, so this one is ignored. Remove one of them.",
    );
  });

  it('checks apiProperties.json and settings.json too', async () => {
    const findings = await runRules(
      {
        ...validConnectorFiles(),
        'apiProperties.json': '{\n  "properties": {},\n  "properties": {}\n}',
        'settings.json': '{"title": "A", "title": "B"}',
      },
      ['GEN-JSON-DUPLICATE-KEY'],
    );
    expect(findings.map((finding) => [path.basename(finding.file), finding.line])).toEqual([
      ['apiProperties.json', 2],
      ['settings.json', 1],
    ]);
  });

  // A stray comma hid the repeat until the comma was fixed and the folder validated again: a
  // second review round for a problem the first could have named.
  it('warns beside the trailing commas of a file whose only other slips they are', async () => {
    const text = [
      '{',
      '  "swagger": "2.0",',
      '  "paths": {',
      '    "/x": {',
      '      "get": {"parameters": [{"name": "a", "in": "query",}, {"name": "b", "in": "query", "name": "c"},]},',
      '    },',
      '  },',
      '}',
    ].join('\n');
    const findings = await runRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': text }, [
      'GEN-JSON-DUPLICATE-KEY',
      'GEN-JSON-PARSE',
    ]);
    const repeats = findings.filter((finding) => finding.ruleId === 'GEN-JSON-DUPLICATE-KEY');
    expect(repeats.map(({ pointer, line, column }) => ({ pointer, line, column }))).toEqual([
      { pointer: '/paths/~1x/get/parameters/1/name', line: 5, column: 62 },
    ]);
    expect(repeats[0]!.message).toBe(
      "The key 'name' appears again at line 5 of this object; JSON readers keep only the last value, so this one is ignored. Remove one of them.",
    );
    expect(findings.filter((finding) => finding.ruleId === 'GEN-JSON-PARSE')).toHaveLength(5);
  });

  it('stays quiet when no object repeats a key, even with the same key in different objects', async () => {
    const text = swagger('        "operationId": "A",\n        "x": {"operationId": "B"}');
    expect(
      await runRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': text }, [
        'GEN-JSON-DUPLICATE-KEY',
      ]),
    ).toEqual([]);
    expect(await runRules(validConnectorFiles(), ['GEN-JSON-DUPLICATE-KEY'])).toEqual([]);
  });
});

describe('GEN-JSON-BOM', () => {
  // "save it as UTF-8 without BOM" gave a maker on Windows no way to do it.
  it('says how to save the file without it in VS Code and PowerShell 7, naming the file', async () => {
    const bom = '\ufeff';
    const files = {
      ...validConnectorFiles(),
      "Contoso's.swagger.json": bom + JSON.stringify(validSwagger()),
      'apiProperties.json': bom + JSON.stringify(validConnectorFiles()['apiProperties.json']),
    };
    delete (files as Record<string, unknown>)['apiDefinition.swagger.json'];
    const findings = await runRules(files, ['GEN-JSON-BOM']);
    const vsCode = 'In VS Code: click "UTF-8 with BOM" in the status bar, "Save with Encoding", "UTF-8".';
    expect(findings.map((f) => [path.basename(f.file), f.line, f.message])).toEqual([
      [
        'apiProperties.json',
        1,
        `The file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM. ${vsCode} In PowerShell 7, in the connector folder: (Get-Content -Raw -LiteralPath 'apiProperties.json') | Set-Content -NoNewline -Encoding utf8NoBOM -LiteralPath 'apiProperties.json'`,
      ],
      [
        "Contoso's.swagger.json",
        1,
        `The file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM. ${vsCode} In PowerShell 7, in the connector folder: (Get-Content -Raw -LiteralPath 'Contoso''s.swagger.json') | Set-Content -NoNewline -Encoding utf8NoBOM -LiteralPath 'Contoso''s.swagger.json'`,
      ],
    ]);
  });
});

describe('GEN-ENCODING', () => {
  it('fires on a Windows-1252 readme, at the bad byte', async () => {
    const findings = await runRules(
      { ...validConnectorFiles(), 'readme.md': Buffer.from('# Title\ncaf\xe9\n', 'latin1') },
      ['GEN-ENCODING'],
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2, column: 4 });
    expect(findings[0]!.message).toBe(
      "readme.md is not valid UTF-8 (byte 0xE9, 'é' in Windows-1252); save it as UTF-8. The first invalid byte is here.",
    );
  });

  it('names the byte of a JSON file after a BOM and UTF-8 text, and a byte Windows-1252 has no character for', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const properties = Buffer.concat([
      bom,
      Buffer.from('{"a": "naïve \u201c', 'utf8'),
      Buffer.from([0x81]),
      Buffer.from('"}'),
    ]);
    const findings = await runRules({ ...validConnectorFiles(), 'apiProperties.json': properties }, [
      'GEN-ENCODING',
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, column: 15 });
    expect(findings[0]!.message).toBe(
      'apiProperties.json is not valid UTF-8 (byte 0x81); save it as UTF-8. The first invalid byte is here.',
    );
  });

  // A U+FFFD the readme holds itself (text mangled once before) is no error: the finding was put on it,
  // naming its first byte, 0xEF.
  it('fires at the bad byte after a U+FFFD that the file holds itself', async () => {
    const readme = Buffer.concat([
      Buffer.from('# Title\nSee the caf\uFFFD.\n', 'utf8'),
      Buffer.from('Open caf\xe9s\n', 'latin1'),
    ]);
    const findings = await runRules({ ...validConnectorFiles(), 'readme.md': readme }, ['GEN-ENCODING']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, column: 9 });
    expect(findings[0]!.message).toBe(
      "readme.md is not valid UTF-8 (byte 0xE9, 'é' in Windows-1252); save it as UTF-8. The first invalid byte is here.",
    );
  });

  it('warns, not errs, on a readme: no validator reads it, and Microsoft merged readmes in Windows-1252', async () => {
    // Upstream #3776, #3783, #3875 and #3896 (2025) added such readmes; a PR check that failed them
    // would block what the reviewers took. JSON files and scripts stay errors: the services read those.
    const windows1252 = Buffer.from('# Title\nSee the docs \x96 and more.\n', 'latin1');
    const files = { ...validConnectorFiles(), 'readme.md': windows1252, 'script.csx': windows1252 };
    const findings = await runRules(files, ['GEN-ENCODING'], 'independent-publisher');
    expect(findings.map((finding) => [finding.file.split('/').pop(), finding.severity])).toEqual([
      ['readme.md', 'warning'],
      ['script.csx', 'error'],
    ]);
  });

  it('stays quiet on UTF-8', async () => {
    expect(await runRules({ ...validConnectorFiles(), 'readme.md': '# Café\n' }, ['GEN-ENCODING'])).toEqual(
      [],
    );
  });
});

describe('GEN-SYMLINK', () => {
  it('does not read a file linked from outside the folder', async () => {
    const outside = path.join(temporaryFolder('outside-'), 'secret.json');
    writeFileSync(outside, '{"secret": "do not read"}');
    const files = validConnectorFiles();
    delete files['apiProperties.json'];
    const folder = writeConnector(files);
    symlinkSync(outside, path.join(folder, 'apiProperties.json'));
    const result = await validateFolder(folder, { rules: [findRule('GEN-SYMLINK')!] });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toMatch(/outside the connector folder/);
  });
});
