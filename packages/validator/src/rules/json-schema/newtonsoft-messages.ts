import { excerpt, jsonExcerpt, nameExcerpt } from '../../text/message-values.js';
import { inOtherCase } from '../../text/other-case.js';
import { isObject } from '../../swagger/json-values.js';
import type { ErrorObject } from 'ajv';
import { childPointer, parsePointer } from '../../json/pointer.js';

/**
 * Ajv errors in Newtonsoft.Json.Schema's wording, which is what Microsoft's apiProperties pipeline
 * prints (e.g. `Invalid type. Expected Boolean but got String.`, PR #1421), each with the pointer of
 * the most specific node: the offending key for unknown or badly named properties.
 */
export interface SchemaProblem {
  message: string;
  pointer: string;
  /** The instance path as raw segments (the object holding the problem), for classifying it. */
  segments: string[];
  /** The property the problem is about, when it is a key of that object (unknown or misnamed). */
  key?: string;
  keyword: string;
  /**
   * The one allowed value of an enum that the value is written in another case of (`direct` for
   * `Direct`): what it is meant to be, which `validate --fix` writes.
   */
  meant?: string;
}

/** Newtonsoft's names of JSON types. */
export function typeName(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'Array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Float';
  const name = typeof value;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const SCHEMA_TYPE_NAMES: Record<string, string> = {
  string: 'String',
  boolean: 'Boolean',
  integer: 'Integer',
  number: 'Number',
  object: 'Object',
  array: 'Array',
  null: 'Null',
};

function expectedTypes(type: unknown): string {
  const list = Array.isArray(type) ? type : String(type).split(',');
  return list.map((name) => SCHEMA_TYPE_NAMES[String(name)] ?? String(name)).join(', ');
}

/** The one string of `allowed` that `value` spells in other case; undefined when none, or several. */
function inOtherCaseAmong(value: unknown, allowed: unknown): string | undefined {
  if (typeof value !== 'string' || !Array.isArray(allowed)) return undefined;
  const lower = value.toLowerCase();
  const matches = allowed.filter(
    (candidate): candidate is string => typeof candidate === 'string' && candidate.toLowerCase() === lower,
  );
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * Turns Ajv's errors into located problems, dropping the wrapper errors that repeat inner ones.
 * `document` is the validated value: the value an error is about is read from it at the error's
 * path, as Ajv would have copied it into the error with its (slower) `verbose` option.
 */
export function toSchemaProblems(
  errors: readonly ErrorObject[] | null | undefined,
  document: unknown,
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const error of errors ?? []) {
    const problem = describe(error, document);
    if (problem) problems.push(problem);
  }
  return problems;
}

/**
 * The value at an error's path, read as Ajv's generated code reads it (plain property reads, so also
 * what an object inherits, as from a `__proto__` key a tolerant parse assigned): what `verbose` copied.
 */
function valueAt(document: unknown, segments: readonly string[]): unknown {
  let value = document;
  for (const segment of segments) value = (value as Record<string, unknown> | null | undefined)?.[segment];
  return value;
}

function describe(error: ErrorObject, document: unknown): SchemaProblem | undefined {
  const segments = parsePointer(error.instancePath);
  const data = valueAt(document, segments);
  const at = (message: string, pointer = error.instancePath, key?: string): SchemaProblem => ({
    message,
    pointer,
    segments,
    keyword: error.keyword,
    ...(key === undefined ? {} : { key }),
  });
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return at(`Invalid type. Expected ${expectedTypes(params.type)} but got ${typeName(data)}.`);
    case 'enum': {
      const problem = at(`Value ${jsonExcerpt(data)} is not defined in enum.`);
      const meant = inOtherCaseAmong(data, params.allowedValues);
      return meant === undefined ? problem : { ...problem, meant };
    }
    case 'const':
      return at(`Value ${jsonExcerpt(data)} does not match const.`);
    case 'required': {
      const name = String(params.missingProperty);
      const written = isObject(data) ? inOtherCase(name, Object.keys(data)) : undefined;
      // Newtonsoft's words first; then the near miss, which the maker cannot tell from the message.
      const hint =
        written === undefined
          ? ''
          : ` '${nameExcerpt(written)}' is there: names are case-sensitive, write '${name}'.`;
      return at(`Required properties are missing from object: ${name}.${hint}`, error.instancePath, name);
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      return at(
        `Property '${nameExcerpt(name)}' has not been defined and the schema does not allow additional properties.`,
        childPointer(error.instancePath, name),
        name,
      );
    }
    case 'propertyNames':
      // Ajv reports the name's own failure (a `pattern` error carrying `propertyName`) just before.
      return undefined;
    case 'pattern':
      if (error.propertyName !== undefined) {
        return at(
          `Property name '${error.propertyName}' does not match regex pattern '${String(params.pattern)}'.`,
          childPointer(error.instancePath, error.propertyName),
          error.propertyName,
        );
      }
      return at(`String '${excerpt(data)}' does not match regex pattern '${String(params.pattern)}'.`);
    case 'format':
      return at(`String '${excerpt(data)}' does not validate against format '${String(params.format)}'.`);
    case 'minLength':
      return at(`String '${excerpt(data)}' is less than minimum length of ${String(params.limit)}.`);
    case 'maxLength':
      return at(`String '${excerpt(data)}' exceeds maximum length of ${String(params.limit)}.`);
    case 'minimum':
      return at(`${typeName(data)} ${excerpt(data)} is less than minimum value of ${String(params.limit)}.`);
    case 'maximum':
      return at(`${typeName(data)} ${excerpt(data)} exceeds maximum value of ${String(params.limit)}.`);
    case 'minItems':
      return at(
        `Array item count ${String((data as unknown[]).length)} is less than minimum count of ${String(params.limit)}.`,
      );
    case 'uniqueItems':
      return at(`Non-unique array item at index ${String(params.i)}.`);
    case 'if':
    case 'anyOf':
    case 'oneOf':
    case 'allOf':
      // The branch errors that explain them are reported on their own.
      return undefined;
    default:
      return at(`${error.message ?? 'Invalid value'}.`);
  }
}
