import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles, unpackSolution, ZipReader } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { writeRawZip, type RawEntry } from '@connector-alm/testing';
import { readZip } from './helpers/trees.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('zip-name-encoding-');
afterAll(() => temp.cleanup());

/**
 * Names as Windows in Japanese writes them (code page 932, Shift-JIS) without the UTF-8 flag. The
 * second byte of 表 (0x95 0x5C) and of ソ (0x83 0x5C) is the byte of '\' in ASCII.
 */
const SJIS = {
  表: [0x95, 0x5c],
  ソ: [0x83, 0x5c],
  ー: [0x81, 0x5b],
  ス: [0x83, 0x58],
};
const ascii = (text: string): number[] => [...Buffer.from(text, 'ascii')];
/** WebResources/ソース/表.js in code page 932. */
const SOURCE_TABLE = [
  ...ascii('WebResources/'),
  ...SJIS.ソ,
  ...SJIS.ー,
  ...SJIS.ス,
  ...ascii('/'),
  ...SJIS.表,
  ...ascii('.js'),
];

function entry(name: number[] | string, content: string, flags = 0): RawEntry {
  return {
    name: typeof name === 'string' ? Buffer.from(name, 'utf8') : Uint8Array.from(name),
    content: Buffer.from(content),
    flags,
    host: 0,
  };
}

async function names(file: string, nameEncoding?: string): Promise<string[]> {
  const reader = await ZipReader.open(file, { displayName: 'names.zip', nameEncoding });
  try {
    return reader.entries.map((e) => e.name);
  } finally {
    reader.close();
  }
}

describe('ZipReader lists the names it read in a code page', () => {
  it('lists a name past ASCII without the UTF-8 flag, not an ASCII one or one with the flag', async () => {
    const file = await writeRawZip(path.join(temp.make(), 'names.zip'), [
      entry(SOURCE_TABLE, 'x'),
      entry('WebResources/plain.js', 'x'),
      entry('WebResources/ソース.js', 'x', 0x800),
    ]);
    const reader = await ZipReader.open(file, { displayName: 'names.zip', nameEncoding: 'shift_jis' });
    try {
      expect(reader.codePageNamed).toEqual(['WebResources/ソース/表.js']);
    } finally {
      reader.close();
    }
  });

  it('lists a name whose only byte past ASCII is 0x80, Ç in code page 437', async () => {
    const file = await writeRawZip(path.join(temp.make(), 'names.zip'), [
      entry([...ascii('WebResources/'), 0x80, ...ascii('a.js')], 'x'),
    ]);
    const reader = await ZipReader.open(file, { displayName: 'names.zip' });
    try {
      expect(reader.codePageNamed).toEqual(['WebResources/Ça.js']);
    } finally {
      reader.close();
    }
  });
});

describe('ZipReader decodes names without the UTF-8 flag before it reads any backslash', () => {
  it('the test bytes spell the names in Shift-JIS', () => {
    expect(new TextDecoder('shift_jis').decode(Uint8Array.from(SOURCE_TABLE))).toBe(
      'WebResources/ソース/表.js',
    );
  });

  it("reads names in the code page it is given: 0x5C inside 表 and ソ is no separator, a whole '\\' is", async () => {
    const file = await writeRawZip(path.join(temp.make(), 'sjis.zip'), [
      entry(SOURCE_TABLE, 'table'),
      // ソ, then a '\' of its own between folders (as PowerShell 5.1 writes them), then 表.
      entry([...SJIS.ソ, 0x5c, ...SJIS.表, ...ascii('.txt')], 'nested'),
    ]);
    expect(await names(file, 'shift_jis')).toEqual(['WebResources/ソース/表.js', 'ソ/表.txt']);
    expect(await names(file, 'cp932')).toEqual(['WebResources/ソース/表.js', 'ソ/表.txt']);
  });

  it('refuses, unless told the code page, a name whose 0x5C may be the second byte of a character', async () => {
    const file = await writeRawZip(path.join(temp.make(), 'sjis.zip'), [entry(SOURCE_TABLE, 'table')]);
    const error = await ZipReader.open(file, { displayName: 'names.zip' }).then(
      (reader) => {
        reader.close();
        throw new Error('the archive was accepted');
      },
      (failure: Error & { hint?: string; location?: { file: string } }) => failure,
    );
    expect(error.location).toEqual({ file: 'names.zip' });
    expect(error.message).toMatch(/^entry 'WebResources\/.*' has no UTF-8 flag/);
    expect(error.message).toMatch(/byte 0x5C after 0x83/);
    expect(error.hint).toMatch(/--zip-name-encoding shift_jis/);
  });

  it('refuses a name whose 0x5C follows the lowest lead byte, 0x81, first in the name', async () => {
    // ― (horizontal bar) is 0x81 0x5C in code page 932.
    const file = await writeRawZip(path.join(temp.make(), 'sjis.zip'), [
      entry([0x81, 0x5c, ...ascii('.txt')], 'x'),
    ]);
    await expect(names(file)).rejects.toThrow(/byte 0x5C after 0x81 may be the second byte/);
    expect(await names(file, 'shift_jis')).toEqual(['―.txt']);
  });

  it("refuses a '\\' in a code page 437 name from a zip made on Unix, where it is part of a file's name", async () => {
    // 'Other\Müller.txt' (ü is 0x81): no lead byte before the 0x5C, so nothing to doubt.
    const file = await writeRawZip(path.join(temp.make(), 'unix.zip'), [
      { ...entry([...ascii('Other\\M'), 0x81, ...ascii('ller.txt')], 'x'), host: 3 },
    ]);
    for (const nameEncoding of [undefined, 'cp437'])
      await expect(names(file, nameEncoding)).rejects.toThrow(
        "entry 'Other\\Müller.txt' contains a backslash, which is a path separator on Windows; it is refused.",
      );
  });

  it("refuses a '\\' in a name with the UTF-8 flag from a zip made on Unix", async () => {
    const file = await writeRawZip(path.join(temp.make(), 'unix.zip'), [
      { ...entry('Other\\表.txt', 'x', 0x0800), host: 3 },
    ]);
    await expect(names(file)).rejects.toThrow(
      "entry 'Other\\表.txt' contains a backslash, which is a path separator on Windows; it is refused.",
    );
  });

  it('keeps a byte order mark before a UTF-8 name without the flag, as .NET reads it', async () => {
    const file = await writeRawZip(path.join(temp.make(), 'bom.zip'), [
      entry([0xef, 0xbb, 0xbf, ...Buffer.from('表示.js')], 'x'),
    ]);
    expect(await names(file)).toEqual(['\ufeff表示.js']);
  });

  it('reads a name that is UTF-8 without the flag as UTF-8, as .NET (and so pac) reads it', async () => {
    const file = await writeRawZip(path.join(temp.make(), 'utf8.zip'), [entry('WebResources/表示.js', 'x')]);
    expect(await names(file)).toEqual(['WebResources/表示.js']);
    // The flag wins over the code page given for names without it.
    const flagged = await writeRawZip(path.join(temp.make(), 'flagged.zip'), [
      entry('WebResources/表示.js', 'x', 0x0800),
    ]);
    expect(await names(flagged, 'shift_jis')).toEqual(['WebResources/表示.js']);
  });

  it('reads other names without the flag in code page 437, as the zip specification says', async () => {
    // 'Müller.txt' in code page 437 (ü is 0x81): not UTF-8, and no 0x5C to doubt.
    const file = await writeRawZip(path.join(temp.make(), 'cp437.zip'), [
      entry([...ascii('M'), 0x81, ...ascii('ller.txt')], 'x'),
      entry([...ascii('Other\\x.txt')], 'x'),
    ]);
    expect(await names(file)).toEqual(['Müller.txt', 'Other/x.txt']);
  });

  it('refuses a code page it does not know, saying which it knows', async () => {
    const file = await writeRawZip(path.join(temp.make(), 'x.zip'), [entry('a.txt', 'x')]);
    await expect(names(file, 'klingon')).rejects.toThrow(/'klingon' is not an encoding/);
  });
});

describeWith(SOLUTION_FIXTURES, 'real solution export')(
  'unpack of a real export re-zipped on Japanese Windows',
  () => {
    async function rezippedInShiftJis(): Promise<string> {
      const entries: RawEntry[] = [...(await readZip(fixturePath('customHIL/customHIL_1_0_0_3.zip')))].map(
        ([name, content]) => ({ name: Buffer.from(name, 'ascii'), content, host: 0 }),
      );
      entries.push(entry(SOURCE_TABLE, 'console.log("表");'));
      return writeRawZip(path.join(temp.make(), 'customHIL_sjis.zip'), entries);
    }

    it('writes the file under its name when told the code page', async () => {
      const target = path.join(temp.make(), 'src');
      await unpackSolution(await rezippedInShiftJis(), target, { zipNameEncoding: 'shift_jis' });
      expect(readFileSync(path.join(target, 'WebResources/ソース/表.js'), 'utf8')).toBe('console.log("表");');
      expect((await listFiles(target)).filter((file) => file.startsWith('WebResources/'))).toEqual([
        'WebResources/ソース/表.js',
      ]);
    });

    it('writes nothing when not told, and says how to tell it', async () => {
      const target = path.join(temp.make(), 'src');
      await expect(unpackSolution(await rezippedInShiftJis(), target)).rejects.toThrow(/has no UTF-8 flag/);
      expect(existsSync(target)).toBe(false);
    });
  },
);
