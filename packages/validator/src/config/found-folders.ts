import path from 'node:path';
import { isFile } from '@connector-alm/core';
import { isRepositoryRoot } from '../git/repository-root.js';

/**
 * Where a connector folder found under the given paths stands: under the folder of the given path
 * `given`, in a repository nested in it whose top level is `nested` (the nearest), or in the given
 * path's own repository (no `nested`). Neither for a folder under no given path.
 */
export interface FoundFolderPlace {
  readonly given?: string;
  readonly nested?: string;
}

/**
 * The places of the connector folders that discovery found under `paths` (from `cwd`). Discovery
 * follows no links, so between a found folder and its given path's folder every folder is what it is
 * named, and the folder's repository is the given path's unless a `.git` stands on the way: that is
 * the one check made per folder, each folder on the way remembered (a whole checkout has 2,000
 * folders under one parent). The configuration lookup's own walk (ConfigLookup.fileOf) took
 * ~20 µs a folder for the same answer: a stat of the folder, its real path and a `.git` check.
 */
export class FoundFolders {
  private readonly givenFolders: ReadonlySet<string>;
  private readonly places = new Map<string, FoundFolderPlace>();

  constructor(paths: readonly string[], cwd: string) {
    // A given file's connector folder is the folder it is in, as discovery takes it.
    this.givenFolders = new Set(
      paths.map((given) => {
        const absolute = path.resolve(cwd, given);
        return isFile(absolute) ? path.dirname(absolute) : absolute;
      }),
    );
  }

  /** The place of `folder` (absolute, as discovery gives it). */
  placeOf(folder: string): FoundFolderPlace {
    let place = this.places.get(folder);
    if (place !== undefined) return place;
    if (this.givenFolders.has(folder)) place = { given: folder };
    else {
      const parent = path.dirname(folder);
      const above: FoundFolderPlace = parent === folder ? {} : this.placeOf(parent);
      if (above.given === undefined) place = {};
      else if (isRepositoryRoot(folder)) place = { given: above.given, nested: folder };
      else place = above;
    }
    this.places.set(folder, place);
    return place;
  }
}
