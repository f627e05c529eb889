import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import {
  compareCodeUnits,
  isTopFolderChild,
  missingFolderError,
  slashSeparated,
  unreadablePathError,
  UsageError,
  type TopFolderName,
} from '@connector-alm/core';
import type { Profile } from '../model/finding.js';
import {
  entryPath,
  holdsDefinitionUnderMeantName,
  isConnectorFolderListing,
  kindOfFileName,
} from './connector-folder.js';
import { AS_CONNECTOR_PATH, folderOfUnpackedSolution, solutionGivenError } from './solution-given.js';

/** Folders never searched for connectors, in lower case. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'bin', 'obj']);

/**
 * Whether discovery leaves a folder of this name unsearched: hidden folders, dependencies and build
 * output. On Windows and macOS, whose file systems ignore case, `Bin` and `OBJ` are those folders too
 * (as the configuration's `ignore` globs match there without case).
 */
export function isSkippedDirectory(name: string, platform: NodeJS.Platform = process.platform): boolean {
  if (name.startsWith('.')) return true;
  const nocase = platform === 'win32' || platform === 'darwin';
  return SKIPPED_DIRECTORIES.has(nocase ? name.toLowerCase() : name);
}
const MAX_SEARCH_DEPTH = 8;

/**
 * The top folders of PowerPlatformConnectors and the rule set each one gets. Without a prototype:
 * folder names are looked up with `in` and indexing, and a folder named `constructor` or `__proto__`
 * found Object's own properties (a function for a profile, every child taken for a connector).
 */
export const TOP_FOLDER_PROFILES: Readonly<Record<string, Profile>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, Profile>, {
    'certified-connectors': 'certified',
    'independent-publisher-connectors': 'independent-publisher',
    'custom-connectors': 'custom',
  } satisfies Record<TopFolderName, Profile>),
);

/**
 * Finds the connector folders in the given paths. A path may be a connector folder, a file inside
 * one, or any tree holding many (a whole PowerPlatformConnectors checkout). Links are not followed,
 * so the search never leaves the trees it was given. The result is sorted (sortFolderPaths) and has
 * no duplicates. `platform` decides whether the folders never searched are matched without case.
 *
 * The listings are read synchronously, as the loader reads files: a thread-pool round trip per
 * folder left the process idle for tens of milliseconds on a whole checkout.
 */
export async function discoverConnectorFolders(
  paths: readonly string[],
  cwd: string = process.cwd(),
  platform: NodeJS.Platform = process.platform,
): Promise<string[]> {
  return (await discoverConnectorTree(paths, cwd, platform)).folders;
}

/** What discovery found: the connector folders, and the repositories it met on the way. */
export interface DiscoveredTree {
  /** As discoverConnectorFolders gives them: absolute, sorted, no duplicates. */
  folders: string[];
  /**
   * The listing discovery read of each connector folder it found by its listing, by folder: the
   * loader reads the folder from it instead of listing it again (see loadConnectorFolder).
   */
  listings: ReadonlyMap<string, readonly Dirent[]>;
  /**
   * The folders it listed that hold a `.git` entry (a repository's top level, a worktree's or a
   * submodule's): noted from the listings it reads anyway, so that telling which folders are in a
   * git work tree costs no look at the disk below the paths given (gitIgnoredEntries).
   */
  repositoryRoots: string[];
}

/** discoverConnectorFolders, with the repositories met on the way. */
export async function discoverConnectorTree(
  paths: readonly string[],
  cwd: string = process.cwd(),
  platform: NodeJS.Platform = process.platform,
): Promise<DiscoveredTree> {
  const found = new Set<string>();
  const roots = new Set<string>();
  const listings = new Map<string, readonly Dirent[]>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat;
    try {
      stat = statSync(absolute);
    } catch (error) {
      throw (
        unreadablePathError(given, error) ??
        missingFolderError(given, 'Give a connector folder, or a folder that holds connector folders.', {
          cwd,
        })
      );
    }
    if (stat.isFile()) {
      const folder = path.dirname(absolute);
      const names = listedOrRefused(folder, given, absolute);
      if (names.includes('.git')) roots.add(folder);
      if (!isConnectorFolderListing(names)) {
        // A solution zip, or a file of an unpacked solution: its connectors are to be extracted first.
        // Before the names only meant as a swagger's: an unpacked solution's Connectors folder holds
        // `<name>_openapidefinition.json` files.
        const solution = solutionGivenError(given, cwd, AS_CONNECTOR_PATH);
        if (solution) throw solution;
      }
      if (!isConnectorFolderListing(names) && !holdsDefinitionUnderMeantName(names)) {
        // A usage error (exit code 2), as a folder that holds no connector folder is.
        throw new UsageError('is not a file of a connector folder.', {
          location: { file: given },
          hint: 'A connector folder holds apiDefinition.swagger.json and apiProperties.json.',
        });
      }
      found.add(folder);
      continue;
    }
    if (!stat.isDirectory()) {
      // A named pipe or a device: listing it failed the run as a bug ("ENOTDIR … scandir").
      throw new UsageError(`is not a folder or a file: it is ${specialFileKind(stat)}.`, {
        location: { file: given },
        hint: 'Give a connector folder, or a folder that holds connector folders.',
      });
    }
    const before = found.size;
    try {
      search(absolute, 0, { found, roots, listings }, platform);
      // The folder given, holding no connector folder, is one when it holds a swagger or
      // apiProperties.json under a name only meant as its (swagger.json, apiProperty.json): it was
      // refused as holding none, with no word of the files it does hold. The loader reads them, and
      // REPO-REQUIRED-FILES asks for the renames.
      // Not a folder of an unpacked solution, whose Connectors hold `<name>_openapidefinition.json`.
      if (
        found.size === before &&
        holdsDefinitionUnderMeantName(readdirSync(absolute)) &&
        folderOfUnpackedSolution(given, cwd) === undefined
      )
        found.add(absolute);
    } catch (error) {
      throw refusedListing(error, given, absolute);
    }
  }
  return { folders: sortFolderPaths(found), listings, repositoryRoots: [...roots] };
}

/** What a path that is neither a folder nor a regular file is, in words. */
function specialFileKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  return 'a device';
}

/**
 * What search adds to as it goes: the connector folders, the listings of those it tells by their
 * listing, and the folders that hold `.git`.
 */
interface Findings {
  found: Set<string>;
  listings: Map<string, readonly Dirent[]>;
  roots: Set<string>;
}

/** The names in `folder`, a folder of the path `given` (which resolves to `absolute`). */
function listedOrRefused(folder: string, given: string, absolute: string): string[] {
  try {
    return readdirSync(folder);
  } catch (error) {
    throw refusedListing(error, given, absolute);
  }
}

/**
 * A folder the file system would not list (a folder the user may not read, EACCES), as a usage error
 * located at it, named from the path given: `given` itself or a folder below it. It failed the run
 * as a bug ("failed unexpectedly: EACCES … scandir"). Any other error is returned as it was.
 */
function refusedListing(error: unknown, given: string, absolute: string): unknown {
  const where = (error as NodeJS.ErrnoException | undefined)?.path;
  const shown = where === undefined ? given : path.join(given, path.relative(absolute, where));
  return unreadablePathError(shown, error) ?? error;
}

/**
 * The folders in the order discovery gives them, which is the order of validate's output: by their
 * '/'-separated form, so that Windows lists them as Linux and macOS do. On those the form is the
 * path itself, and the order plain `sort()`'s. `paths` lets tests pass path.win32.
 */
export function sortFolderPaths(folders: Iterable<string>, paths: path.PlatformPath = path): string[] {
  if (paths.sep === '/') return [...folders].sort();
  return [...folders]
    .map((folder) => ({ folder, key: slashSeparated(folder, paths) }))
    .sort((a, b) => compareCodeUnits(a.key, b.key))
    .map(({ folder }) => folder);
}

function search(folder: string, depth: number, findings: Findings, platform: NodeJS.Platform): void {
  const { found } = findings;
  const dirents = readdirSync(folder, { withFileTypes: true });
  if (dirents.some((dirent) => dirent.name === '.git')) findings.roots.add(folder);
  if (isConnectorFolderListing(fileNames(dirents))) {
    found.add(folder);
    findings.listings.set(folder, dirents);
    return;
  }
  if (isTopFolderChild(folder)) {
    // A child of a top folder is a connector folder whatever it holds (a proposal holds a readme
    // only), unless its connector lives further down: Snowflake v2's .NET project keeps its swagger in
    // ConnectorArtifacts/, where Microsoft's pipeline, matching the swagger's name anywhere, checks it.
    const below = swaggerFoldersBelow(folder, dirents, depth, platform);
    if (below.length === 0) {
      found.add(folder);
      findings.listings.set(folder, dirents);
    }
    for (const nested of below) found.add(nested);
    return;
  }
  if (depth >= MAX_SEARCH_DEPTH) return;
  for (const child of searchedChildren(dirents, platform)) {
    search(entryPath(folder, child), depth + 1, findings, platform);
  }
}

/**
 * The folders below `folder` (listed as `dirents`) that hold an apiDefinition.swagger.json (in any
 * case, as the pipeline matches it), not searching below one. Only that name: a folder with an
 * apiProperties.json or a misnamed swagger alone is nothing the pipeline checks.
 */
function swaggerFoldersBelow(
  folder: string,
  dirents: readonly Dirent[],
  depth: number,
  platform: NodeJS.Platform,
): string[] {
  const below: string[] = [];
  if (depth >= MAX_SEARCH_DEPTH) return below;
  for (const child of searchedChildren(dirents, platform)) {
    const childPath = entryPath(folder, child);
    const childDirents = readdirSync(childPath, { withFileTypes: true });
    if (fileNames(childDirents).some((name) => kindOfFileName(name) === 'swagger')) below.push(childPath);
    else below.push(...swaggerFoldersBelow(childPath, childDirents, depth + 1, platform));
  }
  return below;
}

/** The names of the folders among `dirents` that discovery searches, sorted. */
function searchedChildren(dirents: readonly Dirent[], platform: NodeJS.Platform): string[] {
  return dirents
    .filter((d) => d.isDirectory() && !isSkippedDirectory(d.name, platform))
    .map((d) => d.name)
    .sort();
}

function fileNames(dirents: readonly Dirent[]): string[] {
  return dirents.filter((d) => d.isFile() || d.isSymbolicLink()).map((d) => d.name);
}

/**
 * The profile a connector folder gets from its place in the tree: the nearest top folder of the
 * PowerPlatformConnectors layout above it. Outside that layout, the relaxed `custom` rules apply.
 */
export function profileFromPath(folder: string): Profile {
  return layoutProfile(folder) ?? 'custom';
}

/**
 * The profile of the nearest top folder above `folder`, or undefined outside that layout. The
 * segments are read from the end, where the top folder nearly always is (the connector's parent):
 * splitting the whole path cut out and lowercased every segment (0.67 ms a corpus run, 0.29 now).
 */
export function layoutProfile(folder: string): Profile | undefined {
  const resolved = path.resolve(folder);
  for (let end = resolved.length; end > 0;) {
    const start = resolved.lastIndexOf(path.sep, end - 1) + 1;
    const profile = TOP_FOLDER_PROFILES[resolved.slice(start, end).toLowerCase()];
    if (profile) return profile;
    end = start - 1;
  }
  return undefined;
}
