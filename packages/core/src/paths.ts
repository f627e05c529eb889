import path from 'node:path';

/**
 * `child` is `root` or lies below it. Compared through `path.relative`, not by string prefix: a
 * prefix test takes `/work/repo-other` for a child of `/work/repo` and fails for the root `/`, and
 * a name that merely starts with two dots (`..config`) is still inside. With path.win32 the drive
 * letter and the case of names do not count, as on Windows; a path on another drive is outside.
 * `paths` lets tests pass path.win32.
 */
export function isWithin(root: string, child: string, paths: path.PlatformPath = path): boolean {
  const relative = paths.relative(root, child);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${paths.sep}`) && !paths.isAbsolute(relative))
  );
}

/** `child` lies below `root`, and is not `root` itself. */
export function isBelow(root: string, child: string): boolean {
  return path.relative(root, child) !== '' && isWithin(root, child);
}

/**
 * `file` with '/' between its segments, as a key to order paths by alike on every OS. In Windows'
 * own form the '\' sorts after digits and capital letters where '/' sorts before them, so
 * `Contoso\v2` came after `Contoso2` there and before it on Linux and macOS. `paths` lets tests
 * pass path.win32.
 */
export function slashSeparated(file: string, paths: path.PlatformPath = path): string {
  return paths.sep === '/' ? file : file.split(paths.sep).join('/');
}

/**
 * A path a package function was given, as a message names it: a relative one as given; an absolute
 * one (the CLI resolves the paths it is given) from the working directory when it lies in it, as the
 * CLI names the error's location: the path the user typed, there. Elsewhere, absolute.
 */
export function shownPath(file: string): string {
  if (!path.isAbsolute(file) || !isWithin(process.cwd(), file)) return file;
  return toDisplayPath(process.cwd(), file);
}

/**
 * `file` (absolute, or relative to `cwd`) as a message to the user names it: from the working
 * directory, with the OS's separators, `.` for the directory itself and `..` steps for a path beside
 * it, as a shell there reaches it. Every command prints its paths so, `validate`'s findings and the
 * solution commands' errors alike, whether it was given an absolute path or a relative one: a CI log
 * then names a file one way in every step. A file on another drive has no relative path and comes
 * back absolute. `paths` lets tests pass path.win32.
 */
export function toDisplayPath(cwd: string, file: string, paths: path.PlatformPath = path): string {
  const relative = paths.relative(cwd, paths.resolve(cwd, file));
  return relative === '' ? '.' : relative;
}

/**
 * `file` (absolute, or relative to `root`) as GitHub names a file of the repository: relative to
 * `root` with '/' separators, '.' for `root` itself. Annotations, SARIF, links and outputs that
 * later steps put in matrices or path filters need this form; a Windows runner's own paths have '\',
 * which GitHub reads as part of a name. Node and most tools on Windows take '/' too, so the result
 * still opens the file in a later step. A file on another drive has no relative path: it comes back
 * absolute and native, the one name that reaches it. `paths` lets tests pass path.win32.
 */
export function posixRelativePath(root: string, file: string, paths: path.PlatformPath = path): string {
  const relative = paths.relative(root, paths.resolve(root, file));
  if (relative === '') return '.';
  if (paths.isAbsolute(relative)) return relative;
  return slashSeparated(relative, paths);
}
