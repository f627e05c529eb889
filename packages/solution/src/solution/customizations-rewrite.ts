import { decodeUtf8Pieces } from '../text/decode.js';
import { readXmlEventsByPiece } from '../xml/parse-xml.js';
import type { XmlElement } from '../xml/xml-tree.js';
import {
  contentMode,
  REAL_TEXT,
  STRUCTURE,
  Utf8Sink,
  XmlWriter,
  type ContentMode,
  type XmlStyle,
} from '../xml/xml-writer.js';
import { editedEvents, type Edit, type EditTarget } from './customizations-edit.js';
import type { CustomizationsScan } from './customizations-scan.js';

/**
 * customizations.xml without its `<Connector>` elements, leaving the empty `<Connectors />`
 * placeholder where they were, as SolutionPackager does (what is left between them is indentation).
 * Written from a first read (the scan), reading the file again.
 */
export function withoutConnectors(scan: CustomizationsScan, style: XmlStyle): Iterable<Buffer> {
  const container = scan.container;
  const containerMode: ContentMode | undefined =
    container === undefined
      ? undefined
      : scan.flags.flagsOf(container) & REAL_TEXT
        ? 'inline'
        : scan.containerHoldsOthers
          ? 'block'
          : 'empty';
  return rewrite(scan, style, { take: true, put: [] }, containerMode, undefined);
}

/**
 * customizations.xml with connector elements put at the end of `<Connectors>`, in the order given (see
 * `inManifestOrder`); a missing placeholder is made where exports have it. A connector keeps its xsi
 * namespace only where it differs from the root's. Written from a first read, reading the file again.
 */
export function withConnectors(
  scan: CustomizationsScan,
  connectors: ReadonlyArray<{ element: XmlElement }>,
  style: XmlStyle,
): Iterable<Buffer> {
  const edit: Edit = { take: false, put: connectors.map(({ element }) => element) };
  if (connectors.length === 0) return rewrite(scan, style, edit, undefined, undefined);
  const holding = (element: number): ContentMode => contentMode(scan.flags.flagsOf(element) | STRUCTURE);
  return rewrite(
    scan,
    style,
    edit,
    scan.container === undefined ? undefined : holding(scan.container),
    scan.container === undefined ? holding(0) : undefined,
  );
}

/**
 * The second pass: the events of the scanned bytes, written as they come, with the edit made, as UTF-8
 * chunks of about a megabyte made as they are asked for: the text is never held whole.
 */
function* rewrite(
  scan: CustomizationsScan,
  style: XmlStyle,
  edit: Edit,
  containerMode: ContentMode | undefined,
  rootMode: ContentMode | undefined,
): Generator<Buffer> {
  const sink = new Utf8Sink();
  const writer = new XmlWriter(style, sink);
  const target: EditTarget = {
    open(number, name, attributes, container) {
      const mode =
        container && containerMode !== undefined
          ? containerMode
          : number === 0 && rootMode !== undefined
            ? rootMode
            : scan.flags.modeOf(number);
      writer.open(name, attributes, mode);
    },
    close: () => writer.close(),
    text: (value) => writer.text(value),
    other: (node) => writer.other(node),
    structure: () => writer,
  };
  const events = editedEvents(edit, target, scan.container !== undefined, () => undefined);
  for (const _ of readXmlEventsByPiece(decodeUtf8Pieces(scan.bytes, scan.file), scan.file, scan.hint, events))
    yield* sink.take();
  yield* sink.take(true);
}
