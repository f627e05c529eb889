import { writtenSchemasOf } from '../swagger/structure.js';
import { childPointer } from '../../json/pointer.js';
import { asObject, asString, entriesOf, has, isObject, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { LazyPointer, OperationInfo } from '../../swagger/operation-info.js';
import { writtenParameters, type WrittenParameter } from './parameter-index.js';
import { HolderUsers, type SchemaUsers } from './holder-users.js';
import { DYNAMIC_EXTENSIONS, type DynamicExtension } from './dynamic-extensions.js';
import { HolderKey } from './holder-key-bits.js';
import { holderKeysOf } from './holder-keys.js';
import { ListedUsers, type CallUsers, type UserKind } from './user-kinds.js';
import { perModel } from './rule-kit.js';

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
    /**
     * The operations whose inputs the call's references name (see HolderUsers): one for a holder
     * written in an operation, each user of a shared one, each operation that reaches a schema in
     * `definitions`; none for a dropdown in an output, or a definition that no operation reaches.
     */
    readonly shownBy: CallUsers,
  ) {}

  /**
   * The users, listed: built at each question for a holder in `definitions` (a chain of them has
   * pairs of holders and users that grow with its square); ask `kinds` where a user of each kind will do.
   */
  get users(): readonly OperationInfo[] {
    return this.shownBy.list();
  }

  /** The kinds of the users (see user-kinds.ts), each with its first user, in their order. */
  get kinds(): readonly UserKind[] {
    return this.shownBy.kinds();
  }

  /** A user's own `$ref` that leads to a holder in `definitions` (see HolderUsers). */
  listing(operation: OperationInfo): LazyPointer | undefined {
    return this.shownBy.listing?.(operation);
  }

  /** The first of the users: where a finding that names one operation is told. */
  get source(): OperationInfo | undefined {
    return this.kinds[0]?.first;
  }

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
    shown: SchemaUsers,
  ): void => {
    for (const extension of DYNAMIC_EXTENSIONS) {
      const value = asObject(holder[extension]);
      if (!value) continue;
      const users = isDropdown(extension) ? shown.inputs : shown.all;
      if (extension !== 'x-ms-dynamic-tree') {
        calls.push(
          new DynamicCall(extension, value, holder, holderPlace, undefined, holderKind, holderIn, users),
        );
        continue;
      }
      for (const part of TREE_PARTS) {
        const call = asObject(value[part]);
        if (call)
          calls.push(
            new DynamicCall(extension, call, holder, holderPlace, part, holderKind, holderIn, users),
          );
      }
    }
  };
  // Most holders carry no dynamic extension: holderKeysOf says which do, and the others' pointers
  // are never built.
  const keys = holderKeysOf(model);
  const parameters = writtenParameters(model);
  const holders: WrittenParameter[] = [];
  for (let index = 0; index < parameters.length; index++) {
    if ((keys.parameters[index]! & HolderKey.dynamic) !== 0) holders.push(parameters[index]!);
  }
  const schemaHolders = keys.schemasWith(HolderKey.dynamic);
  if (holders.length === 0 && schemaHolders.length === 0) return calls;
  const users = new HolderUsers(model, askedParameters(model, holders));
  for (const parameter of holders) {
    const listed = new ListedUsers(model, users.ofParameter(parameter.value));
    collect(parameter.value, parameter, 'parameter', parameter.in, { all: listed, inputs: listed });
  }
  const schemas = writtenSchemasOf(model);
  for (let at = 0; at < schemaHolders.length; at++) {
    const written = schemas[schemaHolders[at]!]!;
    collect(written.schema, written, 'schema', undefined, users.ofSchema(written.pointer));
  }
  return calls;
});

/** A dropdown's call, which only an input's form makes; the others ask for a schema. */
function isDropdown(extension: DynamicExtension): boolean {
  return extension !== 'x-ms-dynamic-schema' && extension !== 'x-ms-dynamic-properties';
}

/**
 * The parameter objects whose users are asked for: the holders, and the `#/parameters/x`
 * definitions, whose body schema may hold one.
 */
function askedParameters(model: SwaggerModel, holders: readonly WrittenParameter[]): Set<JsonObject> {
  const asked = new Set<JsonObject>();
  for (const holder of holders) asked.add(holder.value);
  const globals = asObject(model.root.parameters);
  for (const name in globals) {
    const value = has(globals, name) ? asObject(globals[name]) : undefined;
    if (value) asked.add(value);
  }
  return asked;
}

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
