import { lstatSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';
import { shownPath } from './paths.js';
import { withoutFullStop } from './text-ends.js';

/**
 * Paths written the Windows way (`solutions\Contoso`) on Linux or macOS, where `\` is a character of
 * a name, not a separator: a path to read was "does not exist." with no word of why, and a path to
 * write made one folder named `solutions\Contoso`, which a commit would carry and Windows cannot
 * check out. The configuration file catches the same slip in its `ignore` patterns, in these words.
 */

/** What to do instead, for every path of the command line and of an action's inputs. */
export const BACKSLASH_PATH_HINT = 'Paths separate folders with /, which Windows takes too.';

/**
 * "separates folders with \, which <reader> reads as <what>. Did you mean '<meant>'?": the words of
 * every such slip (a path, an `ignore` pattern), `readAs` saying what the `\` is taken for there.
 */
export function separatesFoldersWithBackslash(readAs: string, meant: string): string {
  return `separates folders with \\, which ${readAs}. Did you mean '${meant}'?`;
}

/** `given` with each run of `\` made one `/`, or undefined when it holds no `\`. */
export function withSlashes(given: string): string | undefined {
  return given.includes('\\') ? given.replace(/\\+/g, '/') : undefined;
}

interface BackslashOptions {
  /** Resolves a relative path. */
  cwd?: string;
  /** Lets tests pass win32, where `\` is a separator and nothing is a slip. */
  platform?: NodeJS.Platform;
}

/**
 * The `/` version of a path to read that is not there, when that version is: what the user meant.
 * Undefined on Windows, for a path without `\`, or when the `/` version is not there either (a
 * name that really holds a `\` is then only missing).
 */
export function slashedPathToRead(given: string, options: BackslashOptions = {}): string | undefined {
  const meant = slipCandidate(given, options.platform);
  if (meant === undefined) return undefined;
  const cwd = options.cwd ?? process.cwd();
  if (exists(path.resolve(cwd, given)) || !exists(path.resolve(cwd, meant))) return undefined;
  return shownPath(meant);
}

/**
 * The `/` version of a path to write, when the part of it that the write would make holds a `\`:
 * the folders or file that do not exist yet. A `\` in the name of a folder that exists is the user's
 * own name, and a path that exists as given is written as it is.
 */
export function slashedPathToWrite(given: string, options: BackslashOptions = {}): string | undefined {
  const meant = slipCandidate(given, options.platform);
  if (meant === undefined) return undefined;
  const resolved = path.resolve(options.cwd ?? process.cwd(), given);
  let existing = resolved;
  while (!exists(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  if (existing === resolved || existing.includes('\\')) return undefined;
  return shownPath(meant);
}

/**
 * The usage error of a path to read written with `\` where its `/` version exists, located at it:
 * "does not exist: it separates folders with \, which Linux reads as part of a name. Did you mean
 * 'custom-connectors/HtmlToText'?". `message` is what the caller says of a missing path.
 */
export function backslashPathToReadError(
  given: string,
  meant: string,
  message = 'does not exist.',
  platform: NodeJS.Platform = process.platform,
): UsageError {
  const reason = separatesFoldersWithBackslash(`${systemName(platform)} reads as part of a name`, meant);
  return new UsageError(`${withoutFullStop(message)}: it ${reason}`, {
    location: { file: given },
    hint: BACKSLASH_PATH_HINT,
  });
}

/**
 * Refuses, before anything is written, a path to write whose new part holds a `\` on Linux or
 * macOS (slashedPathToWrite), located at the path as given: the write would make a name with a
 * `\` in it rather than the folders meant.
 */
export function refuseBackslashPathToWrite(given: string, options: BackslashOptions = {}): void {
  const meant = slashedPathToWrite(given, options);
  if (meant === undefined) return;
  throw new UsageError(backslashPathToWriteMessage(meant, options.platform), {
    location: { file: given },
    hint: BACKSLASH_PATH_HINT,
  });
}

/** The message of a path to write with `\` (refuseBackslashPathToWrite's), for callers that locate it otherwise. */
export function backslashPathToWriteMessage(
  meant: string,
  platform: NodeJS.Platform = process.platform,
): string {
  return separatesFoldersWithBackslash(
    `${systemName(platform)} reads as part of a name: it would make one name holding the \\`,
    meant,
  );
}

function slipCandidate(given: string, platform: NodeJS.Platform = process.platform): string | undefined {
  return platform === 'win32' ? undefined : withSlashes(given);
}

function systemName(platform: NodeJS.Platform): string {
  if (platform === 'linux') return 'Linux';
  if (platform === 'darwin') return 'macOS';
  return 'this system';
}

/** Whether anything is at the path, a link that leads nowhere included. */
function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
