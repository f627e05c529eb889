import { attribute, type XmlElement } from '../xml/xml-tree.js';
import { connectorText } from './connector-element.js';
import { normalizedId, rootConnectorComponents } from './root-connectors.js';

/**
 * The connectors in the order in which the solution manifest lists their root components.
 *
 * The unpacked folder keeps one file per connector, so the order of the `<Connector>` elements in
 * the export is not in it (SolutionPackager loses it too); the manifest's `<RootComponents>` is, byte
 * for byte, and lists each connector once, in the order the export wrote them. Packing in that order
 * keeps an unpack → pack round trip free of reordering noise, and lets whoever edits the manifest
 * choose the order. A connector the manifest does not list comes after the listed ones, by name, so
 * the result never depends on the order in which the files were read.
 */
export function inManifestOrder<T extends { name: string; element: XmlElement }>(
  connectors: readonly T[],
  solution: XmlElement,
): T[] {
  // The first component of each schema name and each id: a connector's place is the first component
  // that stands for it, by either (see normalizedId), found without comparing it with every component.
  const listed = rootConnectorComponents(solution);
  const byName = new Map<string, number>();
  const byId = new Map<string, number>();
  listed.forEach((component, index) => {
    const schemaName = attribute(component, 'schemaName');
    const id = normalizedId(attribute(component, 'id'));
    if (schemaName !== undefined && !byName.has(schemaName)) byName.set(schemaName, index);
    if (id !== undefined && !byId.has(id)) byId.set(id, index);
  });
  const position = (connector: T): number => {
    const id = normalizedId(connectorText(connector.element, 'connectorid'));
    return Math.min(
      byName.get(connector.name) ?? listed.length,
      (id !== undefined ? byId.get(id) : undefined) ?? listed.length,
    );
  };
  const positions = new Map(connectors.map((connector) => [connector, position(connector)]));
  return [...connectors].sort(
    (a, b) => positions.get(a)! - positions.get(b)! || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
