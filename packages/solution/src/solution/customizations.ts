import { decodeUtf8Pieces } from '../text/decode.js';
import { readXmlEventsByPiece, type XmlEvents } from '../xml/parse-xml.js';
import { LookaheadWriter } from '../xml/lookahead-writer.js';
import type { XmlElement } from '../xml/xml-tree.js';
import { Utf8Sink, XmlWriter, type XmlStyle } from '../xml/xml-writer.js';
import { editedEvents, type Edit, type EditTarget } from './customizations-edit.js';
import { withConnectors, withoutConnectors } from './customizations-rewrite.js';
import { Scanner, type CustomizationsScan } from './customizations-scan.js';

/**
 * customizations.xml as unpack and pack need it: its `<Connector>` elements (the children of the root's
 * first `<Connectors>`) as trees, and the rest written again without ever being a tree. Real solutions
 * reach 100 MB and more; as a tree, a 60 MB one took 190 MB beside its text. It is written as it is
 * read (scanWriting), which refuses bad XML with the errors parseXml gives and notes what each element
 * holds (customizations-scan.ts). The file is read a second time, by withoutConnectors or
 * withConnectors (customizations-rewrite.ts), which write each element in the mode those notes give,
 * only when what was written as it was read turns out wrong: an element holds mixed content, or, in
 * pack, the `<Connectors>` to put the connectors in comes after the `<Languages>` or
 * `<connectionreferences>` before which one was made. Only `<Connectors>` changes
 * (customizations-edit.ts); every other element is written as serializeXml would write it from the
 * tree (through the same XmlWriter), so the text is the same byte for byte.
 */

/**
 * scanCustomizations and withoutConnectors or withConnectors in one pass, as the file is read (saxes
 * is most of the time, so two passes took about a third longer): yields the chunks as withoutConnectors
 * (`put` undefined) or withConnectors would, and returns the scan. Elements are written as soon as what
 * they hold settles how (LookaheadWriter); when one turns out to hold text after child elements (mixed
 * content, which no real export has) or the `<Connectors>` to put into comes too late, the chunks
 * yielded are wrong and `again` has the text written in two passes, from the scan.
 */
export function* scanWriting(
  bytes: Uint8Array,
  file: string,
  hint: string | undefined,
  style: XmlStyle,
  put?: ReadonlyArray<{ element: XmlElement }>,
  counter?: { passes: number },
): Generator<Buffer, { scan: CustomizationsScan; again: Iterable<Buffer> | undefined }> {
  const scanner = new Scanner();
  const sink = new Utf8Sink();
  const writer = new LookaheadWriter(new XmlWriter(style, sink));
  let misplaced = false;
  const take = put === undefined;
  const edit: Edit = { take, put: put?.map(({ element }) => element) ?? [] };
  const target: EditTarget = {
    open: (_number, name, attributes, container) => writer.open(name, attributes, take && container),
    close: () => writer.close(),
    text: (value) => writer.text(value),
    other: (node) => writer.other(node),
    structure: () => writer.structure(),
  };
  const edited = editedEvents(edit, target, undefined, () => (misplaced = true));
  const events: XmlEvents = {
    open(name, attributes) {
      scanner.open(name, attributes);
      if (!misplaced) edited.open(name, attributes);
    },
    close() {
      scanner.close();
      if (!misplaced) edited.close();
    },
    text(value) {
      scanner.text(value);
      if (!misplaced) edited.text(value);
    },
    append(node) {
      scanner.append(node);
      if (!misplaced) edited.append(node);
    },
  };
  if (counter) counter.passes++;
  for (const _ of readXmlEventsByPiece(decodeUtf8Pieces(bytes, file), file, hint, events))
    if (!writer.mixed && !misplaced) yield* sink.take();
  const scan = scanner.scan(bytes, file, hint);
  if (!writer.mixed && !misplaced) {
    yield* sink.take(true);
    return { scan, again: undefined };
  }
  sink.take(true);
  const again = {
    *[Symbol.iterator]() {
      if (counter) counter.passes++;
      yield* put === undefined ? withoutConnectors(scan, style) : withConnectors(scan, put, style);
    },
  };
  return { scan, again };
}
