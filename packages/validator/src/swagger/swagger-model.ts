import { DOCUMENT_ROOT, PointerPlace } from '../json/pointer-place.js';
import { asArray, asObject, asString, has, isObject, type JsonObject } from './json-values.js';
import { isSectionEntryRef, referencedSection, safeParsePointer, type Located } from './local-refs.js';
import {
  anyWrittenAsRef,
  effectiveParameters,
  OperationEntry,
  ParameterEntry,
  parameterTraits,
  ResponseEntry,
} from './operation-entries.js';
import { isInternalVisibility } from './visibility.js';
import type { LazyPointer, OperationInfo, ResponseInfo } from './operation-info.js';
import { HTTP_METHODS, writtenMethods } from './path-item-methods.js';
import { SchemaWalker, type SchemaNode, type SchemaStep, type WalkRoot } from './schema-walk.js';

const MAX_REF_HOPS = 32;

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
      if (this.followsRef(pathItem)) {
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
   * The path item an operation was read from: the one written at its path, or, in a model that
   * follows path item `$ref`s (diff), the one its `$ref` leads to. A path item's own keys
   * (`x-ms-notification-content`, `parameters`) are read here by rules and diff alike: read at
   * `paths[path]`, a webhook behind a `$ref` had its payload in the diff and none in the rules.
   */
  pathItemOf(operation: OperationInfo): JsonObject | undefined {
    const written = asObject(this.paths?.[operation.path]);
    if (!written || !this.followsRef(written)) return written;
    return this.pathItemTarget(written)?.value;
  }

  /** This model reads the operations of this path item from where its `$ref` leads. */
  private followsRef(pathItem: JsonObject): boolean {
    return this.followPathItemRefs && typeof pathItem.$ref === 'string';
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

/** An object that is not a `$ref`: its own definition. */
function isWrittenInPlace(entry: unknown): entry is JsonObject {
  return isObject(entry) && typeof entry.$ref !== 'string';
}
