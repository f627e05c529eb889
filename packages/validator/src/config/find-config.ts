import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '@connector-alm/core';
import { isRepositoryRoot } from '../git/repository-root.js';

/** The names a configuration file may have, in order of preference. */
export const CONFIG_FILE_NAMES = [
  '.connector-alm.yml',
  '.connector-alm.yaml',
  '.connector-alm.json',
] as const;

/** Whether a configuration file is read as JSON (`.connector-alm.json`), else as YAML. */
export function isJsonFile(file: string): boolean {
  return file.toLowerCase().endsWith('.json');
}

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
