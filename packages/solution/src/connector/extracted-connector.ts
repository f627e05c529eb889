import type { OwnFolderMatch } from './own-folder.js';
import type { NotReplaced } from './unsaved-edits.js';

export interface ExtractedConnector {
  name: string;
  displayName: string;
  /** The connector folder, relative to the destination root. */
  folder: string;
  /** The files whose content changed: `created` and `updated` together, sorted. */
  written: string[];
  /** Files the folder did not have. */
  created: string[];
  /** Files the folder had with other content: the solution's (or the merge's) replaced it. */
  updated: string[];
  unchanged: string[];
  deleted: string[];
  /**
   * The folder's other files, left as they are: the maker's (readme.md, notes, images), which
   * extraction neither writes nor removes, readme first. Editors' and file managers' leftovers
   * (.DS_Store, name~) are nobody's writing and not listed.
   */
  kept: string[];
  warnings: string[];
  /**
   * The files extraction left as they are instead of replacing or deleting them, as they hold content
   * that nothing else has (an edit not committed), each with the message that says what to do: the
   * command and the action fail, so that the folder does not silently stay behind the solution.
   */
  notReplaced: NotReplaced[];
  /**
   * The folder's readme when it is still the template an extraction wrote (from this solution or the
   * previous one), its TODOs not filled in: kept, as every readme is, but not listed in `kept`, as it
   * is no text of the maker's.
   */
  templateReadme?: string;
  /** When the connector had another folder before its display name changed (ExtractOptions.earlierFolder). */
  renamedFrom?: RenamedFrom;
  /**
   * When `folder` is the one the destination root already had for the connector under another name
   * than its display name (`365Training` for "365 Training"): written there, not in a new folder.
   */
  foundUnder?: FoundUnder;
}

export interface FoundUnder {
  /** The display-name folder that was not made, relative to the destination root. */
  instead: string;
  /**
   * How the folder was known: its swagger's title is the display name, or its name reads as it; for
   * a renamed connector, its earlier display name (`earlierDisplayName`).
   */
  matched: OwnFolderMatch;
  /**
   * The display name the connector had in previous-source, when the folder held it under that one:
   * renamed, the connector stays in the folder it was found in, whose name never followed its
   * display name.
   */
  earlierDisplayName?: string;
}

export interface RenamedFrom {
  /** The earlier folder, relative to the destination root. */
  folder: string;
  /**
   * The maker's files copied from it into the new folder (relative to both), readme.md first: those
   * the new folder lacked; none when the earlier folder is gone.
   */
  kept: string[];
  /**
   * The files of the earlier folder that are nobody's writing and were not copied: file manager and
   * repository metadata (.DS_Store, Thumbs.db, .git*, …) and editors' leftovers (name~, .swp, .orig,
   * …), by the rules pack leaves them out of a solution by. They go with the earlier folder.
   */
  leftBehind: string[];
  /**
   * The maker's files of the earlier folder that the new folder has another file (or a folder) in
   * the place of, so they could not be carried: the earlier folder is then left in place, with a
   * warning naming them (removeLeftFolders). Absent when every file was carried.
   */
  notCarried?: string[];
  /**
   * The display name changed only in letter case ("Contoso tasks" → "Contoso Tasks"): the earlier
   * folder itself was renamed to the new case, every file in it kept (`kept` and `leftBehind` are
   * empty). Absent for any other rename.
   */
  caseOnly?: true;
  /**
   * The earlier folder is in another root of the same solution (ExtractOptions.otherRoots): the
   * connector moved from there to this root, under the same display name or a new one. Absent otherwise.
   */
  otherRoot?: true;
}
