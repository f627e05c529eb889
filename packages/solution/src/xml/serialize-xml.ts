import type { XmlElement, XmlNode } from './xml-tree.js';

export interface XmlStyle {
  /** UTF-8 BOM and `<?xml version="1.0" encoding="utf-8"?>`, as SolutionPackager writes its files. */
  declaration: boolean;
  newline: '\n' | '\r\n';
}

/** What `pac solution unpack` writes, with LF as git checks it out. */
export const UNPACKED_STYLE: XmlStyle = { declaration: true, newline: '\n' };
/** What a native Dataverse export writes at the zip root: no BOM, no declaration, CRLF. */
export const EXPORT_STYLE: XmlStyle = { declaration: false, newline: '\r\n' };

const INDENT = '  ';

/**
 * Canonical XML text: 2-space indentation, attributes in source order, `<x />` for empty elements
 * except `xsi:nil` ones (written open/close as the platform does), no trailing newline. The result
 * depends only on the tree, so formatting noise in an export never reaches a diff.
 */
export function serializeXml(root: XmlElement, style: XmlStyle): string {
  const lines: string[] = [];
  writeDocument(root, style, lines);
  return lines.join(style.newline);
}

/**
 * serializeXml's text as UTF-8, for a document that may be large (customizations.xml): its lines are
 * encoded a few thousand at a time, so that they are never all held at once. All of them as strings
 * took seven times the text's size (440 MB for a 60 MB file), and the text as one string twice its
 * size more, since the BOM makes it a string of two bytes a character.
 */
export function serializeXmlBytes(root: XmlElement, style: XmlStyle): Buffer {
  const lines = new EncodedLines(style.newline);
  writeDocument(root, style, lines);
  return lines.bytes();
}

/** Where the lines go: an array, or EncodedLines. */
interface Lines {
  push(line: string): unknown;
}

const LINES_PER_CHUNK = 4096;

/** Lines joined by `newline` and encoded as UTF-8, a chunk of LINES_PER_CHUNK at a time. */
class EncodedLines implements Lines {
  private readonly chunks: Buffer[] = [];
  private lines: string[] = [];
  constructor(private readonly newline: string) {}

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length === LINES_PER_CHUNK) this.flush();
  }

  bytes(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks);
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    // Each chunk after the first starts with the newline that ends the line before it.
    const text = this.lines.join(this.newline);
    this.chunks.push(Buffer.from(this.chunks.length === 0 ? text : this.newline + text, 'utf8'));
    this.lines = [];
  }
}

function writeDocument(root: XmlElement, style: XmlStyle, lines: Lines): void {
  if (style.declaration) lines.push('\uFEFF<?xml version="1.0" encoding="utf-8"?>');
  writeElement(root, 0, lines, style.newline);
}

function writeElement(node: XmlElement, depth: number, lines: Lines, newline: string): void {
  const indent = INDENT.repeat(depth);
  const open = `<${node.name}${node.attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('')}`;
  const children = significantChildren(node);
  if (children.length === 0) {
    const nil = node.attributes.some(([name, value]) => name === 'xsi:nil' && value === 'true');
    lines.push(nil ? `${indent}${open}></${node.name}>` : `${indent}${open} />`);
    return;
  }
  if (isInline(children)) {
    lines.push(
      `${indent}${open}>${children.map((child) => inlineNode(child, newline)).join('')}</${node.name}>`,
    );
    return;
  }
  lines.push(`${indent}${open}>`);
  for (const child of children) {
    if (child.kind === 'element') writeElement(child, depth + 1, lines, newline);
    else lines.push(`${INDENT.repeat(depth + 1)}${inlineNode(child, newline)}`);
  }
  lines.push(`${indent}</${node.name}>`);
}

/**
 * Whitespace between child elements is indentation and is replaced by ours. Elements that hold text
 * keep every character of it, including surrounding whitespace.
 */
function significantChildren(node: XmlElement): readonly XmlNode[] {
  const hasStructure = node.children.some((child) => child.kind !== 'text');
  const hasRealText = node.children.some(
    (child) => (child.kind === 'text' && child.text.trim() !== '') || child.kind === 'cdata',
  );
  if (hasStructure && !hasRealText) return node.children.filter((child) => child.kind !== 'text');
  return node.children;
}

/** Text-only and mixed content is written on one line as it was, since indenting it would change it. */
function isInline(children: readonly XmlNode[]): boolean {
  return children.some((child) => child.kind === 'text' || child.kind === 'cdata');
}

function inlineNode(node: XmlNode, newline: string): string {
  switch (node.kind) {
    case 'text':
      return escapeText(node.text).replace(/\n/g, newline);
    case 'cdata':
      return `<![CDATA[${node.text}]]>`;
    case 'comment':
      return `<!--${node.text}-->`;
    case 'instruction':
      return `<?${node.target}${node.body ? ` ${node.body}` : ''}?>`;
    case 'element': {
      const lines: string[] = [];
      writeElement(node, 0, lines, newline);
      return lines.join(newline);
    }
  }
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;')
    .replace(/\t/g, '&#x9;');
}
