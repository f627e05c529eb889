import { afterAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packSolution, unpackSolution } from '../src/index.js';
import { EndingCounter, recordedEnding, withRecordedEnding } from '../src/text/line-endings.js';
import { FOLDER_LINE_ENDINGS, parseLineEndings, readLineEndings } from '../src/solution/line-endings-file.js';
import { describeWith, FIXTURE_EXPORTS, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { hashTree, readZip } from './helpers/trees.js';
import { managedTwinOf, temporaryFolders, variantOf } from './helpers/zips.js';

const temp = temporaryFolders('pack-eol-');
afterAll(() => temp.cleanup());

/** Text to git: no NUL and no CR outside CRLF (git's is_binary counts both as binary). */
function isGitText(bytes: Buffer): boolean {
  return !bytes.includes(0) && !/\r(?!\n)/.test(bytes.toString('latin1'));
}

/**
 * A copy of `source` as git with core.autocrlf=true checks it out on Windows: every text file whose
 * lines end in LF only gets CRLF; a file that has a CR already, and a binary one, stays as it is.
 */
function checkedOutWithCrlf(source: string): string {
  const target = path.join(temp.make(), 'crlf');
  cpSync(source, target, { recursive: true });
  for (const file of readdirSync(target, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const full = path.join(file.parentPath, file.name);
    const bytes = readFileSync(full);
    const text = bytes.toString('latin1');
    if (isGitText(bytes) && !text.includes('\r'))
      writeFileSync(full, Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1'));
  }
  return target;
}

/** A copy of `source` as committed from such a checkout and checked out elsewhere: every CRLF is LF. */
function checkedOutWithLf(source: string): string {
  const target = path.join(temp.make(), 'lf');
  cpSync(source, target, { recursive: true });
  for (const file of readdirSync(target, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const full = path.join(file.parentPath, file.name);
    const bytes = readFileSync(full);
    if (isGitText(bytes))
      writeFileSync(full, Buffer.from(bytes.toString('latin1').replace(/\r\n/g, '\n'), 'latin1'));
  }
  return target;
}

async function packed(folder: string): Promise<Buffer> {
  const zip = path.join(temp.make(), 'packed.zip');
  await packSolution(folder, zip);
  return readFileSync(zip);
}

describeWith(SOLUTION_FIXTURES, 'real solution export')(
  'pack of a checkout whose line endings git changed (core.autocrlf)',
  () => {
    describe.each(FIXTURE_EXPORTS)('$name', (fixture) => {
      it('packs the same zip, byte for byte, from the CRLF and the LF checkout as from the unpacked folder', async () => {
        const unpacked = path.join(temp.make(), 'src');
        await unpackSolution(fixturePath(fixture.zip), unpacked);
        const expected = await packed(unpacked);
        expect((await packed(checkedOutWithCrlf(unpacked))).equals(expected)).toBe(true);
        expect((await packed(checkedOutWithLf(unpacked))).equals(expected)).toBe(true);
      });

      it('keeps every entry of the export byte for byte that the unpack copied', async () => {
        const unpacked = path.join(temp.make(), 'src');
        await unpackSolution(fixturePath(fixture.zip), unpacked);
        const zip = path.join(temp.make(), 'crlf.zip');
        await packSolution(checkedOutWithCrlf(unpacked), zip);
        const ours = await readZip(zip);
        for (const [name, bytes] of await readZip(fixturePath(fixture.zip))) {
          // The manifest, the customizations, [Content_Types].xml and connector parts are rewritten.
          if (!name.includes('/') || (name.startsWith('Connector/') && !name.endsWith('.csx'))) continue;
          expect([name, ours.get(name)?.equals(bytes)]).toEqual([name, true]);
        }
      });

      it('unpack → CRLF checkout → pack → unpack gives the files of the first unpack', async () => {
        const first = path.join(temp.make(), 'first');
        await unpackSolution(fixturePath(fixture.zip), first);
        const zip = path.join(temp.make(), 'crlf.zip');
        await packSolution(checkedOutWithCrlf(first), zip);
        const second = path.join(temp.make(), 'second');
        await unpackSolution(zip, second);
        expect(await hashTree(second)).toEqual(await hashTree(first));
      });
    });
  },
);

/** Every text of up to six bytes from the ones that decide a part's line ending: 5,461 of them. */
function textsOfDecidingBytes(): string[] {
  const alphabet = ['a', '\r', '\n', '\x00'];
  const texts = [''];
  for (let length = 1, last = ['']; length <= 6; length++) {
    last = last.flatMap((text) => alphabet.map((byte) => text + byte));
    texts.push(...last);
  }
  return texts;
}

describe('line endings pack writes for a copied part', () => {
  const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

  it('records CRLF and mixed text, and nothing for LF text or a binary', () => {
    expect(recordedEnding(bytes('a\r\nb\r\n'))).toBe('crlf');
    expect(recordedEnding(bytes('a\r\nb\n'))).toBe('mixed');
    expect(recordedEnding(bytes('a\nb\n'))).toBeUndefined();
    expect(recordedEnding(bytes('\x89PNG\r\n\x1a\n\x00\x00'))).toBeUndefined();
  });

  it('writes text with the recorded ending, and mixed text and binaries as they are', () => {
    expect(withRecordedEnding(bytes('a\nb\r\n'), 'crlf').toString('latin1')).toBe('a\r\nb\r\n');
    expect(withRecordedEnding(bytes('a\r\nb\r\n'), undefined).toString('latin1')).toBe('a\nb\n');
    expect(withRecordedEnding(bytes('a\r\nb\r\n'), 'mixed').toString('latin1')).toBe('a\r\nb\r\n');
    const png = bytes('\x89PNG\r\n\x1a\n\x00\x00');
    expect(withRecordedEnding(png, undefined).equals(png)).toBe(true);
    // A lone CR makes a file binary to git, which then leaves it alone; so does pack.
    expect(withRecordedEnding(bytes('a\rb\r\n'), undefined).toString('latin1')).toBe('a\rb\r\n');
  });

  // Which lines of a mixed file had CRLF is not recorded: any rewrite could only guess, so the file
  // goes into the zip with the line endings it has, mixed or not.
  it('writes a part recorded as mixed as it is, whatever its lines end in now', () => {
    for (const text of ['a\r\nb\n', 'a\nb\n', 'a\r\nb\r\n'])
      expect(withRecordedEnding(bytes(text), 'mixed').toString('latin1')).toBe(text);
  });

  // An ending the record does not know would be read as "LF" and rewrite the file: refused, located.
  it('refuses a record of an ending other than crlf or mixed', () => {
    expect(() =>
      parseLineEndings(
        '<LineEndings>\n  <File path="WebResources/a.js" endings="lf" />\n</LineEndings>',
        'LineEndings.xml',
      ),
    ).toThrow(
      expect.objectContaining({
        message: 'has an entry that is not <File path="…" endings="crlf|mixed" />.',
        location: { file: 'LineEndings.xml' },
      }),
    );
  });

  it('refuses a record entry that is not a <File>', () => {
    expect(() =>
      parseLineEndings(
        '<LineEndings>\n  <Folder path="WebResources" endings="crlf" />\n</LineEndings>',
        'LineEndings.xml',
      ),
    ).toThrow('has an entry that is not <File path="…" endings="crlf|mixed" />.');
  });

  it('reads a part as git does in every arrangement of the bytes that decide it', () => {
    // Every text of up to six bytes from the ones that matter, against git's own definition
    // (isGitText) and a count of the endings done the plain way.
    const texts = textsOfDecidingBytes();
    const misread = texts.flatMap((text) => {
      const crlf = text.split('\r\n').length - 1;
      const lf = text.split('\n').length - 1;
      const expected = !isGitText(bytes(text)) || crlf === 0 ? undefined : lf > crlf ? 'mixed' : 'crlf';
      // A Uint8Array that is no Buffer, at an offset into a larger store, reads the same.
      const store = new Uint8Array(text.length + 2);
      store.set(bytes(text), 1);
      const read = [recordedEnding(bytes(text)), recordedEnding(store.subarray(1, 1 + text.length))];
      return read.every((ending) => ending === expected) ? [] : [{ text, expected, read }];
    });
    expect(texts).toHaveLength(5461);
    expect(misread).toEqual([]);
  });

  it('reads a part streamed in chunks as it reads the part whole, wherever the chunks split it', () => {
    // Every text of up to six bytes from the ones that matter, cut into two and into three chunks at
    // every place: a CR that ends one chunk is completed (or not) by the next one's first byte.
    const texts = textsOfDecidingBytes();
    const misread = texts.flatMap((text) => {
      const whole = recordedEnding(bytes(text));
      const cuts: number[][] = [];
      for (let first = 0; first <= text.length; first++)
        for (let second = first; second <= text.length; second++) cuts.push([first, second]);
      return cuts.flatMap(([first, second]) => {
        const counter = new EndingCounter();
        for (const piece of [text.slice(0, first), text.slice(first, second), text.slice(second)])
          counter.add(bytes(piece));
        return counter.recorded() === whole ? [] : [{ text, cut: [first, second], whole }];
      });
    });
    expect(misread).toEqual([]);
  });

  it('writes a part that has its ending already as it is, without copying it', () => {
    for (const [text, recorded] of [
      ['a\nb\n', undefined],
      ['a\r\nb\r\n', 'crlf'],
      ['no line break', 'crlf'],
      ['', undefined],
    ] as const) {
      const part = bytes(text);
      expect(withRecordedEnding(part, recorded)).toBe(part);
    }
    expect(withRecordedEnding(bytes('a\nb'), 'crlf').toString('latin1')).toBe('a\r\nb');
  });
});

describeWith(SOLUTION_FIXTURES, 'real solution export')('unpack and its record of line endings', () => {
  it('refuses a zip that has an entry where the record goes, and writes nothing', async () => {
    const zip = await variantOf(
      fixturePath('customHIL/customHIL_1_0_0_3.zip'),
      path.join(temp.make(), 'x.zip'),
      {
        'Other/LineEndings.xml': '<LineEndings />',
      },
    );
    const target = path.join(temp.make(), 'src');
    await expect(unpackSolution(zip, target)).rejects.toThrow(
      /has Other\/LineEndings\.xml, where unpack records/,
    );
  });
});

/** The line endings an unpacked folder records, as "path ending", in the record's order. */
async function recordOf(folder: string): Promise<string[]> {
  const endings = await readLineEndings(folder, [FOLDER_LINE_ENDINGS]);
  return [...endings].map(([file, ending]) => `${file} ${ending}`);
}

describeWith(SOLUTION_FIXTURES, 'real solution export')('the line endings unpack records', () => {
  /** Random lines ending in CRLF: repeated text would be refused as a zip bomb at these sizes. */
  const crlfText = (bytes: number): string =>
    (
      randomBytes(Math.ceil(bytes * 0.75))
        .toString('base64')
        .match(/.{1,78}/g) ?? []
    ).join('\r\n') + '\r\n';
  /** Parts copied whole (up to 1 MB) and streamed (above), of each kind of ending. */
  const parts = {
    'WebResources/small_crlf.js': crlfText(1000),
    'WebResources/small_mixed.js': 'a\r\nb\nc\r\n',
    'WebResources/small_lf.js': 'a\nb\n',
    'WebResources/large_crlf.js': crlfText(1_500_000),
    'WebResources/large_mixed.js': `${crlfText(1_500_000)}tail\n`,
    'WebResources/large_binary.bin': Buffer.concat([Buffer.from(crlfText(1_500_000)), Buffer.from([0])]),
    // A control character other than NUL leaves a file text, to git and here.
    'WebResources/large_control.js': `\u0001${crlfText(1_500_000)}`,
  };

  it('records every copied part with CRLF, copied whole or streamed, and nothing for LF text or a binary', async () => {
    const zip = await variantOf(
      fixturePath('customHIL/customHIL_1_0_0_3.zip'),
      path.join(temp.make(), 'x.zip'),
      parts,
    );
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(zip, folder);
    expect(await recordOf(folder)).toEqual([
      'WebResources/large_control.js crlf',
      'WebResources/large_crlf.js crlf',
      'WebResources/large_mixed.js mixed',
      'WebResources/small_crlf.js crlf',
      'WebResources/small_mixed.js mixed',
      'environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml crlf',
    ]);
  });

  it('records the managed copy of a part under its own name when both exports are unpacked', async () => {
    const dir = temp.make();
    const unmanaged = await variantOf(
      fixturePath('customHIL/customHIL_1_0_0_3.zip'),
      path.join(dir, 'x.zip'),
      {
        'WebResources/differs.js': 'a\nb\n',
        'WebResources/large_differs.js': crlfText(1_500_000).replace(/\r\n/g, '\n'),
      },
    );
    await managedTwinOf(unmanaged, path.join(dir, 'x_managed.zip'), {
      'WebResources/differs.js': 'a\r\nb\r\n',
      'WebResources/large_differs.js': crlfText(1_500_000),
    });
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(unmanaged, folder, { packageType: 'both' });
    expect(await recordOf(folder)).toEqual([
      'WebResources/differs_managed.js crlf',
      'WebResources/large_differs_managed.js crlf',
      'environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml crlf',
    ]);
  });
});
