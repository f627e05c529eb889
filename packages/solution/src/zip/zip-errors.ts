import { UserError } from '@connector-alm/core';

/** A problem with an archive or one of its entries, located as "archive.zip: entry". */
export class ZipError extends UserError {
  constructor(archive: string, entry: string | undefined, problem: string, hint?: string) {
    super(entry === undefined ? `${archive}: ${problem}` : `${archive}: entry '${entry}' ${problem}`, {
      location: { file: entry === undefined ? archive : `${archive}/${entry}` },
      ...(hint ? { hint } : {}),
    });
  }
}
