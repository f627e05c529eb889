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

/**
 * `{F1215B12-…}` in the manifest is `f1215b12-…` in the `<Connector>` element. A root component
 * stands for a connector by its schema name, or by this id, as a rename keeps it.
 */
export function normalizedId(id: string | undefined): string | undefined {
  const bare = id
    ?.trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();
  return bare === '' ? undefined : bare;
}

/** A root connector component that the package would not hold. */
export interface MissingConnector {
  schemaName?: string;
  id?: string;
}

/**
 * The connectors the manifest lists as root components but the package would not hold: Dataverse
 * refuses such an import, far from the cause, which is usually a connector whose files were deleted
 * from the folder. The connectors are looked up by name and id (the two ways a component stands for one), not each
 * compared with every component: a solution of thousands of connectors took seconds per thousand.
 */
export function missingRootConnectors(
  solution: XmlElement,
  connectors: ReadonlyArray<{ name: string; element: XmlElement }>,
): MissingConnector[] {
  const names = new Set(connectors.map((connector) => connector.name));
  const ids = new Set(
    connectors.map((connector) => normalizedId(connectorText(connector.element, 'connectorid'))),
  );
  ids.delete(undefined);
  return rootConnectorComponents(solution)
    .filter((component) => {
      const schemaName = attribute(component, 'schemaName');
      const id = normalizedId(attribute(component, 'id'));
      return !(schemaName !== undefined && names.has(schemaName)) && !(id !== undefined && ids.has(id));
    })
    .map((component) => ({ schemaName: attribute(component, 'schemaName'), id: attribute(component, 'id') }));
}
