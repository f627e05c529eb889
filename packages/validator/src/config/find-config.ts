import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '@connector-alm/core';

/** The names a configuration file may have, in order of preference. */
export const CONFIG_FILE_NAMES = [
  '.connector-alm.yml',
  '.connector-alm.yaml',
  '.connector-alm.json',
] as const;

/**
 * The configuration file that applies in `cwd`: the first folder from `cwd` upwards that has one,
 * stopping at the repository root (the folder with `.git`) so that a checkout never picks up a
 * file from outside it, or at the filesystem root.
 */
export function findConfigFile(cwd: string): string | undefined {
  let folder = path.resolve(cwd);
  for (;;) {
    const present = CONFIG_FILE_NAMES.filter((name) => existsSync(path.join(folder, name)));
    if (present.length > 1) {
      // A mistake in the configuration, as its other mistakes: a usage error (exit code 2).
      throw new UsageError(`is a second configuration file in its folder, beside ${present[0]}.`, {
        location: { file: path.join(folder, present[1]!) },
        hint: 'Keep one of them, so that it is clear which one applies.',
      });
    }
    if (present.length === 1) return path.join(folder, present[0]!);
    const parent = path.dirname(folder);
    if (isRepositoryRoot(folder) || parent === folder) return undefined;
    folder = parent;
  }
}

/**
 * The root of the repository `folder` is in: the nearest folder from it upwards with a `.git` entry
 * (a folder, or the file a worktree or submodule has); undefined when it is in none.
 */
export function repositoryRootOf(folder: string): string | undefined {
  for (let at = path.resolve(folder); ; at = path.dirname(at)) {
    if (isRepositoryRoot(at)) return at;
    if (path.dirname(at) === at) return undefined;
  }
}

/** Whether `folder` is a repository's top level: it holds a `.git` entry (a folder, or a worktree's or submodule's file). */
export function isRepositoryRoot(folder: string): boolean {
  return existsSync(path.join(folder, '.git'));
}
