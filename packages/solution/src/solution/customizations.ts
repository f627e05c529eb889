import { decodeUtf8Pieces } from '../text/decode.js';
import { ContentFlags } from '../xml/content-flags.js';
import { readXmlEvents, readXmlEventsByPiece, type XmlEvents } from '../xml/parse-xml.js';
import { writeElementTree } from '../xml/serialize-xml.js';
import { TreeBuilder } from '../xml/tree-builder.js';
import type { XmlCData, XmlComment, XmlElement, XmlInstruction } from '../xml/xml-tree.js';
import {
  contentMode,
  REAL_TEXT,
  STRUCTURE,
  Utf8Sink,
  XmlWriter,
  type ContentMode,
  type XmlStyle,
} from '../xml/xml-writer.js';

const XSI = 'xmlns:xsi';
/** Root children that come after `<Connectors>` in every export seen. */
const AFTER_CONNECTORS = ['connectionreferences', 'Languages'];

/**
 * customizations.xml as unpack and pack need it: its `<Connector>` elements (the children of the root's
 * first `<Connectors>`) as trees, and the rest written again without ever being a tree. Real solutions
 * reach 100 MB and more; as a tree, a 60 MB one took 190 MB beside its text. It is read twice instead:
 * once here, which refuses bad XML with the errors parseXml gives and notes what each element holds
 * (ContentFlags, a byte an element), and again by withoutConnectors or withConnectors, which write each
 * element as it is read. Only `<Connectors>` changes; every other element is written as serializeXml
 * would write it from the tree (through the same XmlWriter), so the text is the same byte for byte.
 */
export interface CustomizationsScan {
  /** The `<Connector>` elements of `<Connectors>`, as the file has them. */
  readonly connectors: readonly XmlElement[];
  readonly bytes: Uint8Array;
  readonly file: string;
  readonly hint: string | undefined;
  readonly flags: ContentFlags;
  /** The number of the root's first `<Connectors>` element in document order, if it has one. */
  readonly container: number | undefined;
  /** Whether `<Connectors>` holds anything but `<Connector>` elements and whitespace: comments, other elements. */
  readonly containerHoldsOthers: boolean;
  /** The root's xsi namespace declaration. */
  readonly rootXsi: string | undefined;
}

/** Reads customizations.xml (UTF-8 bytes) once: refuses bad XML, keeps its connectors as trees. */
export function scanCustomizations(bytes: Uint8Array, file: string, hint?: string): CustomizationsScan {
  const scanner = new Scanner();
  readXmlEvents(decodeUtf8Pieces(bytes, file), file, hint, scanner);
  return {
    connectors: scanner.connectors,
    bytes,
    file,
    hint,
    flags: scanner.flags,
    container: scanner.container,
    containerHoldsOthers: scanner.containerHoldsOthers,
    rootXsi: scanner.rootXsi,
  };
}

/**
 * The connectors unpack moves out of customizations.xml, each a document of its own: each gets the
 * xsi namespace of the root when it has none.
 */
export function takenConnectors(scan: CustomizationsScan): XmlElement[] {
  const xsi = scan.rootXsi;
  return scan.connectors.map((connector) =>
    xsi !== undefined && !connector.attributes.some(([name]) => name === XSI)
      ? { ...connector, attributes: [[XSI, xsi], ...connector.attributes] }
      : connector,
  );
}

/**
 * customizations.xml without its `<Connector>` elements, leaving the empty `<Connectors />`
 * placeholder where they were, as SolutionPackager does (what is left between them is indentation).
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
  return rewrite(scan, style, { take: true, put: [], containerMode, rootMode: undefined });
}

/**
 * customizations.xml with connector elements put at the end of `<Connectors>`, in the order given (see
 * `inManifestOrder`); a missing placeholder is made where exports have it. A connector keeps its xsi
 * namespace only where it differs from the root's.
 */
export function withConnectors(
  scan: CustomizationsScan,
  connectors: ReadonlyArray<{ element: XmlElement }>,
  style: XmlStyle,
): Iterable<Buffer> {
  if (connectors.length === 0)
    return rewrite(scan, style, { take: false, put: [], containerMode: undefined, rootMode: undefined });
  const put = connectors.map(({ element }) => ({
    ...element,
    attributes: element.attributes.filter(([name, value]) => !(name === XSI && value === scan.rootXsi)),
  }));
  const holding = (element: number): ContentMode => contentMode(scan.flags.flagsOf(element) | STRUCTURE);
  return rewrite(scan, style, {
    take: false,
    put,
    containerMode: scan.container === undefined ? undefined : holding(scan.container),
    rootMode: scan.container === undefined ? holding(0) : undefined,
  });
}

/** The first pass: content flags, the container and the connector trees. */
class Scanner implements XmlEvents {
  readonly flags = new ContentFlags();
  readonly connectors: XmlElement[] = [];
  container: number | undefined;
  containerHoldsOthers = false;
  rootXsi: string | undefined;
  private depth = 0;
  private inContainer = false;
  private readonly connector = new TreeBuilder();
  private inConnector = false;

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    const element = this.flags.elements;
    this.flags.open();
    if (this.inConnector) this.connector.open(name, attributes);
    else if (this.depth === 0) this.rootXsi = attributes[XSI];
    else if (this.depth === 1 && name === 'Connectors' && this.container === undefined) {
      this.container = element;
      this.inContainer = true;
    } else if (this.depth === 2 && this.inContainer) {
      if (name === 'Connector') {
        this.inConnector = true;
        this.connector.open(name, attributes);
      } else this.containerHoldsOthers = true;
    }
    this.depth++;
  }

  close(): void {
    this.flags.close();
    this.depth--;
    if (this.inConnector) {
      this.connector.close();
      if (this.connector.depth === 0) {
        this.connectors.push(this.connector.root!);
        this.inConnector = false;
      }
    } else if (this.depth === 1) this.inContainer = false;
  }

  text(value: string): void {
    this.flags.text(value);
    if (this.inConnector) this.connector.text(value);
  }

  append(node: XmlCData | XmlComment | XmlInstruction): void {
    this.flags.append(node);
    if (this.inConnector) this.connector.append(node);
    else if (this.depth === 2 && this.inContainer && node.kind !== 'cdata') this.containerHoldsOthers = true;
  }
}

interface Edit {
  /** Leave the container's `<Connector>` elements out. */
  take: boolean;
  /** Elements to put at the end of the container, made before the AFTER_CONNECTORS if there is none. */
  put: readonly XmlElement[];
  /** The container's mode when the edit changes what it holds. */
  containerMode: ContentMode | undefined;
  /** The root's mode when a container is made in it. */
  rootMode: ContentMode | undefined;
}

/**
 * The second pass: the events of the scanned bytes, written as they come, with the edit made, as UTF-8
 * chunks of about a megabyte made as they are asked for: the text is never held whole.
 */
function* rewrite(scan: CustomizationsScan, style: XmlStyle, edit: Edit): Generator<Buffer> {
  const sink = new Utf8Sink();
  const writer = new XmlWriter(style, sink);
  const putAll = (): void => {
    for (const element of edit.put) writeElementTree(writer, element);
  };
  const makeContainer = edit.put.length > 0 && scan.container === undefined;
  let made = false;
  const make = (): void => {
    writer.open('Connectors', [], 'block');
    putAll();
    writer.close();
    made = true;
  };
  let element = 0;
  let depth = 0;
  /** The depth of the `<Connector>` being left out, while it is. */
  let skipping: number | undefined;
  let inContainer = false;
  const modeOf = (number: number): ContentMode =>
    number === scan.container && edit.containerMode !== undefined
      ? edit.containerMode
      : number === 0 && edit.rootMode !== undefined
        ? edit.rootMode
        : scan.flags.modeOf(number);

  const events = readXmlEventsByPiece(decodeUtf8Pieces(scan.bytes, scan.file), scan.file, scan.hint, {
    open(name, attributes) {
      const number = element++;
      depth++;
      if (skipping !== undefined) return;
      if (edit.take && inContainer && depth === 3 && name === 'Connector') {
        skipping = depth;
        return;
      }
      if (makeContainer && !made && depth === 2 && AFTER_CONNECTORS.includes(name)) make();
      writer.open(name, Object.entries(attributes), modeOf(number));
      if (number === scan.container) inContainer = true;
    },
    close() {
      depth--;
      if (skipping !== undefined) {
        if (depth < skipping) skipping = undefined;
        return;
      }
      if (inContainer && depth === 1) {
        putAll();
        inContainer = false;
      }
      if (makeContainer && !made && depth === 0) make();
      writer.close();
    },
    text(value) {
      if (skipping === undefined) writer.text(value);
    },
    append(node) {
      if (skipping === undefined) writer.other(node);
    },
  });
  for (const _ of events) yield* sink.take();
  yield* sink.take(true);
}
