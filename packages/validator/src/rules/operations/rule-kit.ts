import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { OperationKey } from '../../swagger/operation-keys.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { asObject, asString, isObject, type JsonObject } from '../../swagger/json-values.js';
import { meantList } from '../../swagger/meant-list.js';

/**
 * Fills Microsoft's `{0}`, `{1}` placeholders, so messages keep their exact wording. A placeholder
 * with no argument stays as written. Scanned for `{` rather than replaced by the pattern
 * /\{(\d+)\}/g with a callback, which made a match array and a call per placeholder: some rules
 * report thousands of findings a corpus run (~3 ms, SWG-RESP-MULTI-SCHEMA alone ~2).
 */
export function fill(template: string, ...args: (string | number)[]): string {
  let filled = '';
  let copiedTo = 0;
  let open = template.indexOf('{');
  while (open !== -1) {
    let end = open + 1;
    while (end < template.length && isDigit(template.charCodeAt(end))) end++;
    if (end === open + 1 || template.charCodeAt(end) !== CLOSING_BRACE) {
      open = template.indexOf('{', open + 1);
      continue;
    }
    const value = args[Number(template.slice(open + 1, end))];
    if (value !== undefined) {
      filled += template.slice(copiedTo, open) + String(value);
      copiedTo = end + 1;
    }
    open = template.indexOf('{', end + 1);
  }
  return copiedTo === 0 ? template : filled + template.slice(copiedTo);
}

const CLOSING_BRACE = 0x7d;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A non-empty string after trimming, else undefined. */
export function nonEmptyString(value: unknown): string | undefined {
  const text = asString(value);
  return text !== undefined && text.trim() !== '' ? text : undefined;
}

/**
 * The MIME types an operation consumes or produces: its own list, else the document's, each as meant
 * (a string `"application/json"` the one-type list it stands for, meantList).
 */
export function effectiveMimeTypes(
  model: SwaggerModel,
  operation: OperationInfo,
  key: 'consumes' | 'produces',
): string[] | undefined {
  const own = (operation.keys & OperationKey[key]) !== 0 ? meantList(operation.operation[key]) : undefined;
  const list = own ?? meantList(model.root[key]);
  return list?.filter((entry): entry is string => typeof entry === 'string');
}

/** Variable names of a path template, e.g. `/a/{id}/b/{name}` → [id, name]. */
export function pathVariables(path: string): string[] {
  const names: string[] = [];
  for (const match of path.matchAll(PATH_VARIABLE)) names.push(match[1]!);
  return names;
}
const PATH_VARIABLE = /\{([^{}]*)\}/g;

/** JSON type name of a value, in Swagger's words (integer for whole numbers). */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Whether a JSON value fits a Swagger `type` (an integer is also a number). */
export function valueMatchesType(value: unknown, type: string): boolean {
  const actual = jsonTypeOf(value);
  if (type === 'number') return actual === 'number' || actual === 'integer';
  if (type === 'file') return true;
  return actual === type;
}

/**
 * `2xx`, as `/^2\d\d$/` matches it, without running the pattern: SWG-DYN-RESULT asks it of each
 * response of the target of each of the corpus's ~2,300 dynamic calls, and the response rules of
 * each of ~13,800 responses.
 */
export function isSuccessCode(code: string): boolean {
  return code.length === 3 && code[0] === '2' && isDigit(code.charCodeAt(1)) && isDigit(code.charCodeAt(2));
}

/**
 * Whether the operation has a 2xx response. A loop rather than a filtered list: the response rules ask
 * it of every operation, and each list was a new array per operation and rule.
 */
export function hasSuccessResponse(operation: OperationInfo): boolean {
  for (const response of operation.responses) if (isSuccessCode(response.code)) return true;
  return false;
}

/** The 2xx responses of an operation, in document order. */
export function successResponses(operation: OperationInfo): OperationInfo['responses'] {
  return operation.responses.filter((response) => isSuccessCode(response.code));
}

/**
 * Whether the operation's response of `code` declares a Location header (in any case): where a
 * webhook's 201 says the subscription is, where an asynchronous 202 says to poll.
 */
export function declaresLocation(operation: OperationInfo, code: string): boolean {
  const headers = asObject(operation.responses.find((response) => response.code === code)?.value.headers);
  return headers !== undefined && Object.keys(headers).some((name) => name.toLowerCase() === 'location');
}

/** The schema of the first 2xx response that has one (without its pointer, which no caller reports). */
export function successSchema(operation: OperationInfo): JsonObject | undefined {
  const responses = operation.responses;
  for (let index = 0; index < responses.length; index++) {
    const response = responses[index]!;
    if (isSuccessCode(response.code) && isObject(response.value.schema)) return response.value.schema;
  }
  return undefined;
}

/** Reads `object[key]` as an object; undefined otherwise. */
export function objectAt(object: unknown, key: string): Record<string, unknown> | undefined {
  return isObject(object) ? asObject(object[key]) : undefined;
}

/** The slot of the next per-document index in its model (see perModel). */
let nextIndexSlot = 0;

/**
 * Memoizes a per-document index, so rules that share it build it once per connector. The model
 * keeps it, in a slot of its own per index (see SwaggerModel.cachedIndex).
 */
export function perModel<T>(build: (model: SwaggerModel) => T): (model: SwaggerModel) => T {
  const slot = nextIndexSlot++;
  return (model) => model.cachedIndex(slot, build);
}

/**
 * A value of the wrong JSON type that the platform still reads as the declared type: "true" for a
 * boolean, "10" for an integer, or null (no value). Merged connectors have dozens of these.
 */
export function isLenientMatch(value: unknown, type: string): boolean {
  if (value === null) return true;
  if (typeof value !== 'string') return false;
  if (type === 'boolean') return /^(?:true|false)$/i.test(value);
  if (type === 'integer') return /^-?\d+$/.test(value);
  if (type === 'number') return value.trim() !== '' && Number.isFinite(Number(value));
  return false;
}

/**
 * The value of the declared type that a string stands for, where no reader could take it for
 * another: "true" or "False" for a boolean, "10" for an integer, "2.5" for a number; undefined for
 * anything else. Written as JSON writes the number (no "010", "1.50" or "1e3", whose zeros or form
 * the maker may have meant), and within the integers a double holds exactly: `validate --fix`
 * writes it in place of the string.
 */
export function typedValueOf(value: unknown, type: string): boolean | number | undefined {
  if (typeof value !== 'string') return undefined;
  if (type === 'boolean') return /^(?:true|false)$/i.test(value) ? value.toLowerCase() === 'true' : undefined;
  if (type !== 'integer' && type !== 'number') return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || String(number) !== value) return undefined;
  if (type === 'integer' && !Number.isSafeInteger(number)) return undefined;
  return number;
}
