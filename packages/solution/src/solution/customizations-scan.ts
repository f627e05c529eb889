import { decodeUtf8Pieces } from '../text/decode.js';
import { ContentFlags } from '../xml/content-flags.js';
import { readXmlEvents, type XmlEvents } from '../xml/parse-xml.js';
import { TreeBuilder } from '../xml/tree-builder.js';
import type { XmlCData, XmlComment, XmlElement, XmlInstruction } from '../xml/xml-tree.js';
import { ConnectorsContainer } from './connectors-container.js';

export const XSI = 'xmlns:xsi';

/**
 * What a first read of customizations.xml finds: its `<Connector>` elements as trees (the only part
 * ever one), and what the rest holds, an element a byte (ContentFlags), to write it in a second read.
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
  return scanner.scan(bytes, file, hint);
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

/** The events of a first read: content flags, the container and the connector trees. */
export class Scanner implements XmlEvents {
  private readonly flags = new ContentFlags();
  private readonly connectors: XmlElement[] = [];
  private container: number | undefined;
  private containerHoldsOthers = false;
  private rootXsi: string | undefined;
  private readonly place = new ConnectorsContainer();
  private readonly connector = new TreeBuilder();
  private inConnector = false;

  /** What was found, once the events have all been told. */
  scan(bytes: Uint8Array, file: string, hint: string | undefined): CustomizationsScan {
    return {
      connectors: this.connectors,
      bytes,
      file,
      hint,
      flags: this.flags,
      container: this.container,
      containerHoldsOthers: this.containerHoldsOthers,
      rootXsi: this.rootXsi,
    };
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    const element = this.flags.elements;
    this.flags.open();
    const role = this.place.opened(name);
    if (this.inConnector) this.connector.open(name, attributes);
    else if (role === 'root') this.rootXsi = attributes[XSI];
    else if (role === 'container') this.container = element;
    else if (role === 'connector') {
      this.inConnector = true;
      this.connector.open(name, attributes);
    } else if (role === 'container-other') this.containerHoldsOthers = true;
  }

  close(): void {
    this.flags.close();
    this.place.closed();
    if (!this.inConnector) return;
    this.connector.close();
    if (this.connector.depth === 0) {
      this.connectors.push(this.connector.root!);
      this.inConnector = false;
    }
  }

  text(value: string): void {
    this.flags.text(value);
    if (this.inConnector) this.connector.text(value);
  }

  append(node: XmlCData | XmlComment | XmlInstruction): void {
    this.flags.append(node);
    if (this.inConnector) this.connector.append(node);
    else if (this.place.inContainer && node.kind !== 'cdata') this.containerHoldsOthers = true;
  }
}
