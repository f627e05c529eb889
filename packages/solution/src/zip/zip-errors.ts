import { UserError } from '@connector-alm/core';

/**
 * A problem with an archive or one of its entries: "entry 'x' …", located at the archive, which is
 * shown before it ("archive.zip: entry 'x' …"). The location is the archive: an entry is no file that
 * an editor or a GitHub annotation could open.
 */
export class ZipError extends UserError {
  constructor(archive: string, entry: string | undefined, problem: string, hint?: string) {
    super(entry === undefined ? problem : `entry '${entry}' ${problem}`, {
      location: { file: archive },
      ...(hint ? { hint } : {}),
    });
  }
}

/**
 * An entry name that cannot be read without knowing the code page it was written in (see
 * name-encoding). Its hint, to name the code page, holds wherever the archive is read: a caller
 * that replaces the hint of an unreadable archive keeps this one.
 */
export class EntryNameEncodingError extends ZipError {}
