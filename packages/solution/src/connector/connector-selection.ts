import { closestMatcher, joinedList, UsageError, type SaySetting } from '@connector-alm/core';
import { PREVIOUS_SOURCE } from './makers-edits.js';
import { sameConnectorIn } from './renamed-connectors.js';
import type { SolutionConnector } from './solution-connector.js';

/** The setting that names the connectors to extract, in the CLI's words and the action's. */
export const CONNECTOR_SELECTION = { option: '--connector', input: 'connectors' };

/**
 * The connectors one extraction works on, of the solution and of its previous version, and the
 * others: those are neither written, moved nor removed, but the folders named after them stay
 * theirs (connectorHomes, removeLeftFolders), so that extracting one connector into a root never
 * takes or removes another's folder there.
 */
export interface ConnectorSelection {
  /** The connectors of the solution to extract, in its order. */
  selected: SolutionConnector[];
  /** The solution's other connectors. */
  notSelected: SolutionConnector[];
  /** The connectors of the previous solution whose folders may be removed or moved from. */
  previousSelected: SolutionConnector[];
  /** The previous solution's other connectors. */
  previousNotSelected: SolutionConnector[];
  /**
   * The names given that are no connector's name in the solution, only the display name a connector
   * had in the previous one (before its rename, or before it left), each with that connector: the
   * output says so, as such a name selects another connector once one takes it.
   */
  formerNames: { given: string; connector: SolutionConnector }[];
}

/**
 * The connectors that `names` select (undefined: every one). A name selects a connector whose
 * logical name it is, in the solution (`connectors`) or in its previous version (`previous`), or
 * whose display name it is now, case aside; only a name that selects none so selects by a display
 * name of the previous version (a former name: the connector was renamed since, or left). A
 * connector selected in one version is selected in the other (sameConnectorIn): a connector renamed
 * since is selected by its old display name as by its new one, and one that left the solution has
 * its folder removed only when selected. A name now another connector's display name selects that
 * one alone: "Beta" is the connector named "Beta", not also the one that was "Beta" before its
 * rename. A name that selects nothing is a usage error, listing the connectors there are, before
 * anything is written: a misspelt name would otherwise extract nothing and say so only in what it
 * did not print.
 */
export function selectConnectors(
  names: readonly string[] | undefined,
  connectors: readonly SolutionConnector[],
  previous: readonly SolutionConnector[],
  source: string,
  say: SaySetting,
): ConnectorSelection {
  if (names === undefined)
    return {
      selected: [...connectors],
      notSelected: [],
      previousSelected: [...previous],
      previousNotSelected: [],
      formerNames: [],
    };
  const resolved = names.map((name) => ({ name, ...namedBy(name, connectors, previous) }));
  const unknown = resolved.filter((each) => each.current.length + each.previous.length === 0);
  if (unknown.length > 0)
    throw unknownNamesError(
      unknown.map((each) => each.name),
      connectors,
      previous,
      source,
      say,
    );
  const named = new Set(resolved.flatMap((each) => each.current));
  const previousNamed = resolved.flatMap((each) => each.previous);
  const selected = connectors.filter(
    (connector) => named.has(connector) || sameConnectorIn(previousNamed, connector) !== undefined,
  );
  const isPreviousSelected = (connector: SolutionConnector) =>
    previousNamed.includes(connector) || sameConnectorIn(selected, connector) !== undefined;
  return {
    selected,
    notSelected: connectors.filter((connector) => !selected.includes(connector)),
    previousSelected: previous.filter(isPreviousSelected),
    previousNotSelected: previous.filter((connector) => !isPreviousSelected(connector)),
    formerNames: resolved.flatMap((each) =>
      each.former ? each.previous.map((connector) => ({ given: each.name, connector })) : [],
    ),
  };
}

/**
 * The connectors `name` names in each version, case and surrounding spaces aside: by logical name
 * in either, or by display name in the solution; failing those, by display name in the previous
 * version (`former`).
 */
function namedBy(
  name: string,
  connectors: readonly SolutionConnector[],
  previous: readonly SolutionConnector[],
): { current: SolutionConnector[]; previous: SolutionConnector[]; former: boolean } {
  const wanted = name.trim().toLowerCase();
  const byName = (connector: SolutionConnector) => connector.name.toLowerCase() === wanted;
  const byDisplayName = (connector: SolutionConnector) =>
    connector.displayName.trim().toLowerCase() === wanted;
  const current = connectors.filter((connector) => byName(connector) || byDisplayName(connector));
  const previousByName = previous.filter(byName);
  if (current.length > 0 || previousByName.length > 0)
    return { current, previous: previousByName, former: false };
  return { current: [], previous: previous.filter(byDisplayName), former: true };
}

/**
 * `has no connector named 'Contoso Task' (--connector): its connectors are "Contoso Tasks"
 * (contoso_tasks) and "Fabrikam" (contoso_fabrikam). Nothing was written.`, with the name meant.
 */
function unknownNamesError(
  unknown: readonly string[],
  connectors: readonly SolutionConnector[],
  previous: readonly SolutionConnector[],
  source: string,
  say: SaySetting,
): UsageError {
  const given = `${joinedList(
    unknown.map((name) => `'${name}'`),
    { conjunction: 'or' },
  )} (${say(CONNECTOR_SELECTION)})`;
  const left = previous.filter((connector) => sameConnectorIn(connectors, connector) === undefined);
  const there =
    connectors.length === 0
      ? `has no custom connector, so none named ${given}`
      : `has no connector named ${given}: its connectors are ${listed(connectors)}`;
  const alsoLeft =
    left.length === 0 ? '' : `; of those that left it, ${say(PREVIOUS_SOURCE)} has ${listed(left)}`;
  const candidates = [...connectors, ...previous].flatMap((connector) =>
    connector.displayName.trim() === '' ? [connector.name] : [connector.displayName.trim(), connector.name],
  );
  const closest = closestMatcher(candidates);
  const meant = unknown.flatMap((name) => {
    const match = closest(name.trim());
    return match === undefined ? [] : [{ name, match }];
  });
  const didYouMean =
    meant.length === 0
      ? ''
      : unknown.length === 1
        ? `Did you mean '${meant[0]!.match}'? `
        : `Did you mean ${meant.map(({ name, match }) => `'${match}' for '${name}'`).join(', ')}? `;
  return new UsageError(`${there}${alsoLeft}. Nothing was written.`, {
    location: { file: source },
    hint: `${didYouMean}Name a connector by its logical name (it stays when the connector is renamed) or by its display name, in any case.`,
  });
}

/** `"Contoso Tasks" (contoso_tasks) and "Fabrikam" (contoso_fabrikam)`. */
function listed(connectors: readonly SolutionConnector[]): string {
  return joinedList(
    connectors.map((connector) => `"${connector.displayName.trim() || connector.name}" (${connector.name})`),
  );
}
