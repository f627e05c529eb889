const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * `written` with a UTF-8 byte-order mark where `present`, the file it is written over, has one, and
 * without one where it has none. Dataverse exports a connector's script with a BOM and most
 * repositories keep theirs without: written with the solution's, the script's first line showed as
 * changed in git whenever the script changed.
 */
export function withByteOrderMarkOf(written: string | Buffer, present: Buffer): string | Buffer {
  const wanted = startsWithBom(present);
  const bytes = Buffer.isBuffer(written) ? written : Buffer.from(written, 'utf8');
  const has = startsWithBom(bytes);
  if (has === wanted) return written;
  return has ? bytes.subarray(BOM.length) : Buffer.concat([BOM, bytes]);
}

function startsWithBom(bytes: Buffer): boolean {
  return bytes.length >= BOM.length && bytes.subarray(0, BOM.length).equals(BOM);
}
