import { decodeUtf8Pieces } from '../text/decode.js';
import { ContentFlags } from '../xml/content-flags.js';
import { readXmlEvents, readXmlEventsByPiece, type XmlEvents } from '../xml/parse-xml.js';
import { writeElementTree } from '../xml/serialize-xml.js';
import { LookaheadWriter } from '../xml/lookahead-writer.js';
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
 * reach 100 MB and more; as a tree, a 60 MB one took 190 MB beside its text. It is written as it is
 * read instead (scanWriting), which refuses bad XML with the errors parseXml gives and notes what each
 * element holds (ContentFlags, a byte an element); only a file with mixed content is read a second
 * time, by withoutConnectors or withConnectors, which write each element in the mode those notes give.
 * Only `<Connectors>` changes; every other element is written as serializeXml would write it from the
 * tree (through the same XmlWriter), so the text is the same byte for byte.
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
  return scanned(scanner, bytes, file, hint);
}

function scanned(
  scanner: Scanner,
  bytes: Uint8Array,
  file: string,
  hint: string | undefined,
): CustomizationsScan {
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
  return rewrite(scan, style, { take: true, put: [] }, containerMode, undefined);
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

/** What unpack and pack change: the `<Connector>` elements of the root's first `<Connectors>`. */
interface Edit {
  /** Leave the container's `<Connector>` elements out. */
  take: boolean;
  /** Elements to put at the end of the container, made before the AFTER_CONNECTORS if there is none. */
  put: readonly XmlElement[];
}

/** Where the edited events are written: an XmlWriter with a first pass's modes, or a LookaheadWriter. */
interface EditTarget {
  /** `container`: the root's first `<Connectors>`, which the edit changes. */
  open(number: number, name: string, attributes: Array<[string, string]>, container: boolean): void;
  close(): void;
  text(value: string): void;
  other(node: XmlCData | XmlComment | XmlInstruction): void;
  /** The writer for whole elements written next as children of the open element, if it still writes. */
  structure(): XmlWriter | undefined;
}

/**
 * The events of customizations.xml with the edit made, told to `target`. `hasContainer` says whether
 * the document has a `<Connectors>` to put the elements in; undefined when that is not known yet (one
 * pass): one is then made before the AFTER_CONNECTORS, and `misplaced` is called if a `<Connectors>`
 * comes after that after all (never seen: exports have it before them).
 */
function editedEvents(
  edit: Edit,
  target: EditTarget,
  hasContainer: boolean | undefined,
  misplaced: () => void,
): XmlEvents {
  let rootXsi: string | undefined;
  const putAll = (): void => {
    if (edit.put.length === 0) return;
    const writer = target.structure();
    if (writer === undefined) return;
    for (const element of edit.put)
      writeElementTree(writer, {
        ...element,
        attributes: element.attributes.filter(([name, value]) => !(name === XSI && value === rootXsi)),
      });
  };
  const makeContainer = edit.put.length > 0 && hasContainer !== true;
  let made = false;
  const make = (): void => {
    made = true;
    const writer = target.structure();
    if (writer === undefined) return;
    writer.open('Connectors', [], 'block');
    putAll();
    writer.close();
  };
  let element = 0;
  let depth = 0;
  /** The depth of the `<Connector>` being left out, while it is. */
  let skipping: number | undefined;
  let inContainer = false;
  let sawContainer = false;
  return {
    open(name, attributes) {
      const number = element++;
      depth++;
      if (skipping !== undefined) return;
      if (depth === 1) rootXsi = attributes[XSI];
      if (edit.take && inContainer && depth === 3 && name === 'Connector') {
        skipping = depth;
        return;
      }
      if (makeContainer && !made && !sawContainer && depth === 2 && AFTER_CONNECTORS.includes(name)) make();
      const container = depth === 2 && name === 'Connectors' && !sawContainer;
      if (container) {
        sawContainer = true;
        inContainer = true;
        if (made) misplaced();
      }
      target.open(number, name, Object.entries(attributes), container);
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
      if (makeContainer && !made && !sawContainer && depth === 0) make();
      target.close();
    },
    text(value) {
      if (skipping === undefined) target.text(value);
    },
    append(node) {
      if (skipping === undefined) target.other(node);
    },
  };
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
  const scan = scanned(scanner, bytes, file, hint);
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
