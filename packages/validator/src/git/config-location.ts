import { lstatSync } from 'node:fs';
import path from 'node:path';
import { realCasePath, toRepositoryPath } from './repository-paths.js';

export interface Whereabouts {
  /** The working directory as given. */
  cwd: string;
  /** Its real path. */
  realCwd: string;
  /** The work tree's top level, real path. */
  topLevel: string;
}

/**
 * The configuration file's path in the repository, `/`-separated; undefined only for a file named
 * (--config, the action's config input) outside the repository. The file's own link is not
 * followed: a pull request that turns `.connector-alm.yml` into a link out of the repository (to
 * /dev/null) still changed `.connector-alm.yml`, which is compared with the base's. Folders on the way
 * are followed while they stay in the repository, where git holds the file; one that leads out is
 * taken where it is named, for the same reason.
 */
export async function configurationInRepository(
  file: string,
  where: Whereabouts,
): Promise<string | undefined> {
  const isLink = lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
  const real = await (
    isLink
      ? realCasePath(path.dirname(file)).then((folder) => path.join(folder, path.basename(file)))
      : realCasePath(file)
  ).catch(() => undefined);
  const inRepository = real === undefined ? undefined : toRepositoryPath(where.topLevel, real);
  if (inRepository !== undefined) return inRepository;
  // Only the working directory's links resolved (it may be reached through one, as the temp folder is on macOS).
  return toRepositoryPath(where.topLevel, path.resolve(where.realCwd, path.relative(where.cwd, file)));
}

/**
 * Where a configuration file of the repository really is, when a link (its own, or a folder's on
 * the way) leads out of the repository: what was read there is no file of the change.
 */
export async function linkOutOfRepository(file: string, topLevel: string): Promise<string | undefined> {
  const real = await realCasePath(file).catch(() => undefined);
  return real !== undefined && toRepositoryPath(topLevel, real) === undefined ? real : undefined;
}
