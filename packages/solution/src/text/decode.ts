import { describeNonUtf8Byte, UserError } from '@connector-alm/core';

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

function notUtf8Error(bytes: Uint8Array, file: string): UserError {
  const offset = firstInvalidOffset(bytes);
  // Everything before the bad byte is UTF-8: its text places the byte by line and column, counted as
  // in the file's other errors (from after a BOM, in UTF-16 units as the JSON parser counts them).
  const before = lenient.decode(bytes.subarray(0, offset));
  const text = before.startsWith(BOM) ? before.slice(1) : before;
  const { line, column } = lineAndColumn(text, text.length);
  return new UserError(`is not valid UTF-8 (${describeNonUtf8Byte(bytes[offset]!)}).`, {
    location: { file, line, column },
    hint: 'Save the file as UTF-8.',
  });
}

/** The byte offset of the first invalid sequence: the UTF-8 length of what decodes before it. */
function firstInvalidOffset(bytes: Uint8Array): number {
  // One streaming pass finds where decoding fails; one lenient decode up to there finds where the
  // bad sequence began (it may have started a byte or three earlier).
  const stream = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for (let end = 1; end <= bytes.length; end++) {
    try {
      stream.decode(bytes.subarray(end - 1, end), { stream: true });
    } catch {
      const before = lenient.decode(bytes.subarray(0, end));
      return Buffer.byteLength(before.slice(0, before.indexOf('\uFFFD')), 'utf8');
    }
  }
  // The bytes end inside a sequence.
  const all = lenient.decode(bytes);
  return Buffer.byteLength(all.slice(0, all.indexOf('\uFFFD')), 'utf8');
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
