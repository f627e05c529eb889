import { NO_ATTRIBUTES, NO_CHILDREN, type XmlElement, type XmlNode } from './xml-tree.js';

/**
 * Builds the tree from a parser's events, as compact as it can be while serializeXml writes the same
 * text from it. A 64 MB customizations.xml has a million elements, and whatever holds its whole tree
 * (parseUtf8Xml; unpack, pack and package check no longer do, see solution/customizations.ts) spends a
 * megabyte for every byte per element (measured: 462 bytes per element before what follows, 464 MB
 * of tree for a 60 MB file; 187 bytes with it):
 * - indentation between child elements is not kept: the serializer writes its own instead, and an
 *   element with child elements has no text (textOf) to speak of;
 * - an element's children array is made once, at its end, holding exactly its children (arrays grown
 *   by push reserve room for 17 and more); one without children or attributes shares the empty ones;
 * - element and attribute names, a few hundred distinct ones, are one string each, not one per use;
 * - no string keeps the document's text alive: V8 makes a substring of 13 characters or more a view
 *   of the whole text (and a concatenation a pair of views), so a single one kept would keep all of
 *   it, as large again as the file. Names and text of that length are copied (see `own`).
 * Text outside the root element (indentation, comments, instructions) is not part of the tree.
 */
export class TreeBuilder {
  root: XmlElement | undefined;
  /** The open elements, outermost first. */
  private readonly openElements: XmlElement[] = [];
  /** The children of all open elements, each element's from its index in `starts`. */
  private readonly pending: XmlNode[] = [];
  private readonly starts: number[] = [];
  private readonly names = new Map<string, string>();

  get depth(): number {
    return this.openElements.length;
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    const keys = Object.keys(attributes);
    const node: XmlElement = {
      kind: 'element',
      name: this.intern(name),
      attributes:
        keys.length === 0
          ? NO_ATTRIBUTES
          : keys.map((key): [string, string] => [this.intern(key), own(attributes[key]!)]),
      children: NO_CHILDREN,
    };
    if (this.openElements.length === 0) this.root = node;
    else this.pending.push(node);
    this.openElements.push(node);
    this.starts.push(this.pending.length);
  }

  close(): void {
    const node = this.openElements.pop()!;
    const start = this.starts.pop()!;
    const pending = this.pending;
    if (pending.length === start) return;
    node.children = keepsText(pending, start) ? pending.slice(start) : withoutText(pending, start);
    pending.length = start;
  }

  text(value: string): void {
    if (this.openElements.length > 0) this.pending.push({ kind: 'text', text: own(value) });
  }

  append(node: XmlNode): void {
    if (this.openElements.length > 0) this.pending.push(node);
  }

  private intern(name: string): string {
    let kept = this.names.get(name);
    if (kept === undefined) {
      kept = own(name);
      this.names.set(kept, kept);
    }
    return kept;
  }
}

/**
 * A string that is no view of the document's text. V8 copies substrings and concatenations shorter
 * than 13 characters; longer ones are copied here, through UTF-8, which keeps ASCII text at one byte a
 * character. A lone surrogate, which only a text given as a string can hold (bytes are decoded as
 * UTF-8 first), has no UTF-8 form: such a string is copied as UTF-16 code units instead, unchanged.
 */
function own(value: string): string {
  if (value.length < 13) return value;
  const copy = Buffer.from(value, 'utf8').toString('utf8');
  return copy === value ? copy : Buffer.from(value, 'utf16le').toString('utf16le');
}

/**
 * Whether the text among these children is to be kept: unless the element has child elements and no
 * text but whitespace (no CDATA either), which is indentation. XmlWriter leaves out the same text (and,
 * beside comments alone, more: see contentMode), so the written text is the same.
 */
function keepsText(children: readonly XmlNode[], start: number): boolean {
  let hasElement = false;
  for (let i = start; i < children.length; i++) {
    const child = children[i]!;
    if (child.kind === 'element') hasElement = true;
    else if (child.kind === 'cdata' || (child.kind === 'text' && child.text.trim() !== '')) return true;
  }
  return !hasElement;
}

/** The children from `start` but text, in an array of exactly their number (filter's grows as push does). */
function withoutText(children: readonly XmlNode[], start: number): XmlNode[] {
  let count = 0;
  for (let i = start; i < children.length; i++) if (children[i]!.kind !== 'text') count++;
  const kept = new Array<XmlNode>(count);
  let at = 0;
  for (let i = start; i < children.length; i++) if (children[i]!.kind !== 'text') kept[at++] = children[i]!;
  return kept;
}
