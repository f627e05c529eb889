import { withoutTrailingSlashes } from '@connector-alm/core';

/**
 * Entry names are paths chosen by whoever made the archive. Before one is used as a file path it must
 * stay inside the target folder on every OS: no parent segments, no absolute or drive-letter paths,
 * no backslashes (a separator on Windows) left once those of a zip written on Windows are read as
 * separators (see {@link withForwardSlashes}), no NUL or other control characters. It must also be a
 * name Windows can write as it is: there `a:b` is an alternate data stream of `a`, `a.` and `a ` are
 * written as `a` (over another entry), `con.js` is the console device, and `*` fails half-way; and
 * Linux and macOS hold no file or folder name over 255 bytes. The rules apply to the path the entry
 * is written to, without empty or '.' folder names (see {@link withoutDotFolders}).
 */
export type EntryNameProblem =
  | 'empty'
  | 'absolute'
  | 'drive-letter'
  | 'backslash'
  | 'parent-segment'
  | 'dot-ending'
  | 'control-character'
  | 'windows-character'
  | 'windows-trailing'
  | 'windows-device'
  | 'long-name';

/** The longest file or folder name, in bytes of UTF-8, that ext4 and APFS hold. */
export const MAX_NAME_BYTES = 255;

const PROBLEM_TEXT: Record<EntryNameProblem, string> = {
  empty: 'has an empty name',
  absolute: 'has an absolute path',
  'drive-letter': 'starts with a drive letter',
  backslash: 'contains a backslash, which is a path separator on Windows',
  'parent-segment': "contains a '..' segment that leaves the target folder",
  'dot-ending': "ends with '.', the folder itself, where a file name should be",
  'control-character': 'contains a control character',
  'windows-character': 'contains a character that Windows does not allow in a file name',
  'windows-trailing':
    'has a file or folder name that ends with a dot or a space, which Windows drops from names',
  'windows-device': 'uses a device name that Windows reserves (CON, PRN, AUX, NUL, COM1, LPT1…)',
  'long-name': `has a file or folder name longer than the ${MAX_NAME_BYTES} bytes that Linux and macOS file systems hold`,
};

/** Characters Windows refuses in a file name (control characters are refused for every OS). */
const WINDOWS_CHARACTER = /[<>:"|?*]/;
/** Device names, also with an extension (`nul.txt` is NUL) or spaces before it. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$) *(\.|$)/i;

/** What is wrong with an entry's name, in words; given the name, it says which character or device. */
export function describeEntryNameProblem(problem: EntryNameProblem, name?: string): string {
  if (name !== undefined && problem === 'windows-character') {
    return `contains '${WINDOWS_CHARACTER.exec(name)![0]}', which Windows does not allow in a file name`;
  }
  if (name !== undefined && problem === 'windows-device') {
    // The device name as the segment spells it, without the extension after it.
    const device = segmentsOf(name)
      .map((part) => WINDOWS_DEVICE.exec(part)?.[1])
      .find((match) => match !== undefined)!;
    return `uses the device name '${device}', which Windows reserves`;
  }
  if (name !== undefined && problem === 'long-name') {
    const bytes = Math.max(...segmentsOf(name).map((segment) => Buffer.byteLength(segment)));
    return `has a file or folder name of ${bytes} bytes, longer than the ${MAX_NAME_BYTES} bytes that Linux and macOS file systems hold`;
  }
  return PROBLEM_TEXT[problem];
}

/** The problems of a name that only Windows cannot write. */
export function isWindowsProblem(problem: EntryNameProblem): boolean {
  return problem.startsWith('windows-');
}

/** What follows from a problem, for the person who made the archive. */
export function entryNameProblemHint(problem: EntryNameProblem): string {
  if (isWindowsProblem(problem))
    return 'Such a file could not be written on Windows, and a folder holding it could not be checked out there.';
  if (problem === 'long-name')
    return 'Such a file could not be written there, and a folder holding it could not be checked out there; give it a shorter name.';
  if (problem === 'dot-ending')
    return "Zip tools disagree on what file it is (unzip and 7-Zip write 'a/_' for 'a/.', tar and .NET 'a'); zip the files again.";
  return 'The archive is unsafe to extract.';
}

/**
 * Hosts of an entry's "version made by" (APPNOTE 4.4.2.2) whose file systems cannot hold '\' in a
 * name: MS-DOS and FAT (0, what .NET Framework writes on Windows, so PowerShell 5.1's
 * Compress-Archive too), NTFS (10) and VFAT (14). 7-Zip and .NET read '\' as a separator there.
 */
const WINDOWS_HOSTS: ReadonlySet<number> = new Set([0, 10, 14]);

/**
 * The entry's name with '/' between folders. A zip written on Windows may separate them with '\'
 * (PowerShell 5.1's Compress-Archive does, and Windows tools read it so); that is read as the
 * separator it was before any rule applies, so that '..\x' is a parent segment and '\\server\x' an
 * absolute path. From any other host '\' is part of a name, and stays to be refused.
 */
export function withForwardSlashes(name: string, host: number): string {
  return WINDOWS_HOSTS.has(host) ? name.replaceAll('\\', '/') : name;
}

/**
 * The path an entry is written to: empty and '.' folder names left out, as unzip, 7-Zip, tar and
 * .NET's ExtractToDirectory write it ('a//b' and './a/./b' are both 'a/b'; Windows' tar.exe names
 * every entry './…'), so that the rules and the clash checks see the same path. A name that starts
 * with '/' stays as it is, to be refused as absolute, and so does one that ends with '.', on which
 * the tools disagree (a file 'a', a file 'a/_').
 */
export function withoutDotFolders(name: string): string {
  const segments = name.split('/');
  if (name.startsWith('/') || segments.at(-1) === '.') return name;
  const kept = segments.filter((segment) => segment !== '' && segment !== '.');
  return kept.join('/') + (kept.length > 0 && name.endsWith('/') ? '/' : '');
}

/**
 * What would put a file of this name outside the target folder for a tool on Windows, which reads
 * '\' as a separator whatever wrote the zip: for a second name that such tools read where we read
 * another (see archive-name's headerName).
 */
export function findEscapeProblem(name: string): EntryNameProblem | undefined {
  const path = withoutDotFolders(name.replaceAll('\\', '/'));
  if (path.startsWith('/')) return 'absolute';
  if (/^[A-Za-z]:/.test(path)) return 'drive-letter';
  if (path.split('/').includes('..')) return 'parent-segment';
  return undefined;
}

export function findEntryNameProblem(name: string): EntryNameProblem | undefined {
  if (name === '') return 'empty';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control-character';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'absolute';
  if (/^[A-Za-z]:/.test(name)) return 'drive-letter';
  const segments = segmentsOf(name);
  if (segments.some((segment) => segment === '..')) return 'parent-segment';
  if (segments.at(-1) === '.') return 'dot-ending';
  if (WINDOWS_CHARACTER.test(name)) return 'windows-character';
  if (segments.some((segment) => segment !== '.' && /[. ]$/.test(segment))) return 'windows-trailing';
  if (segments.some((segment) => WINDOWS_DEVICE.test(segment))) return 'windows-device';
  if (segments.some((segment) => Buffer.byteLength(segment) > MAX_NAME_BYTES)) return 'long-name';
  return undefined;
}

/** The path's segments; the empty one after a directory's final '/' is not a name. */
function segmentsOf(name: string): string[] {
  return name.split('/').filter((segment, index, all) => segment !== '' || index < all.length - 1);
}

/**
 * The key under which two names collide on a case-insensitive file system (Windows, macOS). macOS
 * compares names in their canonical caseless form (Unicode's full case folding, xnu's
 * utf8_normalizeOptCaseFoldAndCompare), where lower case alone misses pairs: ſ, µ and ς fold to s,
 * μ and σ, and ß to ss. Upper case, then lower, folds them the same way; the dotless ı is kept out,
 * since it folds to itself (Windows, which only upper-cases, keeps all these apart).
 */
export function collisionKey(name: string): string {
  return withoutTrailingSlashes(name)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^ı]+/g, (run) => run.toUpperCase().toLowerCase())
    .normalize('NFC');
}
