import { crc32 } from 'node:zlib';
import { plural } from '@connector-alm/core';
import { ZipError } from './zip-errors.js';

/** Bytes inflated so far across all entries of one archive, checked against the total limit. */
export interface InflatedTotal {
  bytes: number;
  readonly limit: number;
}

export interface EntryExpectation {
  archive: string;
  name: string;
  /** The size the central directory declares. */
  size: number;
  /** The CRC-32 the central directory declares. */
  crc32: number;
  /** What to do about damaged data: the archive's own advice (a solution's, a certification package's). */
  damagedHint: string;
}

/**
 * Checks the bytes of one entry as they are inflated: never past the declared size, never past the
 * archive's total limit, and at the end exactly the declared size with the declared CRC-32. A lying
 * header or damaged data is an error naming the entry, not a silently wrong file.
 */
export class EntryIntegrity {
  private bytes = 0;
  private crc = 0;

  constructor(
    private readonly expected: EntryExpectation,
    private readonly total: InflatedTotal,
  ) {}

  /** Counts a chunk; throws as soon as the entry or the archive grows past its bound. */
  add(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    this.total.bytes += chunk.length;
    if (this.bytes > this.expected.size)
      throw this.error(`inflates past its declared size of ${plural(this.expected.size, 'byte')}.`);
    if (this.total.bytes > this.total.limit)
      throw new ZipError(
        this.expected.archive,
        this.expected.name,
        `expands the archive past the limit of ${plural(this.total.limit, 'byte')}.`,
      );
    this.crc = crc32(chunk, this.crc);
  }

  /** Throws when the entry ended short of its declared size or its checksum does not match. */
  finish(): void {
    if (this.bytes !== this.expected.size)
      throw this.error(`has ${plural(this.bytes, 'byte')}, not the ${this.expected.size} it declares.`);
    if (this.crc >>> 0 !== this.expected.crc32 >>> 0) throw this.error('fails its CRC-32 check.');
  }

  private error(problem: string): ZipError {
    return new ZipError(
      this.expected.archive,
      this.expected.name,
      `cannot be read: ${problem}`,
      this.expected.damagedHint,
    );
  }
}
