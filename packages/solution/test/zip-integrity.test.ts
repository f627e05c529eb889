import { afterAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { ZipReader } from '../src/index.js';
import { temporaryFolders, zipWithYazl } from './helpers/zips.js';

const temp = temporaryFolders('zip-integrity-');
afterAll(() => temp.cleanup());

/** Rewrites one field of the central directory record of entry `name` (CRC at 16, size at 24). */
function patchCentralDirectory(file: string, name: string, field: 16 | 24, value: number): void {
  const bytes = readFileSync(file);
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (bytes.readUInt32LE(i) !== 0x02014b50) continue;
    const nameLength = bytes.readUInt16LE(i + 28);
    if (bytes.toString('utf8', i + 46, i + 46 + nameLength) !== name) continue;
    bytes.writeUInt32LE(value >>> 0, i + field);
    writeFileSync(file, bytes);
    return;
  }
  throw new Error(`no central directory record for ${name}`);
}

// Both read paths: small entries are read and inflated in one go, large ones are streamed.
const payloads = {
  small: Buffer.from('{"a":1}'.repeat(1000)),
  large: Buffer.concat([randomBytes(3 << 20), Buffer.alloc(2 << 20, 65)]),
};

describe.each(Object.entries(payloads))('a %s entry whose bytes do not match its record', (_, data) => {
  async function archive(): Promise<string> {
    return zipWithYazl(path.join(temp.make(), 'bad.zip'), [{ name: 'x.bin', content: data }]);
  }

  async function copyError(file: string): Promise<{ error: Error; left: boolean }> {
    const reader = await ZipReader.open(file, { displayName: 'bad.zip' });
    const destination = path.join(path.dirname(file), 'x.out');
    try {
      await reader.copyToFile(reader.find('x.bin')!, destination);
      throw new Error('the entry was accepted');
    } catch (error) {
      return { error: error as Error, left: existsSync(destination) };
    } finally {
      reader.close();
    }
  }

  it('is refused on a CRC mismatch, naming the entry, and leaves no file', async () => {
    const file = await archive();
    patchCentralDirectory(file, 'x.bin', 16, crc32(data) ^ 1);
    const { error, left } = await copyError(file);
    expect(error.message).toMatch(/x\.bin/);
    expect((error as Error & { hint?: string }).hint).toBe('Export or download the solution again.');
    expect(left).toBe(false);
  });

  it('is refused when it inflates past its declared size', async () => {
    const file = await archive();
    patchCentralDirectory(file, 'x.bin', 24, data.length - 100);
    const { error } = await copyError(file);
    expect(error.message).toMatch(/x\.bin/);
  });

  it('is refused when it inflates to less than its declared size', async () => {
    const file = await archive();
    patchCentralDirectory(file, 'x.bin', 24, data.length + 100);
    const { error } = await copyError(file);
    expect(error.message).toMatch(/x\.bin/);
  });

  it('is read byte-exact when untouched', async () => {
    const file = await archive();
    const reader = await ZipReader.open(file);
    try {
      expect((await reader.readBuffer(reader.find('x.bin')!)).equals(data)).toBe(true);
    } finally {
      reader.close();
    }
  });
});

describe("an entry's damaged data", () => {
  /** The error of reading x.bin, holding `content`, once `edit` has damaged the archive. */
  async function readError(content: string, edit: (file: string) => void, damagedHint?: string) {
    const file = await zipWithYazl(path.join(temp.make(), 'bad.zip'), [{ name: 'x.bin', content }]);
    edit(file);
    const reader = await ZipReader.open(file, {
      displayName: 'bad.zip',
      ...(damagedHint ? { damagedHint } : {}),
    });
    try {
      const error = await reader.readBuffer(reader.find('x.bin')!).catch((caught: unknown) => caught);
      return { message: (error as Error).message, hint: (error as Error & { hint?: string }).hint };
    } finally {
      reader.close();
    }
  }

  const wrongCrc = (file: string) => patchCentralDirectory(file, 'x.bin', 16, crc32('x') ^ 1);
  const wrongSignature = (file: string) => {
    const bytes = readFileSync(file);
    bytes.writeUInt32LE(0x04034b51, 0);
    writeFileSync(file, bytes);
  };

  it("is told with the archive's own advice, whether its checksum or its header is wrong", async () => {
    const hint = 'Build the package again (connector-alm package build), or download it again.';
    expect((await readError('x', wrongCrc, hint)).hint).toBe(hint);
    expect((await readError('x', wrongSignature, hint)).hint).toBe(hint);
    // A solution zip's by default, as for an archive that does not open.
    expect((await readError('x', wrongSignature)).hint).toBe('Export or download the solution again.');
  });

  it('counts one byte as one byte, not as 1 bytes', async () => {
    const declared = (size: number) => (file: string) => patchCentralDirectory(file, 'x.bin', 24, size);
    expect((await readError('xy', declared(1))).message).toBe(
      "entry 'x.bin' cannot be read: inflates past its declared size of 1 byte.",
    );
    expect((await readError('x', declared(2))).message).toBe(
      "entry 'x.bin' cannot be read: has 1 byte, not the 2 it declares.",
    );
  });
});

describe('the limits on the bytes entries expand to', () => {
  it('reads every entry of an archive that expands to exactly the limit', async () => {
    const data = { 'a.bin': randomBytes(3000), 'b.bin': randomBytes(2000) };
    const file = await zipWithYazl(
      path.join(temp.make(), 'full.zip'),
      Object.entries(data).map(([name, content]) => ({ name, content })),
    );
    const reader = await ZipReader.open(file, { limits: { maxTotalBytes: 5000 } });
    try {
      for (const [name, bytes] of Object.entries(data))
        expect((await reader.readBuffer(reader.find(name)!)).equals(bytes)).toBe(true);
    } finally {
      reader.close();
    }
  });

  it('reads an entry that expands to exactly the limit for one entry', async () => {
    const data = randomBytes(4000);
    const file = await zipWithYazl(path.join(temp.make(), 'one.zip'), [{ name: 'a.bin', content: data }]);
    const reader = await ZipReader.open(file, { limits: { maxEntryBytes: 4000 } });
    try {
      expect((await reader.readBuffer(reader.find('a.bin')!)).equals(data)).toBe(true);
    } finally {
      reader.close();
    }
  });
});

describe('an entry whose local header is damaged', () => {
  it("is refused, naming the entry, when the header's signature is not a local header's", async () => {
    const file = await zipWithYazl(path.join(temp.make(), 'bad.zip'), [{ name: 'x.bin', content: 'x' }]);
    const bytes = readFileSync(file);
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    bytes.writeUInt32LE(0x04034b51, 0);
    writeFileSync(file, bytes);
    const reader = await ZipReader.open(file, { displayName: 'bad.zip' });
    try {
      await expect(reader.readBuffer(reader.find('x.bin')!)).rejects.toThrow(
        "entry 'x.bin' cannot be read: its local header is missing or damaged.",
      );
    } finally {
      reader.close();
    }
  });
});
