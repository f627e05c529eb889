import { afterAll, expect, it } from '@jest/globals';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { locatedMessage } from '@connector-alm/testing';
import {
  buildCertificationPackage,
  extractConnectors,
  MAX_XML_DEPTH,
  packSolution,
  unpackSolution,
} from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';
import { temporaryFolders, variantOf } from './helpers/zips.js';

/*
 * A pull request controls the solution XML that unpack, pack, extract-connectors and package read.
 * The tree is written and searched one call per level: customizations.xml nested 100,000 deep made
 * each of them crash with "Maximum call stack size exceeded", a stack trace and no finding. Such a
 * file is refused where its nesting goes too deep; a file nested as deep as allowed is read whole.
 */

const temp = temporaryFolders('xml-depth-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const TOO_DEEP = `elements nested more than ${MAX_XML_DEPTH} deep, far deeper than any solution file nests them`;

/** `levels` elements nested in <Entities>, itself in the root: the deepest is at 2 + levels. */
function nested(xml: string, levels: number): string {
  // An export writes <Entities></Entities>, unpack <Entities />.
  const inside = `${'<a>'.repeat(levels)}${'</a>'.repeat(levels)}`;
  const changed = xml.replace(/<Entities><\/Entities>|<Entities \/>/, `<Entities>${inside}</Entities>`);
  expect(changed).not.toBe(xml);
  return changed;
}

async function nestedZip(levels: number): Promise<string> {
  const xml = (await readZip(fixturePath(HIL))).get('customizations.xml')!.toString('utf8');
  return variantOf(fixturePath(HIL), path.join(temp.make(), 'nested.zip'), {
    'customizations.xml': nested(xml, levels),
  });
}

describeWith(SOLUTION_FIXTURES, 'real solution export')('deeply nested solution XML', () => {
  it('unpack refuses 100,000 levels, naming the entry, line and column, and writes nothing', async () => {
    const target = path.join(temp.make(), 'src');
    const error = await unpackSolution(await nestedZip(100_000), target).catch((e: unknown) => e);
    // <Entities> and its nesting are on the file's line 2.
    expect(locatedMessage(error)).toMatch(/nested\.zip\/customizations\.xml:2:\d+: /);
    expect(locatedMessage(error)).toContain(TOO_DEEP);
    expect(readdirSync(path.dirname(target))).toEqual([]);
  });

  it('extract-connectors refuses it too and writes no connector', async () => {
    const root = temp.make();
    const error = await extractConnectors(await nestedZip(100_000), root).catch((e: unknown) => e);
    expect(locatedMessage(error)).toMatch(/nested\.zip\/customizations\.xml:2:\d+: /);
    expect(locatedMessage(error)).toContain(TOO_DEEP);
    expect(readdirSync(root)).toEqual([]);
  });

  it('package build refuses it in a solution it packs', async () => {
    const dir = temp.make();
    const intro = path.join(dir, 'intro.md');
    writeFileSync(intro, '# Contoso\n');
    const flow = path.join(dir, 'flow.zip');
    copyFileSync(fixturePath(HIL), flow);
    const error = await buildCertificationPackage(path.join(dir, 'out.zip'), {
      intro,
      connectorSolution: await nestedZip(100_000),
      flowSolution: flow,
    }).catch((e: unknown) => e);
    expect(locatedMessage(error)).toMatch(/nested\.zip\/customizations\.xml:2:\d+: /);
    expect(locatedMessage(error)).toContain(TOO_DEEP);
    expect(readdirSync(dir).sort()).toEqual(['flow.zip', 'intro.md']);
  });

  it('pack refuses an unpacked Customizations.xml nested 100,000 deep and writes no zip', async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(HIL), folder);
    const customizations = path.join(folder, 'Other', 'Customizations.xml');
    writeFileSync(customizations, nested(readFileSync(customizations, 'utf8'), 100_000));
    const out = temp.make();
    const error = await packSolution(folder, path.join(out, 'packed.zip')).catch((e: unknown) => e);
    expect(locatedMessage(error)).toMatch(/Other[/\\]Customizations\.xml:\d+:\d+: /);
    expect(locatedMessage(error)).toContain(TOO_DEEP);
    expect(readdirSync(out)).toEqual([]);
  });

  it('the deepest nesting allowed unpacks and packs again, every level kept', async () => {
    const levels = MAX_XML_DEPTH - 2;
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(await nestedZip(levels), folder);
    const unpacked = readFileSync(path.join(folder, 'Other', 'Customizations.xml'), 'utf8');
    expect(unpacked.match(/<a>/g)).toHaveLength(levels - 1);
    expect(unpacked.match(/<a \/>/g)).toHaveLength(1);
    const packed = path.join(temp.make(), 'packed.zip');
    await packSolution(folder, packed);
    const repacked = (await readZip(packed)).get('customizations.xml')!.toString('utf8');
    expect(repacked.match(/<a>/g)).toHaveLength(levels - 1);
    // One level more is refused.
    const error = await unpackSolution(await nestedZip(levels + 1), path.join(temp.make(), 'src')).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(error)).toContain(TOO_DEEP);
  });
});
