import { isUtf8 } from 'node:buffer';
import { describeNonUtf8Byte, firstReplacedByte, UserError, utf16ByteOrder } from '@connector-alm/core';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const BOM = '\uFEFF';

/**
 * Solution XML and connector JSON must be UTF-8 (a BOM is allowed). Invalid bytes are an error
 * located at the line and column of the first, rather than U+FFFD silently written back into the
 * solution; the message names the byte and, when it is one, the Windows-1252 character it stands
 * for, the usual cause being a file saved as "ANSI". Every refusal of a file that is not UTF-8 in
 * this package comes from here, so they all read alike.
 */
export function decodeUtf8Strict(bytes: Uint8Array, file: string): string {
  try {
    const text = strict.decode(bytes);
    return text.startsWith(BOM) ? text.slice(1) : text;
  } catch {
    throw notUtf8Error(bytes, file);
  }
}

/** Bytes decoded per piece by decodeUtf8Pieces. */
const PIECE_BYTES = 1024 * 1024;

/**
 * decodeUtf8Strict's text in pieces of about a megabyte, for a parser that reads text piece by piece:
 * a large file is then never one string. That string is as large as the file, twice as large once a
 * single character of it is outside Latin-1 (a curly quote, a Japanese label), as each piece is then.
 * Bytes that are not UTF-8 are refused before the first piece, as decodeUtf8Strict refuses them.
 */
export function* decodeUtf8Pieces(
  bytes: Uint8Array,
  file: string,
  pieceBytes = PIECE_BYTES,
): Generator<string> {
  if (!isUtf8(bytes)) throw notUtf8Error(bytes, file);
  // Valid, so a sequence cut at a piece's end is one the decoder completes with the next piece.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let started = false;
  for (let start = 0; start < bytes.length; start += pieceBytes) {
    let piece = decoder.decode(bytes.subarray(start, start + pieceBytes), { stream: true });
    if (!started && piece !== '') {
      started = true;
      if (piece.startsWith(BOM)) piece = piece.slice(1);
    }
    yield piece;
  }
}

function notUtf8Error(bytes: Uint8Array, file: string): UserError {
  // Saved as UTF-16 (Windows PowerShell 5.1's `>`, Notepad's "Unicode"): said so, not as a bad byte.
  const utf16 = utf16ByteOrder(bytes);
  if (utf16)
    return new UserError(`is saved as UTF-16 (${utf16}), not UTF-8.`, {
      location: { file },
      hint: 'Save the file as UTF-8.',
    });
  // The first U+FFFD that stands for bytes that are not UTF-8 (the file may hold that character
  // itself): everything before it is UTF-8, and its text places the byte by line and column, counted
  // as in the file's other errors (from after a BOM, in UTF-16 units as the JSON parser counts them).
  const decoded = lenient.decode(bytes);
  // Bytes that are not UTF-8 decode to a U+FFFD of their own.
  const replaced = firstReplacedByte(decoded, bytes)!;
  const before = decoded.slice(0, replaced.index);
  const text = before.startsWith(BOM) ? before.slice(1) : before;
  const { line, column } = lineAndColumn(text, text.length);
  return new UserError(`is not valid UTF-8 (${describeNonUtf8Byte(bytes[replaced.offset]!)}).`, {
    location: { file, line, column },
    hint: 'Save the file as UTF-8.',
  });
}

/** 1-based line and column of an offset, for messages. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
