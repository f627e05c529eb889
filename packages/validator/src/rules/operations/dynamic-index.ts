import { writtenSchemasOf } from '../swagger/structure.js';
import { childPointer, decodeSegment } from '../../json/pointer.js';
import { asObject, asString, entriesOf, has, isObject, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { LazyPointer, OperationInfo } from '../../swagger/operation-info.js';
import { writtenParameters } from './parameter-index.js';
import { DYNAMIC_EXTENSIONS, type DynamicExtension } from './dynamic-extensions.js';
import { HolderKey } from './holder-key-bits.js';
import { holderKeysOf } from './holder-keys.js';
import { perModel } from './rule-kit.js';
import { NOTIFICATION_CONTENT } from '../../swagger/notification-content.js';

export { DYNAMIC_EXTENSIONS, type DynamicExtension } from './dynamic-extensions.js';

/**
 * One call of another operation: a dynamic extension (or a tree's open/browse part). Its pointer is
 * built when read: the rules check every call and report a few.
 */
export class DynamicCall {
  private text: string | undefined;

  constructor(
    readonly extension: DynamicExtension,
    /** The call object: `{ operationId, parameters, … }`. */
    readonly call: JsonObject,
    /** The parameter or schema that carries the extension. */
    readonly holder: JsonObject,
    private readonly holderPlace: LazyPointer,
    /** The part of a tree this call is, if it is one. */
    private readonly part: 'open' | 'browse' | undefined,
    readonly holderKind: 'parameter' | 'schema',
    /** `in` of the carrying parameter. */
    readonly holderIn: string | undefined,
    /** The operation whose inputs the extension belongs to, when the holder is written under one. */
    readonly source: OperationInfo | undefined,
  ) {}

  get pointer(): string {
    this.text ??=
      this.part === undefined
        ? childPointer(this.holderPlace.pointer, this.extension)
        : childPointer(this.holderPlace.pointer, this.extension, this.part);
    return this.text;
  }

  get holderPointer(): string {
    return this.holderPlace.pointer;
  }
}

const PATHS_PREFIX = '/paths/';

/**
 * The operation a pointer under `/paths/<path>/<method>/…` belongs to (path-level parameters: the
 * first one; a webhook's payload schema, `x-ms-notification-content`: the path item's first trigger,
 * whose inputs its dynamic calls pass). Only its two segments after `paths` are read: parsing every
 * schema's whole pointer into segments cost ~0.5 MB a corpus run.
 */
function operationOwning(model: SwaggerModel, pointer: string): OperationInfo | undefined {
  if (!pointer.startsWith(PATHS_PREFIX)) return undefined;
  const pathEnd = pointer.indexOf('/', PATHS_PREFIX.length);
  if (pathEnd === -1) return undefined;
  const methodEnd = pointer.indexOf('/', pathEnd + 1);
  const path = decodeSegment(pointer.slice(PATHS_PREFIX.length, pathEnd));
  const method = decodeSegment(pointer.slice(pathEnd + 1, methodEnd === -1 ? pointer.length : methodEnd));
  const operations = model.operations;
  for (let index = 0; index < operations.length; index++) {
    const operation = operations[index]!;
    if (operation.path !== path) continue;
    if (
      method === NOTIFICATION_CONTENT
        ? operation.isTrigger
        : operation.method === method || method === 'parameters'
    )
      return operation;
  }
  return undefined;
}

/**
 * operationOwning for a document's schemas in walk order, where the schemas under one operation come
 * one after the other: the answer for the last `/paths/<path>/<method>` part is kept, and reused
 * while the pointers start with it. Each of the corpus's ~1,000 schemas with a dynamic extension
 * had its two segments decoded and the document's operations searched for them.
 */
class OperationOwners {
  /** The `/paths/<path>/<method>` part of the last pointer answered, '' before the first. */
  private prefix = '';
  private owner: OperationInfo | undefined;

  constructor(private readonly model: SwaggerModel) {}

  of(pointer: string): OperationInfo | undefined {
    const prefix = this.prefix;
    if (
      prefix !== '' &&
      pointer.startsWith(prefix) &&
      (pointer.length === prefix.length || pointer.charCodeAt(prefix.length) === SLASH)
    )
      return this.owner;
    const owner = operationOwning(this.model, pointer);
    const pathEnd = pointer.startsWith(PATHS_PREFIX) ? pointer.indexOf('/', PATHS_PREFIX.length) : -1;
    if (pathEnd !== -1) {
      const methodEnd = pointer.indexOf('/', pathEnd + 1);
      this.prefix = methodEnd === -1 ? pointer : pointer.slice(0, methodEnd);
      this.owner = owner;
    }
    return owner;
  }
}

const SLASH = 0x2f;

const TREE_PARTS = ['open', 'browse'] as const;

/**
 * Every dynamic-extension call written in the document, once: on its parameters and on the schemas
 * of writtenSchemasOf, which include a webhook's payload (`x-ms-notification-content` on its path
 * item: 28 dynamic schemas and 21 dynamic properties of the corpus are written there).
 */
export const dynamicCalls = perModel((model: SwaggerModel): DynamicCall[] => {
  const calls: DynamicCall[] = [];
  const collect = (
    holder: JsonObject,
    holderPlace: LazyPointer,
    holderKind: 'parameter' | 'schema',
    holderIn: string | undefined,
    source: OperationInfo | undefined,
  ): void => {
    for (const extension of DYNAMIC_EXTENSIONS) {
      const value = asObject(holder[extension]);
      if (!value) continue;
      if (extension !== 'x-ms-dynamic-tree') {
        calls.push(
          new DynamicCall(extension, value, holder, holderPlace, undefined, holderKind, holderIn, source),
        );
        continue;
      }
      for (const part of TREE_PARTS) {
        const call = asObject(value[part]);
        if (call)
          calls.push(
            new DynamicCall(extension, call, holder, holderPlace, part, holderKind, holderIn, source),
          );
      }
    }
  };
  // Most holders carry no dynamic extension: holderKeysOf says which do, and the others' pointers
  // are never built.
  const keys = holderKeysOf(model);
  const parameters = writtenParameters(model);
  for (let index = 0; index < parameters.length; index++) {
    if ((keys.parameters[index]! & HolderKey.dynamic) === 0) continue;
    const parameter = parameters[index]!;
    collect(parameter.value, parameter, 'parameter', parameter.in, parameter.firstUser);
  }
  const schemas = writtenSchemasOf(model);
  const owners = new OperationOwners(model);
  const holders = keys.schemasWith(HolderKey.dynamic);
  for (let at = 0; at < holders.length; at++) {
    const written = schemas[holders[at]!]!;
    collect(written.schema, written, 'schema', undefined, owners.of(written.pointer));
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
