import path from 'node:path';
import { joinedList, plural } from '@connector-alm/core';
import type { FormerName } from './extract-and-remove-left.js';
import type { ExtractedConnector } from './extracted-connector.js';
import { howFound } from './how-found.js';

/**
 * How a folder relative to the destination root is shown: from the working directory in the CLI,
 * from the workspace in the action, so that both say the same lines with their own paths.
 */
export type ShowFolder = (folder: string) => string;

/**
 * The line of one extracted connector, as the CLI prints it and the action logs it:
 * `Human Review (cat_x) → custom-connectors/Human Review: updated apiDefinition.swagger.json; 2 unchanged; moved from …`.
 * `removed` is the list of folders removed (ExtractAndRemoveLeftResult.removed).
 */
export function extractedConnectorLine(
  connector: ExtractedConnector,
  removed: readonly string[],
  shown: ShowFolder,
): string {
  const notes = [foundNote(connector, shown), renameNote(connector, removed, shown)].filter(
    (note) => note !== undefined,
  );
  return `${connector.displayName} (${connector.name}) → ${shown(connector.folder)}: ${[fileChanges(connector), ...notes].join('; ')}.`;
}

/**
 * Why a connector went into a folder named otherwise than its display name, for its line and the job
 * summary: `its own folder, found under another name (its API definition's title is "365 Training"),
 * so no new certified-connectors/365 Training`. Undefined for a display-name folder.
 */
export function foundNote(connector: ExtractedConnector, shown: ShowFolder): string | undefined {
  const found = connector.foundUnder;
  if (!found) return undefined;
  const why =
    found.earlierDisplayName === undefined
      ? howFound(found.matched, connector.displayName)
      : howFound(found.matched, found.earlierDisplayName, 'was');
  // Renamed: the folder stays, as its name never was the display name.
  if (found.earlierDisplayName !== undefined)
    return `its own folder, found under another name (${why}, its display name before the rename) and kept, so no new ${shown(found.instead)}`;
  return `its own folder, found under another name (${why}), so no new ${shown(found.instead)}`;
}

/**
 * What extraction did to a connector's files, each changed one by name, so that an update over the
 * maker's own edit is not hidden in a count: `created readme.md; updated apiDefinition.swagger.json;
 * 2 unchanged; deleted script.csx`; the files it left for an edit git does not have,
 * `apiDefinition.swagger.json not replaced: edit not committed`; then the maker's files it left alone,
 * `readme.md kept: yours`, or
 * a folder of four files read as "3 unchanged" with the fourth, the edited readme, unaccounted for.
 * The line's and the job summary's.
 */
export function fileChanges(connector: ExtractedConnector): string {
  const parts: string[] = [];
  if (connector.created.length) parts.push(`created ${carriedFiles(connector.created)}`);
  if (connector.updated.length) parts.push(`updated ${carriedFiles(connector.updated)}`);
  if (connector.unchanged.length || parts.length === 0) parts.push(`${connector.unchanged.length} unchanged`);
  if (connector.deleted.length) parts.push(`deleted ${connector.deleted.join(', ')}`);
  // Said apart from the maker's files: the run fails for them, and each has its message.
  if (connector.notReplaced.length)
    parts.push(
      `${connector.notReplaced.map(({ file }) => file).join(', ')} not replaced: edit not committed`,
    );
  // An earlier extraction's readme, never edited: "yours" it is not, and it is not done.
  if (connector.templateReadme)
    parts.push(`${connector.templateReadme} kept: still the template, TODOs to fill in`);
  if (connector.kept.length) parts.push(`${carriedFiles(connector.kept)} kept: yours`);
  return parts.join('; ');
}

/**
 * The line of a folder removed because its connector left `source`, or undefined for the earlier
 * folder of a renamed connector: the connector's own line says it moved, once.
 */
export function removedFolderLine(
  folder: string,
  connectors: readonly ExtractedConnector[],
  source: string,
  shown: ShowFolder,
): string | undefined {
  if (connectors.some((connector) => connector.renamedFrom?.folder === folder)) return undefined;
  return `${shown(folder)} removed: its connector is no longer in ${source}.`;
}

/** The most connectors a selection left out that its line names; the rest are counted. */
const MAX_NAMED_NOT_SELECTED = 10;

/**
 * The line of the connectors a selection left out, as the CLI prints it and the action logs it:
 * `2 other connectors of the solution not selected, neither written nor removed: "Fabrikam Notes"
 * (contoso_fabrikam-20notes) and "Contoso, Ltd. Tasks" (contoso_tasks).` Each display name quoted, as
 * one may hold a comma, and past ten the rest counted, so that a solution of a hundred connectors
 * with one selected gives a line one can read. Undefined when there are none, so that a run that
 * selected every connector says nothing more than one without a selection.
 */
export function notSelectedLine(
  notSelected: readonly { name: string; displayName: string }[] | undefined,
): string | undefined {
  if (!notSelected?.length) return undefined;
  const names = notSelected.map(({ name, displayName }) => `"${displayName || name}" (${name})`);
  return `${plural(notSelected.length, 'other connector')} of the solution not selected, neither written nor removed: ${joinedList(names, { max: MAX_NAMED_NOT_SELECTED })}.`;
}

/**
 * The line of a name of the selection that is no connector's name now, only the display name a
 * connector had in the previous solution, as the CLI prints it and the action logs it: `'Contoso
 * Tasks' selected Contoso Tasks Hub (contoso_tasks) by the display name it had before its rename;
 * no connector of the solution is named so now.` Once another connector takes that name, the name
 * selects that one instead: the logical name is the one to give.
 */
export function formerNameLine(former: FormerName): string {
  if (former.displayName === undefined)
    return `'${former.given}' selected ${former.earlierDisplayName || former.name} (${former.name}), which left the solution, by its display name in the previous solution.`;
  return `'${former.given}' selected ${former.displayName || former.name} (${former.name}) by the display name it had before its rename; no connector of the solution is named so now. Name it by its logical name, which stays.`;
}

/**
 * What became of a renamed connector's earlier folder, for its line and the job summary: moved (the
 * earlier folder removed), with the maker's files it carried, and how many leftovers no one wrote
 * were not carried. Undefined when there is nothing to say: the connector was not renamed, or its
 * earlier folder was gone already (a second extraction from the same snapshots).
 */
export function renameNote(
  connector: ExtractedConnector,
  removed: readonly string[],
  shown: ShowFolder,
): string | undefined {
  const renamed = connector.renamedFrom;
  if (!renamed) return undefined;
  if (renamed.caseOnly)
    return `renamed from ${shown(renamed.folder)} (its display name changed only in case)`;
  const carried = carriedFiles(renamed.kept);
  const parts: string[] = [];
  if (removed.includes(renamed.folder))
    parts.push(
      `moved from ${shown(renamed.folder)} (${movedWhy(connector)})${carried ? `, carrying ${carried}` : ''}`,
    );
  // Its earlier folder is another connector's now (a new connector took the old display name).
  else if (carried) parts.push(`${carried} carried from ${shown(renamed.folder)}`);
  if (renamed.leftBehind.length) parts.push(leftBehindNote(renamed.leftBehind));
  return parts.length ? parts.join('; ') : undefined;
}

/**
 * Why a connector moved from its earlier folder: it was renamed, or it is extracted to this root now
 * and was in another one (RenamedFrom.otherRoot), under the same display name or not.
 */
function movedWhy(connector: ExtractedConnector): string {
  const renamed = connector.renamedFrom!;
  if (!renamed.otherRoot) return 'the connector was renamed';
  const sameName = path.basename(renamed.folder).toLowerCase() === connector.folder.toLowerCase();
  return sameName
    ? 'the connector is extracted to this root now'
    : 'the connector was renamed, and is extracted to this root now';
}

/**
 * Files named short enough for one line (the maker's files carried, the files written): files at the top by name, those in a
 * subfolder as the subfolder and their count (`images/ (12 files)`), in the order of `kept`
 * (readme first).
 */
export function carriedFiles(kept: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const file of kept) {
    const slash = file.indexOf('/');
    const key = slash === -1 ? file : `${file.slice(0, slash)}/`;
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  return [...groups]
    .map(([key, files]) => (files.length === 1 ? files[0]! : `${key} (${files.length} files)`))
    .join(', ');
}

/** `2 leftovers of editors and file managers not carried (.DS_Store, readme.md~)`: each name once. */
function leftBehindNote(leftBehind: readonly string[]): string {
  const names = [...new Set(leftBehind.map((file) => file.slice(file.lastIndexOf('/') + 1)))];
  const count = leftBehind.length === 1 ? '1 leftover' : `${leftBehind.length} leftovers`;
  return `${count} of editors and file managers not carried (${names.join(', ')})`;
}
