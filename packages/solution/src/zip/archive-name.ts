import yauzl from 'yauzl';
import type { DecodedName, NameEncoding } from './name-encoding.js';

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
export function archiveName(
  entry: yauzl.Entry,
  encoding: NameEncoding,
): DecodedName & { inCodePage: boolean } {
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
export function headerName(entry: yauzl.Entry, encoding: NameEncoding): string {
  if ((entry.generalPurposeBitFlag & UTF8_FLAG) !== 0) return headerUtf8(entry);
  const decoded = encoding.decode(nameBytes(entry));
  return 'name' in decoded ? decoded.name : decoded.ambiguous.cp437;
}
