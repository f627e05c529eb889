import { UserError, type SaySetting } from '@connector-alm/core';
import { CONNECTOR_SELECTION, type ConnectorSelection } from './connector-selection.js';
import type { ConnectorHome } from './own-folder-finder.js';
import { connectorFolder, type EarlierFolder } from './renamed-connectors.js';
import { isInRoot } from './root-folders.js';
import type { SolutionConnector } from './solution-connector.js';

/**
 * Refuses, before anything is written, a folder that two connectors would be extracted to, and one
 * that a selected connector would be written into while a connector not selected holds it. The
 * selected connectors go to their homes (`homes`, in the order of `selection.selected`); one not
 * selected is taken to stay in its display-name folder. Every connector of the solution counts,
 * selected or not, so that a selection refuses whatever a full run refuses: checking the selected
 * ones only let "Contoso Tasks" and another renamed "contoso tasks", extracted one at a time, share
 * one folder on a case-insensitive disk, the second overwriting the first.
 */
export async function refuseFolderClashes(
  source: string,
  destinationRoot: string,
  connectors: readonly SolutionConnector[],
  selection: ConnectorSelection,
  homes: readonly ConnectorHome[],
  earlierFolder: (connector: SolutionConnector) => EarlierFolder | undefined,
  say: SaySetting,
): Promise<void> {
  const folders = new Map<string, { name: string; found: boolean }>();
  for (const connector of connectors) {
    const index = selection.selected.indexOf(connector);
    const home = homes[index];
    const folder = home?.folder ?? connectorFolder(connector);
    const found = home?.found !== undefined;
    const clash = folders.get(folder.toLowerCase());
    if (clash)
      throw new UserError(
        `has connectors '${clash.name}' and '${connector.name}' that would both be extracted to '${folder}'.`,
        {
          location: { file: source },
          // Two display names that differ can both read as one folder found under another name:
          // renaming them would not help, renaming the folder does.
          hint:
            clash.found || found
              ? `'${folder}' was found for both under another name: rename it to the display name of the connector it holds, and the other gets a folder of its own.`
              : 'Give them different display names.',
        },
      );
    folders.set(folder.toLowerCase(), { name: connector.name, found });
  }
  await refuseEarlierFolderOfNotSelected(source, destinationRoot, selection, homes, earlierFolder, say);
}

/**
 * Refuses to write a selected connector into the folder a connector not selected was extracted to
 * before its rename: that one still holds it, and only a run that moves it out first (a full one, or
 * one that selects it too) frees it. Writing there would give the selected connector's swagger the
 * other's folder, and the other's readme and hand-written files. Only when that folder is in this
 * root: a connector kept in another root (a solution split over custom-connectors and
 * independent-publisher-connectors, one selection each) holds its earlier folder there, and a
 * selected connector now named so goes into a new folder of its own here.
 */
async function refuseEarlierFolderOfNotSelected(
  source: string,
  destinationRoot: string,
  selection: ConnectorSelection,
  homes: readonly ConnectorHome[],
  earlierFolder: (connector: SolutionConnector) => EarlierFolder | undefined,
  say: SaySetting,
): Promise<void> {
  for (const holder of selection.notSelected) {
    const earlier = earlierFolder(holder);
    if (earlier === undefined) continue;
    const index = homes.findIndex((home) => home.folder.toLowerCase() === earlier.folder.toLowerCase());
    if (index < 0 || !(await isInRoot(destinationRoot, earlier.folder))) continue;
    const connector = selection.selected[index]!;
    throw new UserError(
      `has connector '${connector.name}' to be extracted to '${homes[index]!.folder}', the folder of connector '${holder.name}' (not selected) before it was renamed "${holder.displayName}". Nothing was written.`,
      {
        location: { file: source },
        hint: `Select '${holder.name}' too (${say(CONNECTOR_SELECTION)}), so that it moves out to its own folder first, or extract every connector.`,
      },
    );
  }
}
