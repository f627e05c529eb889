/**
 * The byte order of text saved as UTF-16, which has a NUL beside every ASCII character and so looks
 * binary: Windows PowerShell 5.1 writes it for `git show main:apiDefinition.swagger.json > base.json`,
 * and Notepad offers it as "Unicode". Told by its byte-order mark, or without one by a first ASCII
 * character beside a NUL (`{` is `7B 00` little-endian). Undefined for other bytes.
 */
export function utf16ByteOrder(bytes: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  if (bytes.length < 2) return undefined;
  const [first, second] = [bytes[0]!, bytes[1]!];
  if (first === 0xff && second === 0xfe) return 'little-endian';
  if (first === 0xfe && second === 0xff) return 'big-endian';
  if (bytes.length % 2 !== 0) return undefined;
  if (first !== 0 && first < 0x80 && second === 0) return 'little-endian';
  if (first === 0 && second !== 0 && second < 0x80) return 'big-endian';
  return undefined;
}
