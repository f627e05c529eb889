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
  return ignoringPattern(folder, config, platform) !== undefined;
}

/** The index in `ignore` of the first pattern that skips a folder (as isIgnored), or undefined. */
export function ignoringPattern(
  folder: string,
  config: ValidatorConfig,
  platform: NodeJS.Platform = process.platform,
): number | undefined {
  if (config.ignore.length === 0 || !config.path) return undefined;
  const relative = relativeToConfig(folder, config.path);
  const index = config.ignore.findIndex((pattern) => ignorePatternMatches(pattern, relative, platform));
  return index === -1 ? undefined : index;
}

/** A folder as the configuration file's globs name it: relative to the file's folder, `/`-separated. */
export function relativeToConfig(folder: string, configPath: string): string {
  return slashSeparated(path.relative(path.dirname(configPath), folder));
}

/** Whether one `ignore` pattern skips a folder given relative to the configuration file's folder, `/`-separated. */
export function ignorePatternMatches(
  pattern: string,
  relativeFolder: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  const nocase = platform === 'win32' || platform === 'darwin';
  return compiledPattern(pattern, nocase)(relativeFolder);
}

/**
 * Each pattern compiled to a matcher once per process and case rule: every folder of a change is
 * asked about every pattern (isIgnored, and REPO-CONFIG-LOOSENED for each pattern a change adds), and
 * picomatch.isMatch compiled the pattern anew on each call, which with 2,000 patterns and 2,000
 * folders took a minute. Patterns come from configuration files, so the map stays small.
 */
const compiled = new Map<string, picomatch.Matcher>();

function compiledPattern(pattern: string, nocase: boolean): picomatch.Matcher {
  const key = `${nocase ? 'i' : 's'}:${pattern}`;
  let matcher = compiled.get(key);
  if (!matcher) {
    // `windows: false` as isMatch had it: the folder is '/'-separated already, and picomatch's
    // default entry point would otherwise read backslashes in patterns as separators on Windows.
    matcher = picomatch(pattern, { dot: true, nocase, windows: false });
    compiled.set(key, matcher);
  }
  return matcher;
}
