import { describe, expect, it } from '@jest/globals';
import {
  chmodSync,
  chownSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { MAX_JSON_DEPTH } from '@connector-alm/core';
import { temporaryFolder } from '@connector-alm/testing';
import { describeFixes, fixJsonSlips } from '../../src/fix/fix-folders.js';
import { MAX_JSON_KEY_LENGTH } from '../../src/json/key-length.js';
import { writeFixedFile } from '../../src/fix/write-fixed-file.js';
import { validatePaths } from '../../src/validate.js';
import { validApiProperties, validSettings, validSwagger } from '../helpers/valid-connector.js';

/** A repository-like tree with one certified connector, its files written as given. */
function connector(files: Record<string, string | Buffer>): { root: string; folder: string } {
  const root = temporaryFolder('fix-');
  const folder = path.join(root, 'certified-connectors', 'Contoso');
  mkdirSync(folder, { recursive: true });
  const all = {
    'apiDefinition.swagger.json': JSON.stringify(validSwagger(), null, 2),
    'apiProperties.json': JSON.stringify(validApiProperties(), null, 2),
    ...files,
  };
  for (const [name, content] of Object.entries(all)) writeFileSync(path.join(folder, name), content);
  return { root, folder };
}

/** Pretty JSON with one trailing comma after its last member, as a hand edit leaves it. */
const withTrailingComma = (value: object): string => JSON.stringify(value, null, 2).replace(/\n}$/, ',\n}');

const parseFindings = async (root: string) =>
  (await validatePaths(['.'], { cwd: root, concurrency: 'off' })).findings.filter(
    (finding) => finding.ruleId === 'GEN-JSON-PARSE',
  );

const SWAGGER = path.join('certified-connectors', 'Contoso', 'apiDefinition.swagger.json');
const PROPERTIES = path.join('certified-connectors', 'Contoso', 'apiProperties.json');
const SETTINGS = path.join('certified-connectors', 'Contoso', 'settings.json');

describe('fixJsonSlips: validate --fix on the files of connector folders', () => {
  it('writes the fixes into each JSON file the validation reads, and only there', async () => {
    const swagger = JSON.stringify(validSwagger(), null, 2);
    const { root, folder } = connector({
      'apiDefinition.swagger.json': swagger.replace('"swagger": "2.0",', "// the API\n  swagger: '2.0',"),
      'apiProperties.json': withTrailingComma(validApiProperties()),
      'settings.json': withTrailingComma(validSettings()),
      // Not a file validate reads as JSON: left as it is.
      'notes.json': '{"a": 1,}',
    });
    expect((await parseFindings(root)).length).toBe(5);
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report).toEqual({
      fixed: [
        { file: SWAGGER, slips: 3, keys: 0, values: 0 },
        { file: PROPERTIES, slips: 1, keys: 0, values: 0 },
        { file: SETTINGS, slips: 1, keys: 0, values: 0 },
      ],
      notFixed: [],
    });
    expect(describeFixes(report)).toEqual([
      `fixed 3 JSON slips in ${SWAGGER}`,
      `fixed 1 JSON slip in ${PROPERTIES}`,
      `fixed 1 JSON slip in ${SETTINGS}`,
    ]);
    expect(readFileSync(path.join(folder, 'apiDefinition.swagger.json'), 'utf8')).toBe(swagger);
    expect(readFileSync(path.join(folder, 'apiProperties.json'), 'utf8')).toBe(
      JSON.stringify(validApiProperties(), null, 2),
    );
    expect(readFileSync(path.join(folder, 'notes.json'), 'utf8')).toBe('{"a": 1,}');
    // No temporary file is left beside them.
    expect(readdirSync(folder).sort()).toEqual(
      ['apiDefinition.swagger.json', 'apiProperties.json', 'notes.json', 'settings.json'].sort(),
    );
    expect(await parseFindings(root)).toEqual([]);
  });

  it('fixes the files after one that is missing', async () => {
    const { root, folder } = connector({ 'settings.json': withTrailingComma(validSettings()) });
    unlinkSync(path.join(folder, 'apiProperties.json'));
    expect((await fixJsonSlips(['.'], { cwd: root })).fixed).toEqual([
      { file: SETTINGS, slips: 1, keys: 0, values: 0 },
    ]);
    expect(readFileSync(path.join(folder, 'settings.json'), 'utf8')).toBe(
      JSON.stringify(validSettings(), null, 2),
    );
  });

  it('changes nothing the second time', async () => {
    const { root, folder } = connector({ 'apiProperties.json': withTrailingComma(validApiProperties()) });
    await fixJsonSlips(['.'], { cwd: root });
    const file = path.join(folder, 'apiProperties.json');
    const once = { bytes: readFileSync(file), time: statSync(file).mtimeMs };
    expect(await fixJsonSlips(['.'], { cwd: root })).toEqual({ fixed: [], notFixed: [] });
    expect({ bytes: readFileSync(file), time: statSync(file).mtimeMs }).toEqual(once);
  });

  it('keeps the byte-order mark, the CR LF line endings and the permissions of a file', async () => {
    const crlf = withTrailingComma(validApiProperties()).replace(/\n/g, '\r\n');
    const { root, folder } = connector({ 'apiProperties.json': Buffer.from(`\ufeff${crlf}\r\n`, 'utf8') });
    const file = path.join(folder, 'apiProperties.json');
    chmodSync(file, 0o640);
    await fixJsonSlips(['.'], { cwd: root });
    const expected = `\ufeff${JSON.stringify(validApiProperties(), null, 2).replace(/\n/g, '\r\n')}\r\n`;
    expect(readFileSync(file)).toEqual(Buffer.from(expected, 'utf8'));
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  // The rename puts a new file, the runner's, in place of the fixed one. Giving it the old one's
  // owner needs root; the case of a user who does not own the file is run as nobody in
  // packages/cli/test/fix-permissions-bundle.test.ts.
  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  if (process.getuid?.() !== 0) {
    console.warn('Skipping the validate --fix tests of files of other owners: the tests do not run as root.');
  }

  asRoot("keeps the owner and group of a file of another user's, fixed by root", async () => {
    const { root, folder } = connector({ 'apiProperties.json': withTrailingComma(validApiProperties()) });
    const file = path.join(folder, 'apiProperties.json');
    chownSync(file, 4321, 8765);
    // Set-group-ID too: the new file's chown clears it, so the mode is given after the owner.
    chmodSync(file, 0o2664);
    expect((await fixJsonSlips(['.'], { cwd: root })).fixed).toEqual([
      { file: PROPERTIES, slips: 1, keys: 0, values: 0 },
    ]);
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(validApiProperties(), null, 2));
    const { uid, gid, mode } = statSync(file);
    expect({ uid, gid, mode: mode & 0o7777 }).toEqual({ uid: 4321, gid: 8765, mode: 0o2664 });
  });

  asRoot(
    "keeps the group of a file in a set-group-ID folder of another group (not the folder's)",
    async () => {
      // A new file in such a folder gets the folder's group: the fix would have moved the file to it.
      const { root, folder } = connector({ 'apiProperties.json': withTrailingComma(validApiProperties()) });
      chownSync(folder, 0, 8765);
      chmodSync(folder, 0o2775);
      const file = path.join(folder, 'apiProperties.json');
      chownSync(file, 0, 0);
      await fixJsonSlips(['.'], { cwd: root });
      expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(validApiProperties(), null, 2));
      expect(statSync(file).gid).toBe(0);
    },
  );

  it('leaves a file with a slip that names no single edit as it is, and says why; its findings stay', async () => {
    const broken = '{\n  "properties": {\n    "iconBrandColor": ,\n  },\n}\n';
    const { root, folder } = connector({ 'apiProperties.json': broken });
    const before = await parseFindings(root);
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report.fixed).toEqual([]);
    expect(report.notFixed).toEqual([{ file: PROPERTIES, reason: expect.stringMatching(/single edit/) }]);
    expect(describeFixes(report)).toEqual([`not fixed: ${PROPERTIES}: ${report.notFixed[0]!.reason}`]);
    expect(readFileSync(path.join(folder, 'apiProperties.json'), 'utf8')).toBe(broken);
    expect(before.length).toBeGreaterThan(0);
    expect(await parseFindings(root)).toEqual(before);
  });

  it('leaves alone a file of strict JSON that the validation refuses, too deep or with a key too long', async () => {
    // JSON.parse reads it, so there is no slip to fix; its finding (GEN-JSON-PARSE) says what to do.
    const deep = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    const longKey = `{"${'k'.repeat(MAX_JSON_KEY_LENGTH + 1)}": 1}`;
    const { root, folder } = connector({ 'settings.json': deep, 'apiProperties.json': longKey });
    expect(await fixJsonSlips(['.'], { cwd: root })).toEqual({ fixed: [], notFixed: [] });
    expect(readFileSync(path.join(folder, 'settings.json'), 'utf8')).toBe(deep);
    expect(readFileSync(path.join(folder, 'apiProperties.json'), 'utf8')).toBe(longKey);
  });

  it('leaves a file that is not UTF-8 alone: its bytes would be lost', async () => {
    const bytes = Buffer.concat([Buffer.from('{"a": "caf'), Buffer.from([0xe9]), Buffer.from('",}')]);
    const { root, folder } = connector({ 'settings.json': bytes });
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report.notFixed).toEqual([{ file: SETTINGS, reason: expect.stringMatching(/not valid UTF-8/) }]);
    expect(readFileSync(path.join(folder, 'settings.json'))).toEqual(bytes);
  });

  it('leaves a file saved as UTF-16 alone, which validate reads, and its findings do not say --fix repairs them', async () => {
    const text = withTrailingComma(validApiProperties());
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { root, folder } = connector({ 'apiProperties.json': bytes });
    const before = await parseFindings(root);
    expect(before.map(({ file, line, fixable }) => ({ file, line, fixable }))).toEqual([
      { file: PROPERTIES, line: text.split('\n').length - 1, fixable: undefined },
    ]);
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report).toEqual({
      fixed: [],
      notFixed: [{ file: PROPERTIES, reason: 'it is saved as UTF-16 (GEN-BINARY); save it as UTF-8 first.' }],
    });
    expect(readFileSync(path.join(folder, 'apiProperties.json'))).toEqual(bytes);
  });

  it('does not write through a symbolic link out of the folder', async () => {
    const { root, folder } = connector({});
    const outside = path.join(root, 'elsewhere.json');
    const text = withTrailingComma(validApiProperties());
    writeFileSync(outside, text);
    unlinkSync(path.join(folder, 'apiProperties.json'));
    symlinkSync(outside, path.join(folder, 'apiProperties.json'));
    expect(await fixJsonSlips(['.'], { cwd: root })).toEqual({ fixed: [], notFixed: [] });
    expect(readFileSync(outside, 'utf8')).toBe(text);
    // Nor when the link is made to lead out of the folder after the file was read.
    const inside = path.join(folder, 'properties.json');
    writeFileSync(inside, text);
    unlinkSync(path.join(folder, 'apiProperties.json'));
    symlinkSync(outside, path.join(folder, 'apiProperties.json'));
    expect(await writeFixedFile(folder, 'apiProperties.json', text, '{}')).toEqual({
      written: false,
      reason: expect.stringMatching(/symbolic link to a file outside the connector folder/),
    });
    expect(readFileSync(outside, 'utf8')).toBe(text);
  });

  it('writes through a symbolic link to a file of the folder, which stays a link', async () => {
    const text = withTrailingComma(validApiProperties());
    const { root, folder } = connector({ 'properties.json': text });
    unlinkSync(path.join(folder, 'apiProperties.json'));
    symlinkSync('properties.json', path.join(folder, 'apiProperties.json'));
    expect((await fixJsonSlips(['.'], { cwd: root })).fixed).toEqual([
      { file: PROPERTIES, slips: 1, keys: 0, values: 0 },
    ]);
    expect(readFileSync(path.join(folder, 'properties.json'), 'utf8')).toBe(
      JSON.stringify(validApiProperties(), null, 2),
    );
    expect(statSync(path.join(folder, 'apiProperties.json')).isFile()).toBe(true);
    expect(
      readdirSync(folder, { withFileTypes: true })
        .find((e) => e.name === 'apiProperties.json')
        ?.isSymbolicLink(),
    ).toBe(true);
  });

  it('replaces a file of one name by a rename, so that a write that fails leaves it whole', async () => {
    const { root, folder } = connector({ 'apiProperties.json': withTrailingComma(validApiProperties()) });
    const file = path.join(folder, 'apiProperties.json');
    const before = statSync(file).ino;
    await fixJsonSlips(['.'], { cwd: root });
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(validApiProperties(), null, 2));
    expect(statSync(file).ino).not.toBe(before);
  });

  it('fixes a file with hard links under every name, as the same file', async () => {
    // Replaced by a rename (as its owner or root would), the fixed text went to this name only and
    // the other names kept the old one; a group member, who writes in place, fixed them all.
    const { root, folder } = connector({ 'apiProperties.json': withTrailingComma(validApiProperties()) });
    const file = path.join(folder, 'apiProperties.json');
    const other = path.join(root, 'properties-linked.json');
    linkSync(file, other);
    const before = statSync(file);
    expect((await fixJsonSlips(['.'], { cwd: root })).fixed).toEqual([
      { file: PROPERTIES, slips: 1, keys: 0, values: 0 },
    ]);
    const fixed = JSON.stringify(validApiProperties(), null, 2);
    expect(readFileSync(other, 'utf8')).toBe(fixed);
    expect([statSync(file).ino, statSync(file).nlink]).toEqual([before.ino, 2]);
  });

  it('leaves a read-only file as it is, and says why; the other files are fixed', async () => {
    // A file made read-only (checked in to a version control that locks files, or on purpose) is
    // not the maker's to have written: the rename of a new file over it would replace it anyway,
    // even for another user in a folder they may write to, who would then own it.
    const text = withTrailingComma(validApiProperties());
    const { root, folder } = connector({
      'apiProperties.json': text,
      'settings.json': withTrailingComma(validSettings()),
    });
    const file = path.join(folder, 'apiProperties.json');
    chmodSync(file, 0o444);
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report).toEqual({
      fixed: [{ file: SETTINGS, slips: 1, keys: 0, values: 0 }],
      notFixed: [{ file: PROPERTIES, reason: expect.stringMatching(/^it is read-only: .*make it writable/) }],
    });
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    // Its misspelled keys are not renamed either.
    chmodSync(file, 0o644);
    writeFileSync(file, JSON.stringify(validApiProperties(), null, 2));
    const swagger = JSON.stringify(validSwagger(), null, 2).replace('"basePath"', '"basepath"');
    writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), swagger);
    chmodSync(path.join(folder, 'apiDefinition.swagger.json'), 0o444);
    expect(await fixJsonSlips(['.'], { cwd: root })).toEqual({
      fixed: [],
      notFixed: [{ file: SWAGGER, reason: expect.stringMatching(/^it is read-only: /) }],
    });
    expect(readFileSync(path.join(folder, 'apiDefinition.swagger.json'), 'utf8')).toBe(swagger);
  });

  it('does not write a file that changed since it was read', async () => {
    const { folder } = connector({ 'apiProperties.json': '{"a": 1, "b": 2}' });
    expect(await writeFixedFile(folder, 'apiProperties.json', '{"a": 1,}', '{"a": 1}')).toEqual({
      written: false,
      reason: expect.stringMatching(/changed since it was read/),
    });
    expect(readFileSync(path.join(folder, 'apiProperties.json'), 'utf8')).toBe('{"a": 1, "b": 2}');
  });

  it('does not write a file that is no longer a regular file', async () => {
    const { folder } = connector({});
    const file = path.join(folder, 'apiProperties.json');
    unlinkSync(file);
    mkdirSync(file);
    expect(await writeFixedFile(folder, 'apiProperties.json', '{"a": 1,}', '{"a": 1}')).toEqual({
      written: false,
      reason: 'it is not a regular file.',
    });
    expect(statSync(file).isDirectory()).toBe(true);
  });

  it('fixes only the folders the configuration does not ignore', async () => {
    const { root, folder } = connector({ 'apiProperties.json': withTrailingComma(validApiProperties()) });
    const report = await fixJsonSlips(['.'], {
      cwd: root,
      config: {
        path: path.join(root, '.connector-alm.yml'),
        ignore: ['certified-connectors/Contoso'],
        rules: {},
      },
    });
    expect(report).toEqual({ fixed: [], notFixed: [] });
    expect(readFileSync(path.join(folder, 'apiProperties.json'), 'utf8')).toBe(
      withTrailingComma(validApiProperties()),
    );
  });
});
