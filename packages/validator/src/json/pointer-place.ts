import { encodeSegment } from './pointer.js';

/**
 * Where a node sits in a JSON document: its parent's place plus one or two raw (unescaped)
 * segments. The RFC 6901 pointer text is built only when asked for, and then kept.
 *
 * Why: the document walks meet every schema of every swagger (about 140,000 nodes on the corpus),
 * and building a pointer string for each was a large share of the walks' time and garbage, while
 * findings name only a few thousand of them. Two segments cover every step the walks take
 * (`properties/<name>`, `parameters/<index>`, `items`) without building an intermediate place.
 */
export class PointerPlace {
  // Fields `declare`d and set in the constructor only: a class field is defined on each new object
  // and then set again, at each level of a subclass (~140,000 places a corpus run in the structure
  // walk alone: its node constructors took ~11% of its samples, ~1% since). `text` is set on every
  // place, so that all places of a class keep one shape.
  declare private text: string | undefined;
  declare protected readonly parent: PointerPlace | undefined;
  declare protected readonly first: string | number | undefined;
  declare protected readonly second: string | number | undefined;

  constructor(parent: PointerPlace | undefined, first?: string | number, second?: string | number) {
    this.parent = parent;
    this.first = first;
    this.second = second;
    this.text = parent === undefined && first === undefined ? '' : undefined;
  }

  /** The place of a pointer already written out, e.g. a `$ref`'s target. */
  static at(pointer: string): PointerPlace {
    const place = new PointerPlace(undefined, pointer);
    place.text = pointer;
    return place;
  }

  /** The RFC 6901 pointer of this place ("" for the document root). */
  get pointer(): string {
    if (this.text === undefined) {
      let text = this.parent === undefined ? '' : this.parent.pointer;
      if (this.first !== undefined) text += '/' + encodeSegment(this.first);
      if (this.second !== undefined) text += '/' + encodeSegment(this.second);
      this.text = text;
    }
    return this.text;
  }
}

/** The place of the document root. */
export const DOCUMENT_ROOT = new PointerPlace(undefined);

/** The pointer of a place, for call sites that read better as a function. */
export function pointerOf(place: PointerPlace): string {
  return place.pointer;
}
