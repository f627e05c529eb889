import { CHILD_FIELDS } from './child-slots.js';
import { allowedBitsOf, SCREENED_TEXT_FIELDS, TEXT_SCREENED } from './field-notes.js';
import { OBJECT_FIELDS, type NodeKind } from './swagger-fields.js';

/**
 * A kind's fields, found by the key's length and then compared: the keys of parsed objects and the
 * field names here are interned strings, so each comparison is of two addresses. Each field has an
 * index, and at that index its bits (allowed types and notes) and its child slot.
 */
export class FieldTable {
  /** By key length: the fields of that length, and their indexes at the same position. */
  private readonly names: (readonly string[])[] = [];
  private readonly indexes: (readonly number[])[] = [];
  /** By field index: its allowed types as bits, with its note bits (see allowedBitsOf). */
  readonly bits: readonly number[];
  /**
   * By field index: its slot among the kind's children (see CHILD_FIELDS), TEXT_SCREENED for a
   * text add() screens, or -1.
   */
  readonly slots: readonly number[];

  constructor(kind: NodeKind) {
    const fields = Object.keys(OBJECT_FIELDS[kind]);
    const longest = Math.max(...fields.map((key) => key.length));
    for (let length = 0; length <= longest; length++) {
      const named = fields.filter((key) => key.length === length).sort(byCommonness);
      this.names.push(named);
      this.indexes.push(named.map((key) => fields.indexOf(key)));
    }
    this.bits = fields.map((key) => allowedBitsOf(kind, key));
    const children = CHILD_FIELDS[kind];
    for (const child of children) {
      if (!fields.includes(child)) throw new Error(`${child} is no field of a Swagger ${kind}`);
    }
    const screened = SCREENED_TEXT_FIELDS[kind] ?? [];
    this.slots = fields.map((key) => (screened.includes(key) ? TEXT_SCREENED : children.indexOf(key)));
  }

  /** The index of a field, or -1 when the key is no field of the kind. */
  indexOf(key: string): number {
    const length = key.length;
    if (length >= this.names.length) return -1;
    const names = this.names[length]!;
    for (let index = 0; index < names.length; index++) {
      if (names[index] === key) return this.indexes[length]![index]!;
    }
    return -1;
  }
}

/**
 * Fields that share their length with rarer ones, most common first: FieldTable compares them
 * first. A schema's `type` (~92,000 a corpus run) came after `$ref` and `enum`, and `properties`
 * after `multipleOf`: the ~440,000 keys of a corpus run took ~672,000 comparisons, now ~477,000.
 */
const COMMONEST_FIRST = ['type', 'properties', 'required', 'example'];

function byCommonness(first: string, second: string): number {
  return rankOf(first) - rankOf(second);
}

function rankOf(field: string): number {
  const rank = COMMONEST_FIRST.indexOf(field);
  return rank < 0 ? COMMONEST_FIRST.length : rank;
}
