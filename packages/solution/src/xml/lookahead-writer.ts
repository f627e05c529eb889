import type { XmlNode } from './xml-tree.js';
import {
  nodeFlags,
  REAL_TEXT,
  STRUCTURE,
  textFlags,
  type ContentMode,
  type XmlWriter,
} from './xml-writer.js';

type Other = Exclude<XmlNode, { kind: 'element' | 'text' }>;

interface Pending {
  name: string;
  attributes: ReadonlyArray<readonly [string, string]>;
  /** Whitespace alone leaves it empty (the `<Connectors>` unpack takes the connectors out of). */
  blankIsEmpty: boolean;
  blanks: string[];
}

/**
 * XmlWriter for events whose elements' content modes are not known beforehand (no first pass, see
 * ContentFlags). An element's open tag waits for the first event that settles its mode: text that is
 * not whitespace or CDATA (inline), a child element, comment or instruction (block), or its end
 * (empty, or inline when it held only whitespace); whitespace before it waits with it.
 * Block is a guess: text after child elements (mixed content) makes the element inline, and its lines
 * are written by then. The writer then stops and says so (`mixed`): the caller writes the document
 * again from a first pass's flags. No real customizations.xml seen has mixed content.
 */
export class LookaheadWriter {
  /** Text came after child elements: what was written is wrong, and nothing more is written. */
  mixed = false;
  private pending: Pending | undefined;
  /** The modes of the open elements written, outermost first. */
  private readonly modes: ContentMode[] = [];

  constructor(private readonly writer: XmlWriter) {}

  open(name: string, attributes: ReadonlyArray<readonly [string, string]>, blankIsEmpty = false): void {
    if (!this.settle(STRUCTURE)) return;
    this.pending = { name, attributes, blankIsEmpty, blanks: [] };
  }

  close(): void {
    if (!this.settle(0)) return;
    this.modes.pop();
    this.writer.close();
  }

  text(value: string): void {
    const flags = textFlags(value);
    if (this.pending !== undefined && !(flags & REAL_TEXT) && !this.mixed) this.pending.blanks.push(value);
    else if (this.settle(flags)) this.writer.text(value);
  }

  other(node: Other): void {
    if (this.settle(nodeFlags(node))) this.writer.other(node);
  }

  /**
   * The writer, for whole elements the caller writes next as children of the open element (the
   * connectors pack puts in), or undefined once the writer has stopped.
   */
  structure(): XmlWriter | undefined {
    return this.settle(STRUCTURE) ? this.writer : undefined;
  }

  /** Opens the pending element in the mode `flags` (what comes next in it) settle; false once stopped. */
  private settle(flags: number): boolean {
    if (this.mixed) return false;
    const pending = this.pending;
    if (pending === undefined) {
      if (flags & REAL_TEXT && this.modes[this.modes.length - 1] === 'block') this.mixed = true;
      return !this.mixed;
    }
    this.pending = undefined;
    const mode: ContentMode =
      flags & REAL_TEXT
        ? 'inline'
        : flags & STRUCTURE
          ? 'block'
          : pending.blanks.length > 0 && !pending.blankIsEmpty
            ? 'inline'
            : 'empty';
    this.writer.open(pending.name, pending.attributes, mode);
    this.modes.push(mode);
    for (const blank of pending.blanks) this.writer.text(blank);
    return true;
  }
}
