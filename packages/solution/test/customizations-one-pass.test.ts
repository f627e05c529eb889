import { afterAll, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXPORT_STYLE, packSolution, UNPACKED_STYLE, unpackSolution } from '../src/index.js';
import { withConnectors, withoutConnectors } from '../src/solution/customizations-rewrite.js';
import { scanCustomizations, takenConnectors } from '../src/solution/customizations-scan.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';
import { temporaryFolders, variantOf } from './helpers/zips.js';
import { locatedMessage } from '@connector-alm/testing';

// unpack and pack write customizations.xml as they read it, guessing that no element holds text after
// its child elements; when one does, what was written is replaced (unpack: the staged file; pack: the
// chunks for the zip). Both must still write what the two passes write, and a file found bad late
// must leave nothing behind.

const temp = temporaryFolders('one-pass-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const text = (chunks: Iterable<Buffer>): string => Buffer.concat([...chunks]).toString('utf8');

describeWith(SOLUTION_FIXTURES, 'real solution export')('customizations.xml written in one pass', () => {
  it('unpacks and packs mixed content as the two passes write it', async () => {
    const xml = (await readZip(fixturePath(HIL))).get('customizations.xml')!.toString();
    // Text after child elements, in an element that comes before <Connectors>: written as a block
    // first, then again on one line.
    const mixed = xml.replace('<Languages>', '<Languages><Note><b>bold</b> and text after it</Note>');
    expect(mixed).not.toBe(xml);
    const zip = await variantOf(fixturePath(HIL), path.join(temp.make(), 'mixed.zip'), {
      'customizations.xml': mixed,
    });
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(zip, folder);
    const scan = scanCustomizations(Buffer.from(mixed), 'customizations.xml');
    const unpacked = readFileSync(path.join(folder, 'Other/Customizations.xml'), 'utf8');
    expect(unpacked).toBe(text(withoutConnectors(scan, UNPACKED_STYLE)));
    expect(unpacked).toContain('<Note><b>bold</b> and text after it</Note>');

    const packed = path.join(temp.make(), 'packed.zip');
    await packSolution(folder, packed);
    const connectors = takenConnectors(scan).map((element) => ({ element }));
    expect((await readZip(packed)).get('customizations.xml')!.toString()).toBe(
      text(withConnectors(scanCustomizations(Buffer.from(unpacked), 'x.xml'), connectors, EXPORT_STYLE)),
    );
  });

  it('leaves the target as it was when customizations.xml is found bad after megabytes were written', async () => {
    const xml = (await readZip(fixturePath(HIL))).get('customizations.xml')!.toString();
    // About 3 MB of elements before the error: the one pass has written chunks of them by then.
    const filler = '<Entity><Name>e</Name><Description>filler text</Description></Entity>'.repeat(40_000);
    const bad = xml.replace('<Languages>', `<Entities>${filler}</Entities><Languages></Language>`);
    const zip = await variantOf(fixturePath(HIL), path.join(temp.make(), 'bad.zip'), {
      'customizations.xml': bad,
    });
    const parent = temp.make();
    const error = await unpackSolution(zip, path.join(parent, 'src')).catch((e: unknown) => e);
    expect(locatedMessage(error)).toMatch(
      /bad.zip\/customizations.xml:\d+:\d+: invalid XML: unexpected close tag/,
    );
    expect(readdirSync(parent)).toEqual([]);
  });

  it('pack tells bad XML in customizations.xml before a bad connector file, as when it read it first', async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(HIL), folder);
    const customizations = path.join(folder, 'Other/Customizations.xml');
    writeFileSync(
      customizations,
      readFileSync(customizations, 'utf8').replace('</Languages>', '</Language>'),
    );
    writeFileSync(path.join(folder, 'Connectors/cat_human-2din-2dthe-2dloop.xml'), '<Connector>');
    const error = await packSolution(folder, path.join(temp.make(), 'p.zip')).catch((e: unknown) => e);
    expect(locatedMessage(error)).toMatch(/Other[/\\]Customizations.xml:\d+:\d+: invalid XML/);
  });
});
