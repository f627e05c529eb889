import type { JsonObject } from './json-values.js';

/** The Swagger 2.0 data types, spelled in lower case as Swagger spells them. */
const DATA_TYPES: ReadonlySet<string> = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'array',
  'object',
  'file',
]);

/**
 * The Swagger data type a `type` means: as written; a data type in other case (`String`, `Integer`,
 * the spelling of C# and Java) in lower case; the one type of a JSON-schema type list (typeOfList).
 * The platform refuses the latter two (SWG-JSONENUM, SWG-PARAM-IN-ENUM and SWG-JSONTYPE say so, and
 * `validate --fix` writes the type), but the rules that judge a value by its type read the type
 * meant: read as written, `"type": "Integer", "default": 20` was also told its default was no
 * 'Integer' (SWG-DEFAULT-TYPE). Any other string is returned as written, for the rules to judge;
 * undefined for a value that is neither.
 */
export function meantType(written: unknown): string | undefined {
  if (typeof written === 'string') {
    // Nearly every type is written as Swagger spells it: no string is made for those.
    if (DATA_TYPES.has(written)) return written;
    const lower = written.toLowerCase();
    return DATA_TYPES.has(lower) ? lower : written;
  }
  return Array.isArray(written) ? typeOfList(written) : undefined;
}

/**
 * The one data type a JSON-schema type list names besides "null": `["string", "null"]`, which Parse
 * JSON's schemas write for a value that may be missing, means "string" in Swagger 2.0, which has one
 * type and no 'null' type (a value that is not set is left out). Undefined for a list of two types or
 * of none, or of anything but data types.
 */
export function typeOfList(list: readonly unknown[]): string | undefined {
  let type: string | undefined;
  for (const entry of list) {
    if (entry === 'null') continue;
    if (type !== undefined || typeof entry !== 'string') return undefined;
    type = entry.toLowerCase();
    if (!DATA_TYPES.has(type)) return undefined;
  }
  return type;
}

/**
 * The data type of a schema, parameter, header or items object as its maker meant it (meantType of
 * its `type`): what a rule judges the object by. `"type": ["array", "null"]` is an array that needs
 * `items`, `"type": "Object"` an object that may list `required`. SWG-JSONTYPE, SWG-JSONENUM and
 * SWG-PARAM-IN-ENUM report the written form once; read as written, every other rule was silent (or
 * wrong) until `validate --fix` had written the type.
 */
export function meantTypeOf(node: JsonObject | undefined): string | undefined {
  return node === undefined ? undefined : meantType(node.type);
}

/**
 * Whether two written types are one: the same string, or types that mean the same data type
 * (`"Integer"` and `"integer"`, `["string", "null"]` and `"string"`), which `validate --fix` writes
 * alike. Two lists that mean no one type are not (the diff compares those as JSON: same-type.ts).
 */
export function sameMeantType(one: unknown, other: unknown): boolean {
  if (one === other) return true;
  const meant = meantType(one);
  return meant !== undefined && meant === meantType(other);
}
