import type { XmlNode } from './xml-tree.js';

export interface XmlStyle {
  /** UTF-8 BOM and `<?xml version="1.0" encoding="utf-8"?>`, as SolutionPackager writes its files. */
  declaration: boolean;
  newline: '\n' | '\r\n';
}

/** What `pac solution unpack` writes, with LF as git checks it out. */
export const UNPACKED_STYLE: XmlStyle = { declaration: true, newline: '\n' };
/** What a native Dataverse export writes at the zip root: no BOM, no declaration, CRLF. */
export const EXPORT_STYLE: XmlStyle = { declaration: false, newline: '\r\n' };

/**
 * How an element is written: `<x />` (nothing to write inside), on one line as it was (it holds text,
 * which indenting would change), or its children each on lines of their own, indented.
 */
export type ContentMode = 'empty' | 'inline' | 'block';

/**
 * What an element holds, as bits, which is all its ContentMode depends on: a tree serializer finds
 * them in its children, a streaming one in the events of a first pass (one byte an element).
 */
export const REAL_TEXT = 1;
/** A child element, comment or processing instruction. */
export const STRUCTURE = 2;
/** Text that is only whitespace: indentation beside structure, content otherwise. */
export const BLANK_TEXT = 4;

/**
 * Whitespace between child elements is indentation and is replaced by ours. Elements that hold text
 * (CDATA included) keep every character of it, including surrounding whitespace, on one line; so do
 * elements that hold only whitespace.
 */
export function contentMode(flags: number): ContentMode {
  if (flags & REAL_TEXT) return 'inline';
  if (flags & STRUCTURE) return 'block';
  return flags & BLANK_TEXT ? 'inline' : 'empty';
}

export function textFlags(text: string): number {
  return text.trim() === '' ? BLANK_TEXT : REAL_TEXT;
}

export function nodeFlags(node: XmlNode): number {
  switch (node.kind) {
    case 'text':
      return textFlags(node.text);
    case 'cdata':
      return REAL_TEXT;
    default:
      return STRUCTURE;
  }
}

/** Where the writer's text goes, in pieces. */
export interface TextSink {
  write(piece: string): void;
}

/** The pieces as one string. */
export class StringSink implements TextSink {
  private readonly pieces: string[] = [];
  write(piece: string): void {
    this.pieces.push(piece);
  }
  text(): string {
    return this.pieces.join('');
  }
}

const CHUNK_CHARACTERS = 1024 * 1024;

/**
 * The pieces as UTF-8, encoded about a megabyte at a time, for a document that may be large
 * (customizations.xml): they are never all held as strings. All of its lines as strings took seven
 * times the text's size (440 MB for a 60 MB file), and the text as one string twice its size more,
 * since the BOM makes it a string of two bytes a character.
 */
export class Utf8Sink implements TextSink {
  private readonly chunks: Buffer[] = [];
  private pieces: string[] = [];
  private characters = 0;

  write(piece: string): void {
    this.pieces.push(piece);
    this.characters += piece.length;
    if (this.characters >= CHUNK_CHARACTERS) this.flush();
  }

  /** The chunks encoded since the last call (`end`: with the pieces not yet a chunk), given up. */
  take(end = false): Buffer[] {
    if (end) this.flush();
    return this.chunks.splice(0);
  }

  private flush(): void {
    if (this.pieces.length === 0) return;
    // A piece never ends inside a surrogate pair (pieces are whole tags and texts), so each chunk
    // encodes on its own as the whole text would.
    this.chunks.push(Buffer.from(this.pieces.join(''), 'utf8'));
    this.pieces = [];
    this.characters = 0;
  }
}

const INDENT = '  ';
const indents: string[] = [''];
function indent(depth: number): string {
  while (indents.length <= depth) indents.push(indents[indents.length - 1]! + INDENT);
  return indents[depth]!;
}

interface Frame {
  name: string;
  mode: ContentMode;
  depth: number;
}

/**
 * Canonical XML text, written as an element's events come (open, its content, close), each element
 * with the ContentMode of what it holds: 2-space indentation, attributes in source order, `<x />` for
 * empty elements except `xsi:nil` ones (written open/close as the platform does), no trailing newline.
 * The only rules of the format: serializeXml writes a tree through it, and the streaming writers of
 * customizations.xml write their events through it, so both give the same text.
 */
export class XmlWriter {
  private readonly frames: Frame[] = [];
  private started = false;

  constructor(
    private readonly style: XmlStyle,
    private readonly sink: TextSink,
  ) {
    if (style.declaration) {
      sink.write('\uFEFF<?xml version="1.0" encoding="utf-8"?>');
      this.started = true;
    }
  }

  open(name: string, attributes: ReadonlyArray<readonly [string, string]>, mode: ContentMode): void {
    const parent = this.frames[this.frames.length - 1];
    let depth = 0;
    // Inside text, an element goes on the line of that text, its own lines indented from column 0.
    if (parent === undefined || parent.mode === 'block') {
      depth = parent === undefined ? 0 : parent.depth + 1;
      this.newLine(depth);
    }
    let tag = `<${name}`;
    for (const [key, value] of attributes) tag += ` ${key}="${escapeAttribute(value)}"`;
    if (mode === 'empty') {
      const nil = attributes.some(([key, value]) => key === 'xsi:nil' && value === 'true');
      this.sink.write(nil ? `${tag}></${name}>` : `${tag} />`);
    } else this.sink.write(`${tag}>`);
    this.frames.push({ name, mode, depth });
  }

  close(): void {
    const frame = this.frames.pop()!;
    if (frame.mode === 'empty') return;
    if (frame.mode === 'block') this.newLine(frame.depth);
    this.sink.write(`</${frame.name}>`);
  }

  /** Text of an inline element; beside structure it is indentation, which ours replaces. */
  text(value: string): void {
    if (this.frames[this.frames.length - 1]?.mode === 'inline')
      this.sink.write(escapeText(value).replace(/\n/g, this.style.newline));
  }

  /** A CDATA section, comment or processing instruction. */
  other(node: Exclude<XmlNode, { kind: 'element' | 'text' }>): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame === undefined) return;
    if (frame.mode === 'block') this.newLine(frame.depth + 1);
    this.sink.write(otherText(node));
  }

  private newLine(depth: number): void {
    if (this.started) this.sink.write(this.style.newline);
    this.started = true;
    this.sink.write(indent(depth));
  }
}

function otherText(node: Exclude<XmlNode, { kind: 'element' | 'text' }>): string {
  switch (node.kind) {
    case 'cdata':
      return `<![CDATA[${node.text}]]>`;
    case 'comment':
      return `<!--${node.text}-->`;
    case 'instruction':
      return `<?${node.target}${node.body ? ` ${node.body}` : ''}?>`;
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
