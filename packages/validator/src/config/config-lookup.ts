import { realpathSync } from 'node:fs';
import path from 'node:path';
import { existingFolderOf } from '@connector-alm/core';
import { isRepositoryRoot } from '../git/repository-root.js';
import { findConfigFile } from './find-config.js';

/**
 * The configuration lookup of one run from `cwd`: where the search for a path's configuration file
 * starts (searchStart) and the file it finds (fileOf). One lookup serves every path of the run and
 * every connector folder found under them, so what all of them share is computed once: the working
 * directory's repository, the repository of each folder on the way up, each search's file and each
 * real path (a whole checkout has hundreds of folders under one repository).
 */
export class ConfigLookup {
  private readonly rootOfFolder = new Map<string, string | undefined>();
  private readonly fileFrom = new Map<string, string | undefined>();
  private readonly realPaths = new Map<string, string>();
  private readonly cwdRoot: string | undefined;

  constructor(readonly cwd: string) {
    this.cwdRoot = this.repositoryOf(cwd);
  }

  /**
   * Where the search for the configuration file of `given` (a path from `cwd`) starts: `cwd` when it
   * is in the repository that holds the path, or the path is in none, so that a run inside the
   * repository finds what it always found; else the top level of the path's repository, as if run
   * there. `validate ~/src/fork/certified-connectors/Foo` run from the home folder used no
   * configuration (or another repository's), and showed findings the repository's CI, which runs at
   * its top level, does not: rules turned off came back and `ignore` was not applied.
   */
  searchStart(given: string): string {
    const root = this.repositoryOf(existingFolderOf(path.resolve(this.cwd, given)));
    if (root === undefined) return this.cwd;
    return this.cwdRoot !== undefined && this.sameFile(this.cwdRoot, root) ? this.cwd : root;
  }

  /** The configuration file that applies to `given` (a path from `cwd`), found from its searchStart. */
  fileOf(given: string): string | undefined {
    const start = this.searchStart(given);
    if (!this.fileFrom.has(start)) this.fileFrom.set(start, findConfigFile(start));
    return this.fileFrom.get(start);
  }

  /** Whether two results of fileOf are one configuration: one file, or none for both. */
  sameConfiguration(a: string | undefined, b: string | undefined): boolean {
    return a === undefined || b === undefined ? a === b : this.sameFile(a, b);
  }

  /**
   * The repository (its top level) that holds `folder`, judged on its real path, as git judges it:
   * a path through a link into another repository is in that one, which `validate --base` compares
   * in (walked as written, it was in the repository that holds the link, whose file applied, and the
   * base's file was never compared). The top level is named as written when the written path leads
   * to the same repository, as it does where the temp folder is reached through a link (macOS).
   */
  repositoryOf(folder: string): string | undefined {
    const real = this.rootAlong(this.realPath(folder));
    if (real === undefined) return undefined;
    const written = this.rootAlong(path.resolve(folder));
    return written !== undefined && this.sameFile(written, real) ? written : real;
  }

  /** The nearest folder from `folder` upwards with a `.git` entry, each folder on the way remembered. */
  private rootAlong(folder: string): string | undefined {
    const visited: string[] = [];
    let root: string | undefined;
    for (let at = folder; ; at = path.dirname(at)) {
      if (this.rootOfFolder.has(at)) {
        root = this.rootOfFolder.get(at);
        break;
      }
      visited.push(at);
      if (isRepositoryRoot(at)) {
        root = at;
        break;
      }
      if (path.dirname(at) === at) break;
    }
    for (const at of visited) this.rootOfFolder.set(at, root);
    return root;
  }

  /** Whether two paths lead to one file or folder (the temp folder is reached through a link on macOS). */
  private sameFile(a: string, b: string): boolean {
    return a === b || this.realPath(a) === this.realPath(b);
  }

  private realPath(file: string): string {
    let real = this.realPaths.get(file);
    if (real === undefined) {
      try {
        real = realpathSync.native(file);
      } catch {
        real = path.resolve(file);
      }
      this.realPaths.set(file, real);
    }
    return real;
  }
}
