import type { XmlEvents } from './parse-xml.js';
import type { XmlCData, XmlComment, XmlInstruction } from './xml-tree.js';
import { contentMode, nodeFlags, STRUCTURE, textFlags, type ContentMode } from './xml-writer.js';

/**
 * The first pass of a streamed document: what each element holds (xml-writer's flags), by its number
 * in document order, in one byte an element. An element is written before its content is read, and
 * whether it is empty, holds text or holds structure can be known only from all of that content (text
 * may come after a thousand child elements); the second pass reads the same events and writes each
 * element in the mode found here. A million elements cost a megabyte, where their tree cost 190.
 */
export class ContentFlags implements XmlEvents {
  private flags = new Uint8Array(1024);
  private count = 0;
  /** The numbers of the open elements, outermost first. */
  private readonly openElements: number[] = [];

  /** How many elements have been opened: the number the next one gets. */
  get elements(): number {
    return this.count;
  }

  flagsOf(element: number): number {
    return this.flags[element]!;
  }

  modeOf(element: number): ContentMode {
    return contentMode(this.flags[element]!);
  }

  open(): void {
    if (this.count === this.flags.length) {
      const grown = new Uint8Array(this.flags.length * 2);
      grown.set(this.flags);
      this.flags = grown;
    }
    this.mark(STRUCTURE);
    this.openElements.push(this.count++);
  }

  close(): void {
    this.openElements.pop();
  }

  text(value: string): void {
    this.mark(textFlags(value));
  }

  append(node: XmlCData | XmlComment | XmlInstruction): void {
    this.mark(nodeFlags(node));
  }

  private mark(flags: number): void {
    const parent = this.openElements[this.openElements.length - 1];
    if (parent !== undefined) this.flags[parent]! |= flags;
  }
}
