import { closeSync, createWriteStream, fstat, open } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createInflateRaw } from 'node:zlib';
import type yauzl from 'yauzl';
import { optionWords, writeFailure, type SaySetting } from '@connector-alm/core';
import { checkEntries, type CheckedEntries } from './checked-entries.js';
import {
  archiveSlice,
  checkingStream,
  checkMethod,
  inflateWhole,
  STORED,
  STREAM_CHUNK_BYTES,
} from './entry-data.js';
import { EntryIntegrity, type InflatedTotal } from './entry-integrity.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './limits.js';
import { LOCAL_HEADER_BYTES, localDataOffset } from './local-header.js';
import { nameEncoding } from './name-encoding.js';
import { openArchive, readCentralDirectory } from './open-archive.js';
import { ReadAheadFile, readAt } from './read-ahead.js';
import type { ZipEntryInfo } from './zip-entry-info.js';
import { ZipError } from './zip-errors.js';

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
  /**
   * The entries whose bytes count towards `inflated`: an entry read again (unpack reads a flow that
   * is not JSON to see so, then copies it) counts once, as the total of the sizes checked at open
   * does; each read is still held to the entry's own size.
   */
  private readonly counted = new Set<string>();
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
    private readonly damagedHint: string,
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
        return new ZipReader(zip, checked.raw, checked, displayName, limits, fd, size, damagedHint);
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
   * memory stays bounded whatever the entry's size. A failure leaves no file behind. Returns the
   * bytes of an entry written in one piece, for a caller that looks at them (unpack records line
   * endings from them instead of reading the file back); undefined for a streamed one.
   */
  async copyToFile(
    entry: ZipEntryInfo,
    destination: string,
    options: CopyOptions = {},
  ): Promise<Buffer | undefined> {
    try {
      if (entry.size <= WHOLE_ENTRY_BYTES && entry.compressedSize <= WHOLE_ENTRY_BYTES) {
        const bytes = await this.readBuffer(entry);
        await writeFile(destination, bytes, { flag: 'wx' }).catch((error: unknown) => {
          throw new DestinationError(error);
        });
        return bytes;
      }
      await this.streamToFile(entry, destination, options.observe);
      return undefined;
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

  private async streamToFile(
    entry: ZipEntryInfo,
    destination: string,
    observe: ((chunk: Uint8Array) => void) | undefined,
  ): Promise<void> {
    const raw = this.rawEntry(entry);
    checkMethod(raw.compressionMethod);
    const { start } = await this.locate(raw, entry, false);
    // Entries this large with no data were refused at open (stored size mismatch or the ratio limit).
    if (raw.compressedSize === 0) throw new Error('it has no data');
    const input = archiveSlice(this.fd, start, raw.compressedSize);
    const check = checkingStream(this.integrity(raw, entry), observe);
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
    const again = this.counted.has(entry.name);
    this.counted.add(entry.name);
    return new EntryIntegrity(
      {
        archive: this.displayName,
        name: entry.name,
        size: entry.size,
        crc32: raw.crc32,
        damagedHint: this.damagedHint,
      },
      again ? { bytes: 0, limit: Infinity } : this.inflated,
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
    return new ZipError(this.displayName, entry.name, `cannot be read: ${reason}.`, this.damagedHint);
  }
}

export interface CopyOptions {
  /** Sees each chunk of an entry streamed to its file (one copied whole is returned instead). */
  observe?: (chunk: Uint8Array) => void;
}

/** A failure to write the copy of an entry, not to read it. */
class DestinationError extends Error {
  constructor(override readonly cause: unknown) {
    super('the destination cannot be written');
  }
}

/** Entries this small are inflated whole; 8 running at once then hold at most a few MB. */
const WHOLE_ENTRY_BYTES = 1024 * 1024;
/** One read serves the small entries that lie in this much of the archive. */
const READ_AHEAD_BYTES = 1024 * 1024;
