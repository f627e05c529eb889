import { crc32 as zlibCrc32 } from 'node:zlib';

/*
 * buffer-crc32's interface over Node's own zlib.crc32, which the bundles (BUNDLE_OPTIONS' alias in
 * scripts/validation-worker.mjs) and Jest (moduleNameMapper) give yazl in place of buffer-crc32.
 * yazl computes every entry's CRC-32 with it, and buffer-crc32 reads the bytes one at a time in
 * JavaScript: ~0.5 s of packing the benchmark's 100 MB solution (~9% of pack), where zlib's native
 * CRC-32 takes ~40 ms. The values are the same (the CRC-32 of zip and gzip); yazl uses `unsigned`.
 */

/** A CRC-32 to continue from, as buffer-crc32 takes it: a number, or 4 bytes big-endian. */
type PartialCrc = Buffer | number | undefined;

function startingValue(partial: PartialCrc): number {
  // buffer-crc32 takes a signed or an unsigned number alike; zlib.crc32 only an unsigned one.
  return Buffer.isBuffer(partial) ? partial.readUInt32BE(0) : (partial ?? 0) >>> 0;
}

/** The CRC-32 of `input` (a string as UTF-8), continued from `partial`, as an unsigned number. */
export function unsigned(input: string | Buffer, partial?: PartialCrc): number {
  return zlibCrc32(input, startingValue(partial));
}

/** The same, as a signed 32-bit number. */
export function signed(input: string | Buffer, partial?: PartialCrc): number {
  return unsigned(input, partial) | 0;
}

/** The same, as 4 bytes big-endian. */
function crc32(input: string | Buffer, partial?: PartialCrc): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(unsigned(input, partial));
  return bytes;
}
crc32.signed = signed;
crc32.unsigned = unsigned;

export default crc32;
