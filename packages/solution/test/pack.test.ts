import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { inputWords, UserError } from '@connector-alm/core';
import path from 'node:path';
import {
  attribute,
  childElements,
  firstChild,
  packSolution,
  parseXml,
  textOf,
  unpackSolution,
} from '../src/index.js';
import { HIL_CONNECTOR, withConnectorCopies } from './helpers/connector-copies.js';
import { describeWith, FIXTURE_EXPORTS, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { comparable, hashTree, readZip } from './helpers/trees.js';
import { managedTwinOf, temporaryFolders, variantOf } from './helpers/zips.js';
import { locatedMessage } from '@connector-alm/testing';

const temp = temporaryFolders('pack-');
afterAll(() => temp.cleanup());
const describeFixtures = describeWith(SOLUTION_FIXTURES, 'real solution export');

/**
 * Checks that `packed` has exactly the file entries of `original`, each equal in content.
 * `[Content_Types].xml` is regenerated in the native export's style (SolutionPackager-packed zips
 * declare xml as text/xml instead), so it must only declare a type for every entry.
 */
async function expectSameSolution(packed: string, original: string): Promise<void> {
  const ours = await readZip(packed);
  const theirs = await readZip(original);
  expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
  for (const [name, bytes] of theirs) {
    if (name === '[Content_Types].xml') continue;
    expect([name, comparable(name, ours.get(name)!)]).toEqual([name, comparable(name, bytes)]);
  }
  const types = ours.get('[Content_Types].xml')!.toString();
  for (const name of ours.keys()) {
    if (name === '[Content_Types].xml') continue;
    const base = name.slice(name.lastIndexOf('/') + 1);
    const declared = base.includes('.')
      ? `<Default Extension="${base.slice(base.lastIndexOf('.') + 1)}"`
      : `<Override PartName="/${name}"`;
    expect([name, types.includes(declared)]).toEqual([name, true]);
  }
}

describeFixtures('round trips on every real export', () => {
  describe.each(FIXTURE_EXPORTS)('$name', (fixture) => {
    it('pack(unpack(z)) has the entries of z with equal XML, equal JSON and identical binaries', async () => {
      const dir = temp.make();
      await unpackSolution(fixturePath(fixture.zip), path.join(dir, 'src'));
      await packSolution(path.join(dir, 'src'), path.join(dir, 'packed.zip'));
      await expectSameSolution(path.join(dir, 'packed.zip'), fixturePath(fixture.zip));
    });

    it('unpack(pack(unpack(z))) is byte-identical to unpack(z)', async () => {
      const dir = temp.make();
      await unpackSolution(fixturePath(fixture.zip), path.join(dir, 'first'));
      await packSolution(path.join(dir, 'first'), path.join(dir, 'packed.zip'));
      await unpackSolution(path.join(dir, 'packed.zip'), path.join(dir, 'second'));
      expect(await hashTree(path.join(dir, 'second'))).toEqual(await hashTree(path.join(dir, 'first')));
    });
  });

  it('packing the same folder twice gives the same zip bytes', async () => {
    const dir = temp.make();
    await unpackSolution(
      fixturePath('InstagramBasicDisplay/InstagramBasicDisplay.zip'),
      path.join(dir, 'src'),
    );
    await packSolution(path.join(dir, 'src'), path.join(dir, 'a.zip'));
    await packSolution(path.join(dir, 'src'), path.join(dir, 'b.zip'));
    expect(readFileSync(path.join(dir, 'a.zip')).equals(readFileSync(path.join(dir, 'b.zip')))).toBe(true);
  });
});

describeFixtures('pack writes what the platform writes', () => {
  it('regenerates [Content_Types].xml last, with an Override for extensionless parts', async () => {
    const dir = temp.make();
    await unpackSolution(
      fixturePath('InstagramBasicDisplay/InstagramBasicDisplay.zip'),
      path.join(dir, 'src'),
    );
    const result = await packSolution(path.join(dir, 'src'), path.join(dir, 'out.zip'));
    expect(result.entries.slice(0, 2)).toEqual(['customizations.xml', 'solution.xml']);
    expect(result.entries.at(-1)).toBe('[Content_Types].xml');
    const types = (await readZip(path.join(dir, 'out.zip'))).get('[Content_Types].xml')!.toString();
    expect(types).toContain('<Default Extension="Png" ContentType="application/octet-stream" />');
    expect(types).toContain(
      '<Override PartName="/CanvasApps/cr715_instagramposts_bc759_BackgroundImageUri" ContentType="application/octet-stream" />',
    );
  });

  it('declares each extension once whatever its case: icon.png beside the connector icon .Png', async () => {
    const dir = temp.make();
    const src = path.join(dir, 'src');
    await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), src);
    const icon = readFileSync(path.join(src, 'Connectors/cat_human-2din-2dthe-2dloop_iconblob.Png'));
    mkdirSync(path.join(src, 'WebResources'));
    writeFileSync(path.join(src, 'WebResources/icon.png'), icon);
    writeFileSync(path.join(src, 'WebResources/banner.PNG'), icon);
    const result = await packSolution(src, path.join(dir, 'out.zip'));
    const types = parseXml(
      (await readZip(path.join(dir, 'out.zip'))).get('[Content_Types].xml')!.toString('utf8').slice(1),
      '[Content_Types].xml',
    );
    // OPC compares extensions case-insensitively: png and Png twice is a duplicate, which makes the
    // package invalid; one Default (in the case first used) covers both.
    const defaults = childElements(types, 'Default').map((node) => attribute(node, 'Extension')!);
    expect(defaults).toEqual(['xml', 'json', 'Png']);
    const overrides = childElements(types, 'Override').map((node) => attribute(node, 'PartName')!);
    for (const name of result.entries.filter((entry) => entry !== '[Content_Types].xml')) {
      const base = name.slice(name.lastIndexOf('/') + 1);
      const extension = base.slice(base.lastIndexOf('.') + 1).toLowerCase();
      const covered = base.includes('.')
        ? defaults.filter((declared) => declared.toLowerCase() === extension).length
        : overrides.filter((part) => part === `/${name}`).length;
      expect([name, covered]).toEqual([name, 1]);
    }
  });

  it('minifies connector JSON and writes root XML without BOM or declaration, with CRLF', async () => {
    const dir = temp.make();
    await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), path.join(dir, 'src'));
    await packSolution(path.join(dir, 'src'), path.join(dir, 'out.zip'));
    const zip = await readZip(path.join(dir, 'out.zip'));
    const swagger = zip.get('Connector/cat_human-2din-2dthe-2dloop_openapidefinition.json')!.toString();
    expect(swagger).not.toContain('\n');
    const solution = zip.get('solution.xml')!.toString();
    expect(solution.startsWith('<ImportExportXml ')).toBe(true);
    expect(solution).toContain('</UniqueName>\r\n');
  });

  it('sets the version given', async () => {
    const dir = temp.make();
    await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), path.join(dir, 'src'), {
      resetVersion: '0.0.0.0',
    });
    await packSolution(path.join(dir, 'src'), path.join(dir, 'out.zip'), { version: '2.1.0.7' });
    expect((await readZip(path.join(dir, 'out.zip'))).get('solution.xml')!.toString()).toContain(
      '<Version>2.1.0.7</Version>',
    );
  });
});

describeFixtures('the order of connectors', () => {
  /** The connector names of a zip's customizations.xml, in document order. */
  async function connectorOrder(zip: string): Promise<string[]> {
    const customizations = (await readZip(zip)).get('customizations.xml')!.toString('utf8');
    return childElements(firstChild(parseXml(customizations, zip), 'Connectors')!, 'Connector').map(
      (connector) => textOf(firstChild(connector, 'name')!),
    );
  }

  it('pack keeps the exported order, which is not the order of the names', async () => {
    const dir = temp.make();
    const zip = await withConnectorCopies(
      fixturePath('customHIL/customHIL_1_0_0_3.zip'),
      path.join(dir, 'three.zip'),
      ['cat_zulu', 'cat_alpha'],
    );
    const exported = await connectorOrder(zip);
    expect(exported).toEqual([HIL_CONNECTOR, 'cat_zulu', 'cat_alpha']);
    await unpackSolution(zip, path.join(dir, 'first'));
    const packed = await packSolution(path.join(dir, 'first'), path.join(dir, 'packed.zip'));
    expect(await connectorOrder(path.join(dir, 'packed.zip'))).toEqual(exported);
    expect(packed.connectors).toEqual(['cat_alpha', 'cat_human-2din-2dthe-2dloop', 'cat_zulu']);
    await expectSameSolution(path.join(dir, 'packed.zip'), zip);
    await unpackSolution(path.join(dir, 'packed.zip'), path.join(dir, 'second'));
    expect(await hashTree(path.join(dir, 'second'))).toEqual(await hashTree(path.join(dir, 'first')));
  });

  /** HIL unpacked with two copies of its connector added (cat_zulu, then cat_alpha), and its manifest. */
  async function unpackedWithThreeConnectors() {
    const dir = temp.make();
    const zip = await withConnectorCopies(
      fixturePath('customHIL/customHIL_1_0_0_3.zip'),
      path.join(dir, 'three.zip'),
      ['cat_zulu', 'cat_alpha'],
    );
    const src = path.join(dir, 'src');
    await unpackSolution(zip, src);
    return { dir, src, manifest: path.join(src, 'Other/Solution.xml') };
  }

  it('follows the root components of Other/Solution.xml; a connector not listed there comes last', async () => {
    const { dir, src, manifest } = await unpackedWithThreeConnectors();
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(
        /\n *<RootComponent type="372"[^>]*schemaName="cat_zulu"[^>]*\/>/,
        '',
      ),
    );
    await packSolution(src, path.join(dir, 'packed.zip'));
    expect(await connectorOrder(path.join(dir, 'packed.zip'))).toEqual([
      HIL_CONNECTOR,
      'cat_alpha',
      'cat_zulu',
    ]);
  });

  // A root component may name its connector by id alone (no schemaName): its place is still its own.
  it('follows root components that name their connectors by id alone', async () => {
    const { dir, src, manifest } = await unpackedWithThreeConnectors();
    const text = readFileSync(manifest, 'utf8');
    const components = text.match(/\n *<RootComponent type="372"[^>]*\/>/g)!;
    expect(components).toHaveLength(3);
    // In reverse order, which is neither the exported order nor that of the names.
    const byIdAlone = components.map((line) => line.replace(/ schemaName="[^"]*"/, '')).reverse();
    writeFileSync(manifest, text.replace(components.join(''), byIdAlone.join('')));
    await packSolution(src, path.join(dir, 'packed.zip'));
    expect(await connectorOrder(path.join(dir, 'packed.zip'))).toEqual([
      'cat_alpha',
      'cat_zulu',
      HIL_CONNECTOR,
    ]);
  });
});

describeFixtures('unmanaged and managed exports unpacked together', () => {
  const unmanaged = 'ColumnLevelSecurity/ColumnLevelSecuritySampleSolution.zip';
  const managed = 'ColumnLevelSecurity/ColumnLevelSecuritySampleSolution_managed.zip';

  it('unpacks both into one folder with Managed=2 and _managed twins of what differs', async () => {
    const dir = temp.make();
    const result = await unpackSolution(fixturePath(unmanaged), path.join(dir, 'src'), {
      packageType: 'both',
    });
    expect(result.managed).toBe('2');
    expect(readFileSync(path.join(dir, 'src/Other/Solution.xml'), 'utf8')).toContain('<Managed>2</Managed>');
    expect(existsSync(path.join(dir, 'src/Other/Customizations_managed.xml'))).toBe(true);
  });

  it("refuses a managed manifest whose unique name is no Dataverse unique name: the managed zip's", async () => {
    const dir = temp.make();
    await unpackSolution(fixturePath(unmanaged), path.join(dir, 'src'), { packageType: 'both' });
    // The managed export's manifest differs only by <Managed>, which unpack writes as 2: no twin.
    const managedManifest = path.join(dir, 'src/Other/Solution_managed.xml');
    const xml = readFileSync(path.join(dir, 'src/Other/Solution.xml'), 'utf8');
    expect(xml).toContain('<UniqueName>ColumnLevelSecuritySampleSolution</UniqueName>');
    writeFileSync(
      managedManifest,
      xml.replace(
        '<UniqueName>ColumnLevelSecuritySampleSolution</UniqueName>',
        '<UniqueName>../evil</UniqueName>',
      ),
    );
    const error = await packSolution(path.join(dir, 'src'), path.join(dir, 'out.zip'), {
      packageType: 'managed',
    }).catch((e: unknown) => e);
    expect(locatedMessage(error)).toMatch(
      /Other\/Solution_managed.xml:\d+: has <UniqueName>..\/evil<\/UniqueName>, which is no Dataverse unique name\.$/,
    );
  });

  // Given either export, both reads the other beside it, and says so in the words of the command or
  // the action that ran it.
  it.each([
    {
      given: 'customHIL.zip',
      make: (file: string) =>
        writeFileSync(file, readFileSync(fixturePath('customHIL/customHIL_1_0_0_3.zip'))),
      say: undefined,
      missing: 'customHIL_managed.zip',
      message: 'does not exist; unpacking both exports reads the managed export beside customHIL.zip.',
      hint: 'Export the solution as managed too (export --managed) into that file, or unpack customHIL.zip alone (--package-type auto).',
    },
    {
      given: 'HIL_managed.zip',
      make: (file: string) => managedTwinOf(fixturePath('customHIL/customHIL_1_0_0_3.zip'), file),
      say: inputWords,
      missing: 'HIL.zip',
      message: 'does not exist; unpacking both exports reads the unmanaged export beside HIL_managed.zip.',
      hint: 'Export the solution as unmanaged too (export-solution with managed: false) into that file, or unpack HIL_managed.zip alone (package-type: auto).',
    },
    {
      given: 'HIL_managed.zip',
      make: (file: string) => managedTwinOf(fixturePath('customHIL/customHIL_1_0_0_3.zip'), file),
      say: undefined,
      missing: 'HIL.zip',
      message: 'does not exist; unpacking both exports reads the unmanaged export beside HIL_managed.zip.',
      hint: 'Export the solution as unmanaged too (export without --managed) into that file, or unpack HIL_managed.zip alone (--package-type auto).',
    },
  ])(
    'says what both needs when the other export is not beside $given, and writes nothing',
    async ({ given, make, say, missing, message, hint }) => {
      const dir = temp.make();
      await make(path.join(dir, given));
      const refused = await unpackSolution(path.join(dir, given), path.join(dir, 'src'), {
        packageType: 'both',
        ...(say ? { say } : {}),
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(UserError);
      expect(locatedMessage(refused)).toBe(`${path.join(dir, missing)}: ${message}`);
      expect((refused as UserError).hint).toBe(hint);
      expect(readdirSync(dir)).toEqual([given]);
    },
  );

  it.each([
    ['unmanaged', unmanaged],
    ['managed', managed],
  ] as const)('packs the %s solution back from that folder', async (packageType, original) => {
    const dir = temp.make();
    await unpackSolution(fixturePath(managed), path.join(dir, 'src'), { packageType: 'both' });
    await packSolution(path.join(dir, 'src'), path.join(dir, 'out.zip'), { packageType });
    await expectSameSolution(path.join(dir, 'out.zip'), fixturePath(original));
  });

  it('pairs files by what unpack wrote, not by how a name ends, and keeps files out of the package that lacks them', async () => {
    const dir = temp.make();
    // Connectors whose own names end in _managed, one of them beside the connector of that name.
    const withCopies = await withConnectorCopies(
      fixturePath('customHIL/customHIL_1_0_0_3.zip'),
      path.join(dir, 'copies.zip'),
      [`${HIL_CONNECTOR}_managed`, 'cat_solo_managed'],
    );
    mkdirSync(path.join(dir, 'exports'));
    const exports = {
      unmanaged: await variantOf(withCopies, path.join(dir, 'exports/HIL.zip'), {
        'WebResources/cat_/draft.txt': 'only in the unmanaged export\n',
      }),
      managed: await managedTwinOf(withCopies, path.join(dir, 'exports/HIL_managed.zip')),
    };
    await unpackSolution(exports.unmanaged, path.join(dir, 'src'), { packageType: 'both' });
    mkdirSync(path.join(dir, 'packed'));
    for (const packageType of ['unmanaged', 'managed'] as const) {
      const zip = path.join(dir, `packed/HIL${packageType === 'managed' ? '_managed' : ''}.zip`);
      const result = await packSolution(path.join(dir, 'src'), zip, { packageType });
      expect(result.connectors).toEqual([
        'cat_human-2din-2dthe-2dloop',
        `${HIL_CONNECTOR}_managed`,
        'cat_solo_managed',
      ]);
      await expectSameSolution(zip, exports[packageType]);
    }
    await unpackSolution(path.join(dir, 'packed/HIL.zip'), path.join(dir, 'again'), { packageType: 'both' });
    expect(await hashTree(path.join(dir, 'again'))).toEqual(await hashTree(path.join(dir, 'src')));
  });

  it('refuses a pair that has a part where unpack keeps its notes, and writes nothing', async () => {
    const dir = temp.make();
    const unmanagedZip = await variantOf(fixturePath(unmanaged), path.join(dir, 'CLS.zip'), {
      'Other/PackageFiles.xml': '<PackageFiles />',
    });
    await managedTwinOf(unmanagedZip, path.join(dir, 'CLS_managed.zip'));
    const error = await unpackSolution(unmanagedZip, path.join(dir, 'src'), { packageType: 'both' }).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(error)).toBe(
      `${unmanagedZip}: has Other/PackageFiles.xml, where unpacking both exports keeps its notes.`,
    );
    expect(existsSync(path.join(dir, 'src'))).toBe(false);
  });

  it('refuses to pack a managed solution from an unmanaged-only folder', async () => {
    const dir = temp.make();
    await unpackSolution(fixturePath(unmanaged), path.join(dir, 'src'));
    await expect(
      packSolution(path.join(dir, 'src'), path.join(dir, 'out.zip'), { packageType: 'managed' }),
    ).rejects.toThrow(/it cannot be packed as managed/);
  });
});

describeFixtures('pack on bad input', () => {
  it('names the connector file whose JSON is malformed and leaves an earlier zip as it was', async () => {
    const dir = temp.make();
    await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'out.zip'), 'earlier release');
    writeFileSync(
      path.join(dir, 'src/Connectors/cat_human-2din-2dthe-2dloop_connectionparameters.json'),
      '{\n  "a": [1,\n}\n',
    );
    const error = await packSolution(path.join(dir, 'src'), path.join(dir, 'out.zip')).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(error)).toMatch(
      /Connectors\/cat_human-2din-2dthe-2dloop_connectionparameters.json:3:1: invalid JSON: value expected\.$/,
    );
    expect(readFileSync(path.join(dir, 'out.zip'), 'utf8')).toBe('earlier release');
    expect(readdirSync(dir).sort()).toEqual(['out.zip', 'src']);
  });

  // A version with a line break went on into pack's output and the version output of pack-solution:
  // a workflow command in a run: step. Refused at its line, the earlier zip left as it was.
  it('refuses a <Version> in Other/Solution.xml that is no solution version, at its line', async () => {
    const dir = temp.make();
    await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), path.join(dir, 'src'));
    const manifest = path.join(dir, 'src/Other/Solution.xml');
    const xml = readFileSync(manifest, 'utf8');
    writeFileSync(
      manifest,
      xml.replace('<Version>1.0.0.3</Version>', '<Version>1.0.0.3\n::error::x</Version>'),
    );
    const line = xml.slice(0, xml.indexOf('<Version>')).split('\n').length;
    const error = await packSolution(path.join(dir, 'src'), path.join(dir, 'out.zip')).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(error)).toBe(
      `${manifest}:${line}: has <Version>1.0.0.3\n::error::x</Version>, which is no solution version.`,
    );
    expect(readdirSync(dir)).toEqual(['src']);
  });

  it('says that a folder without Other/Solution.xml is not an unpacked solution', async () => {
    const dir = temp.make();
    await expect(packSolution(dir, path.join(dir, 'out.zip'))).rejects.toThrow(
      /is not an unpacked solution: it has no Other\/Solution.xml/,
    );
  });

  it('names the unpacked solution inside a pac solution project given instead (its src/)', async () => {
    // A repository unpacked with pac keeps X.cdsproj beside src/Other/Solution.xml.
    const project = fixturePath('AzureOpenAIServiceCustomConnector/unpacked');
    const error = await packSolution(project, path.join(temp.make(), 'out.zip')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error)).toBe(
      `${project}: is not an unpacked solution: it has no Other/Solution.xml and Other/Customizations.xml.`,
    );
    expect((error as UserError).hint).toBe('It holds one in src: give that folder.');
  });

  it('refuses a destination that is a folder, naming it, and writes nothing', async () => {
    const dir = temp.make();
    await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), path.join(dir, 'src'));
    mkdirSync(path.join(dir, 'existing-dir.zip'));
    const error = await packSolution(path.join(dir, 'src'), path.join(dir, 'existing-dir.zip')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error)).toBe(
      `${path.join(dir, 'existing-dir.zip')}: is a folder; a zip cannot be written there.`,
    );
    expect(readdirSync(dir).sort()).toEqual(['existing-dir.zip', 'src']);
    expect(readdirSync(path.join(dir, 'existing-dir.zip'))).toEqual([]);
  });

  it("refuses a file whose name has '\\', which the zip would hold as a folder separator, and writes nothing", async () => {
    // A Linux or macOS file may have '\\' in its name; the zip writer made it a separator, so
    // 'a\\b.js' was packed as 'a/b.js', or, beside a real a/b.js, twice, which unpack then refused.
    const dir = temp.make();
    await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), path.join(dir, 'src'));
    mkdirSync(path.join(dir, 'src/WebResources/a'), { recursive: true });
    writeFileSync(path.join(dir, 'src/WebResources/a/b.js'), 'one');
    writeFileSync(path.join(dir, 'src/WebResources/a\\b.js'), 'two');
    const error = await packSolution(path.join(dir, 'src'), path.join(dir, 'out.zip')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect([locatedMessage(error), (error as UserError).hint]).toEqual([
      `${path.join(dir, 'src', 'WebResources/a\\b.js')}: has '\\' in its name, which a zip holds as a folder separator (Windows reads it so too).`,
      "Rename the file without '\\'.",
    ]);
    expect(readdirSync(dir)).toEqual(['src']);
  });

  it('refuses a connector element that refers to a missing side file', async () => {
    const dir = temp.make();
    await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), path.join(dir, 'src'));
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, 'src/Connectors/cat_human-2din-2dthe-2dloop_iconblob.Png'));
    await expect(packSolution(path.join(dir, 'src'), path.join(dir, 'out.zip'))).rejects.toThrow(
      /refers to \/Connector\/cat_human-2din-2dthe-2dloop_iconblob.Png, but Connectors\/ has no such file/,
    );
  });
  // Whatever root the file has would go into <Connectors> as it is: an element the import does not
  // read as a connector, so the solution would arrive without it.
  it('refuses a connector file whose root is not <Connector>, and writes no zip', async () => {
    const dir = temp.make();
    await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), path.join(dir, 'src'));
    const file = path.join(dir, 'src', 'Connectors', `${HIL_CONNECTOR}.xml`);
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/<Connector\b/, '<CustomConnector')
        .replace('</Connector>', '</CustomConnector>'),
    );
    const error = await packSolution(path.join(dir, 'src'), path.join(dir, 'out.zip')).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(error)).toBe(
      `${file}: has a <CustomConnector> root; a connector file holds one <Connector>.`,
    );
    expect(readdirSync(dir)).toEqual(['src']);
  });
});

describeFixtures('pack and dot files', () => {
  it('packs back a dot file that came from the solution: WebResources/.config round-trips', async () => {
    const dir = temp.make();
    const zip = await variantOf(fixturePath('customHIL/customHIL_1_0_0_3.zip'), path.join(dir, 'in.zip'), {
      'WebResources/.config': 'setting=1\n',
    });
    await unpackSolution(zip, path.join(dir, 'first'));
    const packed = await packSolution(path.join(dir, 'first'), path.join(dir, 'packed.zip'));
    expect(packed.entries).toContain('WebResources/.config');
    expect((await readZip(path.join(dir, 'packed.zip'))).get('WebResources/.config')!.toString()).toBe(
      'setting=1\n',
    );
    expect([...(await readZip(path.join(dir, 'packed.zip'))).keys()].sort()).toEqual(
      [...(await readZip(zip)).keys()].sort(),
    );
    await unpackSolution(path.join(dir, 'packed.zip'), path.join(dir, 'second'));
    expect(await hashTree(path.join(dir, 'second'))).toEqual(await hashTree(path.join(dir, 'first')));
  });

  it('still leaves repository files out: root dot files and folders, .git*, .DS_Store, Thumbs.db and desktop.ini anywhere', async () => {
    const dir = temp.make();
    const src = path.join(dir, 'src');
    await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), src);
    const before = (await packSolution(src, path.join(dir, 'before.zip'))).entries;
    const personal = [
      '.gitignore',
      '.git/HEAD',
      '.vscode/settings.json',
      '.pipelines/build.yml',
      'Other/.DS_Store',
      // What Windows Explorer leaves in folders: thumbnails, and a customized folder's settings.
      'WebResources/Thumbs.db',
      'WebResources/img/thumbs.db',
      'Other/desktop.ini',
      'WebResources/.gitkeep',
      'WebResources/.github/x.yml',
    ];
    for (const file of personal) {
      mkdirSync(path.dirname(path.join(src, file)), { recursive: true });
      writeFileSync(path.join(src, file), 'mine');
    }
    const after = await packSolution(src, path.join(dir, 'after.zip'));
    expect(after.entries).toEqual(before);
    // Unpacking again must not delete them either.
    await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), src, { overwrite: true });
    for (const file of personal) expect([file, existsSync(path.join(src, file))]).toEqual([file, true]);
  });
});
