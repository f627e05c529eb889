import { afterAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeZipAtomically, ZipReader } from '../src/index.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('zip-writer-');
afterAll(() => temp.cleanup());

describe('writeZipAtomically', () => {
  it('writes entries in the order given, from memory and from files', async () => {
    const dir = temp.make();
    const big = randomBytes(3 * 1024 * 1024);
    writeFileSync(path.join(dir, 'big.bin'), big);
    await writeZipAtomically(path.join(dir, 'out.zip'), [
      { name: 'solution.xml', data: Buffer.from('<ImportExportXml />') },
      { name: 'Controls/big.bin', file: path.join(dir, 'big.bin') },
    ]);
    const reader = await ZipReader.open(path.join(dir, 'out.zip'));
    try {
      expect(reader.entries.map((entry) => [entry.name, entry.size])).toEqual([
        ['solution.xml', 19],
        ['Controls/big.bin', 3 * 1024 * 1024],
      ]);
      expect((await reader.readBuffer(reader.entries[1]!)).equals(big)).toBe(true);
      expect((await reader.readBuffer(reader.entries[0]!)).toString()).toBe('<ImportExportXml />');
    } finally {
      reader.close();
    }
  });

  it('leaves an earlier zip untouched and no temporary file when writing fails', async () => {
    const dir = temp.make();
    writeFileSync(path.join(dir, 'out.zip'), 'the release before');
    await expect(
      writeZipAtomically(path.join(dir, 'out.zip'), [
        { name: 'solution.xml', data: Buffer.from('<x />') },
        { name: 'missing.bin', file: path.join(dir, 'no-such-file.bin') },
      ]),
    ).rejects.toThrow(/ENOENT/);
    expect(readFileSync(path.join(dir, 'out.zip'), 'utf8')).toBe('the release before');
    expect(readdirSync(dir)).toEqual(['out.zip']);
  });

  it('leaves no temporary file when a source fails before the file is open (a race: tried 300 times)', async () => {
    // The missing file fails while the temporary file is still being opened in about one run in 150:
    // it was removed before the open finished, and the open then made it again.
    const leftovers: string[][] = [];
    for (let attempt = 0; attempt < 300; attempt++) {
      const dir = temp.make();
      writeFileSync(path.join(dir, 'out.zip'), 'the release before');
      await writeZipAtomically(path.join(dir, 'out.zip'), [
        { name: 'solution.xml', data: Buffer.from('<x />') },
        { name: 'missing.bin', file: path.join(dir, 'no-such-file.bin') },
      ]).catch(() => undefined);
      const names = readdirSync(dir);
      if (names.length !== 1) leftovers.push(names);
    }
    expect(leftovers).toEqual([]);
  });
});
