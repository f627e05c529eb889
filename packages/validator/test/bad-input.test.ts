import { describe, expect, it } from '@jest/globals';
import { chmodSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { validateFolder } from '../src/validate.js';
import { MAX_FILE_BYTES } from '../src/loader/connector-folder.js';
import { fixJsonSlips } from '../src/fix/fix-folders.js';
import type { Finding } from '../src/model/finding.js';
import { runRules, writeConnector } from './helpers/fixture.js';
import { validApiProperties, validConnectorFiles, validSwagger } from './helpers/valid-connector.js';

/** Every rule on a hostile folder: the run must end, with no internal error, and say what is wrong. */
async function allRules(files: Record<string, string | Buffer | object>): Promise<Finding[]> {
  const folder = writeConnector(files);
  const result = await validateFolder(folder, { cwd: path.dirname(folder) });
  expect(result.findings.filter((finding) => finding.message.startsWith('Internal error'))).toEqual([]);
  return result.findings;
}

const ids = (findings: Finding[]) => new Set(findings.map((finding) => finding.ruleId));

describe('hostile input never crashes the validator', () => {
  it('reports an empty swagger as a located syntax error and checks the rest', async () => {
    const findings = await allRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': '' });
    expect(findings.find((f) => f.ruleId === 'GEN-JSON-PARSE')).toMatchObject({
      message: 'The file is empty.',
      line: 1,
    });
  });

  it('locates the first invalid UTF-8 byte of a swagger', async () => {
    const text = JSON.stringify(validSwagger(), null, 2).replace('Contoso Support', 'Contoso S\u00fcpport');
    const bytes = Buffer.from(text, 'latin1');
    const findings = await allRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': bytes });
    expect(findings.find((f) => f.ruleId === 'GEN-ENCODING')).toMatchObject({ line: 8 });
  });

  it('checks a 50 MB swagger without running out of stack or memory', async () => {
    const swagger = validSwagger();
    swagger.definitions.Padding = { type: 'object', description: 'x'.repeat(50 * 1024 * 1024) };
    const findings = await allRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
    expect(ids(findings)).toContain('SWG-SIZE');
  });

  it('ends on circular $refs', async () => {
    const swagger = validSwagger();
    swagger.definitions.A = { type: 'object', properties: { b: { $ref: '#/definitions/B' } } };
    swagger.definitions.B = { type: 'object', properties: { a: { $ref: '#/definitions/A' } } };
    swagger.definitions.Self = { $ref: '#/definitions/Self' };
    swagger.paths['/tasks'].get.responses['200'].schema = { $ref: '#/definitions/A' };
    const findings = await allRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
    expect(ids(findings)).toContain('SWG-REF-LOOP');
  });

  it('refuses JSON nested 100,000 levels deep with a finding, not a stack overflow', async () => {
    const deep = `{"swagger": "2.0", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const findings = await allRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': deep });
    expect(findings.find((f) => f.ruleId === 'GEN-JSON-PARSE')?.message).toMatch(/nested more than/);
  });

  // Each finding under a key repeats it in its pointer: 5,000 variables in one 40 KB path key made
  // 5,000 findings and 221 MB of JSON, and longer keys ran the check out of memory.
  it('refuses a swagger with a 40 KB path key with one located finding, not one per variable', async () => {
    const swagger = validSwagger();
    const key = `/items/${Array.from({ length: 5000 }, (_, index) => `{v${index}}`).join('/')}`;
    (swagger.paths as Record<string, unknown>)[key] = { get: { operationId: 'GetItem', responses: {} } };
    const findings = await allRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
    const swaggerFindings = findings.filter((f) => f.file.endsWith('apiDefinition.swagger.json'));
    expect(
      swaggerFindings.map((f) => [f.ruleId, f.message.replace(/\d+ characters/, 'N characters')]),
    ).toEqual([
      [
        'GEN-JSON-PARSE',
        "This key is N characters long, more than the 4096 this tool reads; it cannot be a valid connector file's, so the file is not checked further. Shorten the key.",
      ],
    ]);
    expect(swaggerFindings[0]!.line).toBeGreaterThan(1);
    expect(swaggerFindings[0]!.pointer).toBeUndefined();
  });

  it('reports garbage bytes in icon.png', async () => {
    const findings = await allRules({
      ...validConnectorFiles(),
      'icon.png': Buffer.from('not a png at all \x00\x01\x02'),
    });
    expect(ids(findings)).toContain('ICON-PNG');
  });

  it('never reads a linked file outside the folder', async () => {
    const outside = path.join(temporaryFolder('outside-'), 'apiProperties.json');
    writeFileSync(outside, JSON.stringify(validApiProperties()));
    const files = validConnectorFiles();
    delete files['apiProperties.json'];
    const folder = writeConnector(files);
    symlinkSync(outside, path.join(folder, 'apiProperties.json'));
    const result = await validateFolder(folder, { cwd: path.dirname(folder) });
    expect(result.findings.find((f) => f.ruleId === 'GEN-SYMLINK')?.file).toMatch(/apiProperties\.json$/);
    // Nothing of the outside file was read: its (valid) content would have silenced PROP rules.
    expect(ids(result.findings)).not.toContain('PROP-BRAND-REQ');
  });
});

describe('GEN-BINARY', () => {
  it('fires on a text file that holds binary data', async () => {
    const all = await allRules({
      ...validConnectorFiles(),
      'readme.md': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]),
    });
    expect(all.find((f) => f.ruleId === 'GEN-BINARY')).toMatchObject({
      severity: 'error',
      message: 'readme.md holds binary data, not text.',
    });
  });

  it('says a swagger saved as UTF-16 is so, and to save it as UTF-8', async () => {
    const swagger = JSON.stringify(validConnectorFiles()['apiDefinition.swagger.json']);
    for (const [bytes, order] of [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(swagger, 'utf16le')]), 'little-endian'],
      [Buffer.from(swagger, 'utf16le'), 'little-endian'],
      [Buffer.from(swagger, 'utf16le').swap16(), 'big-endian'],
    ] as const) {
      const all = await allRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': bytes });
      expect(all.find((f) => f.ruleId === 'GEN-BINARY')?.message).toBe(
        `apiDefinition.swagger.json is saved as UTF-16 (${order}); save it as UTF-8.`,
      );
    }
  });

  it('checks the content of a swagger and a readme saved as UTF-16 all the same, in the same run', async () => {
    const swagger = validSwagger();
    swagger.host = 'https://api.contoso.com/v1';
    const text = JSON.stringify(swagger, null, 2);
    const readme = `${validConnectorFiles()['readme.md'] as string}\nWorks with Microsoft Flow.\n`;
    const all = await allRules({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'readme.md': Buffer.from(readme, 'utf16le').swap16(),
    });
    const hostLine = text.split('\n').findIndex((line) => line.includes('"host"')) + 1;
    const said = all.map((f) => `${path.basename(f.file)} ${f.ruleId} ${f.line}`);
    expect(said).toEqual(
      expect.arrayContaining([
        'apiDefinition.swagger.json GEN-BINARY 1',
        `apiDefinition.swagger.json SWG-HOST ${hostLine}`,
        'readme.md GEN-BINARY 1',
        `readme.md README-PRODUCT-NAMES ${readme.split('\n').length - 1}`,
      ]),
    );
  });

  it('reads binary data that starts like UTF-16 as no text', async () => {
    // `{` and a NUL, then NUL characters: no text file holds one.
    const all = await allRules({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': Buffer.from([0x7b, 0, 0, 0, 0, 0, 0x7d, 0]),
    });
    expect(all.filter((f) => f.file.endsWith('apiDefinition.swagger.json')).map((f) => f.ruleId)).toEqual([
      'GEN-BINARY',
    ]);
  });

  it('reads a swagger and a readme with a stray NUL as text, the NUL said once at its place', async () => {
    // A NUL pasted into a title: the swagger was GEN-BINARY ("holds binary data, not text") and not
    // read, so every rule on it spoke of a swagger missing, and its other problems came a run later.
    const swagger = validSwagger();
    swagger.host = 'https://api.contoso.com/v1';
    const text = JSON.stringify(swagger, null, 2).replace('"Contoso Tasks"', '"Contoso Tasks\u0000"');
    const readme = (validConnectorFiles()['readme.md'] as string).replace('Contoso', 'Contoso\u0000');
    const folder = writeConnector({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': text,
      'readme.md': readme,
    });
    const { findings } = await validateFolder(folder, { cwd: path.dirname(folder) });
    const said = findings
      .filter((f) => !f.file.endsWith(path.basename(folder)))
      .map((f) => `${path.basename(f.file)} ${f.ruleId} ${f.line}:${f.column} ${f.message}`);
    const lineOf = (written: string, at: number) => written.slice(0, at).split('\n').length;
    const columnOf = (written: string, at: number) => at - written.lastIndexOf('\n', at - 1);
    const nul = text.indexOf('\u0000');
    const readmeNul = readme.indexOf('\u0000');
    const hostLine = text.split('\n').findIndex((line) => line.includes('"host"')) + 1;
    expect(said).toEqual([
      `apiDefinition.swagger.json GEN-JSON-PARSE ${lineOf(text, nul)}:${columnOf(text, nul)} A string holds a NUL character (U+0000), which no text has (an editor or a paste left it): remove it. \`connector-alm validate --fix\` repairs it.`,
      `apiDefinition.swagger.json SWG-HOST ${hostLine}:3 The 'host' property, if present, must be a valid URI host without a scheme or path.`,
      `readme.md GEN-BINARY ${lineOf(readme, readmeNul)}:${columnOf(readme, readmeNul)} readme.md holds a NUL character (U+0000), which no text has (an editor or a paste left it): remove it. The first is here; the rest of the file is checked as text.`,
    ]);
    // --fix removes the NUL, as the finding says, and leaves the readme to the maker.
    expect((await fixJsonSlips([folder])).fixed).toMatchObject([{ slips: 1, keys: 0, values: 0 }]);
    expect(readFileSync(path.join(folder, 'apiDefinition.swagger.json'), 'utf8')).toBe(
      text.replace('\u0000', ''),
    );
  });

  it("reads a PNG's bytes under a JSON or readme name as binary data, unread", async () => {
    // A 1x1 PNG: its NULs are few, but it starts with 0x89, no UTF-8, and holds control bytes.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const all = await allRules({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': png,
      'readme.md': png,
    });
    const of = (name: string) => all.filter((f) => f.file.endsWith(name)).map((f) => [f.ruleId, f.message]);
    expect(of('apiDefinition.swagger.json')).toEqual([
      ['GEN-BINARY', 'apiDefinition.swagger.json holds binary data, not text.'],
    ]);
    expect(of('readme.md')).toEqual([['GEN-BINARY', 'readme.md holds binary data, not text.']]);
  });

  it('stays quiet on text', async () => {
    expect(await runRules(validConnectorFiles(), ['GEN-BINARY'])).toEqual([]);
  });
});

describe('GEN-FILE-TOO-LARGE', () => {
  it('fires on a file over the read limit without reading it', async () => {
    const folder = writeConnector(validConnectorFiles());
    const big = path.join(folder, 'script.csx');
    writeFileSync(big, '');
    // A sparse file: over the limit on disk, no time or memory spent writing it.
    const { truncateSync } = await import('node:fs');
    truncateSync(big, MAX_FILE_BYTES + 1);
    const result = await validateFolder(folder, { cwd: path.dirname(folder) });
    expect(result.findings.find((f) => f.ruleId === 'GEN-FILE-TOO-LARGE')?.file).toMatch(/script\.csx$/);
  });

  it('stays quiet on normal files', async () => {
    expect(await runRules(validConnectorFiles(), ['GEN-FILE-TOO-LARGE'])).toEqual([]);
  });
});

describe('GEN-UNREADABLE', () => {
  const root = process.getuid?.() === 0;
  (root ? it.skip : it)('fires on a file without read permission', async () => {
    const folder = writeConnector(validConnectorFiles());
    chmodSync(path.join(folder, 'readme.md'), 0o000);
    const result = await validateFolder(folder, { cwd: path.dirname(folder) });
    expect(result.findings.find((f) => f.ruleId === 'GEN-UNREADABLE')).toBeDefined();
  });

  it('fires on a link that points nowhere', async () => {
    const folder = writeConnector(validConnectorFiles());
    symlinkSync(path.join(folder, 'missing.png'), path.join(folder, 'icon.png'));
    const result = await validateFolder(folder, { cwd: path.dirname(folder) });
    const finding = result.findings.find((f) => f.ruleId === 'GEN-UNREADABLE');
    expect(finding?.file).toMatch(/icon\.png$/);
    // As the commands say a path that is such a link; it said "could not be read (ENOENT)".
    expect(finding?.message).toBe(
      `icon.png is a symbolic link that leads nowhere (to '${path.join(folder, 'missing.png')}'). Commit the file itself in place of the link.`,
    );
  });

  it('stays quiet on readable files', async () => {
    expect(await runRules(validConnectorFiles(), ['GEN-UNREADABLE'])).toEqual([]);
  });
});

describe('GEN-ENCODING after a byte-order mark', () => {
  it('points at the bad byte of a readme that starts with a BOM', async () => {
    const readme = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('# Title\ncaf\xe9\n', 'latin1'),
    ]);
    const findings = await runRules({ ...validConnectorFiles(), 'readme.md': readme }, ['GEN-ENCODING']);
    expect(findings[0]).toMatchObject({ line: 2, column: 4 });
  });

  it('points at the bad byte of a swagger that starts with a BOM', async () => {
    const swagger = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('{\n  "a": "caf\xe9"\n}', 'latin1'),
    ]);
    const findings = await runRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger }, [
      'GEN-ENCODING',
    ]);
    expect(findings[0]).toMatchObject({ line: 2, column: 12 });
  });
});
