import { afterAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { ZipReader, type ZipLimits } from '../src/index.js';
import {
  temporaryFolders,
  zipLikePowerShell51,
  zipMadeOnHost,
  zipWithYazl,
  zipWithZipJs,
  type HostileEntry,
} from './helpers/zips.js';
import { locatedMessage } from '@connector-alm/testing';

const temp = temporaryFolders('zip-reader-');
afterAll(() => temp.cleanup());

async function hostile(entries: HostileEntry[]): Promise<string> {
  return zipWithZipJs(path.join(temp.make(), 'hostile.zip'), entries);
}

async function openError(file: string, limits?: Partial<ZipLimits>): Promise<Error & { hint?: string }> {
  const reader = await ZipReader.open(file, {
    displayName: 'hostile.zip',
    ...(limits ? { limits } : {}),
  }).catch((error: Error) => error);
  if (reader instanceof ZipReader) {
    reader.close();
    throw new Error('the archive was accepted');
  }
  return reader;
}

describe('ZipReader accepts a well-formed archive', () => {
  it('lists files and directories and streams their bytes', async () => {
    const file = await hostile([
      { name: 'Connector/', content: '', options: { directory: true } },
      { name: 'Connector/a.json', content: '{"a":1}' },
      { name: 'solution.xml', content: '<ImportExportXml />' },
    ]);
    const reader = await ZipReader.open(file);
    try {
      expect(reader.entries.map((e) => [e.name, e.isDirectory])).toEqual([
        ['Connector/', true],
        ['Connector/a.json', false],
        ['solution.xml', false],
      ]);
      expect((await reader.readBuffer(reader.find('Connector/a.json')!)).toString()).toBe('{"a":1}');
      const out = path.join(temp.make(), 'copy.xml');
      await reader.copyToFile(reader.find('solution.xml')!, out);
      expect(readFileSync(out, 'utf8')).toBe('<ImportExportXml />');
    } finally {
      reader.close();
    }
  });
});

/**
 * The error opening a zip whose second entry is `name`, which must name the entry and its `problem`.
 * zip.js marks its entries as made on Unix, or with `madeOnWindows` on MS-DOS as .NET Framework does.
 */
async function refusedEntry(name: string, problem: string, madeOnWindows = false): Promise<Error> {
  const error = await openError(
    await hostile([
      { name: 'solution.xml', content: 'x' },
      { name, content: 'payload', ...(madeOnWindows ? { options: { msDosCompatible: true } } : {}) },
    ]),
  );
  expect(locatedMessage(error)).toContain(`hostile.zip: entry '${name}' ${problem}`);
  return error;
}

describe('ZipReader refuses entries that would escape the target folder', () => {
  it.each([
    ['a parent segment', '../evil.txt', "contains a '..' segment"],
    ['a nested parent segment', 'Connector/../../evil.txt', "contains a '..' segment"],
    ['an absolute path', '/etc/cron.d/evil', 'has an absolute path'],
    ['a drive letter', 'C:/Windows/evil.dll', 'starts with a drive letter'],
    ['a lower-case drive letter', 'c:/Windows/evil.dll', 'starts with a drive letter'],
    ['a backslash from a zip made on Unix', 'Connector\\..\\evil.txt', 'contains a backslash'],
  ])('refuses %s and names the entry', async (_what, name, problem) => {
    await refusedEntry(name, problem);
  });

  it.each([
    ['NUL', 'WebResources/a\u0000b.js'],
    ['the last one below a space (0x1F)', 'WebResources/a\u001fb.js'],
    ['DEL (0x7F)', 'WebResources/a\u007fb.js'],
  ])('refuses a name holding the control character %s', async (_what, name) => {
    const error = await refusedEntry(name, 'contains a control character; it is refused.');
    expect((error as Error & { hint?: string }).hint).toBe('The archive is unsafe to extract.');
  });

  describe('with an Info-ZIP Unicode path field (0x7075), a second name that unzip and 7-Zip read', () => {
    /** The field for a header name, naming the entry `unicodeName` instead. */
    const unicodePath = (headerName: string, unicodeName: string): Map<number, Uint8Array> => {
      const name = Buffer.from(unicodeName, 'utf8');
      const field = Buffer.alloc(5 + name.length);
      field.writeUInt8(1, 0);
      field.writeUInt32LE(crc32(Buffer.from(headerName, 'utf8')), 1);
      name.copy(field, 5);
      return new Map([[0x7075, field]]);
    };

    it.each([
      [
        "'..\\' from Windows",
        '..\\..\\evil.txt',
        true,
        "contains a '..' segment that leaves the target folder",
      ],
      ["'../'", 'Connector/../../evil.txt', false, "contains a '..' segment that leaves the target folder"],
      ["'../' at its start", '../evil.txt', false, "contains a '..' segment that leaves the target folder"],
      ['an absolute path', '/etc/cron.d/evil', false, 'has an absolute path'],
      ['a drive letter', 'C:\\evil.dll', true, 'starts with a drive letter'],
      ['a lower-case drive letter', 'c:evil.dll', false, 'starts with a drive letter'],
      ["a drive letter after '.\\'", '.\\C:\\evil.dll', true, 'starts with a drive letter'],
    ])(
      'refuses a header name with %s behind a field that names a file inside',
      async (_what, headerName, madeOnWindows, problem) => {
        const error = await openError(
          await hostile([
            {
              name: headerName,
              content: 'payload',
              options: {
                extraField: unicodePath(headerName, 'WebResources/ok.txt'),
                msDosCompatible: madeOnWindows,
              },
            },
          ]),
        );
        // .NET, PowerShell's Expand-Archive and Windows read the header's name, and write it there.
        expect(locatedMessage(error)).toBe(
          `hostile.zip: entry 'WebResources/ok.txt' is named '${headerName}' in its header, which Windows and .NET read, and that name ${problem}; it is refused.`,
        );
        expect(error.hint).toBe('The archive is unsafe to extract.');
      },
    );

    it('reads the field when the header has the same name, as zip on Unix writes it', async () => {
      const reader = await ZipReader.open(
        await hostile([
          {
            name: 'WebResources/café.js',
            content: 'x',
            // Info-ZIP zip writes the header's name in UTF-8 without the flag, and the field.
            options: {
              extraField: unicodePath('WebResources/café.js', 'WebResources/café.js'),
              useUnicodeFileNames: false,
            },
          },
        ]),
      );
      try {
        expect(reader.entries.map((entry) => entry.name)).toEqual(['WebResources/café.js']);
        // The field spells the name in UTF-8: it is no name read in a code page.
        expect(reader.codePageNamed).toEqual([]);
      } finally {
        reader.close();
      }
    });
  });

  it('refuses a symbolic link entry', async () => {
    const error = await openError(
      await hostile([
        {
          name: 'Connector/link.json',
          content: '/etc/passwd',
          options: { unixMode: 0o120777, msDosCompatible: false },
        },
      ]),
    );
    expect(locatedMessage(error)).toBe(
      "hostile.zip: entry 'Connector/link.json' is a symbolic link; links are refused.",
    );
  });

  it.each([
    ['ZipCrypto', { password: 'secret', zipCrypto: true }],
    ['AES', { password: 'secret', encryptionStrength: 3 as const }],
  ])('refuses an entry encrypted with %s', async (_kind, options) => {
    const error = await openError(await hostile([{ name: 'solution.xml', content: '<x/>', options }]));
    expect(error.message).toContain("entry 'solution.xml' is encrypted");
  });

  it('refuses the same name twice', async () => {
    const file = await zipWithYazl(path.join(temp.make(), 'dup.zip'), [
      { name: 'solution.xml', content: '<good />' },
      { name: 'solution.xml', content: '<evil />' },
    ]);
    expect(locatedMessage(await openError(file))).toBe("hostile.zip: entry 'solution.xml' appears twice.");
  });

  it('refuses names that differ only in case, which collide on Windows and macOS', async () => {
    const error = await openError(
      await hostile([
        { name: 'Connector/A.json', content: '1' },
        { name: 'connector/a.json', content: '2' },
      ]),
    );
    expect(error.message).toContain(
      "entry 'connector/a.json' has the same name as 'Connector/A.json' on a case-insensitive file system",
    );
  });
});

describe('ZipReader refuses names that are one file where case does not count, beyond A-Z', () => {
  // macOS compares names case-folded (xnu: "canonical caseless form", Unicode's full case folding),
  // where ſ, µ, ς and ß are s, μ, σ and ss; lower case alone let these through, and the second file
  // failed half-way through unpack there.
  it.each([
    ['sharp s and SS', 'WebResources/straße.js', 'WebResources/STRASSE.js'],
    ['long s and s', 'WebResources/ſ.js', 'WebResources/s.js'],
    ['micro sign and mu', 'WebResources/µ.js', 'WebResources/μ.js'],
    ['final sigma and sigma', 'WebResources/ας.js', 'WebResources/ΑΣ.js'],
    ['a ligature and its letters', 'WebResources/ﬁle.js', 'WebResources/FILE.js'],
    ['capital sharp s and ss', 'WebResources/\u1e9e.js', 'WebResources/ss.js'],
    // ΐ (one character) and Ι, a diaeresis and an acute accent: no one character is the latter
    // even composed, and its case folding is the former's.
    [
      'iota with diaeresis and accent, composed or not',
      'WebResources/\u0390.js',
      'WebResources/\u0399\u0308\u0301.js',
    ],
  ])('refuses %s', async (_what, first, second) => {
    const error = await openError(
      await hostile([
        { name: first, content: '1' },
        { name: second, content: '2' },
      ]),
    );
    expect(locatedMessage(error)).toBe(
      `hostile.zip: entry '${second}' has the same name as '${first}' on a case-insensitive file system.`,
    );
  });

  it('says of names that differ only in Unicode normalization that they do, as they print alike', async () => {
    const [nfc, nfd] = ['Connector/caf\u00e9.json', 'Connector/cafe\u0301.json'];
    const error = await openError(
      await hostile([
        { name: nfc, content: '1' },
        { name: nfd, content: '2' },
      ]),
    );
    expect(locatedMessage(error)).toBe(
      `hostile.zip: entry '${nfd}' has the same name as '${nfc}' once Unicode-normalized: the two differ only in how an accented letter is encoded, and macOS writes them to one file.`,
    );
  });

  it('refuses a file where another entry needs a folder of the same name in another case', async () => {
    const error = await openError(
      await hostile([
        { name: 'WebResources/ſ', content: 'a file' },
        { name: 'WebResources/s/x.js', content: 'in a folder' },
      ]),
    );
    expect(locatedMessage(error)).toBe(
      "hostile.zip: entry 'WebResources/s/x.js' needs 'WebResources/s' as a folder, but entry 'WebResources/ſ' is a file on a case-insensitive file system.",
    );
  });

  it('accepts the dotted and dotless i beside i, which no file system folds together', async () => {
    const names = ['WebResources/İ.js', 'WebResources/ı.js', 'WebResources/i.js'];
    const reader = await ZipReader.open(await hostile(names.map((name) => ({ name, content: 'x' }))));
    try {
      expect(reader.entries.map((entry) => entry.name)).toEqual(names);
    } finally {
      reader.close();
    }
  });
});

describe('ZipReader reads backslashes as folder separators in a zip written on Windows', () => {
  const powerShell51 = async (entries: Array<{ name: string; content: string }>): Promise<string> =>
    zipLikePowerShell51(path.join(temp.make(), 'windows.zip'), entries);

  it('lists the entries of a PowerShell 5.1 Compress-Archive zip with forward slashes, and reads them', async () => {
    const reader = await ZipReader.open(
      await powerShell51([
        { name: 'solution.xml', content: '<ImportExportXml />' },
        { name: 'Connector\\', content: '' },
        { name: 'Connector\\a\\b.json', content: '{"b":1}' },
      ]),
    );
    try {
      expect(reader.entries.map((e) => [e.name, e.isDirectory])).toEqual([
        ['solution.xml', false],
        ['Connector/', true],
        ['Connector/a/b.json', false],
      ]);
      expect(reader.backslashSeparated).toEqual(['Connector\\', 'Connector\\a\\b.json']);
      expect((await reader.readBuffer(reader.find('Connector/a/b.json')!)).toString()).toBe('{"b":1}');
      const out = path.join(temp.make(), 'b.json');
      await reader.copyToFile(reader.find('Connector/a/b.json')!, out);
      expect(readFileSync(out, 'utf8')).toBe('{"b":1}');
    } finally {
      reader.close();
    }
  });

  it('says no name used backslashes in a zip with forward slashes', async () => {
    const reader = await ZipReader.open(await hostile([{ name: 'Connector/a.json', content: '{}' }]));
    try {
      expect(reader.backslashSeparated).toEqual([]);
    } finally {
      reader.close();
    }
  });

  it.each([
    [10, 'NTFS'],
    [14, 'VFAT'],
  ])('reads them so in a zip whose host is %i (%s)', async (host, _name) => {
    const file = await zipMadeOnHost(
      path.join(temp.make(), 'windows.zip'),
      [{ name: 'Connector\\a.json', content: '{}' }],
      host,
    );
    const reader = await ZipReader.open(file);
    try {
      expect(reader.entries.map((entry) => entry.name)).toEqual(['Connector/a.json']);
    } finally {
      reader.close();
    }
  });

  it("refuses a backslash from a zip made on macOS (host 19), where it is part of a file's name", async () => {
    const file = await zipMadeOnHost(
      path.join(temp.make(), 'mac.zip'),
      [{ name: 'Connector\\a.json', content: '{}' }],
      19,
    );
    expect(locatedMessage(await openError(file))).toBe(
      "hostile.zip: entry 'Connector\\a.json' contains a backslash, which is a path separator on Windows; it is refused.",
    );
  });

  // Read with '\' as a separator, each is what today's rules refuse, and it is named as the archive has it.
  it.each([
    ['a parent segment', '..\\evil.txt', "contains a '..' segment"],
    ['a nested parent segment', 'Connector\\..\\..\\evil.txt', "contains a '..' segment"],
    ['a parent segment after a forward slash', 'Connector/..\\evil.txt', "contains a '..' segment"],
    ['a drive letter', 'C:\\Windows\\evil.dll', 'starts with a drive letter'],
    ['a UNC path', '\\\\server\\share\\evil.dll', 'has an absolute path'],
    ['a rooted path', '\\Windows\\evil.dll', 'has an absolute path'],
    ['a device name as a folder', 'WebResources\\CON\\x.js', "uses the device name 'CON'"],
    ['a trailing dot', 'WebResources\\a.\\x.js', 'has a file or folder name that ends with a dot'],
  ])('refuses %s', async (_what, name, problem) => {
    await refusedEntry(name, problem, true);
  });

  it('refuses a name that is another entry once its backslashes are read as separators', async () => {
    const clash = await openError(
      await powerShell51([
        { name: 'Connector/a.json', content: '1' },
        { name: 'Connector\\a.json', content: '2' },
      ]),
    );
    expect(locatedMessage(clash)).toBe(
      "hostile.zip: entry 'Connector\\a.json' has the same name as 'Connector/a.json' once '\\' is read as a folder separator.",
    );
    const caseClash = await openError(
      await powerShell51([
        { name: 'Connector\\A.json', content: '1' },
        { name: 'connector/a.json', content: '2' },
      ]),
    );
    expect(caseClash.message).toContain(
      "entry 'connector/a.json' has the same name as 'Connector\\A.json' on a case-insensitive file system",
    );
  });
});

describe('ZipReader refuses names that Windows cannot write', () => {
  // Legal on Linux, but on Windows `a:b` writes an alternate data stream of `a`, `a.` and `a ` are
  // written as `a` over another entry, `con.js` is the console device, and `*` fails half-way.
  it.each([
    ['a colon', 'WebResources/a:b.js', "contains ':'"],
    ['an asterisk', 'WebResources/a*.js', "contains '*'"],
    ['a question mark', 'WebResources/a?.js', "contains '?'"],
    ['a double quote', 'WebResources/"a".js', "contains '\"'"],
    ['angle brackets', 'WebResources/<a>.js', "contains '<'"],
    ['a pipe', 'WebResources/a|b.js', "contains '|'"],
    ['a trailing dot', 'WebResources/a.', 'has a file or folder name that ends with a dot or a space'],
    ['a trailing space', 'WebResources/a /b.js', 'has a file or folder name that ends with a dot or a space'],
    ['a device name', 'WebResources/CON', "uses the device name 'CON'"],
    ['a device name with an extension', 'WebResources/nul.txt', "uses the device name 'nul'"],
    ['a numbered device name', 'Workflows/Com1.json', "uses the device name 'Com1'"],
    ['a device name as a folder', 'lpt9/x.js', "uses the device name 'lpt9'"],
    ['a greater-than sign', 'WebResources/a>b.js', "contains '>'"],
    ['the printer', 'prn', "uses the device name 'prn'"],
    ['a device name as the folder of another', 'AUX/nul.js', "uses the device name 'AUX'"],
    ['the serial port numbered 0', 'Workflows/COM0.json', "uses the device name 'COM0'"],
    ['the parallel port numbered 0', 'lpt0.txt', "uses the device name 'lpt0'"],
    ['a serial port numbered in superscript', 'WebResources/COM¹.js', "uses the device name 'COM¹'"],
    ['a parallel port numbered in superscript', 'WebResources/lpt³', "uses the device name 'lpt³'"],
    ['the console input', 'WebResources/CONIN$', "uses the device name 'CONIN$'"],
    ['the console output with an extension', 'conout$.txt', "uses the device name 'conout$'"],
    [
      'a device name with spaces before its extension',
      'WebResources/nul  .txt',
      "uses the device name 'nul'",
    ],
  ])('refuses %s and names the entry', async (_what, name, problem) => {
    const error = await refusedEntry(name, problem);
    expect(error.message).toContain('Windows');
    expect((error as Error & { hint?: string }).hint).toBe(
      'Such a file could not be written on Windows, and a folder holding it could not be checked out there.',
    );
  });

  it('accepts names that only look like those', async () => {
    const names = ['WebResources/console.js', 'WebResources/a.b.c', 'WebResources/com10.js', 'Other/.x'];
    const reader = await ZipReader.open(await hostile(names.map((name) => ({ name, content: 'x' }))));
    try {
      expect(reader.entries.map((entry) => entry.name)).toEqual(names);
    } finally {
      reader.close();
    }
  });
});

describe('ZipReader refuses names that Linux and macOS cannot write', () => {
  // ext4 and APFS hold a file or folder name of up to 255 bytes of UTF-8; a longer one failed
  // half-way through unpack with "connector-alm failed unexpectedly: ENAMETOOLONG … This is a bug".
  it.each([
    ['a file name of 256 ASCII bytes', `WebResources/${'a'.repeat(253)}.js`, 256],
    ['a folder name of 300 bytes', `WebResources/${'b'.repeat(300)}/x.js`, 300],
    ['a file name of 100 characters in 300 bytes of UTF-8', `WebResources/${'語'.repeat(100)}`, 300],
  ])('refuses %s and names the entry', async (_what, name, bytes) => {
    const error = await refusedEntry(
      name,
      `has a file or folder name of ${bytes} bytes, longer than the 255 bytes that Linux and macOS file systems hold; it is refused.`,
    );
    expect((error as Error & { hint?: string }).hint).toBe(
      'Such a file could not be written there, and a folder holding it could not be checked out there; give it a shorter name.',
    );
  });

  it('accepts names of 255 bytes', async () => {
    const names = [`WebResources/${'a'.repeat(252)}.js`, `${'語'.repeat(85)}/x.js`];
    const reader = await ZipReader.open(await hostile(names.map((name) => ({ name, content: 'x' }))));
    try {
      expect(reader.entries.map((entry) => entry.name)).toEqual(names);
    } finally {
      reader.close();
    }
  });
});

describe('ZipReader refuses zip bombs', () => {
  const zeros = Buffer.alloc(8 * 1024 * 1024);

  it('refuses more entries than the limit', async () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.txt`, content: 'x' }));
    expect(locatedMessage(await openError(await hostile(entries), { maxEntries: 10 }))).toBe(
      'hostile.zip: holds 12 entries, more than the limit of 10.',
    );
  });

  it('refuses an entry that expands past the per-entry limit', async () => {
    const error = await openError(await hostile([{ name: 'big.bin', content: zeros }]), {
      maxEntryBytes: 1024 * 1024,
    });
    expect(error.message).toContain(
      "entry 'big.bin' expands to 8388608 bytes, more than the limit of 1048576",
    );
  });

  it('refuses an archive whose entries together pass the total limit', async () => {
    // Random bytes do not compress, so only the total limit applies.
    const file = await hostile([
      { name: 'a.bin', content: randomBytes(6 * 1024 * 1024) },
      { name: 'b.bin', content: randomBytes(6 * 1024 * 1024) },
    ]);
    expect((await openError(file, { maxTotalBytes: 10 * 1024 * 1024 })).message).toContain(
      "entry 'b.bin' brings the expanded size past the limit of 10485760 bytes",
    );
  });

  it('refuses a highly compressed entry with the default limits', async () => {
    const error = await openError(
      await hostile([{ name: 'bomb.bin', content: Buffer.alloc(64 * 1024 * 1024), options: { level: 9 } }]),
    );
    expect(error.message).toMatch(
      /entry 'bomb.bin' is compressed \d+ to 1, past the limit of 500: a zip bomb/,
    );
  });

  // The limit is on the ratio of the entry's own sizes: one compressed just past the limit given is
  // refused, and read with a limit just above it.
  it('refuses an entry compressed past the ratio given, and reads it under a limit just above its ratio', async () => {
    const file = await hostile([{ name: 'zeros.bin', content: Buffer.alloc(2 * 1024 * 1024) }]);
    const reader = await ZipReader.open(file, { limits: { maxCompressionRatio: Infinity } });
    const [entry] = reader.entries;
    reader.close();
    const ratio = entry!.size / entry!.compressedSize;
    expect(ratio).toBeGreaterThan(500);
    const limit = Math.ceil(ratio) - 1;
    expect((await openError(file, { maxCompressionRatio: limit })).message).toContain(
      `entry 'zeros.bin' is compressed ${Math.round(ratio)} to 1, past the limit of ${limit}: a zip bomb.`,
    );
    const accepted = await ZipReader.open(file, { limits: { maxCompressionRatio: Math.ceil(ratio) } });
    expect(accepted.entries.map((each) => each.name)).toEqual(['zeros.bin']);
    accepted.close();
    // The limit is the highest ratio allowed: an entry compressed exactly that much is read.
    (await ZipReader.open(file, { limits: { maxCompressionRatio: ratio } })).close();
  });

  it('checks the ratio of entries over 1 MiB only', async () => {
    const mebibyte = 1024 * 1024;
    const exactly = await hostile([{ name: 'zeros.bin', content: Buffer.alloc(mebibyte) }]);
    const reader = await ZipReader.open(exactly);
    expect(reader.entries[0]!.size / reader.entries[0]!.compressedSize).toBeGreaterThan(500);
    reader.close();
    const past = await hostile([{ name: 'zeros.bin', content: Buffer.alloc(mebibyte + 1) }]);
    expect((await openError(past)).message).toContain("entry 'zeros.bin' is compressed");
  });
});

describe('ZipReader on damaged input', () => {
  it('says that a truncated archive is truncated', async () => {
    const whole = readFileSync(
      await hostile([{ name: 'solution.xml', content: '<ImportExportXml />'.repeat(100) }]),
    );
    const file = path.join(temp.make(), 'truncated.zip');
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const error = await openError(file);
    expect(locatedMessage(error)).toMatch(/^hostile.zip: is not a zip archive or is truncated/);
    expect(error.hint).toBe('Export or download the solution again.');
  });

  it('says that a missing file does not exist', async () => {
    expect(locatedMessage(await openError(path.join(temp.make(), 'absent.zip')))).toBe(
      'hostile.zip: does not exist.',
    );
  });

  it('leaves no file behind when an entry cannot be inflated', async () => {
    const good = readFileSync(await hostile([{ name: 'data.bin', content: Buffer.alloc(200_000, 7) }]));
    // Damage the compressed data (after the 30-byte local header and the name), not the directory.
    const damaged = Buffer.from(good);
    for (let i = 40; i < 200; i++) damaged[i] = 0xff;
    const file = path.join(temp.make(), 'damaged.zip');
    writeFileSync(file, damaged);
    const reader = await ZipReader.open(file, { displayName: 'damaged.zip' });
    const outDir = temp.make();
    try {
      const error = await reader
        .copyToFile(reader.find('data.bin')!, path.join(outDir, 'data.bin'))
        .catch((e: unknown) => e);
      expect(locatedMessage(error)).toMatch(/^damaged.zip: entry 'data.bin' cannot be read/);
    } finally {
      reader.close();
    }
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe('ZipReader when the file system refuses a file', () => {
  // It said "cannot be read: … The archive is damaged or truncated; export it again", or, when
  // removing the half-written file failed too, connector-alm failed "unexpectedly".
  it.each([
    ['an entry read whole', 'small.txt', Buffer.from('small')],
    ['an entry streamed', 'large.bin', randomBytes(2 * 1024 * 1024)],
  ])('says that %s cannot be written, not that the archive is damaged', async (_what, name, content) => {
    const reader = await ZipReader.open(await hostile([{ name, content }]), { displayName: 'good.zip' });
    const outDir = temp.make();
    try {
      const error = await reader
        .copyToFile(reader.find(name)!, path.join(outDir, 'x'.repeat(300)))
        .catch((caught: Error & { hint?: string }) => caught);
      expect([locatedMessage(error), (error as Error & { hint?: string }).hint]).toEqual([
        `good.zip: entry '${name}' cannot be written: its path is longer than the file system allows.`,
        'Zip the files again with fewer or shorter folder names.',
      ]);
    } finally {
      reader.close();
    }
    expect(readdirSync(outDir)).toEqual([]);
  });
});
