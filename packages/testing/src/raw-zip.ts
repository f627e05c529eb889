import { writeFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { strToU8, unzipSync } from 'fflate';

/** An entry whose name is given as the bytes the archive holds, in whatever code page made them. */
export interface RawEntry {
  name: Uint8Array;
  content: Uint8Array;
  /** General-purpose bit flag; 0x0800 says the name is UTF-8. */
  flags?: number;
  /** Host of "version made by" (APPNOTE 4.4.2.2): 0 MS-DOS, what Windows tools write. */
  host?: number;
}

/**
 * Writes a zip of stored entries byte by byte (APPNOTE 4.3): local headers, central directory, end
 * record. Zip libraries encode a name they are given as text; this one writes the name's bytes as
 * they are, like a Windows tool writing names in its code page without the UTF-8 flag.
 */
export async function writeRawZip(file: string, entries: readonly RawEntry[]): Promise<string> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const content = Buffer.from(entry.content);
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x2821, 12); // 2000-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(((entry.host ?? 0) << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x2821, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, content);
    centrals.push(central, name);
    offset += local.length + name.length + content.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  await writeFile(file, Buffer.concat([...locals, directory, end]));
  return file;
}

/**
 * The entries of `zip` as Japanese Windows zips them again (code page 932, no UTF-8 flag), with
 * WebResources/表.js added: 表 is 0x95 0x5C, which read as code page 437 holds a '\\' that splits
 * the name. Give them to writeRawZip.
 */
export function withShiftJisWebResource(zip: Uint8Array): RawEntry[] {
  const entries: RawEntry[] = Object.entries(unzipSync(zip)).map(([name, content]) => ({
    name: strToU8(name),
    content,
  }));
  entries.push({
    name: Uint8Array.from([...strToU8('WebResources/'), 0x95, 0x5c, ...strToU8('.js')]),
    content: strToU8('x'),
  });
  return entries;
}
