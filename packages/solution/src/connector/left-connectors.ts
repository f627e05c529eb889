import { promises as fs } from 'node:fs';
import path from 'node:path';
import { optionWords, type AskGit, type SaySetting } from '@connector-alm/core';
import { readSolutionConnectors, type SolutionZipReading } from './read-solution-connectors.js';
import { foundFoldersOfLeft, type LeftFoundFolder } from './left-found-folders.js';
import { unsavedFilesIn, type UnsavedFile } from './left-folder-files.js';
import { howFound } from './how-found.js';
import { PREVIOUS_SOURCE } from './makers-edits.js';
import { connectorFolder } from './renamed-connectors.js';
import { rootFoldersOnce, type RootFolderListing } from './root-folders.js';
import type { SolutionConnector } from './solution-connector.js';
import { uncommittedWords, type Uncommitted } from './uncommitted-files.js';

/** What removing the folders of the connectors that left did. */
export interface LeftFolders {
  /** The folders removed, relative to the destination root. */
  removed: string[];
  /** The folders that could be a left connector's but that nothing shows were: kept, and why. */
  leftAlone: LeftAloneFolder[];
  /**
   * The folders of connectors that left that hold work nothing else has (files neither
   * previousSource nor git gives back): left whole, and the run fails with each one's message.
   */
  notRemoved: NotRemovedFolder[];
}

/** A left connector's folder kept whole, as removing it would lose `files`; `message` says what to do. */
export interface NotRemovedFolder {
  /** Relative to the destination root. */
  folder: string;
  /** The files that nothing else has, relative to the folder. */
  files: string[];
  message: string;
}

/** How removing the folders of the connectors that left is told what it needs. */
export interface RemoveLeftOptions {
  /** How advice names a setting: the CLI's options by default, or an action's inputs. */
  say?: SaySetting;
  /**
   * The listing of the destination root that the extraction just done read, if it did
   * (rootFoldersOnce): read before it wrote, it still holds here, as every folder it wrote is one of
   * `current`'s, which are never taken for a connector that left.
   */
  rootFolders?: RootFolderListing;
  /**
   * Asks git whether a folder's files are committed (the validator's commitStates): a folder with a
   * file that neither the previous solution nor git gives back is not removed. Undefined: every
   * folder is taken to be outside a git work tree.
   */
  askGit?: AskGit;
  /**
   * The folders (relative to the destination root) named after the connectors that an extraction
   * of some connectors only left out (selectConnectors), in the solution or in `previous`: never
   * removed, nor taken for a connector that left.
   */
  notSelectedFolders?: readonly string[];
}

export interface LeftAloneFolder {
  /** Relative to the destination root. */
  folder: string;
  /** Why it stayed, to be said at the folder: `not removed: connector 'x' ("X") left the solution, …`. */
  warning: string;
}

/**
 * Removes the connector folders that an earlier version of a solution (`previousSource`, a zip or an
 * unpacked folder, as last extracted) put under `destinationRoot` and the current one no longer
 * has (`current`, the folders extractConnectors just wrote): their connector left the solution, or
 * took another display name. Only folders named after the earlier version's connectors go, or the
 * one found under another name for a connector that left when it holds that connector as extracted
 * (removeLeftFolders), so the connectors of other solutions and folders made by hand stay.
 */
export async function removeLeftConnectors(
  previousSource: string,
  destinationRoot: string,
  current: readonly { name: string; folder: string }[],
  reading: SolutionZipReading & { askGit?: AskGit } = {},
): Promise<LeftFolders> {
  const previous = await readSolutionConnectors(previousSource, reading);
  return removeLeftFolders(previous, destinationRoot, current, {
    ...(reading.say ? { say: reading.say } : {}),
    ...(reading.askGit ? { askGit: reading.askGit } : {}),
  });
}

/**
 * removeLeftConnectors with the earlier version's connectors already read. A renamed connector's
 * earlier folder (`renamedFrom`) goes too when it is not named after its earlier display name: the
 * folder found under another name that it moved from (connectorHomes), never another connector's.
 * A connector that left while in a folder found under another name (no folder of its display name;
 * `certified-connectors/365Training` for "365 Training") has that folder removed when it is the one
 * such folder (foundFoldersOfLeft), neither written now nor named after another connector, and it
 * holds the connector as extraction wrote it from `previous`. Its display-name folder is most often
 * missing because an earlier run removed it, and the folder found then by its title may be another
 * connector's (upstream's `Snowflake v2 Archive`, titled "Snowflake" too): such a folder is left
 * alone, with a warning. So is a renamed connector's earlier folder with maker's files that its new
 * folder has others in the place of (`renamedFrom.notCarried`): removing it would lose them. Any
 * folder goes only when every file in it can be got back (unsavedFilesIn): what the previous
 * solution gives, what a renamed connector's new folder holds, or what git's last commit has; one
 * with a file that nothing else has (a readme written since and not committed, or outside git) stays
 * whole, in `notRemoved` with what to do, as extraction leaves such a file (guardUnsavedEdits).
 * An extraction of some connectors only (selectConnectors) gives the previous version's selected
 * ones as `previous`, and the folders named after the others as `notSelectedFolders`.
 */
export async function removeLeftFolders(
  previous: readonly SolutionConnector[],
  destinationRoot: string,
  current: readonly {
    name: string;
    folder: string;
    renamedFrom?: { folder: string; notCarried?: readonly string[]; otherRoot?: true };
  }[],
  options: RemoveLeftOptions = {},
): Promise<LeftFolders> {
  const {
    say = optionWords,
    rootFolders = rootFoldersOnce(destinationRoot),
    askGit,
    notSelectedFolders = [],
  } = options;
  // In any case: on Windows and macOS a display name changed only in case is the same folder, which
  // extraction has just written.
  // The folders written, those of connectors not selected, and those removed already: a plain
  // rename's earlier folder is also its earlier display-name folder.
  const skipped = new Set(
    [...current.map((connector) => connector.folder), ...notSelectedFolders].map((folder) =>
      folder.toLowerCase(),
    ),
  );
  const renamedFrom = current.flatMap((connector) =>
    connector.renamedFrom ? [connector.renamedFrom.folder] : [],
  );
  // Never the folder found under another name for a connector that left.
  const named = [
    ...previous.map((connector) => connectorFolder(connector)),
    ...renamedFrom,
    ...notSelectedFolders,
  ];
  // Read before anything is removed, and only when a connector that left has no display-name folder.
  const found = await foundFoldersOfLeft(previous, destinationRoot, current, named, rootFolders);
  const shown = found.filter((folder) => folder.notAsExtracted === undefined);
  // A renamed connector's earlier folder with maker's files its new folder has otherwise: removing it
  // would lose them.
  const notCarried: LeftAloneFolder[] = [];
  for (const connector of current) {
    const renamed = connector.renamedFrom;
    if (!renamed?.notCarried?.length || skipped.has(renamed.folder.toLowerCase())) continue;
    skipped.add(renamed.folder.toLowerCase());
    notCarried.push({
      folder: renamed.folder,
      warning: notCarriedWarning(
        movedTarget(connector.folder, renamed, destinationRoot),
        renamed,
        renamed.notCarried,
      ),
    });
  }
  // Each folder with the connector it held as last extracted, and the new folder of a renamed one.
  const movedTo = new Map(
    current.flatMap((connector) =>
      connector.renamedFrom
        ? [
            [
              connector.renamedFrom.folder.toLowerCase(),
              { connector, renamed: connector.renamedFrom },
            ] as const,
          ]
        : [],
    ),
  );
  const previousOf = (name: string): SolutionConnector | undefined =>
    previous.find((connector) => connector.name.toLowerCase() === name.toLowerCase());
  const candidates = [
    ...previous.map((connector) => ({ folder: connectorFolder(connector), connector })),
    ...current.flatMap((connector) =>
      connector.renamedFrom
        ? [{ folder: connector.renamedFrom.folder, connector: previousOf(connector.name) }]
        : [],
    ),
    ...shown.map((own) => ({ folder: own.folder, connector: own.connector })),
  ];
  const removed: string[] = [];
  const notRemoved: NotRemovedFolder[] = [];
  for (const { folder, connector } of candidates) {
    if (skipped.has(folder.toLowerCase())) continue;
    const target = path.join(destinationRoot, folder);
    const stat = await fs.lstat(target).catch(() => undefined);
    // Marked only when there: on Linux a folder missing in one case may be there in another
    // (upstream's `snowflake` for "Snowflake"), found as its own.
    if (!stat?.isDirectory()) continue;
    skipped.add(folder.toLowerCase());
    const moved = movedTo.get(folder.toLowerCase());
    const unsaved = await unsavedFilesIn(
      target,
      { connector, movedTo: moved && path.join(destinationRoot, moved.connector.folder) },
      askGit,
    );
    if (unsaved.length > 0) {
      const why =
        moved === undefined
          ? leftWords(connector)
          : movedWords(movedTarget(moved.connector.folder, moved.renamed, destinationRoot), moved.renamed);
      notRemoved.push({
        folder,
        files: unsaved.map(({ file }) => file),
        message: notRemovedMessage(why, unsaved, say),
      });
      continue;
    }
    await fs.rm(target, { recursive: true });
    removed.push(folder);
  }
  const leftAlone = found
    .filter((folder) => folder.notAsExtracted !== undefined && !skipped.has(folder.folder.toLowerCase()))
    .map((folder) => ({ folder: folder.folder, warning: leftAloneWarning(folder, say) }));
  return { removed, leftAlone: [...notCarried, ...leftAlone], notRemoved };
}

/** `connector 'cat_x' ("X") left the solution`. */
function leftWords(connector: SolutionConnector | undefined): string {
  if (!connector) return 'its connector left the solution';
  return `connector '${connector.name}' ("${connector.displayName || connector.name}") left the solution`;
}

/**
 * The error of a folder kept whole, in the words of a file extraction left as it is (guardUnsavedEdits):
 * `not removed: connector 'x' ("X") left the solution, but removing this folder would lose what neither
 * --previous-source nor git has: readme.md: the change is not committed. Commit …`.
 */
function notRemovedMessage(why: string, unsaved: readonly UnsavedFile[], say: SaySetting): string {
  // The files grouped by why nothing else has them, in the order listed.
  const groups = new Map<string, { reason: Uncommitted; files: string[] }>();
  for (const { file, why: reason } of unsaved) {
    const group = groups.get(uncommittedWords(reason)) ?? { reason, files: [] };
    group.files.push(file);
    groups.set(uncommittedWords(reason), group);
  }
  const said = [...groups.values()].map(
    ({ reason, files }) => `${files.join(', ')}: ${uncommittedWords(reason, files.length)}`,
  );
  const count = unsaved.length === 1 ? 'it' : 'them';
  // A file outside git, or one git ignores (a local secret or setting), no commit keeps.
  const noCommitKeeps = ({ why: reason }: (typeof unsaved)[number]) =>
    'outside' in reason || reason.state === 'ignored';
  const advice = unsaved.every(noCommitKeeps)
    ? `Copy what you need of ${count} elsewhere, then delete the folder yourself.`
    : unsaved.some(noCommitKeeps)
      ? `Move what no commit keeps out of the folder and commit the rest, then run again (the folder is then removed, and git keeps what it held), or delete the folder yourself if you do not need ${count}.`
      : `Commit ${count} and run again (the folder is then removed, and git keeps what it held), or delete the folder yourself if you do not need ${count}.`;
  return (
    `not removed: ${why}, but removing this folder would lose what neither ${say(PREVIOUS_SOURCE)} nor git has: ` +
    `${said.join('; ')}. Nothing in it was deleted. ${advice}`
  );
}

/**
 * The folder a connector moved to, as said at the folder it left: `Contoso Tasks Hub` in the same
 * root; from another root of the solution (RenamedFrom.otherRoot) with the root's name,
 * `independent-publisher-connectors/Contoso Tasks`, as the folder's name alone reads as one beside it.
 */
function movedTarget(folder: string, renamed: { otherRoot?: true }, destinationRoot: string): string {
  return renamed.otherRoot ? `${path.basename(destinationRoot)}/${folder}` : folder;
}

/** `its connector was renamed and moved to 'Contoso Tasks Hub'`, or only moved, to another root. */
function movedWords(target: string, renamed: { otherRoot?: true }): string {
  return renamed.otherRoot
    ? `its connector moved to '${target}'`
    : `its connector was renamed and moved to '${target}'`;
}

function notCarriedWarning(target: string, renamed: { otherRoot?: true }, files: readonly string[]): string {
  const names = files.map((file) => `'${file}'`).join(', ');
  return (
    `not removed: ${movedWords(target, renamed)}, which has other files in the place of ${names} from here, so they were not carried. ` +
    `Merge them into '${target}' by hand, then delete this folder.`
  );
}

function leftAloneWarning(found: LeftFoundFolder, say: SaySetting): string {
  const { connector } = found;
  const displayName = connector.displayName || connector.name;
  return (
    `not removed: connector '${connector.name}' ("${displayName}") left the solution, and this folder could be the one it was in (${howFound(found.matched, displayName)}), ` +
    `but it does not hold the connector as ${say(PREVIOUS_SOURCE)} gives it (${found.notAsExtracted!}): it may be another connector's. ` +
    `Delete it yourself if it was this connector's.`
  );
}
