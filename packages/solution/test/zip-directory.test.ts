import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { readZipDirectory, sameZipContent, writeZipAtomically } from '../src/index.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('zip-directory-');
afterAll(() => temp.cleanup());

const files = {
  'solution.xml': Buffer.from('<ImportExportXml version="9.2.0.0" />'),
  'customizations.xml': Buffer.from('<ImportExportXml><Entities /></ImportExportXml>'.repeat(50)),
};

/** The same files as our writer zips them (deflated, a fixed timestamp). */
async function written(entries: Record<string, Buffer>, mtime?: Date): Promise<Buffer> {
  const file = path.join(temp.make(), 'solution.zip');
  await writeZipAtomically(
    file,
    Object.entries(entries).map(([name, data]) => ({ name, data })),
    { mtime },
  );
  return readFileSync(file);
}

describe('readZipDirectory', () => {
  it('lists names, CRC-32s and expanded sizes', async () => {
    const entries = await readZipDirectory(await written(files));
    expect(entries.map(({ name, size }) => [name, size])).toEqual([
      ['solution.xml', files['solution.xml'].length],
      ['customizations.xml', files['customizations.xml'].length],
    ]);
    expect(entries.every((entry) => Number.isInteger(entry.crc32) && entry.crc32 !== 0)).toBe(true);
  });
});

describe('sameZipContent', () => {
  it('is true for the same files zipped by another tool, at another time, uncompressed, in another order', async () => {
    const ours = await written(files);
    const theirs = zipSync(
      { 'customizations.xml': files['customizations.xml'], 'solution.xml': files['solution.xml'] },
      { level: 0, mtime: new Date(2024, 5, 1) },
    );
    expect(await sameZipContent(ours, theirs)).toBe(true);
    expect(await sameZipContent(ours, await written(files, new Date(2025, 0, 1)))).toBe(true);
  });

  it('is false when an entry differs, is missing or is added', async () => {
    const ours = await written(files);
    const edited = { ...files, 'solution.xml': Buffer.from('<ImportExportXml version="9.2.0.1" />') };
    expect(await sameZipContent(ours, await written(edited))).toBe(false);
    expect(await sameZipContent(ours, await written({ 'solution.xml': files['solution.xml'] }))).toBe(false);
    expect(await sameZipContent(ours, await written({ ...files, 'Other/x.txt': Buffer.from('x') }))).toBe(
      false,
    );
  });

  it('is false, not an error, when either side is not a zip', async () => {
    const ours = await written(files);
    expect(await sameZipContent(ours, Buffer.from('not a zip at all'))).toBe(false);
    expect(await sameZipContent(Buffer.alloc(0), ours)).toBe(false);
  });
});
