import { childPointer, parsePointer } from '../json/pointer.js';
import { PointerPlace } from '../json/pointer-place.js';
import { structureOf, type SwaggerStructure } from '../rules/swagger/structure.js';
import {
  asArray,
  asObject,
  asString,
  entriesOf,
  forEachEntry,
  has,
  isObject,
  type JsonObject,
} from './json-values.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Schemas nest deeper than this only through recursion; walks stop there. */
export const MAX_SCHEMA_WALK_DEPTH = 64;
const MAX_REF_HOPS = 32;

/** A value and the pointer it was found at (after following `$ref`s, the target's pointer). */
export interface Located<T = unknown> {
  value: T;
  pointer: string;
}

export interface ParameterInfo {
  /** Where the parameter is listed: an entry of an operation's or path item's `parameters`. */
  pointer: string;
  /** Where its definition is: the same as `pointer`, or the `#/parameters/…` target of a `$ref`. */
  definitionPointer: string;
  /** The resolved parameter object ({} when the entry is not an object or the `$ref` is broken). */
  value: JsonObject;
  name: string | undefined;
  in: string | undefined;
  level: 'path' | 'operation';
  /** The parameter, or its operation, has `x-ms-visibility: internal`. */
  isInternal: boolean;
}

export interface ResponseInfo {
  code: string;
  pointer: string;
  definitionPointer: string;
  value: JsonObject;
}

export interface OperationInfo {
  path: string;
  method: HttpMethod;
  /** `/paths/<path>/<method>` */
  pointer: string;
  pathItemPointer: string;
  operation: JsonObject;
  operationId: string | undefined;
  /** The raw `x-ms-visibility` value, if any. */
  visibility: unknown;
  isInternal: boolean;
  isTrigger: boolean;
  isDeprecated: boolean;
  /** Effective parameters: the path item's, overridden by the operation's of the same name and location. */
  parameters: ParameterInfo[];
  responses: ResponseInfo[];
}

/**
 * One node met while walking a schema. Its pointer is built only when read (see PointerPlace): the
 * walks meet every schema of every request body, and rules report a few of them.
 */
export class SchemaNode extends PointerPlace {
  constructor(
    readonly schema: JsonObject,
    /** Where this schema is written (after `$ref`s: below the definition's pointer). */
    parent: PointerPlace | undefined,
    first: string | number | undefined,
    second: string | number | undefined,
    /**
     * Below the walk's root through `properties`, `items` or `additionalProperties` (an `allOf`
     * member of the root is the root's own shape, not nested).
     */
    readonly nested: boolean,
    readonly depth: number,
    /** The walk reached this node through a `$ref`. */
    readonly viaRef: boolean,
    /** The nearest parent object schema lists this property as required. */
    readonly required: boolean,
  ) {
    super(parent, first, second);
  }
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
  private writtenSchemaList: WrittenSchema[] | undefined;
  private byId: Map<string, OperationInfo[]> | undefined;
  private readonly refTargets = new Map<string, Located | undefined>();

  constructor(readonly root: JsonObject) {}

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

  /** Operations by operationId (a list, since duplicates are possible and reported by a rule). */
  get operationsById(): Map<string, OperationInfo[]> {
    if (!this.byId) {
      this.byId = new Map();
      for (const operation of this.operations) {
        if (operation.operationId === undefined) continue;
        const list = this.byId.get(operation.operationId) ?? [];
        list.push(operation);
        this.byId.set(operation.operationId, list);
      }
    }
    return this.byId;
  }

  operationById(operationId: string): OperationInfo | undefined {
    return this.operationsById.get(operationId)?.[0];
  }

  /**
   * Every schema object written in the document, each exactly once and without following `$ref`s:
   * definitions, global parameters' and responses' schemas, then those of the paths' parameters and
   * responses, each followed by everything nested in it (properties, items, additionalProperties,
   * allOf) down to MAX_SCHEMA_WALK_DEPTH. Rules that check schemas in isolation iterate this list
   * instead of walking the document again.
   *
   * These are the schema nodes of the document's structure walk (structureOf), which meets the same
   * schemas anyway: a second walk made a second node for each of them (~15 MB and a walk over
   * ~100,000 schemas a corpus run). So, like that walk, it leaves out what Swagger 2.0 does not read
   * as a schema: under `x-` keys of `paths` and `responses`, and beside the `$ref` of a parameter or
   * response.
   */
  get writtenSchemas(): WrittenSchema[] {
    this.writtenSchemaList ??= documentOrder(structureOf(this));
    return this.writtenSchemaList;
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

  private findRefTarget(ref: string): Located | undefined {
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
   * Visits a schema and everything under it: `properties`, `items`, `additionalProperties`, `allOf`.
   * A `$ref` is followed, but never twice on the same branch, so recursive definitions end.
   * Return false from `visit` to skip a node's children.
   */
  walkSchema(schema: unknown, pointer: string, visit: (node: SchemaNode) => boolean | void): void {
    // Each node is a place below its parent's (or below the definition a `$ref` leads to), so no
    // pointer string is built for the many nodes that no rule reports.
    const walk = (
      value: unknown,
      parent: PointerPlace | undefined,
      first: string | number | undefined,
      second: string | number | undefined,
      nested: boolean,
      depth: number,
      refs: RefChain | undefined,
      viaRef: boolean,
      required: boolean,
    ): void => {
      if (depth > MAX_SCHEMA_WALK_DEPTH) return;
      let hereValue = value;
      let reachedByRef = viaRef;
      let branchRefs = refs;
      const ref = isObject(value) ? asString(value.$ref) : undefined;
      if (ref !== undefined) {
        if (chainHas(refs, ref)) return;
        // A reference is never answered with the pointer given here, only with its target's.
        const target = this.resolve(value, '');
        if (target.broken) return;
        branchRefs = { ref, parent: refs };
        hereValue = target.value;
        parent = PointerPlace.at(target.pointer);
        first = second = undefined;
        reachedByRef = true;
      }
      const schemaObject = asObject(hereValue);
      if (!schemaObject) return;
      const node = new SchemaNode(schemaObject, parent, first, second, nested, depth, reachedByRef, required);
      if (visit(node) === false) return;
      // Loops rather than callbacks, and no set of required names for the many schemas without any:
      // this runs for every schema node of every body and response.
      const properties = schemaObject.properties;
      if (isObject(properties)) {
        const requiredList = asArray(schemaObject.required);
        const requiredNames =
          requiredList && requiredList.length > 0
            ? new Set(requiredList.filter((n): n is string => typeof n === 'string'))
            : undefined;
        for (const name in properties) {
          if (!Object.prototype.hasOwnProperty.call(properties, name)) continue;
          walk(
            properties[name],
            node,
            'properties',
            name,
            true,
            depth + 1,
            branchRefs,
            reachedByRef,
            requiredNames !== undefined && requiredNames.has(name),
          );
        }
      }
      if (isObject(schemaObject.items)) {
        walk(schemaObject.items, node, 'items', undefined, true, depth + 1, branchRefs, reachedByRef, false);
      }
      if (isObject(schemaObject.additionalProperties)) {
        walk(
          schemaObject.additionalProperties,
          node,
          'additionalProperties',
          undefined,
          true,
          depth + 1,
          branchRefs,
          reachedByRef,
          false,
        );
      }
      const allOf = asArray(schemaObject.allOf);
      if (allOf) {
        for (let index = 0; index < allOf.length; index++) {
          walk(allOf[index], node, 'allOf', index, nested, depth + 1, branchRefs, reachedByRef, required);
        }
      }
    };
    walk(schema, PointerPlace.at(pointer), undefined, undefined, false, 0, undefined, false, false);
  }

  private buildOperations(): OperationInfo[] {
    const operations: OperationInfo[] = [];
    for (const [path, pathItemValue] of entriesOf(this.paths)) {
      const pathItem = asObject(pathItemValue);
      if (!pathItem) continue;
      const pathItemPointer = childPointer('/paths', path);
      const pathParameters = this.parameterList(
        pathItem.parameters,
        childPointer(pathItemPointer, 'parameters'),
        'path',
        false,
      );
      for (const method of HTTP_METHODS) {
        const operation = asObject(pathItem[method]);
        if (!operation) continue;
        const pointer = childPointer(pathItemPointer, method);
        const visibility = operation['x-ms-visibility'];
        const isInternal = visibility === 'internal' || visibility === 'Internal';
        const own = this.parameterList(
          operation.parameters,
          childPointer(pointer, 'parameters'),
          'operation',
          isInternal,
        );
        operations.push({
          path,
          method,
          pointer,
          pathItemPointer,
          operation,
          operationId: asString(operation.operationId),
          visibility,
          isInternal,
          isTrigger: has(operation, 'x-ms-trigger'),
          isDeprecated: operation.deprecated === true,
          parameters: effectiveParameters(pathParameters, own, isInternal),
          responses: this.responseList(operation.responses, childPointer(pointer, 'responses')),
        });
      }
    }
    return operations;
  }

  private parameterList(
    list: unknown,
    pointer: string,
    level: 'path' | 'operation',
    operationInternal: boolean,
  ): ParameterInfo[] {
    return (asArray(list) ?? []).map((entry, index) => {
      const at = childPointer(pointer, index);
      const resolved = this.resolve(entry, at);
      const value = asObject(resolved.value) ?? {};
      const visibility = value['x-ms-visibility'];
      return {
        pointer: at,
        definitionPointer: resolved.pointer,
        value,
        name: asString(value.name),
        in: asString(value.in),
        level,
        isInternal: operationInternal || visibility === 'internal' || visibility === 'Internal',
      };
    });
  }

  private responseList(responses: unknown, pointer: string): ResponseInfo[] {
    const list: ResponseInfo[] = [];
    forEachEntry(responses, (code, entry) => {
      const at = childPointer(pointer, code);
      const resolved = this.resolve(entry, at);
      list.push({
        code,
        pointer: at,
        definitionPointer: resolved.pointer,
        value: asObject(resolved.value) ?? {},
      });
    });
    return list;
  }
}

/**
 * The path item's parameters that the operation does not override (same name and location), then
 * the operation's own.
 */
function effectiveParameters(
  pathParameters: ParameterInfo[],
  own: ParameterInfo[],
  operationInternal: boolean,
): ParameterInfo[] {
  // Most path items list no parameters: then there is nothing to merge, and no set of keys to build
  // for each of the document's operations.
  if (pathParameters.length === 0) return own;
  const ownKeys = new Set(own.map((p) => `${p.in}:${p.name}`));
  const inherited = pathParameters
    .filter((p) => !ownKeys.has(`${p.in}:${p.name}`))
    .map((p) => ({ ...p, isInternal: p.isInternal || operationInternal }));
  return [...inherited, ...own];
}

/**
 * The structure's schema nodes, those under the root's definitions, parameters and responses first
 * (the order rules have always met them in), without those nested deeper than the schema walks go.
 */
function documentOrder(structure: SwaggerStructure): WrittenSchema[] {
  const { schemas, pathSchemaCount } = structure;
  let kept = 0;
  for (const schema of schemas) if (schema.depth <= MAX_SCHEMA_WALK_DEPTH) kept++;
  // A list made at its final length: pushing ~100,000 nodes copied it as it grew (~2 MB a corpus run).
  const list = new Array<WrittenSchema>(kept);
  let next = 0;
  for (let index = pathSchemaCount; index < schemas.length; index++) {
    if (schemas[index]!.depth <= MAX_SCHEMA_WALK_DEPTH) list[next++] = schemas[index]!;
  }
  for (let index = 0; index < pathSchemaCount; index++) {
    if (schemas[index]!.depth <= MAX_SCHEMA_WALK_DEPTH) list[next++] = schemas[index]!;
  }
  return list;
}

/**
 * The `$ref`s followed on the way down one branch of a schema walk, innermost first. A linked list
 * shared by the branches below it: following a reference adds one link instead of copying a set.
 */
interface RefChain {
  ref: string;
  parent: RefChain | undefined;
}

function chainHas(chain: RefChain | undefined, ref: string): boolean {
  for (let link = chain; link !== undefined; link = link.parent) if (link.ref === ref) return true;
  return false;
}

function safeParsePointer(pointer: string): string[] {
  try {
    return parsePointer(pointer);
  } catch {
    return [];
  }
}
