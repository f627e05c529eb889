import { readdir } from 'node:fs/promises';
import { isTopFolderName, oneOf, trimEndWhere } from '@connector-alm/core';
import type { Git } from '../git/git.js';

/** The separators of a URL's or a local path's end. */
const isSeparator = oneOf('/\\');

/**
 * Whether a repository's `owner/name`, or a remote's URL (https, ssh, scp-like or a local path), names
 * a PowerPlatformConnectors repository: Microsoft's, or a fork. A fork keeps the name unless its
 * owner has one already (GitHub then names it `PowerPlatformConnectors-1`) or renames it, so a name
 * that starts with it counts; a fork renamed to anything else counts through its `upstream` remote
 * (checksLocalRunAsSubmission asks every remote). GitHub compares names ignoring case, and a clone's
 * URL may end with `.git` or a slash.
 */
export function namesPowerPlatformConnectors(nameOrUrl: string): boolean {
  const name = trimEndWhere(nameOrUrl.trim(), isSeparator)
    .replace(/\.git$/i, '')
    .split(/[/\\:]/)
    .pop();
  return name?.toLowerCase().startsWith('powerplatformconnectors') === true;
}

/** What a run without a pull request can know of its repository. */
export interface LocalRepositoryFacts {
  /** The remotes' URLs (`git remote -v`). */
  remoteUrls: readonly string[];
  /** The names of the folders at the top level. */
  topFolders: readonly string[];
}

/**
 * Whether a run without a pull request (`validate --base`, the action with a base on a push) checks
 * its change as a submission to PowerPlatformConnectors (one connector per pull request), as the
 * action decides for a pull request from its base repository's name. The remotes stand for that name:
 * a clone of a fork or of Microsoft's repository has one that names PowerPlatformConnectors, and a
 * clone of `contoso/connectors` has none, even with the layout's folders at its top (the snapshot
 * workflow writes custom-connectors/ there). Only a repository with no remote at all, which no pull
 * request can come from yet, is judged by its layout: certified-connectors,
 * independent-publisher-connectors or custom-connectors at its top level.
 */
export function checksLocalRunAsSubmission(facts: LocalRepositoryFacts): boolean {
  if (facts.remoteUrls.length > 0) return facts.remoteUrls.some(namesPowerPlatformConnectors);
  return facts.topFolders.some(isTopFolderName);
}

/** The facts of checksLocalRunAsSubmission, read from the repository. */
export async function localRepositoryFacts(git: Git, topLevel: string): Promise<LocalRepositoryFacts> {
  const [remoteUrls, entries] = await Promise.all([
    git.remoteUrls(),
    readdir(topLevel, { withFileTypes: true }).catch(() => []),
  ]);
  return {
    remoteUrls,
    topFolders: entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
  };
}
