import { UserError } from '@connector-alm/core';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const BOM = '\uFEFF';

/**
 * Solution XML and connector JSON must be UTF-8 (a BOM is allowed). Invalid bytes are an error
 * located at the file, naming the byte offset, rather than U+FFFD silently written back into the solution.
 */
export function decodeUtf8Strict(bytes: Uint8Array, file: string): string {
  try {
    const text = strict.decode(bytes);
    return text.startsWith(BOM) ? text.slice(1) : text;
  } catch {
    throw new UserError(`is not valid UTF-8 (first bad byte at offset ${firstInvalidOffset(bytes)}).`, {
      location: { file },
      hint: 'Save the file as UTF-8.',
    });
  }
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
