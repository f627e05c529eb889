import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isWithin, posixRelativePath } from '@connector-alm/core';

/** Where the findings' paths start from, and the repository root that reports are relative to. */
export interface PathBase {
  /** The directory the findings' `file` paths are relative to (default: the process's). */
  cwd?: string;
  /** The repository root (default: `cwd`). Code scanning and annotations want repository-relative paths. */
  baseDir?: string;
}

/** A finding's file relative to the repository root with `/` separators, or undefined when outside it. */
export function repositoryPath(file: string, base: PathBase = {}): string | undefined {
  const baseDir = path.resolve(base.cwd ?? process.cwd(), base.baseDir ?? '.');
  const absolute = absolutePath(file, base);
  return isWithin(baseDir, absolute) ? posixRelativePath(baseDir, absolute) : undefined;
}

/** A finding's file as an absolute path, resolved from where the findings' paths start. */
export function absolutePath(file: string, base: PathBase = {}): string {
  return path.resolve(base.cwd ?? process.cwd(), file);
}

/**
 * A finding's file as the job summary and the annotations name it: relative to the repository root,
 * or, outside the repository (extract-connectors' folders under runner.temp), by its absolute path,
 * as the action's outputs name it: relative to the workspace it was `../../_temp/…`, a path nobody wrote.
 */
export function shownFindingPath(file: string, base: PathBase = {}): string {
  return repositoryPath(file, base) ?? absolutePath(file, base);
}

/**
 * A URI reference for a SARIF artifactLocation: repository-relative and percent-encoded per segment
 * (connector folders often have spaces), or an absolute file URI for a file outside the repository.
 */
export function artifactUri(file: string, base: PathBase = {}): { uri: string; inRepository: boolean } {
  const relative = repositoryPath(file, base);
  if (relative !== undefined) {
    return { uri: relative.split('/').map(encodeURIComponent).join('/'), inRepository: true };
  }
  return { uri: pathToFileURL(absolutePath(file, base)).href, inRepository: false };
}
