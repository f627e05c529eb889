import { writtenSchemasOf } from '../swagger/structure.js';
import { has, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { DYNAMIC_EXTENSIONS } from './dynamic-extensions.js';
import { writtenParameters } from './parameter-index.js';
import { perModel } from './rule-kit.js';

/** The keys a few parameter and schema rules look for, one bit each (the dynamic extensions share one). */
export const HolderKey = {
  default: 1,
  enum: 2,
  enumValues: 4,
  format: 8,
  visibility: 16,
  /** Any of the dynamic extensions. */
  dynamic: 32,
  properties: 64,
  /** `type` is 'file' (read as `.type` reads it, through the prototype too). */
  fileType: 128,
  /** `x-ms-notification-url` is true (read the same way). */
  notificationUrl: 256,
} as const;

/**
 * Which of those keys each written parameter and schema has: bits by index into
 * writtenParameters(model) and writtenSchemasOf(model).
 *
 * Why one pass: the value, enum, visibility, dynamic-call and internal-default rules each asked
 * every one of the ~104,000 schemas and ~13,000 parameters of a corpus run for their keys (ten
 * own-key lookups per schema on objects of hundreds of shapes), to find the few percent that have
 * one, and SWG-PARAM-FILE and SWG-NOTIF-URL-POS read `type` and `x-ms-notification-url` of every
 * schema. Reading each holder's keys once (2.7 a schema) is cheaper, and the rules then skip the
 * holders without their bit.
 */
export interface HolderKeys {
  readonly parameters: Uint16Array;
  readonly schemas: Uint16Array;
}

export const holderKeysOf = perModel((model: SwaggerModel): HolderKeys => {
  const parameters = writtenParameters(model);
  const parameterBits = new Uint16Array(parameters.length);
  for (let index = 0; index < parameters.length; index++)
    parameterBits[index] = keyBits(parameters[index]!.value);
  const schemas = writtenSchemasOf(model);
  const schemaBits = new Uint16Array(schemas.length);
  for (let index = 0; index < schemas.length; index++) schemaBits[index] = keyBits(schemas[index]!.schema);
  return { parameters: parameterBits, schemas: schemaBits };
});

/**
 * The bits of the keys an object has: own keys only, as `has` reads them (for…in also lists inherited
 * ones), except the two value tests, which read the key as a property read does.
 */
function keyBits(holder: JsonObject): number {
  let bits = 0;
  for (const key in holder) {
    const bit = bitOfKey(key);
    if (bit === 0) continue;
    if (bit === HolderKey.fileType) {
      if (holder[key] === 'file') bits |= bit;
    } else if (bit === HolderKey.notificationUrl) {
      if (holder[key] === true) bits |= bit;
    } else if (has(holder, key)) bits |= bit;
  }
  return bits;
}

/**
 * A key's bit, 0 for the others. Sorted by length first: most keys are `type`, `description` and
 * `title`, which one length test and at most one comparison of interned strings turn away, where a
 * Map lookup hashed each of the ~364,000 keys of a corpus run.
 */
function bitOfKey(key: string): number {
  switch (key.length) {
    case 4:
      if (key === 'type') return HolderKey.fileType;
      return key === 'enum' ? HolderKey.enum : 0;
    case 6:
      return key === 'format' ? HolderKey.format : 0;
    case 7:
      return key === 'default' ? HolderKey.default : 0;
    case 10:
      return key === 'properties' ? HolderKey.properties : 0;
    case 15:
      return key === 'x-ms-visibility' ? HolderKey.visibility : 0;
    case 16:
      return key === 'x-ms-enum-values' ? HolderKey.enumValues : 0;
    case 17:
    case 19:
    case 23:
      return isDynamicExtension(key) ? HolderKey.dynamic : 0;
    case 21:
      return key === 'x-ms-notification-url' ? HolderKey.notificationUrl : 0;
    default:
      return 0;
  }
}

function isDynamicExtension(key: string): boolean {
  for (const extension of DYNAMIC_EXTENSIONS) if (key === extension) return true;
  return false;
}
