import { writtenSchemaHolderKeys } from '../swagger/structure.js';
import { has, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { bitOfKey, HolderKey, parameterOnlyKeyBit, SCHEMA_HOLDER_KEY_BITS } from './holder-key-bits.js';
import { writtenParameters } from './parameter-index.js';
import { perModel } from './rule-kit.js';
import { isNotificationUrl } from '../../swagger/notification-url.js';
import { meantType } from '../../swagger/meant-type.js';

/**
 * Which of those keys each written parameter and schema has: bits by index into
 * writtenParameters(model) and writtenSchemasOf(model).
 *
 * Why one pass: the value, enum, visibility, dynamic-call and internal-default rules each asked
 * every one of the ~104,000 schemas and ~13,000 parameters of a corpus run for their keys (ten
 * own-key lookups per schema on objects of hundreds of shapes), to find the few percent that have
 * one, and SWG-PARAM-FILE and SWG-NOTIF-URL-POS read `type` and `x-ms-notification-url` of every
 * schema. Reading each holder's keys once (2.7 a schema) is cheaper, and the rules then skip the
 * holders without their bit. The schemas' bits come from the structure walk, which reads each
 * schema's keys anyway: a for…in over them here took ~3.3 ms of holderKeysOf's ~5.8 a corpus run.
 */
export interface HolderKeys {
  readonly parameters: Uint16Array;
  readonly schemas: Uint16Array;
  /**
   * The indexes of the schemas that have this key (one HolderKey bit a schema can earn), in order.
   * Read it rather than testing `schemas` for every index: see SchemaKeyLists.
   */
  schemasWith(bit: number): readonly number[];
}

export const holderKeysOf = perModel((model: SwaggerModel): HolderKeys => {
  const parameters = writtenParameters(model);
  const parameterBits = new Uint16Array(parameters.length);
  for (let index = 0; index < parameters.length; index++)
    parameterBits[index] = keyBits(parameters[index]!.value);
  return new SchemaKeyLists(parameterBits, writtenSchemaHolderKeys(model));
});

/**
 * The schemas' bits, with the lists of the schemas of each bit, made on first use: those of the
 * keys most rules ask for in one pass, any other when asked for. Why: a dozen rules went through
 * the bits of all ~104,000 schemas of a corpus run each to find the few percent with their key.
 */
class SchemaKeyLists implements HolderKeys {
  private lists: (readonly number[] | undefined)[] | undefined;

  constructor(
    readonly parameters: Uint16Array,
    readonly schemas: Uint16Array,
  ) {}

  schemasWith(bit: number): readonly number[] {
    const lists = (this.lists ??= listsByBit(this.schemas, LISTED_AT_ONCE));
    return (lists[31 - Math.clz32(bit)] ??= schemasWithBit(this.schemas, bit));
  }
}

/**
 * The keys listed in one pass: all but `properties`, which ~17,000 of the corpus's schemas have
 * and which SWG-INTERNAL-DEFAULT reads only below the deepest schemas, as a rule.
 */
const LISTED_AT_ONCE = (1 << SCHEMA_HOLDER_KEY_BITS) - 1 - HolderKey.properties;

/** Shared by every key no schema of a document has; only ever read by index. */
const NONE: readonly number[] = [];

/**
 * For each bit of `mask`, the indexes whose bits have it, in order (NONE when none has); other bits
 * are left undefined. Plain lists grown by push: typed arrays are slow to make (a dozen a document
 * cost more than the scans they saved), and counting first to size each list took a second pass.
 */
function listsByBit(bits: Uint16Array, mask: number): (readonly number[] | undefined)[] {
  const lists: (number[] | undefined)[] = [];
  for (let bit = 0; bit < 16; bit++) lists.push(undefined);
  for (let index = 0; index < bits.length; index++) {
    for (let rest = bits[index]! & mask; rest !== 0; rest &= rest - 1) {
      const bit = lowestBit(rest);
      const list = lists[bit];
      if (list === undefined) lists[bit] = [index];
      else list.push(index);
    }
  }
  for (let bit = 0; bit < 16; bit++) if ((mask & (1 << bit)) !== 0) lists[bit] ??= NONE as number[];
  return lists;
}

/** The indexes whose bits have `bit`, in order. */
function schemasWithBit(bits: Uint16Array, bit: number): readonly number[] {
  const list: number[] = [];
  for (let index = 0; index < bits.length; index++) if ((bits[index]! & bit) !== 0) list.push(index);
  return list;
}

/** The position of the lowest set bit of a non-zero number. */
function lowestBit(bits: number): number {
  return 31 - Math.clz32(bits & -bits);
}

/**
 * The bits of the keys an object has: own keys only, as `has` reads them (for…in also lists inherited
 * ones), except the two value tests, which read the key as a property read does.
 */
function keyBits(holder: JsonObject): number {
  let bits = 0;
  for (const key in holder) {
    const bit = bitOfKey(key) || parameterOnlyKeyBit(key);
    if (bit === 0) continue;
    if (bit === HolderKey.fileType) {
      // A file type as meant (`"File"`, `["file", "null"]`), as the walk notes a schema's.
      if (meantType(holder[key]) === 'file') bits |= bit;
    } else if (bit === HolderKey.notificationUrl) {
      if (isNotificationUrl(holder)) bits |= bit;
    } else if (has(holder, key)) bits |= bit;
  }
  return bits;
}
