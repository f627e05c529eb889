import { lstatSync } from 'node:fs';
import path from 'node:path';
import {
  brokenLinkAtEnd,
  brokenLinkPhrase,
  describeBrokenLink,
  linkTarget,
  linkTrouble,
  statOrError,
  type BrokenLink,
} from './broken-link.js';
import { backslashPathToReadError, slashedPathToRead } from './backslash-paths.js';
import { UsageError } from './errors.js';

/** A file that stands where a folder of a path must be, and the rest of the path below it. */
export interface FileInTheWay {
  /** The file, named as the caller named the path: relative stays relative, absolute absolute. */
  file: string;
  /** The part of the path below the file, which cannot exist: `out.zip`, `reports/out.zip`. */
  below: string;
  /**
   * Set when the file in the way is a symbolic link whose target could not be looked at: `to` is its
   * target as the link names it, unless it could not be read. "is a file" sent users looking for a
   * file they could not find.
   */
  link?: BrokenLink;
}

/**
 * The file that a path runs through, if any: the nearest existing parent of `target` when that is
 * not a folder (a link to a folder counts as a folder). Node says only ENOTDIR or EEXIST there, and
 * names the whole path, while the file in the way is what the user must see and move or rename.
 * `target` itself is not looked at: whether it may be a file or a folder is the caller's to say.
 */
export function fileInTheWay(target: string, cwd: string = process.cwd()): FileInTheWay | undefined {
  const resolved = path.resolve(cwd, target);
  for (let current = path.dirname(resolved); ; current = path.dirname(current)) {
    // stat follows links; lstat still sees a link whose target stat could not look at, which is
    // not a folder that can be written in either.
    const followed = statOrError(current);
    if (followed.stat?.isDirectory()) return undefined;
    const stat = followed.stat ?? statOrError(current, lstatSync).stat;
    if (stat)
      return {
        file: path.join(target, path.relative(resolved, current)),
        below: path.relative(current, resolved),
        ...(stat.isSymbolicLink()
          ? { link: { ...linkTarget(current), leads: linkTrouble(followed.code) } }
          : {}),
      };
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * The usage error of a path that runs through a file, located at the file in the way: "file.txt: is a
 * file, not a folder, so out.zip cannot be made inside it.", or "old: is a symbolic link that leads
 * nowhere (to 'gone'), so …" for a dangling link, "… whose target cannot be reached (permission
 * denied) (to '/srv/private/out'), so …" for one into a folder the user may not enter. `action` is
 * what the command meant to do with the path; `hint` says what to give instead.
 */
export function pathThroughFileError(way: FileInTheWay, action: 'made' | 'read', hint: string): UsageError {
  return new UsageError(`${whatIsInTheWay(way)}, so ${way.below} cannot be ${action} inside it.`, {
    location: { file: way.file },
    hint,
  });
}

function whatIsInTheWay({ link }: FileInTheWay): string {
  return link ? describeBrokenLink(link) : 'is a file, not a folder';
}

/**
 * The usage error of a path to read that is not there: "does not exist.", located at the path as
 * given; or, when the path runs through a file, located at that file, which is what to move or
 * rename: "file.txt: is a file, not a folder, so x.zip cannot be read inside it." (Node says ENOTDIR
 * there, or ENOENT, at the whole path.) `cwd` resolves a relative path, as fileInTheWay's. `message`
 * replaces "does not exist." where the path alone does not say what it was given for (an option's).
 * `throughFileHint` replaces `hint` for a path through a file, where the hint for a missing path
 * does not fit ("make it first" cannot be done while the file is in the way). A path that is itself
 * a link to nothing (or round in a loop) is said as that link ("is a symbolic link that leads
 * nowhere (to 'gone')."), whatever `message` says; `linkSubject` says it in the caller's framing,
 * in place of "is": "Input 'x' names" gives "Input 'x' names a symbolic link that leads nowhere …",
 * which keeps the input's name that `message` gave a missing file. A path written with `\` on Linux
 * or macOS whose `/` version is there is said as that slip, with the `/` version to give.
 */
export function missingPathError(
  given: string,
  hint: string,
  options: {
    cwd?: string;
    cause?: unknown;
    message?: string;
    throughFileHint?: string;
    linkSubject?: string;
  } = {},
): UsageError {
  const way = fileInTheWay(given, options.cwd);
  if (way) return pathThroughFileError(way, 'read', options.throughFileHint ?? hint);
  // The path is there, as a link whose target is not (or that leads round in a loop, ELOOP): "does
  // not exist." sent users looking for a file they could see, and a loop was read as a damaged zip.
  const link = brokenLinkAtEnd(given, { cwd: options.cwd, newTarget: 'refused' });
  if (link)
    return new UsageError(`${options.linkSubject ?? 'is'} ${brokenLinkPhrase(link)}.`, {
      location: { file: given },
      hint,
      cause: options.cause,
    });
  // `custom-connectors\HtmlToText` on Linux or macOS, where the `/` version is there: the slip is named.
  const meant = slashedPathToRead(given, { cwd: options.cwd });
  if (meant !== undefined) return backslashPathToReadError(given, meant, options.message);
  return new UsageError(options.message ?? 'does not exist.', {
    location: { file: given },
    hint,
    cause: options.cause,
  });
}
