import { writtenSchemaHolderKeys } from '../swagger/structure.js';
import { has, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { bitOfKey, HolderKey, parameterOnlyKeyBit } from './holder-key-bits.js';
import { writtenParameters } from './parameter-index.js';
import { perModel } from './rule-kit.js';

export { HolderKey } from './holder-key-bits.js';

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
}

export const holderKeysOf = perModel((model: SwaggerModel): HolderKeys => {
  const parameters = writtenParameters(model);
  const parameterBits = new Uint16Array(parameters.length);
  for (let index = 0; index < parameters.length; index++)
    parameterBits[index] = keyBits(parameters[index]!.value);
  return { parameters: parameterBits, schemas: writtenSchemaHolderKeys(model) };
});

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
      if (holder[key] === 'file') bits |= bit;
    } else if (bit === HolderKey.notificationUrl) {
      if (holder[key] === true) bits |= bit;
    } else if (has(holder, key)) bits |= bit;
  }
  return bits;
}
