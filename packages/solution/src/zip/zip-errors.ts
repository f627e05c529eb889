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
