import { childPointer, parsePointer } from '../json/pointer.js';
import { DOCUMENT_ROOT, PointerPlace } from '../json/pointer-place.js';
import { asArray, asObject, asString, has, isObject, type JsonObject } from './json-values.js';
import { SchemaWalker, type SchemaNode, type SchemaStep, type WalkRoot } from './schema-walk.js';

export { MAX_SCHEMA_WALK_DEPTH, SchemaNode, type SchemaStep } from './schema-walk.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const MAX_REF_HOPS = 32;

/** A value and the pointer it was found at (after following `$ref`s, the target's pointer). */
export interface Located<T = unknown> {
  value: T;
  pointer: string;
}

export interface ParameterInfo {
  /** Where the parameter is listed: an entry of an operation's or path item's `parameters`. */
  readonly pointer: string;
  /** Where its definition is: the same as `pointer`, or the `#/parameters/…` target of a `$ref`. */
  readonly definitionPointer: string;
  /**
   * The place of `definitionPointer`: one object for every listing of a definition (a path item's
   * entry in each of its operations, each `$ref` to one target), so indexes can key on it without
   * building pointer strings.
   */
  readonly definitionPlace: LazyPointer;
  /** The resolved parameter object ({} when the entry is not an object or the `$ref` is broken). */
  readonly value: JsonObject;
  readonly name: string | undefined;
  readonly in: string | undefined;
  readonly level: 'path' | 'operation';
  /** The parameter, or its operation, has `x-ms-visibility: internal`. */
  readonly isInternal: boolean;
}

export interface ResponseInfo {
  readonly code: string;
  readonly pointer: string;
  readonly definitionPointer: string;
  readonly value: JsonObject;
}

export interface OperationInfo {
  readonly path: string;
  readonly method: HttpMethod;
  /** `/paths/<path>/<method>` */
  readonly pointer: string;
  readonly pathItemPointer: string;
  readonly operation: JsonObject;
  readonly operationId: string | undefined;
  /** The raw `x-ms-visibility` value, if any. */
  readonly visibility: unknown;
  readonly isInternal: boolean;
  readonly isTrigger: boolean;
  readonly isDeprecated: boolean;
  /**
   * It carries `x-ms-agentic-protocol`: Copilot Studio reads it as the connector's MCP server, whose
   * JSON-RPC replies go to the agent, not to the flow designer. Rules about what the designer shows
   * (output schemas) leave it alone: this flag is the one place that says which operation is one.
   */
  readonly isMcp: boolean;
  /** Its own `parameters` list, or its path item's, has an entry with a `$ref` string. */
  readonly listsParameterRefs: boolean;
  /**
   * Which of OperationKey's keys the operation object has (own or inherited enumerable keys, as
   * for…in lists them): a rule reads such a key only when its bit is set.
   */
  readonly keys: number;
  /** Effective parameters: the path item's, overridden by the operation's of the same name and location. */
  readonly parameters: ParameterInfo[];
  readonly responses: ResponseInfo[];
}

/**
 * Keys that most operations lack, as bits of OperationInfo.keys. Why: a rule asking each operation
 * for an absent key looks it up on objects of hundreds of shapes, which V8's caches of where a key
 * sits do not hold, and ~10 rules did so for each of the corpus's ~6,100 operations; the index reads
 * each operation's keys once instead.
 */
export const OperationKey = {
  consumes: 1,
  produces: 2,
  security: 4,
  /** `x-ms-api-annotation` */
  annotation: 8,
  /** `x-ms-pageable` */
  pageable: 16,
  /** `x-ms-capabilities` */
  capabilities: 32,
  /** `x-ms-notification` */
  notification: 64,
  /** `x-ms-operation-context` */
  operationContext: 128,
  /** `x-ms-trigger-metadata` */
  triggerMetadata: 256,
  /** `x-ms-visibility` */
  visibility: 512,
  /** `x-ms-trigger` */
  trigger: 1024,
  deprecated: 2048,
  schemes: 4096,
  /** `x-ms-agentic-protocol` */
  agenticProtocol: 8192,
} as const;

/** A key's OperationKey bit, 0 for others: by length first, then one comparison of interned strings. */
function operationKeyBit(key: string): number {
  switch (key.length) {
    case 7:
      return key === 'schemes' ? OperationKey.schemes : 0;
    case 8:
      if (key === 'consumes') return OperationKey.consumes;
      if (key === 'produces') return OperationKey.produces;
      return key === 'security' ? OperationKey.security : 0;
    case 10:
      return key === 'deprecated' ? OperationKey.deprecated : 0;
    case 12:
      return key === 'x-ms-trigger' ? OperationKey.trigger : 0;
    case 13:
      return key === 'x-ms-pageable' ? OperationKey.pageable : 0;
    case 15:
      return key === 'x-ms-visibility' ? OperationKey.visibility : 0;
    case 17:
      if (key === 'x-ms-capabilities') return OperationKey.capabilities;
      return key === 'x-ms-notification' ? OperationKey.notification : 0;
    case 19:
      return key === 'x-ms-api-annotation' ? OperationKey.annotation : 0;
    case 21:
      if (key === 'x-ms-trigger-metadata') return OperationKey.triggerMetadata;
      return key === 'x-ms-agentic-protocol' ? OperationKey.agenticProtocol : 0;
    case 22:
      return key === 'x-ms-operation-context' ? OperationKey.operationContext : 0;
    default:
      return 0;
  }
}

/** The OperationKey bits of an operation object's keys. */
function operationKeys(operation: JsonObject): number {
  let keys = 0;
  for (const key in operation) keys |= operationKeyBit(key);
  return keys;
}

/** A schema object as written in the document (not reached through a `$ref`). */
export interface WrittenSchema {
  readonly schema: JsonObject;
  /** Built when read: iterate the list without reading it for every schema. */
  readonly pointer: string;
  /** Where the outermost schema of this tree is written. */
  readonly origin: 'definition' | 'parameter' | 'response' | 'global-parameter' | 'global-response';
  /** Nesting below that outermost schema (0 for the outermost). */
  readonly depth: number;
}

/**
 * The swagger as rules want to see it: operations with their effective parameters and responses,
 * `$ref` resolution, and schema walks that are safe on recursive definitions. Built once per
 * connector and shared by every rule, so that no rule walks `paths` on its own.
 */
export class SwaggerModel {
  private operationList: OperationInfo[] | undefined;
  private byId: Map<string, OperationInfo> | undefined;
  private readonly refTargets = new Map<string, Located | undefined>();
  private readonly places = new Map<string, PointerPlace>();
  private walker: SchemaWalker | undefined;
  /** The indexes rules built from this document, by slot: see `cachedIndex`. */
  private readonly indexes: unknown[] = [];
  /** buildOperations' operation of each method of one path item, by HTTP_METHODS index. */
  private readonly methodScratch: (JsonObject | undefined)[] = new Array<JsonObject | undefined>(
    HTTP_METHODS.length,
  ).fill(undefined);

  /**
   * @param followPathItemRefs Read the operations of a path item written as a `$ref` from the path
   *   item it leads to (diff compares them). Validation does not: the service does not resolve such
   *   a `$ref` (SWG-PATH-REF), and its rules check the operations the service sees.
   */
  constructor(
    readonly root: JsonObject,
    private readonly followPathItemRefs = false,
  ) {}

  get paths(): JsonObject | undefined {
    return asObject(this.root.paths);
  }

  get definitions(): JsonObject | undefined {
    return asObject(this.root.definitions);
  }

  get operations(): OperationInfo[] {
    this.operationList ??= this.buildOperations();
    return this.operationList;
  }

  /**
   * The first operation of each operationId, in order of first use. Duplicates are possible and
   * reported by a rule, which finds them itself: a list per id was ~1 MB a corpus run for the few
   * swaggers that have any.
   */
  get operationsById(): Map<string, OperationInfo> {
    if (!this.byId) {
      this.byId = new Map();
      for (const operation of this.operations) {
        const id = operation.operationId;
        if (id !== undefined && !this.byId.has(id)) this.byId.set(id, operation);
      }
    }
    return this.byId;
  }

  operationById(operationId: string): OperationInfo | undefined {
    return this.operationsById.get(operationId);
  }

  /**
   * The value a local reference (`#/definitions/X`) points to, or undefined when it is broken or
   * remote. Memoized per reference text: a swagger names the same few definitions thousands of
   * times, and every walk, measure and parameter list resolves them. The answer is shared: read it,
   * do not change it.
   */
  resolveRef(ref: string): Located | undefined {
    const known = this.refTargets.get(ref);
    if (known !== undefined || this.refTargets.has(ref)) return known;
    const target = this.findRefTarget(ref);
    this.refTargets.set(ref, target);
    return target;
  }

  /**
   * The index in `slot`, built by `build` on first use (see perModel in the rules' kit). Held by the
   * model, which lives exactly as long as its connector's rules run: a ConnectorCache (a WeakMap)
   * entry added and deleted for each of a connector's nine such indexes took ~1 µs a pair, ~3 ms a
   * corpus run, and the model dies with them as young as its connector.
   */
  cachedIndex<T>(slot: number, build: (model: SwaggerModel) => T): T {
    let value = this.indexes[slot] as T | undefined;
    if (value === undefined) {
      value = build(this);
      this.indexes[slot] = value;
    }
    return value;
  }

  /** One place per pointer written out, so that listings of one definition share it. */
  placeAt(pointer: string): PointerPlace {
    let place = this.places.get(pointer);
    if (!place) {
      place = PointerPlace.at(pointer);
      this.places.set(pointer, place);
    }
    return place;
  }

  private findRefTarget(ref: string): Located | undefined {
    if (isSectionEntryRef(ref)) return this.sectionEntry(ref);
    if (!ref.startsWith('#')) return undefined;
    const pointer = ref.slice(1);
    if (pointer !== '' && !pointer.startsWith('/')) return undefined;
    let current: unknown = this.root;
    for (const segment of safeParsePointer(pointer)) {
      if (current === null || typeof current !== 'object' || !has(current as JsonObject, segment))
        return undefined;
      current = (current as JsonObject)[segment];
    }
    return { value: current, pointer };
  }

  /**
   * The target of `#/<section>/<name>` (see isSectionEntryRef): two lookups instead of the pointer
   * split into a list of decoded segments; first-time lookups were ~20 % of SWG-SCHEMA-COUNT's time.
   */
  private sectionEntry(ref: string): Located | undefined {
    const slash = ref.indexOf('/', 2);
    const section = referencedSection(ref, slash) ?? ref.slice(2, slash);
    if (!has(this.root, section)) return undefined;
    const holder = this.root[section];
    if (holder === null || typeof holder !== 'object') return undefined;
    const name = ref.slice(slash + 1);
    if (!has(holder as JsonObject, name)) return undefined;
    return { value: (holder as JsonObject)[name], pointer: ref.slice(1) };
  }

  /** Follows `$ref` chains from a value; stops at a broken or circular reference (returns the last good one). */
  resolve(value: unknown, pointer: string): Located & { viaRef: boolean; broken: boolean } {
    // Most values are not references: answer them without the bookkeeping of a chain.
    if (!isObject(value) || typeof value.$ref !== 'string') {
      return { value, pointer, viaRef: false, broken: false };
    }
    let current: Located = { value, pointer };
    let viaRef = false;
    // Most chains are one hop long: the set of references met is made only for longer ones.
    let firstRef: string | undefined;
    let seen: Set<string> | undefined;
    for (let hop = 0; hop < MAX_REF_HOPS; hop++) {
      const ref = isObject(current.value) ? asString(current.value.$ref) : undefined;
      if (ref === undefined) return { value: current.value, pointer: current.pointer, viaRef, broken: false };
      if (ref === firstRef || seen?.has(ref))
        return { value: current.value, pointer: current.pointer, viaRef, broken: true };
      if (firstRef === undefined) firstRef = ref;
      else (seen ??= new Set()).add(ref);
      const target = this.resolveRef(ref);
      if (!target) return { value: current.value, pointer: current.pointer, viaRef, broken: true };
      current = target;
      viaRef = true;
    }
    return { value: current.value, pointer: current.pointer, viaRef, broken: true };
  }

  /**
   * The end of the `$ref` chain of an object with a `$ref`, or undefined when the chain is broken or
   * circular. A one-hop chain (most of them) is answered with the memoized target itself: schema
   * walks follow ~16,000 references a corpus run, and `resolve` makes an answer for each.
   */
  refTarget(value: JsonObject): Located | undefined {
    const ref = asString(value.$ref);
    if (ref === undefined) return undefined;
    const target = this.resolveRef(ref);
    if (target === undefined) return undefined;
    if (!isObject(target.value) || typeof target.value.$ref !== 'string') return target;
    const chain = this.resolve(value, '');
    return chain.broken ? undefined : chain;
  }

  /**
   * Visits a schema and everything under it: `properties`, `items`, `additionalProperties`, `allOf`.
   * A `$ref` is followed, but never twice on the same branch, so recursive definitions end.
   * Return false from `visit` to skip a node's children.
   */
  walkSchema(schema: unknown, pointer: string, visit: (node: SchemaNode) => boolean | void): void {
    this.walkSchemaSteps(schema, pointer, (step) => visit(step.node()));
  }

  /**
   * The same walk, for visitors that keep a few of the nodes they meet: each step makes its
   * SchemaNode only when asked (`step.node()`), and the root's pointer is built only then.
   */
  walkSchemaSteps(schema: unknown, root: WalkRoot, visit: (step: SchemaStep) => boolean | void): void {
    // One walker per model; a walk started from a visitor of another gets its own.
    let walker = this.walker;
    if (walker === undefined) walker = this.walker = new SchemaWalker(this);
    else if (walker.busy) walker = new SchemaWalker(this);
    walker.run(schema, root, visit);
  }

  /**
   * Pointers are places, built only when read (see PointerPlace): every operation, parameter and
   * response of the document is listed here, and rules report a few of them. Every path key has a
   * '/' to escape, so building them eagerly cost ~5 MB of strings a corpus run.
   */
  private buildOperations(): OperationInfo[] {
    const operations: OperationInfo[] = [];
    const paths = this.paths;
    if (!paths) return operations;
    for (const path in paths) {
      if (!Object.prototype.hasOwnProperty.call(paths, path)) continue;
      let pathItem = asObject(paths[path]);
      if (!pathItem) continue;
      let pathItemPlace = new PointerPlace(DOCUMENT_ROOT, 'paths', path);
      if (this.followPathItemRefs && typeof pathItem.$ref === 'string') {
        // What is written beside the `$ref` is ignored, as JSON Reference says.
        const target = this.pathItemTarget(pathItem);
        if (!target) continue;
        pathItem = target.value;
        pathItemPlace = this.placeAt(target.pointer);
      }
      const pathParameters = this.parameterList(pathItem.parameters, pathItemPlace, 'path', false);
      const pathListsRefs = anyWrittenAsRef(pathParameters);
      const written = this.methodScratch;
      if (!writtenMethods(pathItem, written)) continue;
      for (let slot = 0; slot < HTTP_METHODS.length; slot++) {
        const operation = written[slot];
        if (operation === undefined) continue;
        written[slot] = undefined;
        const method = HTTP_METHODS[slot]!;
        const entry = new OperationEntry(path, method, pathItemPlace, operation);
        const own = this.parameterList(operation.parameters, entry, 'operation', entry.isInternal);
        if (pathListsRefs || anyWrittenAsRef(own)) entry.noteParameterRefs();
        entry.parameters = effectiveParameters(pathParameters, own, entry.isInternal);
        entry.responses = this.responseList(operation.responses, entry);
        operations.push(entry);
      }
    }
    return operations;
  }

  /**
   * The path item that a path item written as a `$ref` leads to, through any chain of `$ref`s; undefined
   * when the chain is broken (another file, nothing, a loop) or ends at no object.
   */
  pathItemTarget(pathItem: JsonObject): Located<JsonObject> | undefined {
    const target = this.resolve(pathItem, '');
    const value = target.broken ? undefined : asObject(target.value);
    return value ? { value, pointer: target.pointer } : undefined;
  }

  private parameterList(
    list: unknown,
    owner: LazyPointer,
    level: 'path' | 'operation',
    operationInternal: boolean,
  ): ParameterEntry[] {
    const entries = asArray(list);
    if (!entries || entries.length === 0) return [];
    // Made at its final length: see exactSizeList.
    const parameters = exactSizeList<ParameterEntry>(entries.length);
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index];
      // Most entries are written in place: no pair is made for them.
      if (isWrittenInPlace(entry)) {
        parameters[index] = this.parameterEntry(owner, index, undefined, entry, level, operationInternal);
      } else {
        const { value, target } = this.definitionOf(entry);
        const parameter = this.parameterEntry(owner, index, target, value, level, operationInternal);
        // An object not written in place has a `$ref` string.
        if (isObject(entry)) parameter.noteWrittenAsRef();
        parameters[index] = parameter;
      }
    }
    return parameters;
  }

  private parameterEntry(
    owner: LazyPointer,
    index: number,
    target: PointerPlace | undefined,
    value: JsonObject,
    level: 'path' | 'operation',
    operationInternal: boolean,
  ): ParameterEntry {
    const visibility = value['x-ms-visibility'];
    const isInternal = operationInternal || isInternalVisibility(visibility);
    return new ParameterEntry(owner, index, target, value, parameterTraits(level, isInternal));
  }

  private responseList(responses: unknown, operation: LazyPointer): ResponseInfo[] {
    if (!isObject(responses)) return [];
    // Object.keys, not for…in: status codes are integer-like keys, which for…in enumerates slowly
    // (1.76 ms over the corpus's ~13,800 responses, against 0.94), and their count sizes the list.
    const codes = Object.keys(responses);
    const list = exactSizeList<ResponseInfo>(codes.length);
    for (let index = 0; index < codes.length; index++) {
      const code = codes[index]!;
      const entry = responses[code];
      if (isWrittenInPlace(entry)) list[index] = new ResponseEntry(operation, code, undefined, entry);
      else {
        const { value, target } = this.definitionOf(entry);
        list[index] = new ResponseEntry(operation, code, target, value);
      }
    }
    return list;
  }

  /**
   * A list entry's object after `$ref`s ({} when it is not an object or the `$ref` is broken at
   * once), and the place of the definition it leads to when that is another place.
   */
  private definitionOf(entry: unknown): { value: JsonObject; target: PointerPlace | undefined } {
    if (!isObject(entry) || typeof entry.$ref !== 'string')
      return { value: asObject(entry) ?? {}, target: undefined };
    const resolved = this.resolve(entry, '');
    return {
      value: asObject(resolved.value) ?? {},
      // Not reached through a reference: broken at the first hop, so the entry is its own definition.
      target: resolved.viaRef ? this.placeAt(resolved.pointer) : undefined,
    };
  }
}
/**
 * A list to be filled by index up to `length`. A list grown by push from [] reserves 17 slots (~150
 * bytes) at the first push, while an operation has two or three parameters and responses: for the
 * corpus's ~6,000 operations, two such lists each were ~1.4 MB a warm run, kept for the whole
 * document.
 */
function exactSizeList<T>(length: number): T[] {
  return new Array<T>(length);
}

/**
 * Puts the path item's operations (object values of method keys) into `slots` by HTTP_METHODS
 * index, and says whether there is any. Why not ask for each of the seven methods: a path item has
 * one to three keys, and seven lookups of a key by name on objects of hundreds of shapes cost more
 * than reading its keys (~1 ms a corpus run).
 */
function writtenMethods(pathItem: JsonObject, slots: (JsonObject | undefined)[]): boolean {
  let any = false;
  for (const key in pathItem) {
    const slot = methodSlot(key);
    if (slot === -1 || !has(pathItem, key)) continue;
    const operation = asObject(pathItem[key]);
    if (operation === undefined) continue;
    slots[slot] = operation;
    any = true;
  }
  return any;
}

/** The index of a method in HTTP_METHODS, -1 for other keys. */
function methodSlot(key: string): number {
  switch (key) {
    case 'get':
      return 0;
    case 'put':
      return 1;
    case 'post':
      return 2;
    case 'delete':
      return 3;
    case 'options':
      return 4;
    case 'head':
      return 5;
    case 'patch':
      return 6;
    default:
      return -1;
  }
}

/** An object that is not a `$ref`: its own definition. */
function isWrittenInPlace(entry: unknown): entry is JsonObject {
  return isObject(entry) && typeof entry.$ref !== 'string';
}

/**
 * Something whose RFC 6901 pointer is built when first read. The entries below implement it
 * themselves instead of extending PointerPlace: each subclass is one more hidden class at
 * PointerPlace's field initializer, and past four that store goes megamorphic for every place of
 * every walk (measured: SWG-VISIBILITY-ENUM's schema list took 105 -> 175 ms a corpus run).
 */
export interface LazyPointer {
  readonly pointer: string;
}

function isInternalVisibility(visibility: unknown): boolean {
  return visibility === 'internal' || visibility === 'Internal';
}

/*
 * The index's entries keep their flags as bits of one number, and read what rules rarely ask for
 * (an operation's raw visibility) from the document: Node 20 has no pointer compression, so every
 * field is 8 bytes on each of the corpus's ~6,000 operations and ~13,900 parameters.
 */
const INTERNAL = 1;
const TRIGGER = 2;
const DEPRECATED = 4;
const PATH_LEVEL = 8;
/** An operation: its own or its path item's parameters list has an entry with a `$ref` string. */
const LISTS_PARAMETER_REFS = 16;
/** A parameter: its list entry is an object with a `$ref` string. */
const WRITTEN_AS_REF = 32;
/** An operation with `x-ms-agentic-protocol`: an MCP server's. */
const MCP = 64;

/** Some entry of a parameters list is written as a `$ref`. */
function anyWrittenAsRef(parameters: readonly ParameterEntry[]): boolean {
  for (let index = 0; index < parameters.length; index++) if (parameters[index]!.writtenAsRef) return true;
  return false;
}

/** The traits of an operation with these OperationKey bits: its values are read only for keys it has. */
function operationTraits(operation: JsonObject, keys: number): number {
  let traits = 0;
  if ((keys & OperationKey.visibility) !== 0 && isInternalVisibility(operation['x-ms-visibility']))
    traits |= INTERNAL;
  if ((keys & OperationKey.trigger) !== 0 && has(operation, 'x-ms-trigger')) traits |= TRIGGER;
  if ((keys & OperationKey.deprecated) !== 0 && operation.deprecated === true) traits |= DEPRECATED;
  if ((keys & OperationKey.agenticProtocol) !== 0 && has(operation, 'x-ms-agentic-protocol')) traits |= MCP;
  return traits;
}

function parameterTraits(level: 'path' | 'operation', isInternal: boolean): number {
  return (level === 'path' ? PATH_LEVEL : 0) | (isInternal ? INTERNAL : 0);
}

/** An operation of the document, `<path item>/<method>`. */
class OperationEntry implements OperationInfo {
  readonly operationId: string | undefined;
  readonly keys: number;
  private traits: number;
  // Set by the model right after construction: the entries' places are below this one.
  parameters!: ParameterInfo[];
  responses!: ResponseInfo[];
  private text: string | undefined;

  constructor(
    readonly path: string,
    readonly method: HttpMethod,
    private readonly pathItemPlace: PointerPlace,
    readonly operation: JsonObject,
  ) {
    this.operationId = asString(operation.operationId);
    this.keys = operationKeys(operation);
    this.traits = operationTraits(operation, this.keys);
  }

  get visibility(): unknown {
    return this.operation['x-ms-visibility'];
  }

  get isInternal(): boolean {
    return (this.traits & INTERNAL) !== 0;
  }

  get isTrigger(): boolean {
    return (this.traits & TRIGGER) !== 0;
  }

  get isDeprecated(): boolean {
    return (this.traits & DEPRECATED) !== 0;
  }

  get isMcp(): boolean {
    return (this.traits & MCP) !== 0;
  }

  get listsParameterRefs(): boolean {
    return (this.traits & LISTS_PARAMETER_REFS) !== 0;
  }

  noteParameterRefs(): void {
    this.traits |= LISTS_PARAMETER_REFS;
  }

  get pointer(): string {
    this.text ??= childPointer(this.pathItemPlace.pointer, this.method);
    return this.text;
  }

  get pathItemPointer(): string {
    return this.pathItemPlace.pointer;
  }
}

/**
 * A parameter list entry: `parameters/<index>` below its path item or operation, or (inherited by
 * an operation with another visibility) the same place as the path item's entry.
 */
class ParameterEntry implements ParameterInfo {
  readonly name: string | undefined;
  readonly in: string | undefined;
  private text: string | undefined;

  constructor(
    private readonly owner: LazyPointer,
    /** Undefined for a copy: then `owner` is the entry it is a copy of. */
    private readonly index: number | undefined,
    /** The definition's place when it is not this entry: a `$ref` target, or the entry a copy is of. */
    private readonly target: LazyPointer | undefined,
    readonly value: JsonObject,
    /** PATH_LEVEL and INTERNAL (and WRITTEN_AS_REF, noted after). */
    private traits: number,
  ) {
    this.name = asString(value.name);
    this.in = asString(value.in);
  }

  get level(): 'path' | 'operation' {
    return (this.traits & PATH_LEVEL) !== 0 ? 'path' : 'operation';
  }

  get writtenAsRef(): boolean {
    return (this.traits & WRITTEN_AS_REF) !== 0;
  }

  noteWrittenAsRef(): void {
    this.traits |= WRITTEN_AS_REF;
  }

  get isInternal(): boolean {
    return (this.traits & INTERNAL) !== 0;
  }

  get pointer(): string {
    this.text ??=
      this.index === undefined
        ? this.owner.pointer
        : childPointer(this.owner.pointer, 'parameters', this.index);
    return this.text;
  }

  get definitionPlace(): LazyPointer {
    return this.target ?? this;
  }

  get definitionPointer(): string {
    return this.definitionPlace.pointer;
  }

  /** The same entry, as seen from an internal operation that inherits it. */
  asInternal(): ParameterInfo {
    if (this.isInternal) return this;
    return new ParameterEntry(this, undefined, this.definitionPlace, this.value, this.traits | INTERNAL);
  }
}

/** A response entry, `responses/<code>` below its operation. */
class ResponseEntry implements ResponseInfo {
  private text: string | undefined;

  constructor(
    private readonly operation: LazyPointer,
    readonly code: string,
    /** The `$ref` target's place, when the definition is written elsewhere. */
    private readonly target: LazyPointer | undefined,
    readonly value: JsonObject,
  ) {}

  get pointer(): string {
    this.text ??= childPointer(this.operation.pointer, 'responses', this.code);
    return this.text;
  }

  get definitionPointer(): string {
    return (this.target ?? this).pointer;
  }
}

/**
 * The path item's parameters that the operation does not override (same name and location), then
 * the operation's own.
 */
function effectiveParameters(
  pathParameters: ParameterEntry[],
  own: ParameterEntry[],
  operationInternal: boolean,
): ParameterInfo[] {
  // Most path items list no parameters: then there is nothing to merge, and no set of keys to build
  // for each of the document's operations.
  if (pathParameters.length === 0) return own;
  const ownKeys = new Set(own.map((p) => `${p.in}:${p.name}`));
  const inherited = pathParameters
    .filter((p) => !ownKeys.has(`${p.in}:${p.name}`))
    .map((p) => (operationInternal ? p.asInternal() : p));
  return [...inherited, ...own];
}

/**
 * A local reference of exactly two segments with nothing to decode, `#/definitions/Pet`: every
 * one of the corpus's ~13,600 references.
 */
function isSectionEntryRef(ref: string): boolean {
  if (ref.charCodeAt(0) !== 35 /* # */ || ref.charCodeAt(1) !== 47 /* / */) return false;
  const slash = ref.indexOf('/', 2);
  return slash !== -1 && ref.indexOf('/', slash + 1) === -1 && ref.indexOf('~') === -1;
}

/** The sections of a document references name: every one of the corpus's. */
const REFERENCED_SECTIONS = ['definitions', 'parameters', 'responses'] as const;

/**
 * The section `#/<section>/…` names, when it is one of REFERENCED_SECTIONS: compared in place, it is
 * looked up on the root by a constant (internalized) name, where a name sliced from the reference
 * was a new string that each lookup first had to find in V8's string table (a corpus run's ~4,800
 * first-time lookups spent ~28 % less time in a profile).
 */
function referencedSection(ref: string, slash: number): string | undefined {
  for (const section of REFERENCED_SECTIONS) {
    if (slash === section.length + 2 && ref.startsWith(section, 2)) return section;
  }
  return undefined;
}

function safeParsePointer(pointer: string): string[] {
  try {
    return parsePointer(pointer);
  } catch {
    return [];
  }
}
