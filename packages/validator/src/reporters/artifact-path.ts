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
  const cwd = base.cwd ?? process.cwd();
  const baseDir = path.resolve(cwd, base.baseDir ?? '.');
  const absolute = path.resolve(cwd, file);
  return isWithin(baseDir, absolute) ? posixRelativePath(baseDir, absolute) : undefined;
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
  return { uri: pathToFileURL(path.resolve(base.cwd ?? process.cwd(), file)).href, inRepository: false };
}
