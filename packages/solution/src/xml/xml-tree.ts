/** An XML document as a tree that keeps everything a reviewer could care about, in source order. */
export type XmlNode = XmlElement | XmlText | XmlCData | XmlComment | XmlInstruction;

/**
 * Its arrays are read-only: an element without attributes or children shares one empty array with
 * every other such element (NO_ATTRIBUTES, NO_CHILDREN; a million elements each with two arrays of
 * their own cost 60 MB), so a change is made by giving the element a new array.
 */
export interface XmlElement {
  kind: 'element';
  name: string;
  /** In source order, which the serializer keeps. */
  attributes: ReadonlyArray<readonly [string, string]>;
  children: readonly XmlNode[];
}

/** The attributes of every element that has none (frozen, so that a push is an error, not a leak). */
export const NO_ATTRIBUTES: ReadonlyArray<readonly [string, string]> = Object.freeze([]);
/** The children of every element that has none. */
export const NO_CHILDREN: readonly XmlNode[] = Object.freeze([]);
export interface XmlText {
  kind: 'text';
  text: string;
}
export interface XmlCData {
  kind: 'cdata';
  text: string;
}
export interface XmlComment {
  kind: 'comment';
  text: string;
}
export interface XmlInstruction {
  kind: 'instruction';
  target: string;
  body: string;
}

export function element(
  name: string,
  attributes: ReadonlyArray<readonly [string, string]> = NO_ATTRIBUTES,
  children: readonly XmlNode[] = NO_CHILDREN,
): XmlElement {
  return { kind: 'element', name, attributes, children };
}

export function childElements(parent: XmlElement, name?: string): XmlElement[] {
  return parent.children.filter(
    (node): node is XmlElement => node.kind === 'element' && (name === undefined || node.name === name),
  );
}

export function firstChild(parent: XmlElement, name: string): XmlElement | undefined {
  return childElements(parent).find((child) => child.name === name);
}

/** The text of an element without child elements (CDATA included); '' when it has none. */
export function textOf(node: XmlElement): string {
  return node.children
    .map((child) => (child.kind === 'text' || child.kind === 'cdata' ? child.text : ''))
    .join('');
}

export function attribute(node: XmlElement, name: string): string | undefined {
  return node.attributes.find(([key]) => key === name)?.[1];
}

export function setText(node: XmlElement, text: string): void {
  node.children = text === '' ? NO_CHILDREN : [{ kind: 'text', text }];
}
