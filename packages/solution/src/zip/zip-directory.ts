import yauzl from 'yauzl';

/** What a zip's central directory says of one entry, without reading its data. */
export interface ZipDirectoryEntry {
  name: string;
  crc32: number;
  size: number;
}

/**
 * The central directory of a zip held in memory: names, CRC-32s and expanded sizes, read without
 * inflating anything. Enough to tell whether two archives hold the same files: a zip of the same
 * content differs in timestamps and compression, but not in these.
 */
export function readZipDirectory(bytes: Uint8Array): Promise<ZipDirectoryEntry[]> {
  return new Promise((resolve, reject) => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: true }, (error, zip) => {
      if (error) {
        reject(error);
        return;
      }
      const entries: ZipDirectoryEntry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push({ name: entry.fileName, crc32: entry.crc32, size: entry.uncompressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/**
 * True when two zips hold the same entry names with the same content, judged by the central
 * directories' CRC-32 and size of each entry: neither archive is inflated, so comparing a large
 * export with the previous one costs no memory. False when either is not a readable zip.
 */
export async function sameZipContent(a: Uint8Array, b: Uint8Array): Promise<boolean> {
  let left: ZipDirectoryEntry[];
  let right: ZipDirectoryEntry[];
  try {
    [left, right] = await Promise.all([readZipDirectory(a), readZipDirectory(b)]);
  } catch {
    return false;
  }
  if (left.length !== right.length) return false;
  const byName = new Map(right.map((entry) => [entry.name, entry]));
  return left.every((entry) => {
    const other = byName.get(entry.name);
    return other !== undefined && other.crc32 === entry.crc32 && other.size === entry.size;
  });
}
