import { childElements, element, firstChild, type XmlElement } from '../xml/xml-tree.js';

const XSI = 'xmlns:xsi';
/** Root children that come after `<Connectors>` in every export seen. */
const AFTER_CONNECTORS = ['connectionreferences', 'Languages'];

/**
 * Moves the `<Connector>` elements out of customizations.xml, leaving the empty `<Connectors />`
 * placeholder where it was, as SolutionPackager does. Each element gets the xsi namespace of the
 * root, since it becomes a document of its own.
 */
export function takeConnectors(root: XmlElement): XmlElement[] {
  const container = firstChild(root, 'Connectors');
  if (!container) return [];
  const connectors = childElements(container, 'Connector');
  container.children = container.children.filter(
    (node) => !(node.kind === 'element' && node.name === 'Connector'),
  );
  // What is left between the removed elements is indentation, not content.
  if (container.children.every((node) => node.kind === 'text' && node.text.trim() === ''))
    container.children = [];
  const xsi = root.attributes.find(([name]) => name === XSI);
  for (const connector of connectors) {
    if (xsi && !connector.attributes.some(([name]) => name === XSI))
      connector.attributes = [[xsi[0], xsi[1]], ...connector.attributes];
  }
  return connectors;
}

/**
 * Puts connector elements back into `<Connectors>`, in the order given (see `inManifestOrder`). A
 * missing placeholder is created where exports have it.
 */
export function putConnectors(
  root: XmlElement,
  connectors: ReadonlyArray<{ name: string; element: XmlElement }>,
): void {
  if (connectors.length === 0) return;
  let container = firstChild(root, 'Connectors');
  if (!container) {
    container = element('Connectors');
    const found = root.children.findIndex(
      (node) => node.kind === 'element' && AFTER_CONNECTORS.includes(node.name),
    );
    const before = found === -1 ? root.children.length : found;
    root.children = [...root.children.slice(0, before), container, ...root.children.slice(before)];
  }
  const rootXsi = root.attributes.find(([name]) => name === XSI)?.[1];
  for (const { element: connector } of connectors) {
    connector.attributes = connector.attributes.filter(
      ([name, value]) => !(name === XSI && value === rootXsi),
    );
  }
  container.children = [...container.children, ...connectors.map(({ element: connector }) => connector)];
}
