import { afterAll, beforeEach, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unpackSolution } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';
import { temporaryFolders, variantOf } from './helpers/zips.js';
import { locatedMessage } from '@connector-alm/testing';

const temp = temporaryFolders('unpack-bad-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const CONNECTOR = 'cat_human-2din-2dthe-2dloop';

describeWith(SOLUTION_FIXTURES, 'real solution export')(
  'unpack on bad input: a clear error naming the entry, and the target as it was',
  () => {
    let parent: string;
    let target: string;
    let original: Map<string, Buffer>;

    beforeEach(async () => {
      parent = temp.make();
      target = path.join(parent, 'src');
      // An earlier unpack of the good export, plus a person's note: both must survive a failed update.
      await unpackSolution(fixturePath(HIL), target);
      writeFileSync(path.join(target, 'NOTES.md'), 'do not lose me');
      original = new Map(
        readdirSync(target, { recursive: true, withFileTypes: true })
          .filter((d) => d.isFile())
          .map((d) => [path.join(d.parentPath, d.name), readFileSync(path.join(d.parentPath, d.name))]),
      );
    });

    async function expectRefused(
      changes: Record<string, string | Buffer | null>,
      message: RegExp,
    ): Promise<unknown> {
      const zip = await variantOf(fixturePath(HIL), path.join(temp.make(), 'bad.zip'), changes);
      const error = await unpackSolution(zip, target, { overwrite: true }).catch((e: unknown) => e);
      expect(locatedMessage(error)).toMatch(message);
      for (const [file, bytes] of original) expect(readFileSync(file).equals(bytes)).toBe(true);
      expect(readdirSync(parent)).toEqual(['src']);
      return error;
    }

    it('refuses customizations.xml with a DOCTYPE and an external entity', async () => {
      const xml = (await readZip(fixturePath(HIL))).get('customizations.xml')!.toString();
      await expectRefused(
        {
          'customizations.xml': `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${xml.replace('<Language>1033', '<Language>&e;1033')}`,
        },
        /bad.zip\/customizations.xml:\d+:\d+: a DOCTYPE, which is refused: DOCTYPEs and entity declarations/,
      );
    });

    // With a message of its own, not as a file beside the manifest: it is where unpack records which
    // files have CRLF line endings, so the zip's would be written over.
    it('refuses an entry at the record of line endings, Other/LineEndings.xml', async () => {
      await expectRefused(
        { 'Other/LineEndings.xml': '<LineEndings />' },
        /bad\.zip: has Other\/LineEndings\.xml, where unpack records which files have CRLF line endings\.$/,
      );
    });

    it('refuses solution.xml that is not UTF-8', async () => {
      const xml = (await readZip(fixturePath(HIL))).get('solution.xml')!;
      const broken = Buffer.concat([xml.subarray(0, 100), Buffer.from([0xc3, 0x28]), xml.subarray(100)]);
      await expectRefused(
        { 'solution.xml': broken },
        /bad.zip\/solution.xml:\d+:\d+: is not valid UTF-8 \(byte 0xC3, 'Ã' in Windows-1252\)/,
      );
    });

    // Both go on into log lines, action outputs (version, unique-name) and folder names: a line break
    // there is a workflow command in a run: step, a '../' a path out of a folder.
    it('refuses a <Version> that is no solution version, at its line', async () => {
      const xml = (await readZip(fixturePath(HIL))).get('solution.xml')!.toString();
      await expectRefused(
        {
          'solution.xml': xml.replace(
            '<Version>1.0.0.3</Version>',
            '<Version>1.0.0.3\n::error title=pwned::x</Version>',
          ),
        },
        /bad.zip\/solution.xml:8: has <Version>1.0.0.3\n::error title=pwned::x<\/Version>, which is no solution version\.$/,
      );
    });

    it('refuses a <UniqueName> that is no Dataverse unique name, at its line', async () => {
      const xml = (await readZip(fixturePath(HIL))).get('solution.xml')!.toString();
      await expectRefused(
        {
          'solution.xml': xml.replace(
            '<UniqueName>customHIL</UniqueName>',
            '<UniqueName>../../evil</UniqueName>',
          ),
        },
        /bad.zip\/solution.xml:3: has <UniqueName>..\/..\/evil<\/UniqueName>, which is no Dataverse unique name\./,
      );
    });

    it('refuses a <Managed> flag other than 0, 1 or 2, saying which it takes', async () => {
      const xml = (await readZip(fixturePath(HIL))).get('solution.xml')!.toString();
      await expectRefused(
        { 'solution.xml': xml.replace('<Managed>0</Managed>', '<Managed>3</Managed>') },
        /bad.zip\/solution.xml: has <Managed>3<\/Managed>; expected 0, 1 or 2\.$/,
      );
    });

    it('refuses a solution.xml whose root is no <ImportExportXml>, asking whether it is a manifest', async () => {
      const xml = (await readZip(fixturePath(HIL))).get('solution.xml')!.toString();
      const error = await expectRefused(
        { 'solution.xml': xml.replaceAll('ImportExportXml', 'ImportExport') },
        /bad.zip\/solution.xml: has no <ImportExportXml><SolutionManifest> element\.$/,
      );
      expect(error).toMatchObject({ hint: 'Is this a Dataverse solution manifest?' });
    });

    // Copied as it is, a damaged definition would unpack without a word, and only the next pack of
    // the folder would refuse it, when the export it came in may be long gone.
    it('refuses an environment variable definition that is not XML, at its line', async () => {
      const part = 'environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml';
      const xml = (await readZip(fixturePath(HIL))).get(part)!.toString();
      const error = await expectRefused(
        { [part]: xml.replace('</displayname>', '</displayname') },
        new RegExp(`bad.zip/${part}:5:\\d+: invalid XML: `),
      );
      expect(error).toMatchObject({
        hint: 'The zip was damaged or changed after export: export the solution again.',
      });
      await expectRefused(
        {
          [part]: Buffer.concat([
            Buffer.from(xml.slice(0, 40)),
            Buffer.from([0xff]),
            Buffer.from(xml.slice(40)),
          ]),
        },
        new RegExp(`bad.zip/${part}:1:\\d+: is not valid UTF-8`),
      );
    });

    it('refuses a connector whose JSON column is malformed, with its line and column', async () => {
      await expectRefused(
        { [`Connector/${CONNECTOR}_connectionparameters.json`]: '{"api_key": {"type": "securestring",}}' },
        new RegExp(`bad.zip/Connector/${CONNECTOR}_connectionparameters.json:1:37: invalid JSON: `),
      );
    });

    it('refuses connector JSON nested thousands of levels deep, at the bracket past the limit', async () => {
      // Unclosed, so not JSON: locating the syntax error with jsonc-parser overflowed the stack.
      await expectRefused(
        { [`Connector/${CONNECTOR}_connectionparameters.json`]: '['.repeat(20000) },
        new RegExp(
          `bad.zip/Connector/${CONNECTOR}_connectionparameters.json:1:257: invalid JSON: nested more than 256 levels deep\\.$`,
        ),
      );
    });

    it('refuses a connector that refers to a file the archive does not have', async () => {
      await expectRefused(
        { [`Connector/${CONNECTOR}_iconblob.Png`]: null },
        new RegExp(
          `connector '${CONNECTOR}' refers to /Connector/${CONNECTOR}_iconblob.Png, which the archive does not have`,
        ),
      );
    });

    it('refuses a connector whose name would leave the Connectors folder', async () => {
      const xml = (await readZip(fixturePath(HIL))).get('customizations.xml')!.toString();
      await expectRefused(
        { 'customizations.xml': xml.replace(`<name>${CONNECTOR}</name>`, '<name>../../evil</name>') },
        /has a connector named '..\/..\/evil', which cannot be a file name/,
      );
    });

    it('refuses a connector whose name Windows cannot give a file', async () => {
      const xml = (await readZip(fixturePath(HIL))).get('customizations.xml')!.toString();
      await expectRefused(
        { 'customizations.xml': xml.replace(`<name>${CONNECTOR}</name>`, '<name>cat_a:b</name>') },
        /has a connector named 'cat_a:b', which cannot be a file name/,
      );
    });

    // A name with '/' and no '..' is a safe path, but not one file: Connectors/cat_a/b.xml would be a
    // folder of its own that pack does not read as a connector.
    it('refuses a connector whose name has a folder in it', async () => {
      const xml = (await readZip(fixturePath(HIL))).get('customizations.xml')!.toString();
      await expectRefused(
        { 'customizations.xml': xml.replace(`<name>${CONNECTOR}</name>`, '<name>cat_a/b</name>') },
        /has a connector named 'cat_a\/b', which cannot be a file name/,
      );
    });

    // Connectors/.cat_a.xml would be a dot file, which pack leaves out of the solution.
    it('refuses a connector whose name starts with a dot', async () => {
      const xml = (await readZip(fixturePath(HIL))).get('customizations.xml')!.toString();
      await expectRefused(
        { 'customizations.xml': xml.replace(`<name>${CONNECTOR}</name>`, '<name>.cat_a</name>') },
        /has a connector named '.cat_a', which cannot be a file name/,
      );
    });

    // The entries are in the zip, so only the rule that a connector's files are its own, side by side
    // in /Connector/, refuses them: first of all, before the file at the root is refused for itself.
    it('refuses a connector file column that points outside /Connector/', async () => {
      const zip = await readZip(fixturePath(HIL));
      const xml = zip.get('customizations.xml')!.toString();
      await expectRefused(
        {
          'customizations.xml': xml.replace(
            `<iconblob>/Connector/${CONNECTOR}_iconblob.Png</iconblob>`,
            '<iconblob>/icon.png</iconblob>',
          ),
          'icon.png': zip.get(`Connector/${CONNECTOR}_iconblob.Png`)!,
        },
        /has <iconblob>\/icon.png<\/iconblob>, which is not a file in \/Connector\/\./,
      );
    });

    it('refuses a connector file column that points into a folder under /Connector/', async () => {
      const zip = await readZip(fixturePath(HIL));
      const xml = zip.get('customizations.xml')!.toString();
      await expectRefused(
        {
          'customizations.xml': xml.replace(
            `<iconblob>/Connector/${CONNECTOR}_iconblob.Png</iconblob>`,
            '<iconblob>/Connector/icons/icon.png</iconblob>',
          ),
          'Connector/icons/icon.png': zip.get(`Connector/${CONNECTOR}_iconblob.Png`)!,
        },
        /has <iconblob>\/Connector\/icons\/icon.png<\/iconblob>, which is not a file in \/Connector\/\./,
      );
    });

    it('refuses a file whose path is also the folder of another entry, naming both', async () => {
      await expectRefused(
        { 'WebResources/a': 'a file', 'WebResources/a/b': 'inside a' },
        /bad.zip: entry 'WebResources\/a\/b' needs 'WebResources\/a' as a folder, but entry 'WebResources\/a' is a file\./,
      );
      // Connector/ entries are unpacked to Connectors/, where they may meet other entries.
      await expectRefused(
        { 'Connectors/a': 'a file', 'Connector/a/b': 'inside a' },
        /bad.zip: Connector\/a\/b needs Connectors\/a as a folder, but Connectors\/a would be unpacked to it as a file\./,
      );
      // The same with the file second and in another case, which collides on Windows and macOS.
      await expectRefused(
        { 'Connector/A/b': 'inside A', 'Connectors/a': 'a file' },
        /bad.zip: Connectors\/a would be unpacked to Connectors\/a, which Connector\/A\/b needs as a folder\./,
      );
    });

    it('refuses two entries, or an entry and a connector, unpacked to one path, naming both', async () => {
      await expectRefused(
        { 'Connectors/a': 'a file', 'Connector/a': 'another' },
        /bad.zip: Connector\/a and Connectors\/a would both be unpacked to Connectors\/a\.$/,
      );
      // The connector's own document is written there from customizations.xml.
      await expectRefused(
        { [`Connector/${CONNECTOR}.xml`]: '<Connector />' },
        new RegExp(
          `bad.zip: Connector/${CONNECTOR}.xml and connector '${CONNECTOR}' would both be unpacked to Connectors/${CONNECTOR}.xml\\.$`,
        ),
      );
    });

    it("refuses two entries that are one file once '//' or './' are read as zip tools read them, naming both", async () => {
      await expectRefused(
        { 'WebResources/a.js': 'one', 'WebResources//a.js': 'two' },
        /\/bad.zip: entry 'WebResources\/\/a.js' has the same name as 'WebResources\/a.js' once empty and '.' folder names are left out, as zip tools write them\.$/,
      );
      await expectRefused(
        { './solution.xml': '<ImportExportXml />' },
        /\/bad.zip: entry '.\/solution.xml' has the same name as 'solution.xml' once empty/,
      );
    });

    it('refuses a name longer than Linux and macOS hold before anything is written', async () => {
      await expectRefused(
        { [`WebResources/${'a'.repeat(300)}.js`]: 'x' },
        /bad.zip: entry 'WebResources\/a+\.js' has a file or folder name of 303 bytes, longer than the 255 bytes that Linux and macOS file systems hold; it is refused\.$/,
      );
    });

    it('says which entry the file system cannot write, and why, when its path is too long', async () => {
      // 17,000 nested folders: longer than any OS allows a path to be (Windows 32,767 characters,
      // Linux 4,096 bytes, macOS 1,024), while each name is short. This was "connector-alm failed
      // unexpectedly: ENAMETOOLONG … This is a bug".
      const deep = `WebResources/${'a/'.repeat(17_000)}x.js`;
      await expectRefused(
        { [deep]: 'x' },
        /bad.zip: entry 'WebResources\/(a\/)+x\.js' cannot be written: its path is longer than the file system allows\.$/,
      );
      const error = await unpackSolution(
        await variantOf(fixturePath(HIL), path.join(temp.make(), 'bad.zip'), { [deep]: 'x' }),
        target,
        { overwrite: true },
      ).catch((caught: Error & { hint?: string }) => caught);
      expect((error as Error & { hint?: string }).hint).toBe(
        'Zip the files again with fewer or shorter folder names.',
      );
    });

    it('refuses a truncated export', async () => {
      const whole = readFileSync(fixturePath(HIL));
      const zip = path.join(temp.make(), 'truncated.zip');
      writeFileSync(zip, whole.subarray(0, whole.length - 200));
      const error = await unpackSolution(zip, target, { overwrite: true }).catch((e: unknown) => e);
      expect(locatedMessage(error)).toMatch(/truncated.zip: is not a zip archive or is truncated/);
      for (const [file, bytes] of original) expect(readFileSync(file).equals(bytes)).toBe(true);
    });
  },
);
