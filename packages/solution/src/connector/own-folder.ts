import { folderNamedLike } from '@connector-alm/core';

/** A folder of the destination root, and the title of the API definition it holds. */
export interface RootFolder {
  name: string;
  /** info.title of its apiDefinition.swagger.json; undefined when it has none, or none readable. */
  title?: string;
}

/** How a connector's own folder, named otherwise than its display name, was known. */
export type OwnFolderMatch = 'title' | 'name';

export interface OwnFolderCandidate {
  folder: string;
  matched: OwnFolderMatch;
}

/**
 * The folders of the destination root that may already hold a connector whose display-name folder
 * is not there: upstream names many folders otherwise (`365Training` for "365 Training", `LnkBio`
 * for "Lnk.Bio", a "(Preview)" label left out), and extraction into a clone would otherwise add a
 * duplicate beside them. A folder is one when its swagger's title is the display name, or when its
 * name reads as the display name as REPO-FOLDER-NAME compares them (folderNamedLike). `taken` (in
 * lower case) are the folders that belong to other connectors of the solution, or of its previous
 * version: never a candidate, so that extraction cannot overwrite one.
 */
export function ownFolderCandidates(
  displayName: string,
  folders: readonly RootFolder[],
  taken: ReadonlySet<string>,
): OwnFolderCandidate[] {
  const title = displayName.trim().toLowerCase();
  const candidates: OwnFolderCandidate[] = [];
  for (const folder of folders) {
    if (taken.has(folder.name.toLowerCase())) continue;
    if (folder.title !== undefined && folder.title.trim().toLowerCase() === title)
      candidates.push({ folder: folder.name, matched: 'title' });
    else if (folderNamedLike(displayName, folder.name))
      candidates.push({ folder: folder.name, matched: 'name' });
  }
  return candidates;
}

/** How a candidate is named in a message: `'365Training' (its API definition's title is "365 Training")`. */
export function candidateText(candidate: OwnFolderCandidate, displayName: string): string {
  return candidate.matched === 'title'
    ? `'${candidate.folder}' (its API definition's title is "${displayName}")`
    : `'${candidate.folder}' (named like "${displayName}")`;
}
