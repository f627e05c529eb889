import { sameLettersAndDigits } from '@connector-alm/core';

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
  /**
   * For a folder named as the display-name folder but for case: the title of another connector that
   * its swagger has (caseOnlyFolderTitledOtherwise), for extraction to refuse it on Linux. Carried
   * here so that the folder need not be looked up again by name.
   */
  titledOtherwise?: string;
}

/** The connector whose own folder is looked for. */
export interface OwnFolderSearch {
  /** Its display name (a renamed connector's earlier one, to find where it was). */
  displayName: string;
  /** The folder extraction names after that display name (connectorFolder). */
  folder: string;
  /**
   * Another title its own folder's swagger may have: a renamed connector's current display name,
   * which an earlier run from the same snapshots wrote into the folder it was found in.
   */
  alsoTitled?: string;
}

/**
 * The folders of the destination root that may already hold a connector whose display-name folder
 * is not there: upstream names many folders otherwise (`365Training` for "365 Training", `LnkBio`
 * for "Lnk.Bio"), and extraction into a clone would otherwise add a duplicate beside them.
 * - A folder named as the display-name folder but for case is the only candidate when there is one:
 *   it is that folder on Windows and macOS (upstream's `snowflake` for "Snowflake", beside
 *   `Snowflake v2 Archive` also titled "Snowflake").
 * - Else a folder whose swagger's title is the display name;
 * - or one whose name has the display name's letters and digits (sameLettersAndDigits), when its
 *   swagger has no readable title or one that reads as the connector's too: a folder `Contoso`
 *   titled "Contoso" is another publisher's connector, not "Contoso (Preview)"'s. Status labels are
 *   not left out, as REPO-FOLDER-NAME leaves them: "Contoso (Preview)" and "Contoso" may be two
 *   connectors, and extraction overwrites the folder it takes.
 * `taken` (in lower case) are the folders that belong to other connectors of the solution, or of its
 * previous version: never a candidate, so that extraction cannot overwrite one. Links are not in
 * `folders` (readRootFolders).
 */
export function ownFolderCandidates(
  search: OwnFolderSearch,
  folders: readonly RootFolder[],
  taken: ReadonlySet<string>,
): OwnFolderCandidate[] {
  const free = folders.filter((folder) => !taken.has(folder.name.toLowerCase()));
  const sameButCase = free.filter((folder) => folder.name.toLowerCase() === search.folder.toLowerCase());
  if (sameButCase.length > 0)
    return sameButCase.map((folder) => {
      const titledOtherwise = caseOnlyFolderTitledOtherwise(search, folder);
      return {
        folder: folder.name,
        matched: 'name',
        ...(titledOtherwise === undefined ? {} : { titledOtherwise }),
      };
    });

  const isTitled = (title: string) => title.toLowerCase() === search.displayName.trim().toLowerCase();
  const titleReadsAsOwn = (title: string) => readsAsOwn(search, title);
  const candidates: OwnFolderCandidate[] = [];
  for (const folder of free) {
    // A blank title says no more of whose the folder is than a missing one.
    const title = folder.title?.trim() || undefined;
    if (title !== undefined && isTitled(title)) candidates.push({ folder: folder.name, matched: 'title' });
    else if (
      sameLettersAndDigits(search.displayName, folder.name) &&
      (title === undefined || titleReadsAsOwn(title))
    )
      candidates.push({ folder: folder.name, matched: 'name' });
  }
  return candidates;
}

/** A swagger title that reads as the searched connector's display name, or its other title. */
function readsAsOwn(search: OwnFolderSearch, title: string): boolean {
  const titles = [search.displayName, ...(search.alsoTitled === undefined ? [] : [search.alsoTitled])];
  return titles.some((own) => sameLettersAndDigits(title, own));
}

/**
 * The title of another connector that `folder`, named as the display-name folder but for case, holds:
 * a readable swagger title that does not read as the connector's. On Linux such a folder is another
 * folder than the display-name one, and extraction would overwrite whatever it holds (a folder
 * `contoso` titled "Fabrikam" for "Contoso"). Undefined when it has no title, or the connector's.
 */
function caseOnlyFolderTitledOtherwise(search: OwnFolderSearch, folder: RootFolder): string | undefined {
  const title = folder.title?.trim() || undefined;
  return title === undefined || readsAsOwn(search, title) ? undefined : title;
}
