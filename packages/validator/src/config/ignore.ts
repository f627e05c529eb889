import path from 'node:path';
import picomatch from 'picomatch';
import type { ValidatorConfig } from './config-types.js';

/**
 * Whether the configuration's `ignore` globs skip a connector folder. The globs are relative to the
 * configuration file's folder, so `folder` must be absolute (or relative to the same working
 * directory the file's path was resolved from). Every place that decides which folders count (the
 * folders to validate, the folders a change touches) asks this, so an ignored folder is skipped
 * everywhere alike.
 */
export function isIgnored(folder: string, config: ValidatorConfig): boolean {
  if (config.ignore.length === 0 || !config.path) return false;
  const relative = path.relative(path.dirname(config.path), folder).split(path.sep).join('/');
  return config.ignore.some((pattern) => picomatch.isMatch(relative, pattern, { dot: true }));
}
