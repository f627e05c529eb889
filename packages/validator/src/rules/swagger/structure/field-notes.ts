import type { JsonObject } from '../../../swagger/json-values.js';
import { bitOfKey, HolderKey, SCHEMA_HOLDER_KEY_BITS } from '../../operations/holder-key-bits.js';
import { typeBitsOf } from './json-types.js';
import { OBJECT_FIELDS, type NodeKind } from './swagger-fields.js';
import { isNotificationUrl } from '../../../swagger/notification-url.js';
import { meantType } from '../../../swagger/meant-type.js';

/**
 * Keywords noted for KeywordHolders, as bits above the type bits (all below 128): the walk learns
 * them from the same lookup that gives a field's allowed types, at no extra lookup per key.
 */
export const NOTE_PATTERN = 1 << 7;
export const NOTE_ENUM = 1 << 8;
export const NOTE_NUMERIC = 1 << 9;
export const NOTE_REQUIRED = 1 << 10;
export const NOTE_EDITOR = 1 << 11;
export const NOTE_SUMMARY = 1 << 12;
export const NOTE_READ_ONLY = 1 << 13;
/** A schema's `format`: noted as binaryFormat when its value is `binary`. */
export const NOTE_FORMAT = 1 << 14;
export const NOTE_BINARY = 1 << 15;
/**
 * The `type` of a schema, parameter, items or header: noted as arrayType when 'array', and (but for
 * a parameter's) as oddType when not a Swagger 2.0 data type.
 */
export const NOTE_TYPE = 1 << 16;
export const NOTE_ODD_TYPE = 1 << 17;
/** A uniqueItems list of the root or an operation: noted in uniqueLists when it has 2+ entries. */
export const NOTE_LIST = 1 << 18;
export const NOTE_LONG_LIST = 1 << 19;
export const NOTE_ARRAY = 1 << 20;
export const NOTE_DISCRIMINATOR = 1 << 21;
export const NOTE_CAPABILITIES = 1 << 22;
/**
 * A schema's HolderKey bits, shifted above the note bits: the walk learns those of fields from the
 * lookup that gives their types, as it does the notes, and those of extensions in classifyKey.
 */
export const HOLDER_SHIFT = 32 - SCHEMA_HOLDER_KEY_BITS;
// The HolderKey bits fill the 32 of a bitwise number, the last one its sign bit (read back with >>>),
// and the notes end just below them (NOTE_CAPABILITIES is bit 22): a note more needs a bit freed first.
export const HOLDER_FILE_TYPE = HolderKey.fileType << HOLDER_SHIFT;
export const NOTES =
  NOTE_PATTERN |
  NOTE_ENUM |
  NOTE_NUMERIC |
  NOTE_REQUIRED |
  NOTE_EDITOR |
  NOTE_SUMMARY |
  NOTE_READ_ONLY |
  NOTE_BINARY |
  NOTE_ODD_TYPE |
  NOTE_LONG_LIST |
  NOTE_ARRAY |
  NOTE_DISCRIMINATOR |
  NOTE_CAPABILITIES;

/** The keys SWG-NUMERIC checks. maxProperties and minProperties are unknown keys outside schemas. */
export const NUMERIC_CHECKED = new Set([
  'multipleOf',
  'maxLength',
  'minLength',
  'maxItems',
  'minItems',
  'maxProperties',
  'minProperties',
  'minimum',
  'maximum',
  'exclusiveMaximum',
  'exclusiveMinimum',
]);

/** The lists of the root and of operations that Swagger 2.0 declares uniqueItems. */
export function isUniqueList(kind: 'root' | 'operation', key: string): boolean {
  if (key === 'schemes' || key === 'consumes' || key === 'produces') return true;
  return key === 'tags' && kind === 'operation';
}

/** A Swagger 2.0 data type: the values SWG-JSONENUM accepts in the `type` of any typed object. */
export function isDataType(type: string): boolean {
  switch (type) {
    case 'string':
    case 'object':
    case 'integer':
    case 'array':
    case 'number':
    case 'boolean':
    case 'file':
      return true;
    default:
      return false;
  }
}

/**
 * The notes of a `type` that is no data type as written but means one: `"Array"` or `["array",
 * "null"]` is an array that needs `items` (SWG-ARRAY-ITEMS), `"File"` a file (SWG-PARAM-FILE), as
 * their types written as Swagger spells them are. SWG-JSONENUM and SWG-JSONTYPE name the form.
 */
export function meantTypeNotes(written: string | readonly unknown[]): number {
  const meant = meantType(written);
  return meant === 'array' ? NOTE_ARRAY : meant === 'file' ? HOLDER_FILE_TYPE : 0;
}

/**
 * Whether a value may be a text that is empty or blank (all white space, as `trim` reads it), judged
 * by its first character: every character `trim` removes is at most U+0020 or at least U+00A0, and
 * a blank text starts with one. So a text that starts with a letter, a digit or punctuation (nearly
 * all) is not blank, and the few others are read in full by the rule.
 */
export function mayBeBlank(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (value.length === 0) return true;
  const first = value.charCodeAt(0);
  return first <= 0x20 || first >= 0xa0;
}

/**
 * The fields whose texts add() screens, by kind: whether they may be blank, for SWG-TEXT-EMPTY (a
 * schema's `x-ms-summary`, an extension, is screened apart), and a property's or parameter's
 * `description` whether it only repeats the name, for SWG-DESC-IS-NAME. FieldTable marks them with
 * TEXT_SCREENED instead of a child slot.
 */
export const SCREENED_TEXT_FIELDS: Partial<Record<NodeKind, readonly string[]>> = {
  schema: ['title', 'description'],
  response: ['description'],
  tag: ['description'],
  parameter: ['name', 'description'],
};

/** An `x-ms-visibility` key's note, as classifyKey answers it (see extensionHolderNoteOf). */
export const VISIBILITY_NOTE = HolderKey.visibility << HOLDER_SHIFT;

/**
 * The `slots` entry of a field that is no child and whose text add() screens. In the slot table, not
 * in the field's bits, which are all taken (see HOLDER_SHIFT): a field that is no child costs one
 * more comparison, and no other table is read for each key.
 */
export const TEXT_SCREENED = -2;

/** The kinds whose keywords are noted: those that carry JSON-schema validation keywords. */
export function isKeywordKind(kind: NodeKind): boolean {
  return kind === 'schema' || kind === 'parameter' || kind === 'items' || kind === 'header';
}

/** The note bits of a known field of a kind. */
export function noteBitsOf(kind: NodeKind, key: string): number {
  if (kind === 'root' || kind === 'operation') return isUniqueList(kind, key) ? NOTE_LIST : 0;
  if (!isKeywordKind(kind)) return 0;
  if (key === 'pattern') return NOTE_PATTERN;
  if (key === 'enum') return NOTE_ENUM;
  if (NUMERIC_CHECKED.has(key)) return NOTE_NUMERIC;
  if (key === 'type') return NOTE_TYPE;
  if (kind !== 'schema') return 0;
  if (key === 'required') return NOTE_REQUIRED;
  if (key === 'readOnly') return NOTE_READ_ONLY;
  if (key === 'format') return NOTE_FORMAT;
  if (key === 'discriminator') return NOTE_DISCRIMINATOR;
  return 0;
}

/** A schema field's HolderKey bit, shifted; a file `type` earns its bit by its value (see add). */
export function holderNoteOf(kind: NodeKind, key: string): number {
  const bit = kind === 'schema' ? bitOfKey(key) : 0;
  return bit === HolderKey.fileType ? 0 : bit << HOLDER_SHIFT;
}

/** An extension's HolderKey bit, shifted: `x-ms-notification-url` earns its bit when true. */
export function extensionHolderNoteOf(value: JsonObject, key: string): number {
  const bit = bitOfKey(key);
  if (bit === HolderKey.notificationUrl && !isNotificationUrl(value)) return 0;
  return bit << HOLDER_SHIFT;
}

/** The allowed types of a field of a kind, as bits, with the field's note bits. */
export function allowedBitsOf(kind: NodeKind, key: string): number {
  const type = OBJECT_FIELDS[kind][key]!;
  return (
    (Array.isArray(type) ? type : [type]).reduce((bits, one) => bits | typeBitsOf(one), 0) |
    noteBitsOf(kind, key) |
    holderNoteOf(kind, key)
  );
}
