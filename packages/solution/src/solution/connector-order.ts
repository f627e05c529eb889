import type { XmlElement } from '../xml/xml-tree.js';
import { isComponentOf, rootConnectorComponents } from './root-connectors.js';

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
  const listed = rootConnectorComponents(solution);
  const position = (connector: T): number => {
    const index = listed.findIndex((component) => isComponentOf(component, connector));
    return index === -1 ? listed.length : index;
  };
  const positions = new Map(connectors.map((connector) => [connector, position(connector)]));
  return [...connectors].sort(
    (a, b) => positions.get(a)! - positions.get(b)! || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
