import { childPointer, parsePointer } from '../../json/pointer.js';
import { asObject, asString, entriesOf, has, isObject, type JsonObject } from '../../swagger/json-values.js';
import type { OperationInfo, SwaggerModel } from '../../swagger/swagger-model.js';
import { writtenParameters } from './parameter-index.js';
import { perModel } from './rule-kit.js';

export const DYNAMIC_EXTENSIONS = [
  'x-ms-dynamic-values',
  'x-ms-dynamic-list',
  'x-ms-dynamic-schema',
  'x-ms-dynamic-properties',
  'x-ms-dynamic-tree',
] as const;
export type DynamicExtension = (typeof DYNAMIC_EXTENSIONS)[number];

/** One call of another operation: a dynamic extension (or a tree's open/browse part). */
export interface DynamicCall {
  extension: DynamicExtension;
  /** The call object: `{ operationId, parameters, … }`. */
  call: JsonObject;
  pointer: string;
  /** The parameter or schema that carries the extension. */
  holder: JsonObject;
  holderPointer: string;
  holderKind: 'parameter' | 'schema';
  /** `in` of the carrying parameter. */
  holderIn: string | undefined;
  /** The operation whose inputs the extension belongs to, when the holder is written under one. */
  source: OperationInfo | undefined;
}

/** The operation a pointer under `/paths/<path>/<method>/…` belongs to (path-level: the first one). */
function operationOwning(model: SwaggerModel, pointer: string): OperationInfo | undefined {
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return undefined;
  }
  if (segments[0] !== 'paths' || segments.length < 3) return undefined;
  const [, path, method] = segments;
  return model.operations.find(
    (operation) => operation.path === path && (operation.method === method || method === 'parameters'),
  );
}

function callsOf(
  extension: DynamicExtension,
  value: JsonObject,
  pointer: string,
): { call: JsonObject; pointer: string }[] {
  if (extension !== 'x-ms-dynamic-tree') return [{ call: value, pointer }];
  const parts: { call: JsonObject; pointer: string }[] = [];
  for (const part of ['open', 'browse']) {
    const call = asObject(value[part]);
    if (call) parts.push({ call, pointer: childPointer(pointer, part) });
  }
  return parts;
}

/** A loop rather than `some` with a callback: this runs for every written schema. */
function hasAnyOf(holder: JsonObject, keys: readonly string[]): boolean {
  for (const key of keys) if (has(holder, key)) return true;
  return false;
}

/** Every dynamic-extension call written in the document, once. */
export const dynamicCalls = perModel((model: SwaggerModel): DynamicCall[] => {
  const calls: DynamicCall[] = [];
  const collect = (
    holder: JsonObject,
    holderPointer: string,
    holderKind: 'parameter' | 'schema',
    holderIn: string | undefined,
    source: OperationInfo | undefined,
  ): void => {
    for (const extension of DYNAMIC_EXTENSIONS) {
      const value = asObject(holder[extension]);
      if (!value) continue;
      for (const { call, pointer } of callsOf(extension, value, childPointer(holderPointer, extension))) {
        calls.push({ extension, call, pointer, holder, holderPointer, holderKind, holderIn, source });
      }
    }
  };
  // Most holders carry no dynamic extension: their pointers are never built.
  for (const parameter of writtenParameters(model)) {
    if (!hasAnyOf(parameter.value, DYNAMIC_EXTENSIONS)) continue;
    collect(parameter.value, parameter.pointer, 'parameter', parameter.in, parameter.firstUser);
  }
  for (const written of model.writtenSchemas) {
    if (!hasAnyOf(written.schema, DYNAMIC_EXTENSIONS)) continue;
    collect(written.schema, written.pointer, 'schema', undefined, operationOwning(model, written.pointer));
  }
  return calls;
});

/** What a dynamic call's `parameters` entry is: a reference to another input, or a fixed value. */
export type CallArgument =
  { kind: 'reference'; name: string } | { kind: 'static'; value: unknown } | { kind: 'other' };

export function callArgument(entry: unknown): CallArgument {
  if (!isObject(entry)) return { kind: 'static', value: entry };
  const reference = asString(entry.parameter) ?? asString(entry.parameterReference);
  if (reference !== undefined) return { kind: 'reference', name: reference };
  if (has(entry, 'value')) return { kind: 'static', value: entry.value };
  return { kind: 'other' };
}

export function callArguments(call: JsonObject): [string, unknown][] {
  return entriesOf(call.parameters);
}
