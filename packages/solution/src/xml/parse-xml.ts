import { SaxesParser } from 'saxes';
import { UserError } from '@connector-alm/core';
import type { XmlElement } from './xml-tree.js';
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
  const parser = new SaxesParser({ xmlns: false, position: true });
  const builder = new TreeBuilder();
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
    if (builder.depth >= MAX_XML_DEPTH)
      fail(`elements nested more than ${MAX_XML_DEPTH} deep, far deeper than any solution file nests them`);
    builder.open(tag.name, tag.attributes as Record<string, string>);
  });
  parser.on('closetag', () => builder.close());
  parser.on('text', (value) => builder.text(value));
  parser.on('cdata', (value) => builder.append({ kind: 'cdata', text: value }));
  parser.on('comment', (value) => builder.append({ kind: 'comment', text: value }));
  parser.on('processinginstruction', ({ target, body }) =>
    builder.append({ kind: 'instruction', target, body }),
  );
  for (const piece of pieces) parser.write(piece);
  parser.close();
  return builder.root ?? fail('invalid XML: no root element');
}

/** saxes prefixes its messages with "fileName:line:column: "; we give the location ourselves. */
function stripSaxesPrefix(message: string): string {
  return message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '');
}
