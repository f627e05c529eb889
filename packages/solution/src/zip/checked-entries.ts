import type yauzl from 'yauzl';
import { plural, type SaySetting } from '@connector-alm/core';
import { archiveName, headerName } from './archive-name.js';
import {
  describeEntryNameProblem,
  entryNameProblemHint,
  findEntryNameProblem,
  findEscapeProblem,
  withForwardSlashes,
  withoutDotFolders,
} from './entry-name.js';
import { EntryPaths } from './entry-paths.js';
import type { ZipLimits } from './limits.js';
import type { NameEncoding } from './name-encoding.js';
import type { ZipEntryInfo } from './zip-entry-info.js';
import { EntryNameEncodingError, ZipError } from './zip-errors.js';

const UNIX_HOST = 3;
const FILE_TYPE_MASK = 0o170000;
const SYMLINK_TYPE = 0o120000;

/** The host of "version made by": the OS, or file system, that wrote the entry. */
function hostOf(entry: yauzl.Entry): number {
  return entry.versionMadeBy >> 8;
}

function isSymlink(entry: yauzl.Entry): boolean {
  return (
    hostOf(entry) === UNIX_HOST && ((entry.externalFileAttributes >>> 16) & FILE_TYPE_MASK) === SYMLINK_TYPE
  );
}

export interface CheckedEntries {
  entries: ZipEntryInfo[];
  /** The central directory record of each listed entry, by its name. */
  raw: Map<string, yauzl.Entry>;
  backslashSeparated: string[];
  codePageNamed: string[];
}

/**
 * Applies every safety rule to the central directory; throws on the first entry that breaks one.
 * The rules apply to the path an entry is written to, with '/' between folders and without empty
 * or '.' folder names, and an error names the entry as the archive writes it, so that the maker
 * finds it.
 */
export function checkEntries(
  raw: readonly yauzl.Entry[],
  archive: string,
  limits: ZipLimits,
  encoding: NameEncoding,
  say: SaySetting,
): CheckedEntries {
  const paths = new EntryPaths(archive);
  const checked: CheckedEntries = {
    entries: [],
    raw: new Map(),
    backslashSeparated: [],
    codePageNamed: [],
  };
  let declaredTotal = 0;
  for (const entry of raw) {
    const decoded = archiveName(entry, encoding);
    if ('ambiguous' in decoded) throw ambiguousName(archive, decoded.ambiguous, say);
    const written = decoded.name;
    const separated = withForwardSlashes(written, hostOf(entry));
    if (separated !== written) checked.backslashSeparated.push(written);
    if (decoded.inCodePage) checked.codePageNamed.push(written);
    const name = withoutDotFolders(separated);
    const isDirectory = separated.endsWith('/');
    // './', which Windows' tar.exe writes first: the target folder itself.
    const isRoot = isDirectory && name === '';
    const problem = isRoot ? undefined : findEntryNameProblem(name);
    if (problem)
      throw new ZipError(
        archive,
        written,
        `${describeEntryNameProblem(problem, name)}; it is refused.`,
        entryNameProblemHint(problem),
      );
    // A zip that names an entry twice is read one way by some tools and the other by the rest: the
    // header's name must not leave the folder either (it names the file within it when the field
    // only spells the same name in Unicode, as zip and WinZip write it).
    const header = headerName(entry, encoding);
    const escape = header === written ? undefined : findEscapeProblem(header);
    if (escape)
      throw new ZipError(
        archive,
        written,
        `is named '${header}' in its header, which Windows and .NET read, and that name ${describeEntryNameProblem(escape)}; it is refused.`,
        entryNameProblemHint(escape),
      );
    if (isDirectory && entry.uncompressedSize > 0)
      throw new ZipError(
        archive,
        written,
        `ends with '/', so it is a folder, yet it holds ${plural(entry.uncompressedSize, 'byte')}, which zip tools drop.`,
        'Zip the files again: a file name must not end with /.',
      );
    if (isSymlink(entry))
      throw new ZipError(
        archive,
        written,
        'is a symbolic link; links are refused.',
        'Solutions never hold links; the archive is unsafe.',
      );
    if (entry.isEncrypted())
      throw new ZipError(
        archive,
        written,
        'is encrypted; encrypted entries are not supported.',
        'Export the solution again without a password.',
      );
    if (isRoot || !paths.add({ written, separated, name }, isDirectory)) continue;
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw new ZipError(
        archive,
        written,
        `expands to ${plural(entry.uncompressedSize, 'byte')}, more than the limit of ${limits.maxEntryBytes}.`,
      );
    }
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxCompressionRatio) {
      throw new ZipError(
        archive,
        written,
        `is compressed ${Math.round(ratio)} to 1, past the limit of ${limits.maxCompressionRatio}: a zip bomb.`,
      );
    }
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxTotalBytes) {
      throw new ZipError(
        archive,
        written,
        `brings the expanded size past the limit of ${plural(limits.maxTotalBytes, 'byte')}.`,
      );
    }
    checked.entries.push({
      name,
      isDirectory,
      size: entry.uncompressedSize,
      compressedSize: entry.compressedSize,
    });
    checked.raw.set(name, entry);
  }
  return checked;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** A name without the UTF-8 flag whose 0x5C may be the second byte of a character, not a '\'. */
function ambiguousName(archive: string, name: { cp437: string; lead: number }, say: SaySetting): ZipError {
  return new EntryNameEncodingError(
    archive,
    name.cp437,
    `has no UTF-8 flag and is not UTF-8, and its byte 0x5C after ${hex(name.lead)} may be the second byte of a character (in Shift-JIS, GBK or Big5) rather than a '\\' between folders; it is not read under a name that may be wrong.`,
    `Read it with the code page of the Windows that made the zip: ${say(SHIFT_JIS)} (Japanese, cp932), gbk (Simplified Chinese, cp936) or big5 (Traditional Chinese, cp950), or cp437 to read it as the zip specification says; or zip the files again with a tool that writes UTF-8 names (7-Zip, PowerShell 7).`,
  );
}

const SHIFT_JIS = { option: '--zip-name-encoding shift_jis', input: 'zip-name-encoding: shift_jis' };
