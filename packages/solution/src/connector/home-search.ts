import { UserError, type SaySetting } from '@connector-alm/core';
import type { FolderOwners } from './folder-owners.js';
import { howFound } from './how-found.js';
import { ownFolderCandidates, type OwnFolderCandidate, type OwnFolderSearch } from './own-folder.js';
import type { RootFolderListing } from './root-folders.js';

/** How several candidates are refused: what was looked for, given their count and their list. */
export type CandidatesRefusal = (count: number, candidates: string) => string;

/** One extraction's search of its destination root for the folders its connectors go to (connectorHomes). */
export interface HomeSearch {
  /** The solution extracted, as refusals name it. */
  source: string;
  destinationRoot: string;
  /** The folders of the solution's connectors and of its previous version's: never another's home. */
  owners: FolderOwners;
  say: SaySetting;
  /**
   * The one folder of the root, none of `taken` (in lower case), that holds the connector `search`
   * looks for (ownFolderCandidates), if any. Several are refused before anything is written, as
   * nothing tells which is its.
   */
  onlyCandidate(
    search: OwnFolderSearch,
    taken: ReadonlySet<string>,
    refusal: CandidatesRefusal,
  ): Promise<OwnFolderCandidate | undefined>;
}

/** The search of `destinationRoot`, whose folders (`rootFolders`) are read only when one is looked for. */
export function homeSearch(
  source: string,
  destinationRoot: string,
  rootFolders: RootFolderListing,
  owners: FolderOwners,
  say: SaySetting,
): HomeSearch {
  return {
    source,
    destinationRoot,
    owners,
    say,
    async onlyCandidate(search, taken, refusal) {
      const candidates = ownFolderCandidates(search, await rootFolders(), taken);
      if (candidates.length > 1)
        throw new UserError(
          `${refusal(candidates.length, candidates.map((candidate) => candidateText(candidate, search.displayName)).join(', '))} Nothing was written.`,
          {
            location: { file: destinationRoot },
            hint: `Rename the folder that holds the connector to '${search.folder}', then extract again.`,
          },
        );
      return candidates[0];
    },
  };
}

/**
 * How a candidate is named in a refusal: `'365Training' (its API definition's title is "365
 * Training")`; one found by its name is `named like` the display name, shorter in a list of folders.
 */
function candidateText(candidate: OwnFolderCandidate, displayName: string): string {
  const why = candidate.matched === 'title' ? howFound('title', displayName) : `named like "${displayName}"`;
  return `'${candidate.folder}' (${why})`;
}
