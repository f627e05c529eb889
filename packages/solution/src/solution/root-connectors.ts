import { attribute, childElements, firstChild, type XmlElement } from '../xml/xml-tree.js';
import { connectorText } from './connector-element.js';

/** The solution component type of a custom connector. */
export const CONNECTOR_COMPONENT = '372';

/** The `<RootComponent type="372">` elements of a solution manifest, in its order. */
export function rootConnectorComponents(solution: XmlElement): XmlElement[] {
  const manifest = firstChild(solution, 'SolutionManifest');
  const rootComponents = manifest && firstChild(manifest, 'RootComponents');
  return (rootComponents ? childElements(rootComponents, 'RootComponent') : []).filter(
    (component) => attribute(component, 'type') === CONNECTOR_COMPONENT,
  );
}

/** `{F1215B12-…}` in the manifest is `f1215b12-…` in the `<Connector>` element. */
export function normalizedId(id: string | undefined): string | undefined {
  const bare = id
    ?.trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();
  return bare === '' ? undefined : bare;
}

/** Whether a root component stands for the connector: by schema name, or by id as a rename keeps it. */
export function isComponentOf(
  component: XmlElement,
  connector: { name: string; element: XmlElement },
): boolean {
  const id = normalizedId(connectorText(connector.element, 'connectorid'));
  return (
    attribute(component, 'schemaName') === connector.name ||
    (id !== undefined && normalizedId(attribute(component, 'id')) === id)
  );
}

/** A root connector component that the package would not hold. */
export interface MissingConnector {
  schemaName?: string;
  id?: string;
}

/**
 * The connectors the manifest lists as root components but the package would not hold: Dataverse
 * refuses such an import, far from the cause, which is usually a connector whose files were deleted
 * from the folder.
 */
export function missingRootConnectors(
  solution: XmlElement,
  connectors: ReadonlyArray<{ name: string; element: XmlElement }>,
): MissingConnector[] {
  return rootConnectorComponents(solution)
    .filter((component) => !connectors.some((connector) => isComponentOf(component, connector)))
    .map((component) => ({ schemaName: attribute(component, 'schemaName'), id: attribute(component, 'id') }));
}
