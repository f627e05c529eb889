import picomatch from 'picomatch';
import { unambiguousMatch, withoutTrailingSlashes } from '@connector-alm/core';
import { ignorePatternMatches } from './ignore.js';

/**
 * The glob a configuration glob that matches no connector folder most likely meant, when one typo'd
 * folder name explains it: `certified-connectors/*` for `certifed-connectors/*`,
 * `connectors/Contoso-CRM` for `connectors/contoso-crm` on a file system that tells case apart. One
 * literal folder name of the pattern is corrected to the name beside it that is unambiguously the
 * closest (unambiguousMatch: the project's did-you-mean thresholds, and nothing when two are as
 * close), its wildcards kept; the corrected glob must match a connector folder (or, naming the folder
 * that holds them, its `/*`). Only the first name that names no folder at its depth is corrected:
 * a glob with two typos, or one after a `**`, gets no guess.
 *
 * `folders` are the connector folders under the file's folder, relative to it and `/`-separated.
 */
export function mistypedGlobMeant(
  pattern: string,
  folders: readonly string[],
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const segments = withoutTrailingSlashes(pattern).split('/');
  const paths = folders.map((folder) => folder.split('/'));
  const matchesSome = (glob: string) =>
    folders.some((folder) => ignorePatternMatches(glob, folder, platform));
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    // After a `**` the pattern's names no longer stand at the folders' depths.
    if (segment === '**') return undefined;
    if (!isFolderName(segment)) continue;
    const names = [...namesAt(index, segments, paths, platform)];
    if (names.some((name) => ignorePatternMatches(segment, name, platform))) continue;
    // The first name that names no folder is the typo: no folder matches the pattern up to it, so
    // no later name can be compared with folders' names.
    const name = unambiguousMatch(segment, names);
    if (name === undefined) return undefined;
    const corrected = [...segments.slice(0, index), name, ...segments.slice(index + 1)].join('/');
    if (matchesSome(corrected)) return corrected;
    return matchesSome(`${corrected}/*`) ? `${corrected}/*` : undefined;
  }
  return undefined;
}

/** A segment naming one folder as written: no wildcard, nor a `.` or `..` step. */
function isFolderName(segment: string): boolean {
  return segment !== '' && segment !== '.' && segment !== '..' && !picomatch.scan(segment).isGlob;
}

/** The folder names at `index` of the paths whose names before it match the pattern's segments there. */
function namesAt(
  index: number,
  segments: readonly string[],
  paths: readonly (readonly string[])[],
  platform: NodeJS.Platform,
): Set<string> {
  const names = new Set<string>();
  for (const folder of paths) {
    if (folder.length <= index) continue;
    let above = true;
    for (let at = 0; at < index && above; at++)
      above = ignorePatternMatches(segments[at]!, folder[at]!, platform);
    if (above) names.add(folder[index]!);
  }
  return names;
}
