import { sameMeantType } from '../swagger/meant-type.js';
import { jsonEqual } from './json-equal.js';

/**
 * Whether two versions' `type` of one schema or parameter are the same type: equal as JSON, or meaning
 * one data type (`"Integer"` and `"integer"`, `["string", "null"]` and `"string"`). Writing a type as
 * meant, as `validate --fix` does, retypes nothing a flow sends or reads (schema-keywords.ts).
 */
export function sameType(was: unknown, is: unknown): boolean {
  return jsonEqual(was, is) || sameMeantType(was, is);
}
