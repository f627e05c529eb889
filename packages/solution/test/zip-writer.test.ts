import { afterAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { writeZipAtomically, ZipReader } from '../src/index.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('zip-writer-');
afterAll(() => temp.cleanup());

/** The central directory records of a zip, as another reader than ours (yauzl itself) sees them. */
function centralEntries(file: string): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, (error, zip) => {
      if (error) return reject(error);
      const entries: yauzl.Entry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => entries.push(entry));
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
    });
  });
}

/** An MS-DOS date field (APPNOTE 4.4.6) as year-month-day. */
function dosDate(field: number): string {
  return `${(field >> 9) + 1980}-${(field >> 5) & 15}-${field & 31}`;
}

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

  // Packing the same folder in another run, on another machine, in another time zone gives the same
  // bytes: the one time written is a fixed DOS time (local fields, no time zone), not the clock's,
  // and no extended timestamp (0x5455, UTC seconds) that would differ with the zone.
  it('writes every entry deflated, as a regular file, with one fixed DOS time and no other time', async () => {
    const dir = temp.make();
    writeFileSync(path.join(dir, 'part.xml'), '<a />'.repeat(1000));
    await writeZipAtomically(path.join(dir, 'out.zip'), [
      { name: 'solution.xml', data: Buffer.from('<ImportExportXml />'.repeat(100)) },
      { name: 'Other/part.xml', file: path.join(dir, 'part.xml') },
      { name: 'Connector/x.json', load: () => Promise.resolve(Buffer.from('{}'.repeat(500))) },
      { name: 'customizations.xml', chunks: () => [Buffer.from('<x />'.repeat(500))] },
    ]);
    const entries = await centralEntries(path.join(dir, 'out.zip'));
    expect(
      entries.map((entry) => ({
        name: entry.fileName,
        deflated: entry.compressionMethod === 8 && entry.compressedSize < entry.uncompressedSize,
        mode: (entry.externalFileAttributes >>> 16).toString(8),
        date: dosDate(entry.lastModFileDate),
        time: entry.lastModFileTime,
        extraFields: entry.extraFields.map((field) => field.id),
      })),
    ).toEqual(
      ['solution.xml', 'Other/part.xml', 'Connector/x.json', 'customizations.xml'].map((name) => ({
        name,
        deflated: true,
        mode: '100644',
        date: '2000-1-1',
        time: 0,
        extraFields: [],
      })),
    );
  });

  // The rename would put the zip in place of the link (a workspace path that links to where the
  // build keeps its output), and nothing would reach the file it leads to.
  it('writes through a link at the destination to the file it leads to, and keeps the link', async () => {
    const dir = temp.make();
    writeFileSync(path.join(dir, 'real.zip'), 'the release before');
    symlinkSync(path.join(dir, 'real.zip'), path.join(dir, 'out.zip'));
    await writeZipAtomically(path.join(dir, 'out.zip'), [
      { name: 'solution.xml', data: Buffer.from('<ImportExportXml />') },
    ]);
    expect(lstatSync(path.join(dir, 'out.zip')).isSymbolicLink()).toBe(true);
    expect((await centralEntries(path.join(dir, 'real.zip'))).map((entry) => entry.fileName)).toEqual([
      'solution.xml',
    ]);
  });
});
