import { decodeUtf8Pieces } from '../text/decode.js';
import { readXmlEvents, type XmlEvents } from '../xml/parse-xml.js';

/**
 * The logical names of the connection references a solution's customizations.xml defines
 * (`<connectionreferences><connectionreference connectionreferencelogicalname="…">`), the names a
 * deployment settings file gives connections to. Read as events, without a tree: customizations.xml
 * holds every table and form of a large solution.
 */
export function connectionReferenceNames(bytes: Uint8Array, file: string, hint?: string): string[] {
  const reader = new ConnectionReferenceReader();
  readXmlEvents(decodeUtf8Pieces(bytes, file), file, hint, reader);
  return reader.names;
}

class ConnectionReferenceReader implements XmlEvents {
  readonly names: string[] = [];
  private readonly path: string[] = [];

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    // Under the root's <connectionreferences> only: a connector's own XML never names one.
    if (name === 'connectionreference' && this.path.length === 2 && this.path[1] === 'connectionreferences') {
      const logicalName = attributes.connectionreferencelogicalname?.trim();
      if (logicalName) this.names.push(logicalName);
    }
    this.path.push(name);
  }

  close(): void {
    this.path.pop();
  }

  text(): void {}

  append(): void {}
}
