import { afterAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { ZipReader } from '../src/index.js';
import { temporaryFolders, zipLikePowerShell51, zipMadeOnHost, zipWithYazl } from './helpers/zips.js';
import { locatedMessage } from '@connector-alm/testing';

const temp = temporaryFolders('zip-reader-paths-');
afterAll(() => temp.cleanup());

type Entries = ReadonlyArray<{ name: string; content: string }>;

/** An archive with names exactly as given, made on Unix (host 3) as bsdtar and Info-ZIP zip mark it. */
function madeOnUnix(entries: Entries): Promise<string> {
  return zipMadeOnHost(path.join(temp.make(), 'paths.zip'), entries, 3);
}

async function listed(file: string): Promise<Array<[string, boolean]>> {
  const reader = await ZipReader.open(file, { displayName: 'paths.zip' });
  try {
    return reader.entries.map((entry) => [entry.name, entry.isDirectory]);
  } finally {
    reader.close();
  }
}

async function openError(file: string): Promise<Error & { hint?: string }> {
  const reader = await ZipReader.open(file, { displayName: 'paths.zip' }).catch((error: Error) => error);
  if (reader instanceof ZipReader) {
    reader.close();
    throw new Error('the archive was accepted');
  }
  return reader;
}

// unzip 6.00, 7-Zip 26.02, bsdtar 3.6.2 and .NET's ExtractToDirectory all write './x' to x and 'a//b'
// and 'a/./b' to a/b; Windows' tar.exe (bsdtar) names every entry so for `tar -a -cf x.zip .`.
describe("ZipReader reads empty and '.' folder names as zip tools do", () => {
  it("lists a zip made with `tar -a -cf x.zip .` without its './', and reads its files", async () => {
    const file = await madeOnUnix([
      { name: './', content: '' },
      { name: './solution.xml', content: '<ImportExportXml />' },
      { name: './Connector/', content: '' },
      { name: './Connector/a.json', content: '{"a":1}' },
    ]);
    expect(await listed(file)).toEqual([
      ['solution.xml', false],
      ['Connector/', true],
      ['Connector/a.json', false],
    ]);
    const reader = await ZipReader.open(file);
    try {
      expect((await reader.readBuffer(reader.find('Connector/a.json')!)).toString()).toBe('{"a":1}');
    } finally {
      reader.close();
    }
  });

  it("lists 'a//b', 'a/./b/' and '.\\a\\\\b' of a zip written on Windows by the path they are written to", async () => {
    expect(
      await listed(
        await madeOnUnix([
          { name: 'Other//x.txt', content: 'x' },
          { name: 'Other/./sub/', content: '' },
          { name: 'Other/./sub//y.txt', content: 'y' },
        ]),
      ),
    ).toEqual([
      ['Other/x.txt', false],
      ['Other/sub/', true],
      ['Other/sub/y.txt', false],
    ]);
    const windows = await zipLikePowerShell51(path.join(temp.make(), 'windows.zip'), [
      { name: '.\\Other\\\\x.txt', content: 'x' },
    ]);
    expect(await listed(windows)).toEqual([['Other/x.txt', false]]);
  });

  it('lists a folder entry given twice once, as every zip tool makes it once', async () => {
    const file = await madeOnUnix([
      { name: 'Other/', content: '' },
      { name: 'Other/x.txt', content: 'x' },
      { name: './Other/', content: '' },
      { name: 'Other//', content: '' },
    ]);
    expect(await listed(file)).toEqual([
      ['Other/', true],
      ['Other/x.txt', false],
    ]);
  });

  it.each([
    ['a leading slash', '/.//etc/x', 'has an absolute path'],
    ['a parent segment', './a/./../../x', "contains a '..' segment"],
    ['a device name', 'a//./CON', "uses the device name 'CON'"],
  ])('still refuses %s, named as the archive writes it', async (_what, name, problem) => {
    expect(locatedMessage(await openError(await madeOnUnix([{ name, content: 'x' }])))).toContain(
      `paths.zip: entry '${name}' ${problem}`,
    );
  });
});

describe('ZipReader refuses two entries that are written to one path', () => {
  const hint = 'Zip tools keep one or the other; zip the files again so that each appears once.';

  it.each([
    ["'a//b' after 'a/b'", 'Other/a.txt', 'Other//a.txt'],
    ["'a/b' after 'a//b'", 'Other//a.txt', 'Other/a.txt'],
    ["'./x' after 'x'", 'x.txt', './x.txt'],
    ["'x' after './x'", './x.txt', 'x.txt'],
    ["'a/./b' after 'a/b'", 'Other/a.txt', 'Other/./a.txt'],
  ])('refuses %s and names both as the archive writes them', async (_what, first, second) => {
    const error = await openError(
      await madeOnUnix([
        { name: first, content: 'first' },
        { name: second, content: 'second' },
      ]),
    );
    expect(locatedMessage(error)).toBe(
      `paths.zip: entry '${second}' has the same name as '${first}' once empty and '.' folder names are left out, as zip tools write them.`,
    );
    expect(error.hint).toBe(hint);
  });

  it("names both reasons when one name uses '\\' and the other './'", async () => {
    const file = await zipLikePowerShell51(path.join(temp.make(), 'windows.zip'), [
      { name: 'Other\\a.txt', content: '1' },
      { name: './Other/a.txt', content: '2' },
    ]);
    expect(locatedMessage(await openError(file))).toBe(
      "paths.zip: entry './Other/a.txt' has the same name as 'Other\\a.txt' once '\\' is read as a folder separator and empty and '.' folder names are left out, as zip tools write them.",
    );
  });

  it('refuses two folder entries whose names differ only in case', async () => {
    const error = await openError(
      await madeOnUnix([
        { name: 'Other/', content: '' },
        { name: 'other/', content: '' },
      ]),
    );
    expect(locatedMessage(error)).toBe(
      "paths.zip: entry 'other/' has the same name as 'Other/' on a case-insensitive file system.",
    );
  });

  it('accepts names at the top that are also names inside folders', async () => {
    const names = ['Other/sub/x.txt', 'sub', 'x.txt'];
    expect(await listed(await madeOnUnix(names.map((name) => ({ name, content: name }))))).toEqual(
      names.map((name) => [name, false]),
    );
  });

  it('says what to do for the same name twice too', async () => {
    const error = await openError(
      await zipWithYazl(path.join(temp.make(), 'twice.zip'), [
        { name: 'x.txt', content: '1' },
        { name: 'x.txt', content: '2' },
      ]),
    );
    expect([locatedMessage(error), error.hint]).toEqual(["paths.zip: entry 'x.txt' appears twice.", hint]);
  });
});

describe('ZipReader refuses a file and a folder of one name', () => {
  const hint =
    'No file system holds a file and a folder of one name; zip the files again without the one that does not belong.';

  it.each([
    [
      'a file, then an entry inside it',
      ['Other/a', 'Other/a/b.txt'],
      "entry 'Other/a/b.txt' needs 'Other/a' as a folder, but entry 'Other/a' is a file.",
    ],
    [
      'an entry, then a file where its folder is',
      ['Other/a/b.txt', 'Other/a'],
      "entry 'Other/a' is a file, but entry 'Other/a/b.txt' needs it as a folder.",
    ],
    [
      'a folder entry, then a file of its name',
      ['Other/a/', 'Other/a'],
      "entry 'Other/a' is a file, but entry 'Other/a/' is a folder of the same name.",
    ],
    [
      'a file, then a folder entry of its name',
      ['./Other/a', 'Other/a//'],
      "entry 'Other/a//' is a folder, but entry './Other/a' is a file of the same name.",
    ],
    [
      'a file where two entries need a folder, naming the first',
      ['Other/a/x.txt', 'Other/a/y.txt', 'Other/a'],
      "entry 'Other/a' is a file, but entry 'Other/a/x.txt' needs it as a folder.",
    ],
    [
      'a file, then an entry inside it in another case',
      ['Other/A', 'other/a/b.txt'],
      "entry 'other/a/b.txt' needs 'other/a' as a folder, but entry 'Other/A' is a file on a case-insensitive file system.",
    ],
  ])('refuses %s', async (_what, names, problem) => {
    const error = await openError(await madeOnUnix(names.map((name) => ({ name, content: '' }))));
    expect(locatedMessage(error)).toBe(`paths.zip: ${problem}`);
    expect(error.hint).toBe(hint);
  });
});

describe('ZipReader refuses names that are no file', () => {
  it("refuses a folder entry ('/' at the end) that holds data, which every zip tool drops", async () => {
    const error = await openError(await madeOnUnix([{ name: 'Other/a/', content: 'lost' }]));
    expect(locatedMessage(error)).toBe(
      "paths.zip: entry 'Other/a/' ends with '/', so it is a folder, yet it holds 4 bytes, which zip tools drop.",
    );
    expect(error.hint).toBe('Zip the files again: a file name must not end with /.');
  });

  it('refuses a folder entry that holds a single byte', async () => {
    expect(locatedMessage(await openError(await madeOnUnix([{ name: 'Other/a/', content: 'x' }])))).toBe(
      "paths.zip: entry 'Other/a/' ends with '/', so it is a folder, yet it holds 1 byte, which zip tools drop.",
    );
  });

  it.each(['.', 'Other/.', 'Other/a/./.'])(
    "refuses '%s', which ends with '.' where a file name should be",
    async (name) => {
      const error = await openError(await madeOnUnix([{ name, content: 'x' }]));
      expect(locatedMessage(error)).toBe(
        `paths.zip: entry '${name}' ends with '.', the folder itself, where a file name should be; it is refused.`,
      );
      expect(error.hint).toMatch(/^Zip tools disagree on what file it is .*; zip the files again\.$/);
    },
  );
});

describe('ZipReader checks deeply nested names in time and memory that grow with the names', () => {
  // A zip name may be 65,535 bytes: 'a/' 32,000 times is 32,000 nested folders. Checking each folder
  // as a whole path costs the square of the depth: 3 entries of 20,000 folders (an archive of 240 kB)
  // took over 10 seconds, and these 3 of 32,000 ran the process out of memory and killed it. How fast
  // the linear check is belongs to a benchmark; this test only needs the quadratic one to fail, which
  // it does by crashing or by the generous timeout below, never by a timed assertion.
  it('lists 3 entries of 32,000 nested folders each', async () => {
    const deep = 'a/'.repeat(32_000);
    const names = ['W0', 'W1', 'W2'].map((top) => `${top}/${deep}x.txt`);
    const file = await madeOnUnix(names.map((name) => ({ name, content: 'x' })));
    expect((await listed(file)).map(([name]) => name)).toEqual(names);
  }, 30_000);

  it('still refuses a file where a deeply nested entry needs a folder', async () => {
    const deep = 'a/'.repeat(20_000);
    const error = await openError(
      await madeOnUnix([
        { name: `W/${deep}x.txt`, content: 'x' },
        { name: `W/${deep}`.slice(0, -1), content: 'x' },
      ]),
    );
    expect(locatedMessage(error)).toMatch(
      /^paths\.zip: entry 'W\/(a\/)+a' is a file, but entry 'W\/(a\/)+x\.txt' needs it as a folder\.$/,
    );
  });
});
