import type { XmlElement } from './xml-tree.js';
import { contentMode, nodeFlags, StringSink, XmlWriter, type XmlStyle } from './xml-writer.js';

/**
 * Canonical XML text of a tree (see XmlWriter for the format). The result depends only on the tree,
 * so formatting noise in an export never reaches a diff.
 */
export function serializeXml(root: XmlElement, style: XmlStyle): string {
  const sink = new StringSink();
  writeElementTree(new XmlWriter(style, sink), root);
  return sink.text();
}

/** Writes an element and everything in it, e.g. a connector among the events of a streamed document. */
export function writeElementTree(writer: XmlWriter, node: XmlElement): void {
  let flags = 0;
  for (const child of node.children) flags |= nodeFlags(child);
  writer.open(node.name, node.attributes, contentMode(flags));
  for (const child of node.children) {
    if (child.kind === 'element') writeElementTree(writer, child);
    else if (child.kind === 'text') writer.text(child.text);
    else writer.other(child);
  }
  writer.close();
}
