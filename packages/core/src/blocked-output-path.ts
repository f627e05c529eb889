import { refuseBackslashPathToWrite } from './backslash-paths.js';
import { brokenLinkAtEnd, brokenLinkError } from './broken-link.js';
import { fileInTheWay, pathThroughFileError } from './file-in-the-way.js';

/** What to tell the user of a path to write that is blocked, and which links at its end are blocked. */
export interface BlockedOutputPathOptions {
  /** Resolves a relative path, as fileInTheWay's. */
  cwd?: string;
  /** What to give instead of a path that runs through a file (or a link that leads nowhere). */
  throughFileHint: string;
  /** What to give instead of a path that is itself a link nothing can be written through. */
  brokenLinkHint: string;
  /**
   * How a link at the end to a file not there yet, in a folder that is, is taken (brokenLinkAtEnd):
   * `created` (the default) lets the write create that file; `refused` refuses it, for a caller
   * that cannot write through such a link (mkdir of a folder) or has not looked where it leads.
   */
  newTarget?: 'created' | 'refused';
}

/**
 * Refuses, before any work, a path to write that runs through a file, located at the file in the way
 * ("notes: is a file, not a folder, so report.sarif cannot be made inside it."), or that is itself a
 * link nothing can be written through (round in a loop, to a missing folder), located at the link.
 * mkdir and the write said only EEXIST, ENOENT or ELOOP at the whole path, after the work was done.
 * The CLI's -o, the solution writers and the actions' outputs each refused so with a copy of this.
 * A path whose new part separates folders with `\` on Linux or macOS is refused too (backslash-paths.ts).
 */
export function refuseBlockedOutputPath(target: string, options: BlockedOutputPathOptions): void {
  // Before the rest: `solutions\Contoso` on Linux would be one new name, blocked by nothing.
  refuseBackslashPathToWrite(target, { cwd: options.cwd });
  const way = fileInTheWay(target, options.cwd);
  if (way) throw pathThroughFileError(way, 'made', options.throughFileHint);
  const link = brokenLinkAtEnd(target, { cwd: options.cwd, newTarget: options.newTarget });
  if (link) throw brokenLinkError(target, link, options.brokenLinkHint);
}
