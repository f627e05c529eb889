import { repositoryFolderName } from './repository-layout.js';
import type { SolutionConnector } from './solution-connector.js';

/** Where a connector was extracted to: its folder, after its display name, as extractConnectors names it. */
export function connectorFolder(connector: Pick<SolutionConnector, 'name' | 'displayName'>): string {
  return repositoryFolderName(connector.displayName || connector.name);
}

/** Where a renamed connector was extracted to, and the connector as it was then. */
export interface EarlierFolder {
  /** Relative to the destination root. */
  folder: string;
  connector: SolutionConnector;
  /**
   * The folder is in another root of the same solution (ExtractOptions.otherRoots), which `folder`
   * leads to (`../custom-connectors/Contoso Tasks`): the connector moved there from here.
   */
  otherRoot?: true;
}

/**
 * The folder that `previous` (an earlier version of the solution) had a connector under, when it was
 * another: renamed in the maker portal, a connector keeps its logical name and its id, and only its
 * display name, so its folder, changes. Undefined for a connector new to the solution, or under the
 * same folder (a change of case only is the same folder on Windows and macOS; extraction renames
 * it to the new case, folderInEarlierCase).
 */
export function earlierFolderIn(
  previous: readonly SolutionConnector[],
): (connector: SolutionConnector) => EarlierFolder | undefined {
  return (connector) => {
    const earlier = sameConnectorIn(previous, connector);
    if (!earlier) return undefined;
    const folder = connectorFolder(earlier);
    return folder.toLowerCase() === connectorFolder(connector).toLowerCase()
      ? undefined
      : { folder, connector: earlier };
  };
}

/**
 * The connector of `previous` (an earlier version of the solution) that `connector` is: the same
 * logical name or id, which Dataverse never changes once created, whatever its display name now.
 */
export function sameConnectorIn(
  previous: readonly SolutionConnector[],
  connector: SolutionConnector,
): SolutionConnector | undefined {
  return previous.find(
    (candidate) =>
      candidate.name.toLowerCase() === connector.name.toLowerCase() ||
      (candidate.connectorId !== '' &&
        candidate.connectorId.toLowerCase() === connector.connectorId.toLowerCase()),
  );
}
