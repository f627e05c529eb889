import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { collisionKey, describeEntryNameProblem, findEntryNameProblem } from './entry-name.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './limits.js';
import { ZipError } from './zip-errors.js';

/** One entry of a checked archive. */
export interface ZipEntryInfo {
  /** The path inside the archive, with forward slashes; directories end with '/'. */
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
}

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
  private inflatedTotal = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly raw: ReadonlyMap<string, yauzl.Entry>,
    entries: ZipEntryInfo[],
    readonly displayName: string,
    private readonly limits: ZipLimits,
  ) {
    this.entries = entries;
  }

  static async open(filePath: string, options: OpenZipOptions = {}): Promise<ZipReader> {
    const displayName = options.displayName ?? filePath;
    const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
    const zip = await openArchive(filePath, displayName);
    try {
      if (zip.entryCount > limits.maxEntries) {
        throw new ZipError(
          displayName,
          undefined,
          `holds ${zip.entryCount} entries, more than the limit of ${limits.maxEntries}.`,
          'Raise the entry limit only if you trust the archive.',
        );
      }
      const raw = await readCentralDirectory(zip, displayName);
      const entries = checkEntries(raw, displayName, limits);
      return new ZipReader(
        zip,
        new Map(entries.map((entry, i) => [entry.name, raw[i]!])),
        entries,
        displayName,
        limits,
      );
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

  /** The expanded bytes of a (small) entry. */
  async readBuffer(entry: ZipEntryInfo): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const stream = await this.openStream(entry);
    try {
      for await (const chunk of stream) chunks.push(chunk as Buffer);
    } catch (error) {
      throw this.readError(entry, error);
    }
    return Buffer.concat(chunks);
  }

  /** Streams an entry into a file, never holding more than a chunk in memory. */
  async copyToFile(entry: ZipEntryInfo, destination: string): Promise<void> {
    const stream = await this.openStream(entry);
    try {
      await pipeline(stream, createWriteStream(destination, { flags: 'wx' }));
    } catch (error) {
      await rm(destination, { force: true });
      throw this.readError(entry, error);
    }
  }

  close(): void {
    this.zip.close();
  }

  private async openStream(entry: ZipEntryInfo): Promise<Readable> {
    const raw = this.raw.get(entry.name);
    if (!raw) throw new Error(`no entry ${entry.name}`);
    const stream = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(raw, (error, readStream) =>
        error ? reject(this.readError(entry, error)) : resolve(readStream),
      ),
    );
    const counter = this.byteCounter(entry);
    // pipe() does not forward errors: a failed inflate must fail the reader of the counter.
    stream.on('error', (error) => counter.destroy(this.readError(entry, error)));
    return stream.pipe(counter);
  }

  /** Counts inflated bytes against the total limit; yauzl itself stops an entry at its declared size. */
  private byteCounter(entry: ZipEntryInfo): Transform {
    return new Transform({
      transform: (chunk: Buffer, _encoding, callback: TransformCallback) => {
        this.inflatedTotal += chunk.length;
        if (this.inflatedTotal > this.limits.maxTotalBytes) {
          callback(
            new ZipError(
              this.displayName,
              entry.name,
              `expands the archive past the limit of ${this.limits.maxTotalBytes} bytes.`,
            ),
          );
          return;
        }
        callback(null, chunk);
      },
    });
  }

  private readError(entry: ZipEntryInfo, error: unknown): Error {
    if (error instanceof ZipError) return error;
    const reason = error instanceof Error ? error.message : String(error);
    return new ZipError(
      this.displayName,
      entry.name,
      `cannot be read: ${reason}.`,
      'The archive is damaged or truncated; export it again.',
    );
  }
}

function openArchive(filePath: string, displayName: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings off: yauzl would reject unsafe names with a bare message; we check them below
    // and name the entry and the rule instead.
    yauzl.open(
      filePath,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') reject(new ZipError(displayName, undefined, 'does not exist.'));
          else if (code === 'EISDIR')
            reject(new ZipError(displayName, undefined, 'is a folder, not a zip archive.'));
          else
            reject(
              new ZipError(
                displayName,
                undefined,
                `is not a zip archive or is truncated (${error.message}).`,
                'Export or download the solution again.',
              ),
            );
        } else resolve(zip);
      },
    );
  });
}

function readCentralDirectory(zip: yauzl.ZipFile, displayName: string): Promise<yauzl.Entry[]> {
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
          'Export or download the solution again.',
        ),
      ),
    );
    zip.readEntry();
  });
}

function entryName(entry: yauzl.Entry): string {
  // Strict: keep backslashes as they are, so that they are refused rather than silently converted.
  return yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileName as unknown as Buffer,
    entry.extraFields,
    true,
  );
}

function isSymlink(entry: yauzl.Entry): boolean {
  return (
    entry.versionMadeBy >> 8 === UNIX_HOST &&
    ((entry.externalFileAttributes >>> 16) & FILE_TYPE_MASK) === SYMLINK_TYPE
  );
}

/** Applies every safety rule to the central directory; throws on the first entry that breaks one. */
function checkEntries(raw: readonly yauzl.Entry[], archive: string, limits: ZipLimits): ZipEntryInfo[] {
  const seen = new Map<string, string>();
  let declaredTotal = 0;
  return raw.map((entry) => {
    const name = entryName(entry);
    const problem = findEntryNameProblem(name);
    if (problem)
      throw new ZipError(
        archive,
        name,
        `${describeEntryNameProblem(problem)}; it is refused.`,
        'The archive is unsafe to extract.',
      );
    if (isSymlink(entry))
      throw new ZipError(
        archive,
        name,
        'is a symbolic link; links are refused.',
        'Solutions never hold links; the archive is unsafe.',
      );
    if (entry.isEncrypted())
      throw new ZipError(
        archive,
        name,
        'is encrypted; encrypted entries are not supported.',
        'Export the solution again without a password.',
      );
    const key = collisionKey(name);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new ZipError(
        archive,
        name,
        earlier === name
          ? 'appears twice.'
          : `has the same name as '${earlier}' on a case-insensitive file system.`,
        'An archive with duplicate names is ambiguous; it is refused.',
      );
    }
    seen.set(key, name);
    const isDirectory = name.endsWith('/');
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw new ZipError(
        archive,
        name,
        `expands to ${entry.uncompressedSize} bytes, more than the limit of ${limits.maxEntryBytes}.`,
      );
    }
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxCompressionRatio) {
      throw new ZipError(
        archive,
        name,
        `is compressed ${Math.round(ratio)} to 1, past the limit of ${limits.maxCompressionRatio}: a zip bomb.`,
      );
    }
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxTotalBytes) {
      throw new ZipError(
        archive,
        name,
        `brings the expanded size past the limit of ${limits.maxTotalBytes} bytes.`,
      );
    }
    return { name, isDirectory, size: entry.uncompressedSize, compressedSize: entry.compressedSize };
  });
}
