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
  private text: string | undefined;

  constructor(
    private readonly parent: PointerPlace | undefined,
    private readonly first?: string | number,
    private readonly second?: string | number,
  ) {
    if (parent === undefined && first === undefined) this.text = '';
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
