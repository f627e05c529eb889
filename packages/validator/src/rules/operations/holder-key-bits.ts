import { DYNAMIC_EXTENSIONS } from './dynamic-extensions.js';

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
  /** `x-ms-notification-url` is true (`isNotificationUrl`). */
  notificationUrl: 256,
  /**
   * Keys noted on parameters only (holderKeysOf), which parameter rules look for on every written
   * parameter: above the bits the structure walk can keep for schemas, so bitOfKey never answers them.
   */
  urlEncoding: 4096,
  allowEmptyValue: 8192,
  collectionFormat: 16384,
} as const;

/**
 * How many low bits of HolderKey a schema's notes can use: the structure walk keeps a schema's bits
 * shifted above its own note bits in one 32-bit number, and they fill it. Every HolderKey that
 * bitOfKey answers must be below `1 << SCHEMA_HOLDER_KEY_BITS` (a test checks it); a new one needs a
 * bit freed first. The parameter-only keys are above, and bitOfKey never answers them.
 */
export const SCHEMA_HOLDER_KEY_BITS = 9;

/**
 * A key's bit, 0 for the others; `type` and `x-ms-notification-url` answer the bit their value earns.
 * Sorted by length first: most keys are `type`, `description` and `title`, which one length test and
 * at most one comparison of interned strings turn away, where a Map lookup hashed each of the
 * ~364,000 keys of a corpus run.
 */
export function bitOfKey(key: string): number {
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

/** A parameter key's parameter-only bit (see HolderKey.urlEncoding), 0 for others. */
export function parameterOnlyKeyBit(key: string): number {
  switch (key.length) {
    case 15:
      return key === 'allowEmptyValue' ? HolderKey.allowEmptyValue : 0;
    case 16:
      return key === 'collectionFormat' ? HolderKey.collectionFormat : 0;
    case 17:
      return key === 'x-ms-url-encoding' ? HolderKey.urlEncoding : 0;
    default:
      return 0;
  }
}

function isDynamicExtension(key: string): boolean {
  for (const extension of DYNAMIC_EXTENSIONS) if (key === extension) return true;
  return false;
}
