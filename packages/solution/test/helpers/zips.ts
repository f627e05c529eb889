import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { writeFile } from 'node:fs/promises';
import yazl from 'yazl';
import { strToU8, zipSync, type Zippable } from 'fflate';
import {
  configure,
  TextReader,
  Uint8ArrayReader,
  Uint8ArrayWriter,
  ZipWriter,
  type ZipWriterAddDataOptions,
} from '@zip.js/zip.js';

configure({ useWebWorkers: false });

export interface HostileEntry {
  name: string;
  content: string | Uint8Array;
  /** zip.js options: password, zipCrypto, unixMode (0o120777 for a link), … */
  options?: ZipWriterAddDataOptions;
}

/**
 * Builds an archive with zip.js, which writes names exactly as given (yazl refuses unsafe ones) and
 * can write links and encrypted entries: the hostile archives the reader must refuse.
 */
export async function zipWithZipJs(file: string, entries: readonly HostileEntry[]): Promise<string> {
  const writer = new ZipWriter(new Uint8ArrayWriter());
  for (const entry of entries) {
    const reader =
      typeof entry.content === 'string' ? new TextReader(entry.content) : new Uint8ArrayReader(entry.content);
    await writer.add(entry.name, reader, entry.options);
  }
  await writeFile(file, await writer.close());
  return file;
}

/** Builds an archive with yazl, which allows the same name twice: the duplicate case. */
export async function zipWithYazl(
  file: string,
  entries: ReadonlyArray<{ name: string; content: string | Buffer }>,
): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(Buffer.from(entry.content), entry.name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
  return file;
}

/**
 * Builds an archive with fflate, names exactly as given and every entry's "version made by" host
 * `host` (APPNOTE 4.4.2.2: 0 MS-DOS, 3 Unix, 10 NTFS, 14 VFAT, 19 macOS), version 2.0, and no
 * external attributes.
 */
export async function zipMadeOnHost(
  file: string,
  entries: ReadonlyArray<{ name: string; content: string | Uint8Array }>,
  host: number,
): Promise<string> {
  const files: Zippable = {};
  for (const entry of entries) {
    const bytes = typeof entry.content === 'string' ? strToU8(entry.content) : entry.content;
    files[entry.name] = [bytes, { os: host, attrs: 0 }];
  }
  await writeFile(file, zipSync(files));
  return file;
}

/**
 * Builds an archive as PowerShell 5.1's Compress-Archive does through .NET Framework's ZipArchive:
 * names with '\' between folders as given, host 0 (MS-DOS, what .NET Framework writes on Windows).
 */
export function zipLikePowerShell51(
  file: string,
  entries: ReadonlyArray<{ name: string; content: string | Uint8Array }>,
): Promise<string> {
  return zipMadeOnHost(file, entries, 0);
}

/** A real zip re-zipped by hand on Windows with PowerShell 5.1: every '/' in its names becomes '\'. */
export async function rezippedWithBackslashes(source: string, file: string): Promise<string> {
  const { readZip } = await import('./trees.js');
  const entries = [...(await readZip(source))].map(([name, content]) => ({
    name: name.replaceAll('/', '\\'),
    content,
  }));
  return zipLikePowerShell51(file, entries);
}

/**
 * A real zip re-zipped by hand with `tar -a -cf x.zip .` (bsdtar, the tar.exe of Windows 10 and 11):
 * a './' entry first, then each folder and file with './' before its name, made on Unix (host 3).
 */
export async function rezippedWithTar(source: string, file: string): Promise<string> {
  const { readZip } = await import('./trees.js');
  const entries: Array<{ name: string; content: string | Uint8Array }> = [{ name: './', content: '' }];
  const folders = new Set<string>();
  for (const [name, content] of await readZip(source)) {
    const parts = name.split('/');
    for (let end = 1; end < parts.length; end++) {
      const folder = `./${parts.slice(0, end).join('/')}/`;
      if (!folders.has(folder)) entries.push({ name: folder, content: '' });
      folders.add(folder);
    }
    entries.push({ name: `./${name}`, content });
  }
  return zipMadeOnHost(file, entries, 3);
}

export { temporaryFolders } from '@connector-alm/testing';

/** A copy of a real export with some entries replaced (a Buffer or text) or removed (null), built with yazl. */
export async function variantOf(
  source: string,
  file: string,
  changes: Record<string, string | Buffer | null>,
): Promise<string> {
  const { readZip } = await import('./trees.js');
  const entries: Array<{ name: string; content: string | Buffer }> = [];
  for (const [name, bytes] of await readZip(source)) {
    if (!(name in changes)) entries.push({ name, content: bytes });
  }
  for (const [name, content] of Object.entries(changes))
    if (content !== null) entries.push({ name, content });
  return zipWithYazl(file, entries);
}

/**
 * The managed export of the same solution as the unmanaged export `source`: solution.xml says
 * `<Managed>1</Managed>`, as Dataverse writes it, and `changes` apply as in `variantOf`.
 */
export async function managedTwinOf(
  source: string,
  file: string,
  changes: Record<string, string | Buffer | null> = {},
): Promise<string> {
  const { readZip } = await import('./trees.js');
  const manifest = (await readZip(source)).get('solution.xml')!.toString('utf8');
  return variantOf(source, file, {
    'solution.xml': manifest.replace('<Managed>0</Managed>', '<Managed>1</Managed>'),
    ...changes,
  });
}
