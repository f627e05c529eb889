import { closeSync, createWriteStream, fstat, open } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import {
  missingPathError,
  optionWords,
  UsageError,
  writeFailure,
  type SaySetting,
} from '@connector-alm/core';
import { EntryIntegrity, type InflatedTotal } from './entry-integrity.js';
import {
  describeEntryNameProblem,
  entryNameProblemHint,
  findEntryNameProblem,
  findEscapeProblem,
  withForwardSlashes,
  withoutDotFolders,
} from './entry-name.js';
import { EntryPaths } from './entry-paths.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './limits.js';
import { LOCAL_HEADER_BYTES, localDataOffset } from './local-header.js';
import { nameEncoding, type DecodedName, type NameEncoding } from './name-encoding.js';
import { ReadAheadFile, readAt } from './read-ahead.js';
import { EntryNameEncodingError, ZipError } from './zip-errors.js';

/** One entry of a checked archive. */
export interface ZipEntryInfo {
  /**
   * The path inside the archive, with forward slashes (also where a zip written on Windows has '\')
   * and without empty or '.' folder names ('./a//b' is 'a/b'), as zip tools write it; directories
   * end with '/'.
   */
  name: string;
  isDirectory: boolean;
  /** Declared expanded size; the reader never lets an entry inflate past it. */
  size: number;
  compressedSize: number;
}

export interface OpenZipOptions {
  /** How the archive is named in messages; the path by default. */
  displayName?: string;
  limits?: Partial<ZipLimits>;
  /**
   * The code page of names without the UTF-8 flag (e.g. shift_jis for a zip made on Japanese
   * Windows); by default UTF-8 when they are UTF-8, else code page 437 (see name-encoding).
   */
  nameEncoding?: string;
  /**
   * What to do about an archive that is no zip, truncated or damaged; by default what fits a
   * solution zip (export or download it again). A certification package says to build it again.
   */
  damagedHint?: string;
  /** How advice names a setting (`--zip-name-encoding`): the CLI's options by default, or an action's inputs. */
  say?: SaySetting;
}

const SOLUTION_DAMAGED_HINT = 'Export or download the solution again.';

const UNIX_HOST = 3;
const FILE_TYPE_MASK = 0o170000;
const SYMLINK_TYPE = 0o120000;

/**
 * A zip archive whose every entry has been checked against the safety rules (names, symlinks,
 * duplicates, encryption, limits) before any content is read. Content is read entry by entry from
 * the file, so the archive is never held in memory as a whole.
 */
export class ZipReader {
  readonly entries: readonly ZipEntryInfo[];
  /**
   * The names, as the archive writes them, that separate folders with '\' (a zip written on Windows,
   * e.g. by PowerShell 5.1's Compress-Archive); `entries` has them with '/'.
   */
  readonly backslashSeparated: readonly string[];
  /**
   * The names read in a code page (see zip/name-encoding): ones past ASCII without the UTF-8 flag or
   * a Unicode path field, so that the zip does not say how to read them.
   */
  readonly codePageNamed: readonly string[];
  private readonly inflated: InflatedTotal;
  private readonly readAhead: ReadAheadFile;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly raw: ReadonlyMap<string, yauzl.Entry>,
    checked: CheckedEntries,
    readonly displayName: string,
    limits: ZipLimits,
    /** The archive, opened again for the entry data: yauzl's reader serialises every read. */
    private readonly fd: number,
    private readonly fileSize: number,
    private readonly damagedHint: string | undefined,
  ) {
    this.entries = checked.entries;
    this.backslashSeparated = checked.backslashSeparated;
    this.codePageNamed = checked.codePageNamed;
    this.inflated = { bytes: 0, limit: limits.maxTotalBytes };
    this.readAhead = new ReadAheadFile(fd, READ_AHEAD_BYTES);
  }

  static async open(filePath: string, options: OpenZipOptions = {}): Promise<ZipReader> {
    const displayName = options.displayName ?? filePath;
    const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
    const encoding = nameEncoding(options.nameEncoding);
    const damagedHint = options.damagedHint ?? SOLUTION_DAMAGED_HINT;
    const zip = await openArchive(filePath, displayName, damagedHint);
    try {
      if (zip.entryCount > limits.maxEntries) {
        throw new ZipError(
          displayName,
          undefined,
          `holds ${zip.entryCount} entries, more than the limit of ${limits.maxEntries}.`,
          'Raise the entry limit only if you trust the archive.',
        );
      }
      const raw = await readCentralDirectory(zip, displayName, damagedHint);
      const checked = checkEntries(raw, displayName, limits, encoding, options.say ?? optionWords);
      const fd = await promisify(open)(filePath, 'r');
      try {
        const { size } = await promisify(fstat)(fd);
        return new ZipReader(zip, checked.raw, checked, displayName, limits, fd, size, options.damagedHint);
      } catch (error) {
        closeSync(fd);
        throw error;
      }
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  get files(): ZipEntryInfo[] {
    return this.entries.filter((entry) => !entry.isDirectory);
  }

  find(name: string): ZipEntryInfo | undefined {
    return this.entries.find((entry) => entry.name === name);
  }

  /** The expanded bytes of an entry, read and inflated in one piece. */
  async readBuffer(entry: ZipEntryInfo): Promise<Buffer> {
    const raw = this.rawEntry(entry);
    try {
      const { data } = await this.locate(raw, entry, true);
      const integrity = this.integrity(raw, entry);
      const bytes = inflateWhole(raw.compressionMethod, data, entry.size);
      integrity.add(bytes);
      integrity.finish();
      return bytes;
    } catch (error) {
      throw this.readError(entry, error);
    }
  }

  /**
   * Writes an entry to a new file. Entries up to {@link WHOLE_ENTRY_BYTES} are inflated in one piece
   * and written with one call; larger ones are streamed in {@link STREAM_CHUNK_BYTES} chunks, so
   * memory stays bounded whatever the entry's size. A failure leaves no file behind.
   */
  async copyToFile(entry: ZipEntryInfo, destination: string): Promise<void> {
    try {
      if (entry.size <= WHOLE_ENTRY_BYTES && entry.compressedSize <= WHOLE_ENTRY_BYTES) {
        const bytes = await this.readBuffer(entry);
        await writeFile(destination, bytes, { flag: 'wx' }).catch((error: unknown) => {
          throw new DestinationError(error);
        });
      } else await this.streamToFile(entry, destination);
    } catch (error) {
      // Removing a file that could not be written may fail for the same reason; that must not hide it.
      await rm(destination, { force: true }).catch(() => undefined);
      throw error instanceof DestinationError
        ? this.writeError(entry, error.cause)
        : this.readError(entry, error);
    }
  }

  close(): void {
    this.zip.close();
    closeSync(this.fd);
  }

  private async streamToFile(entry: ZipEntryInfo, destination: string): Promise<void> {
    const raw = this.rawEntry(entry);
    checkMethod(raw.compressionMethod);
    const { start } = await this.locate(raw, entry, false);
    // Entries this large with no data were refused at open (stored size mismatch or the ratio limit).
    if (raw.compressedSize === 0) throw new Error('it has no data');
    const input = archiveSlice(this.fd, start, raw.compressedSize);
    const check = checkingStream(this.integrity(raw, entry));
    const output = createWriteStream(destination, { flags: 'wx', highWaterMark: STREAM_CHUNK_BYTES });
    let outputError: unknown;
    output.once('error', (error) => (outputError = error));
    try {
      if (raw.compressionMethod === STORED) await pipeline(input, check, output);
      else await pipeline(input, createInflateRaw({ chunkSize: STREAM_CHUNK_BYTES }), check, output);
    } catch (error) {
      throw error === outputError ? new DestinationError(error) : error;
    }
  }

  private rawEntry(entry: ZipEntryInfo): yauzl.Entry {
    const raw = this.raw.get(entry.name);
    if (!raw) throw new Error(`no entry ${entry.name}`);
    return raw;
  }

  private integrity(raw: yauzl.Entry, entry: ZipEntryInfo): EntryIntegrity {
    return new EntryIntegrity(
      { archive: this.displayName, name: entry.name, size: entry.size, crc32: raw.crc32 },
      this.inflated,
    );
  }

  /**
   * Where an entry's data starts, and with `withData` its compressed bytes, read together with the
   * local header in one read (through the read-ahead window, which neighbouring entries share).
   */
  private async locate(
    raw: yauzl.Entry,
    entry: ZipEntryInfo,
    withData: boolean,
  ): Promise<{ start: number; data: Buffer }> {
    const headerGuess = LOCAL_HEADER_BYTES + raw.fileNameLength + raw.extraFieldLength;
    const position = raw.relativeOffsetOfLocalHeader;
    const head = withData
      ? await this.readAhead.read(position, headerGuess + raw.compressedSize)
      : await readAt(this.fd, position, headerGuess);
    const offset = localDataOffset(head);
    if (offset === undefined)
      throw this.readError(entry, new Error('its local header is missing or damaged'));
    const start = raw.relativeOffsetOfLocalHeader + offset;
    if (start + raw.compressedSize > this.fileSize)
      throw this.readError(entry, new Error('its data runs past the end of the archive'));
    if (!withData) return { start, data: Buffer.alloc(0) };
    // The local extra field may be longer than the central one; then the data needs a second read.
    const data =
      offset + raw.compressedSize <= head.length
        ? head.subarray(offset, offset + raw.compressedSize)
        : await readAt(this.fd, start, raw.compressedSize);
    return { start, data };
  }

  /** The file system refused the copy: the archive is fine, so it is not called damaged. */
  private writeError(entry: ZipEntryInfo, error: unknown): Error {
    const failure = writeFailure(error);
    if (failure === undefined) return error instanceof Error ? error : new Error(String(error));
    return new ZipError(this.displayName, entry.name, `cannot be written: ${failure.reason}.`, failure.hint);
  }

  private readError(entry: ZipEntryInfo, error: unknown): Error {
    if (error instanceof ZipError) return error;
    const reason = error instanceof Error ? error.message : String(error);
    return new ZipError(
      this.displayName,
      entry.name,
      `cannot be read: ${reason}.`,
      this.damagedHint ?? 'The archive is damaged or truncated; export it again.',
    );
  }
}

/** A failure to write the copy of an entry, not to read it. */
class DestinationError extends Error {
  constructor(override readonly cause: unknown) {
    super('the destination cannot be written');
  }
}

/** Entries this small are inflated whole; 8 running at once then hold at most a few MB. */
const WHOLE_ENTRY_BYTES = 1024 * 1024;
/**
 * Read and inflate chunk of a streamed entry: 16 times Node's default, so a large file takes few
 * system calls, yet small enough that the chunks awaiting garbage collection stay a few MB (1 MB
 * chunks tripled the peak memory of the benchmark).
 */
const STREAM_CHUNK_BYTES = 256 * 1024;
/** One read serves the small entries that lie in this much of the archive. */
const READ_AHEAD_BYTES = 1024 * 1024;
const STORED = 0;
const DEFLATED = 8;

function checkMethod(method: number): void {
  if (method !== STORED && method !== DEFLATED) throw new Error(`unsupported compression method ${method}`);
}

/**
 * Inflates a whole entry. The output buffer is capped at the declared size (zlib stops there), so
 * a lying header cannot make it allocate more than the limits already accepted.
 */
function inflateWhole(method: number, data: Buffer, size: number): Buffer {
  checkMethod(method);
  if (method === STORED) return data;
  try {
    // One output buffer of the declared size: no chunk list to concatenate.
    return inflateRawSync(data, { chunkSize: Math.max(size, 64), maxOutputLength: Math.max(size, 1) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new Error(`inflates past its declared size of ${size} bytes`, { cause: error });
    throw error;
  }
}

/**
 * The bytes of one range of the archive, read on demand. Not fs.createReadStream on the shared
 * descriptor: destroying that stream (as pipeline does on any error) closes the descriptor under
 * every other read of the archive.
 */
function archiveSlice(fd: number, start: number, length: number): Readable {
  let offset = 0;
  return new Readable({
    highWaterMark: STREAM_CHUNK_BYTES,
    read() {
      if (offset >= length) {
        this.push(null);
        return;
      }
      readAt(fd, start + offset, Math.min(STREAM_CHUNK_BYTES, length - offset)).then(
        (chunk) => {
          if (chunk.length === 0) this.destroy(new Error('unexpected end of the archive'));
          else {
            offset += chunk.length;
            this.push(chunk);
          }
        },
        (error: Error) => this.destroy(error),
      );
    },
  });
}

/** Passes bytes through, checking each chunk and, at the end, the whole entry. */
function checkingStream(integrity: EntryIntegrity): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        integrity.add(chunk);
        callback(null, chunk);
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        integrity.finish();
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}

function openArchive(filePath: string, displayName: string, damagedHint: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings off: yauzl would reject unsafe names with a bare message; we check them below
    // and name the entry and the rule instead.
    yauzl.open(
      filePath,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          // A missing input, or one of the wrong kind, is a usage error (exit code 2), like such a
          // path anywhere else. ENOTDIR: a parent is a file, where the error is located when the zip
          // is named by its path.
          if (code === 'ENOENT' || code === 'ENOTDIR')
            reject(
              displayName === filePath
                ? missingPathError(filePath, 'Check the path of the zip file.')
                : new UsageError('does not exist.', {
                    location: { file: displayName },
                    hint: 'Check the path of the zip file.',
                  }),
            );
          else if (code === 'EISDIR')
            reject(
              new UsageError('is a folder, not a zip archive.', {
                location: { file: displayName },
                hint: 'Give the zip file itself.',
              }),
            );
          else
            reject(
              new ZipError(
                displayName,
                undefined,
                `is not a zip archive or is truncated (${error.message}).`,
                damagedHint,
              ),
            );
        } else resolve(zip);
      },
    );
  });
}

function readCentralDirectory(
  zip: yauzl.ZipFile,
  displayName: string,
  damagedHint: string,
): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) =>
      reject(
        new ZipError(
          displayName,
          undefined,
          `has a damaged central directory (${error.message}).`,
          damagedHint,
        ),
      ),
    );
    zip.readEntry();
  });
}

const UTF8_FLAG = 0x0800;

function nameBytes(entry: yauzl.Entry): Buffer {
  return entry.fileName as unknown as Buffer;
}

/**
 * The name as the archive writes it: UTF-8 with the flag; else the one in an Info-ZIP Unicode path
 * field (0x7075) whose checksum matches the header's name, as unzip and 7-Zip read it; else the
 * header's name in the encoding for names without the flag. Backslashes stay as they are here;
 * withForwardSlashes reads them as separators only in a zip written on Windows, and elsewhere they
 * are refused rather than silently converted.
 */
function archiveName(entry: yauzl.Entry, encoding: NameEncoding): DecodedName & { inCodePage: boolean } {
  if ((entry.generalPurposeBitFlag & UTF8_FLAG) !== 0) return { name: headerUtf8(entry), inCodePage: false };
  // yauzl reads the field when there is a valid one, and the header in code page 437 otherwise.
  const field = yauzl.getFileNameLowLevel(0, nameBytes(entry), entry.extraFields, true);
  if (field !== yauzl.getFileNameLowLevel(0, nameBytes(entry), [], true))
    return { name: field, inCodePage: false };
  // ASCII reads the same in every code page.
  const inCodePage = nameBytes(entry).some((byte) => byte >= 0x80);
  return { ...encoding.decode(nameBytes(entry)), inCodePage };
}

function headerUtf8(entry: yauzl.Entry): string {
  return yauzl.getFileNameLowLevel(UTF8_FLAG, nameBytes(entry), [], true);
}

/**
 * The name in the entry's header, which .NET, PowerShell's Expand-Archive and Windows read (they
 * ignore the Unicode path field). One that code page 437 would split is read so, with '\' the
 * separator it is to such a tool.
 */
function headerName(entry: yauzl.Entry, encoding: NameEncoding): string {
  if ((entry.generalPurposeBitFlag & UTF8_FLAG) !== 0) return headerUtf8(entry);
  const decoded = encoding.decode(nameBytes(entry));
  return 'name' in decoded ? decoded.name : decoded.ambiguous.cp437;
}

/** The host of "version made by": the OS, or file system, that wrote the entry. */
function hostOf(entry: yauzl.Entry): number {
  return entry.versionMadeBy >> 8;
}

function isSymlink(entry: yauzl.Entry): boolean {
  return (
    hostOf(entry) === UNIX_HOST && ((entry.externalFileAttributes >>> 16) & FILE_TYPE_MASK) === SYMLINK_TYPE
  );
}

interface CheckedEntries {
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
function checkEntries(
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
        `ends with '/', so it is a folder, yet it holds ${entry.uncompressedSize} bytes, which zip tools drop.`,
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
        `expands to ${entry.uncompressedSize} bytes, more than the limit of ${limits.maxEntryBytes}.`,
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
        `brings the expanded size past the limit of ${limits.maxTotalBytes} bytes.`,
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
