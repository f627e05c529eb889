import path from 'node:path';
import picomatch from 'picomatch';
import { slashSeparated } from '@connector-alm/core';
import type { ValidatorConfig } from './config-types.js';

/**
 * Whether the configuration's `ignore` globs skip a connector folder. The globs are relative to the
 * configuration file's folder, so `folder` must be absolute (or relative to the same working
 * directory the file's path was resolved from). Every place that decides which folders count (the
 * folders to validate, the folders a change touches) asks this, so an ignored folder is skipped
 * everywhere alike.
 *
 * On Windows and macOS, whose file systems ignore case, the globs do too: there `contoso` and
 * `Contoso` are one folder, a path typed in either case reaches it, and `validate` names it as typed
 * (`validate --base` by git's name), so an exact match would skip it or not by how it was typed.
 */
export function isIgnored(
  folder: string,
  config: ValidatorConfig,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (config.ignore.length === 0 || !config.path) return false;
  const relative = slashSeparated(path.relative(path.dirname(config.path), folder));
  return config.ignore.some((pattern) => ignorePatternMatches(pattern, relative, platform));
}

/** Whether one `ignore` pattern skips a folder given relative to the configuration file's folder, `/`-separated. */
export function ignorePatternMatches(
  pattern: string,
  relativeFolder: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  const nocase = platform === 'win32' || platform === 'darwin';
  return picomatch.isMatch(relativeFolder, pattern, { dot: true, nocase });
}
