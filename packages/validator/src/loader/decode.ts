/**
 * Bytes to text. Connector files must be UTF-8 (the pipeline POSTs them as such); a BOM is allowed,
 * as paconn reads files with utf-8-sig. Invalid bytes become U+FFFD so the rest is still checked,
 * and the first one is located for the finding.
 */
export interface DecodedText {
  text: string;
  /** Offset (in the decoded text) of the first replaced byte sequence, when the bytes were not UTF-8. */
  invalidAt?: number;
  /** The first byte of that sequence, which the finding names. */
  invalidByte?: number;
  /** Every byte was ASCII, so the text holds no character above U+007F. */
  ascii?: true;
}

import { isAscii, isUtf8 } from 'node:buffer';
import { firstReplacedByte, utf16ByteOrder } from '@connector-alm/core';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): DecodedText {
  // The common cases, checked and decoded natively: ASCII (most connector files; ASCII is UTF-8, and
  // knowing it spares rules a scan of every string for other characters), then any valid UTF-8 read
  // into a Buffer (the BOM is kept). ASCII is Latin-1 too, which makes the same string by a copy of
  // the bytes, without the UTF-8 decoder's pass over each one: the corpus's 953 ASCII files (25.8
  // MB) took 12.6-13.1 ms rather than 13.1-14.6 (fastest of 30 rounds, 3 interleaved runs each).
  if (Buffer.isBuffer(bytes)) {
    if (isAscii(bytes)) return { text: bytes.toString('latin1'), ascii: true };
    if (isUtf8(bytes)) return { text: bytes.toString('utf8') };
  }
  try {
    return { text: strict.decode(bytes) };
  } catch {
    const text = lenient.decode(bytes);
    // Not the first U+FFFD: the file may hold that character itself, before its bad bytes.
    const replaced = firstReplacedByte(text, bytes);
    return { text, invalidAt: replaced?.index ?? 0, invalidByte: bytes[replaced?.offset ?? 0] };
  }
}

/** How far into a file a NUL is looked for. */
export const BINARY_SNIFF_BYTES = 8192;

/**
 * True when the first 8 KB of the bytes hold a NUL, which no connector text file has: it is binary.
 * The search is the native indexOf (memchr): a loop over the bytes in JavaScript cost ~3.5 ms a
 * corpus run, the native search ~0.15 ms.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.length > BINARY_SNIFF_BYTES ? bytes.subarray(0, BINARY_SNIFF_BYTES) : bytes;
  return head.indexOf(0) !== -1;
}

/**
 * At most one NUL in this many bytes (and one in any file) is taken for a slip in text, not for
 * binary data: an editor or a paste leaves one or a few (`"title": "Contoso\0"`), text saved as
 * UTF-16 has one in every other byte of ASCII, and binary formats are dense with them.
 */
const BYTES_PER_STRAY_NUL = 100;

/**
 * Whether bytes that hold a NUL are text all the same, with a few stray NULs: UTF-8 but for them
 * (at most one in BYTES_PER_STRAY_NUL bytes), with no other control character than TAB, LF and CR,
 * and not UTF-16 by its first bytes. Binary data fails it at once: a PNG starts with 0x89, no UTF-8,
 * and its header holds a 0x1A; a zip starts with 'PK' 0x03 0x04. Read as text, such a file is
 * checked by every rule in the same run, and its NULs are reported where they are.
 */
export function isTextWithStrayNuls(bytes: Uint8Array): boolean {
  if (utf16ByteOrder(bytes) !== undefined) return false;
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (!isUtf8(buffer)) return false;
  const allowed = Math.max(1, Math.floor(bytes.length / BYTES_PER_STRAY_NUL));
  let nuls = 0;
  for (const byte of bytes) {
    if (byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    if (byte !== 0 || ++nuls > allowed) return false;
  }
  return true;
}

/**
 * Whether bytes are binary data, or text saved as UTF-16, rather than UTF-8 text: a NUL in the first
 * 8 KB (`looksBinary`), unless they are text with a few stray NULs (`isTextWithStrayNuls`).
 */
export function holdsBinaryData(bytes: Uint8Array): boolean {
  return looksBinary(bytes) && !isTextWithStrayNuls(bytes);
}

/** Moved to core, where the solution package's decoding names UTF-16 too. */
export { utf16ByteOrder } from '@connector-alm/core';

const utf16Decoders = {
  'little-endian': new TextDecoder('utf-16le', { fatal: true }),
  'big-endian': new TextDecoder('utf-16be', { fatal: true }),
};

/**
 * The text of bytes saved as UTF-16 in `order` (its byte-order mark dropped), so that a file Windows
 * PowerShell 5.1's `>` or Notepad's "Unicode" wrote is still checked while GEN-BINARY asks for it as
 * UTF-8: read as missing, every finding on its content came only in the run after it was saved again.
 * Undefined for bytes that are no UTF-16 text: an odd length, a lone surrogate, or a NUL character,
 * which no text file holds (binary data that happens to start like UTF-16).
 */
export function decodeUtf16(bytes: Uint8Array, order: 'little-endian' | 'big-endian'): string | undefined {
  let text: string;
  try {
    text = utf16Decoders[order].decode(bytes);
  } catch {
    return undefined;
  }
  return text.includes('\0') ? undefined : text;
}

/**
 * How a file's bytes are read: as UTF-8 text (with its invalid bytes replaced and located), as text
 * saved as UTF-16 (undefined where the bytes are no UTF-16 text), or not at all, as binary data. The
 * loader, the diff's connector versions and the diff's files given alone read bytes so, each
 * saying what it must of the last two.
 */
export type BytesRead =
  | { as: 'utf8'; decoded: DecodedText }
  | { as: 'utf16'; order: 'little-endian' | 'big-endian'; text: string | undefined }
  | { as: 'binary' };

export function readBytes(bytes: Uint8Array): BytesRead {
  // Text with a stray NUL is UTF-8 all the same (see isTextWithStrayNuls).
  if (!holdsBinaryData(bytes)) return { as: 'utf8', decoded: decodeUtf8(bytes) };
  const order = utf16ByteOrder(bytes);
  if (order === undefined) return { as: 'binary' };
  return { as: 'utf16', order, text: decodeUtf16(bytes, order) };
}
