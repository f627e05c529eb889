import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import crc32, { signed, unsigned } from '../src/zip/native-crc32.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// buffer-crc32 itself, by its file: Jest's moduleNameMapper gives native-crc32 for its name.
type BufferCrc32 = typeof crc32;
const packageFolder = path.join(root, 'node_modules/buffer-crc32');
const { main } = JSON.parse(readFileSync(path.join(packageFolder, 'package.json'), 'utf8')) as {
  main: string;
};
const bufferCrc32 = createRequire(import.meta.url)(path.join(packageFolder, main)) as BufferCrc32;

const inputs: [string, string | Buffer][] = [
  ['nothing', Buffer.alloc(0)],
  ['one byte', Buffer.from([0xff])],
  ['ASCII text', 'The quick brown fox jumps over the lazy dog'],
  ['text beyond ASCII, as UTF-8', 'Grüße, 日本語 😀'],
  ['random bytes', randomBytes(100_003)],
];

describe('native-crc32, buffer-crc32 over zlib.crc32', () => {
  it('is compared with buffer-crc32 itself, a function with two others', () => {
    expect(typeof bufferCrc32).toBe('function');
    expect(bufferCrc32.unsigned.toString()).not.toContain('zlib');
  });

  it.each(inputs)('gives the CRC-32 buffer-crc32 gives of %s, in its three forms', (_, input) => {
    expect(unsigned(input)).toBe(bufferCrc32.unsigned(input));
    expect(signed(input)).toBe(bufferCrc32.signed(input));
    expect(crc32(input)).toEqual(bufferCrc32(input));
  });

  it('continues from a partial CRC given as an unsigned or signed number or as 4 bytes', () => {
    const [first, second] = [randomBytes(4_099), randomBytes(777)];
    const whole = bufferCrc32.unsigned(Buffer.concat([first, second]));
    const partial = bufferCrc32.unsigned(first);
    expect(unsigned(second, partial)).toBe(whole);
    expect(unsigned(second, partial | 0)).toBe(whole);
    expect(unsigned(second, bufferCrc32(first))).toBe(whole);
    // buffer-crc32 itself agrees on each form of the partial CRC.
    expect(bufferCrc32.unsigned(second, partial | 0)).toBe(whole);
  });

  it('finds a partial CRC whose high bit is set, which zlib.crc32 refuses as a negative number', () => {
    const input = Array.from({ length: 64 }, (_, i) => `text ${i}`).find(
      (text) => bufferCrc32.signed(text) < 0,
    )!;
    expect(signed(input)).toBeLessThan(0);
    expect(unsigned('more', signed(input))).toBe(bufferCrc32.unsigned('more', bufferCrc32.signed(input)));
  });
});

describe('the committed bundles', () => {
  it('give yazl native-crc32, not buffer-crc32', () => {
    // dist/ is committed, and npm test rebuilds it before the tests run.
    const text = readFileSync(path.join(root, 'dist/pack-solution/index.cjs'), 'utf8');
    // esbuild heads each module it bundles with a comment naming its file.
    const modules = text.match(/^\/\/ (?:node_modules|packages)\/\S+$/gm) ?? [];
    expect(modules).toContain('// packages/solution/src/zip/native-crc32.ts');
    expect(modules.filter((module) => module.includes('buffer-crc32'))).toEqual([]);
  });
});
