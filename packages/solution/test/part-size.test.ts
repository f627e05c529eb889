import { afterAll, expect, it } from '@jest/globals';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { locatedMessage } from '@connector-alm/testing';
import {
  buildCertificationPackage,
  extractConnectors,
  IN_MEMORY_ENTRY_BYTES,
  unpackSolution,
} from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';
import { temporaryFolders, variantOf } from './helpers/zips.js';

/*
 * Solution parts are read whole into memory and parsed: unpack, pack and extract-connectors refuse a
 * customizations.xml past IN_MEMORY_ENTRY_BYTES. package build and package check read it too, to
 * tell what each solution is for, and did not: 1,000,000 elements (76 MB) took 63 s and 1.4 GB
 * before failing. They refuse it alike now, before reading it.
 */

const temp = temporaryFolders('part-size-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';

/**
 * Text that deflate shrinks less than 500 to 1 (the ratio past which an entry is refused as a zip
 * bomb, before its size is looked at): pseudo-random letters, the same in every run.
 */
function incompressible(length: number): string {
  let state = 2_463_534_242;
  let text = '';
  for (let i = 0; i < length; i++) {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    text += String.fromCharCode(97 + ((state >>> 0) % 26));
  }
  return text;
}

/** The customHIL export with a comment in customizations.xml that takes it one byte past the limit. */
async function oversizedZip(): Promise<{ zip: string; size: number }> {
  const xml = (await readZip(fixturePath(HIL))).get('customizations.xml')!.toString('utf8');
  const noise = incompressible(400_000);
  const padding = ' '.repeat(IN_MEMORY_ENTRY_BYTES + 1 - Buffer.byteLength(xml) - noise.length - 7);
  const large = xml.replace('<Entities>', `<Entities><!--${noise}${padding}-->`);
  expect(Buffer.byteLength(large)).toBe(IN_MEMORY_ENTRY_BYTES + 1);
  const zip = await variantOf(fixturePath(HIL), path.join(temp.make(), 'large.zip'), {
    'customizations.xml': large,
  });
  return { zip, size: IN_MEMORY_ENTRY_BYTES + 1 };
}

const tooLarge = (size: number): string => `is ${size} bytes, too large for a solution part.`;

describeWith(SOLUTION_FIXTURES, 'real solution export')('a solution part too large to read', () => {
  it('unpack, extract-connectors and package build refuse it with one message', async () => {
    const { zip, size } = await oversizedZip();

    const target = path.join(temp.make(), 'src');
    const unpacked = await unpackSolution(zip, target).catch((e: unknown) => e);
    expect(locatedMessage(unpacked)).toMatch(/large\.zip\/customizations\.xml: /);
    expect(locatedMessage(unpacked)).toContain(tooLarge(size));

    const root = temp.make();
    const extracted = await extractConnectors(zip, root).catch((e: unknown) => e);
    expect(locatedMessage(extracted)).toContain(`large.zip/customizations.xml: ${tooLarge(size)}`);

    const dir = temp.make();
    const intro = path.join(dir, 'intro.md');
    writeFileSync(intro, '# Contoso\n');
    const flow = path.join(dir, 'flow.zip');
    copyFileSync(fixturePath(HIL), flow);
    const connector = path.join(dir, 'large.zip');
    copyFileSync(zip, connector);
    const built = await buildCertificationPackage(path.join(dir, 'out.zip'), {
      intro,
      connectorSolution: connector,
      flowSolution: flow,
    }).catch((e: unknown) => e);
    // Located in the package it checked, as the validator names the solution zips.
    expect(locatedMessage(built)).toMatch(/\.pdpkg\.zip\/PkgAssets\/large\.zip\/customizations\.xml: /);
    expect(locatedMessage(built)).toContain(tooLarge(size));
    expect(readdirSync(dir).sort()).toEqual(['flow.zip', 'intro.md', 'large.zip']);
  });
});
