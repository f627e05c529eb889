import { SaxesParser } from 'saxes';
import { UserError, withoutFullStop } from '@connector-alm/core';
import type { XmlCData, XmlComment, XmlElement, XmlInstruction } from './xml-tree.js';
import { TreeBuilder } from './tree-builder.js';
import { decodeUtf8Pieces } from '../text/decode.js';

/** What to do about bad XML in a file of an unpacked solution folder, which a person may have edited. */
export const UNPACKED_XML_HINT =
  'Fix the XML at that line (the file was damaged or edited by hand), or unpack the solution again.';

/** What to do about bad XML in a zip: Dataverse writes well-formed XML, so the zip was changed since. */
export const EXPORTED_XML_HINT = 'The zip was damaged or changed after export: export the solution again.';

/**
 * The deepest elements may nest. Solution files nest a few dozen levels at most (a form's cells, a
 * view's linked entities); the tree is written and searched by recursion, one call per level, which a
 * hostile file nested 100,000 deep ran out of stack on ("Maximum call stack size exceeded", a crash
 * with no finding). A thousand levels is far below where that happens.
 */
export const MAX_XML_DEPTH = 1000;

/**
 * Parses solution XML with a strict, non-validating parser. A DOCTYPE is refused outright: solution
 * files never have one, and refusing it means no entity declaration (internal or external) is ever
 * expanded or fetched. Undeclared entities other than the five predefined ones are errors too, and so
 * are elements nested deeper than MAX_XML_DEPTH.
 * `hint` says what to do about such an error where the text came from (UNPACKED_XML_HINT, EXPORTED_XML_HINT).
 */
export function parseXml(text: string, file: string, hint?: string): XmlElement {
  return parseXmlPieces([text], file, hint);
}

/**
 * parseXml of a file's bytes, which must be UTF-8 (a BOM allowed, as decodeUtf8Strict reads them):
 * decoded and parsed a piece at a time, so that a large file (customizations.xml) is never held as one
 * string beside its tree (see decodeUtf8Pieces).
 */
export function parseUtf8Xml(bytes: Uint8Array, file: string, hint?: string): XmlElement {
  return parseXmlPieces(decodeUtf8Pieces(bytes, file), file, hint);
}

/** parseXml of a text given in consecutive pieces (saxes reads on where the last piece ended). */
function parseXmlPieces(pieces: Iterable<string>, file: string, hint?: string): XmlElement {
  const builder = new TreeBuilder();
  readXmlEvents(pieces, file, hint, builder);
  return builder.root!;
}

/** What readXmlEvents tells of a document, in order. */
export interface XmlEvents {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(): void;
  /** Text inside the root element (outside it, it is whitespace and not told). */
  text(value: string): void;
  /** A CDATA section, comment or processing instruction inside the root element. */
  append(node: XmlCData | XmlComment | XmlInstruction): void;
}

/**
 * Reads a document given in consecutive pieces and tells its events to `events`, refusing what
 * parseXml refuses with the same located errors; a document that may be large (customizations.xml)
 * is then written as it is read, without a tree (see solution/customizations.ts).
 */
export function readXmlEvents(
  pieces: Iterable<string>,
  file: string,
  hint: string | undefined,
  events: XmlEvents,
): void {
  for (const _ of readXmlEventsByPiece(pieces, file, hint, events));
}

/** readXmlEvents, pausing after each piece: a writer takes what the piece's events wrote before the next. */
export function* readXmlEventsByPiece(
  pieces: Iterable<string>,
  file: string,
  hint: string | undefined,
  events: XmlEvents,
): Generator<void> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let depth = 0;
  const fail = (message: string): never => {
    throw new UserError(`${message}.`, {
      // saxes's column counts from 0 and points past the character read last, so it is that
      // character's 1-based column; at the start of a line none is read yet, and 0 is no place an
      // editor can go to (XML that stops short after its last line break): column 1 then.
      location: { file, line: parser.line, column: Math.max(1, parser.column) },
      ...(hint ? { hint } : {}),
    });
  };

  parser.on('doctype', () =>
    fail('a DOCTYPE, which is refused: DOCTYPEs and entity declarations are never resolved'),
  );
  parser.on('error', (error) => fail(`invalid XML: ${stripSaxesPrefix(error.message)}`));
  parser.on('opentag', (tag) => {
    if (depth >= MAX_XML_DEPTH)
      fail(`elements nested more than ${MAX_XML_DEPTH} deep, far deeper than any solution file nests them`);
    depth++;
    events.open(tag.name, tag.attributes as Record<string, string>);
  });
  parser.on('closetag', () => {
    depth--;
    events.close();
  });
  // Outside the root element only whitespace, comments and instructions can be: not part of the document.
  parser.on('text', (value) => depth > 0 && events.text(value));
  parser.on('cdata', (value) => depth > 0 && events.append({ kind: 'cdata', text: value }));
  parser.on('comment', (value) => depth > 0 && events.append({ kind: 'comment', text: value }));
  parser.on(
    'processinginstruction',
    ({ target, body }) => depth > 0 && events.append({ kind: 'instruction', target, body }),
  );
  for (const piece of pieces) {
    parser.write(piece);
    yield;
  }
  // A document without a root element is saxes's error on close: "document must contain a root element".
  parser.close();
}

/** saxes prefixes its messages with "fileName:line:column: "; we give the location ourselves. */
function stripSaxesPrefix(message: string): string {
  return withoutFullStop(message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''));
}
