import { meantType } from '../swagger/meant-type.js';

/**
 * Whether a schema holds `kind` (an object's properties, an array's items) in one version and not in
 * the other, as both versions declare its type: an object now an array, an array now a string. A type
 * declared in one version only is no such change (a schema read as an object by its properties, now
 * declaring itself an array, has the type "object" in its view: schema-view.ts).
 */
export function containerRetyped(was: unknown, is: unknown, kind: 'object' | 'array'): boolean {
  if (was === undefined || is === undefined) return false;
  return declares(was, kind) !== declares(is, kind);
}

/**
 * A type as written or meant: a string (`"Array"` is an array), or a list of them in a schema that is
 * not Swagger 2.0's (`["array", "null"]`, also `["object", "array"]`).
 */
function declares(type: unknown, kind: string): boolean {
  return meantType(type) === kind || (Array.isArray(type) && type.includes(kind));
}
