import { internalOnlyEntries, type ReferenceGraph } from '../../swagger/internal-only-reach.js';
import { has, isObject, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { isInternalVisibility } from '../../swagger/visibility.js';
import { perModel } from '../operations/rule-kit.js';
import type { StructureNode } from './structure/nodes.js';
import { structureOf } from './structure.js';

/**
 * Where in a swagger no designer looks: inside an internal operation (`x-ms-visibility: internal`),
 * in the parameters of a path item whose operations are all internal, and in the definitions,
 * parameters and responses of the document that only internal operations reach. Rules on the
 * designer's texts drop their findings there afterwards, so the structure walk, which meets every
 * schema of every swagger, carries no visibility; the reach is built once per swagger, and only for
 * one that such a rule has findings on.
 */
export interface InternalOnlyPlaces {
  /** The node lies where only internal operations lead. */
  has(node: StructureNode): boolean;
}

/** The places of a swagger, built on first use (see InternalOnlyPlaces). */
export const internalOnlyPlacesOf = perModel(buildPlaces);

/** What a node lies in: an operation, a path item (its parameters), an entry of the document, or else. */
type Owner =
  | { kind: 'operation'; internal: boolean }
  | { kind: 'pathItem'; internal: boolean }
  | { kind: 'entry'; pointer: string }
  | { kind: 'other' };

const REUSABLE_SECTIONS = new Set(['definitions', 'parameters', 'responses']);

/** A swagger with no internal operation: every place may be shown. */
const NOWHERE: InternalOnlyPlaces = { has: () => false };

function buildPlaces(model: SwaggerModel): InternalOnlyPlaces {
  const structure = structureOf(model);
  const operations = structure.byKind.get('operation') ?? [];
  // Most swaggers have no internal operation (176 of the 206 a corpus run asks about): no reach then.
  if (!operations.some(isInternalOperation)) return NOWHERE;
  const internalItems = pathItemsOfInternalOperationsOnly(operations);
  const ownerOf = (node: StructureNode): Owner => {
    const top = topNodeOf(node);
    if (top === undefined) return { kind: 'other' };
    if (top.kind === 'operation') return { kind: 'operation', internal: isInternalOperation(top) };
    if (top.kind === 'pathItem') return { kind: 'pathItem', internal: internalItems.has(top) };
    return REUSABLE_SECTIONS.has(sectionOf(top.pointer))
      ? { kind: 'entry', pointer: top.pointer }
      : { kind: 'other' };
  };

  const edges = new Map<string, string[]>();
  const visibleSeeds: string[] = [];
  const internalSeeds: string[] = [];
  const addUse = (owner: Owner, ref: string): void => {
    const target = entryOfRef(model, ref);
    if (target === undefined) return;
    if (owner.kind === 'entry') {
      const listed = edges.get(owner.pointer);
      if (listed) listed.push(target);
      else edges.set(owner.pointer, [target]);
    } else if (owner.kind !== 'other' && owner.internal) internalSeeds.push(target);
    else visibleSeeds.push(target);
  };
  for (const use of structure.refs) addUse(ownerOf(use.holder), use.ref);
  // The walk reads no extension, but the platform does: a webhook's outputs are the schema of its
  // path item's `x-ms-notification-content` (110 of the corpus's references).
  for (const item of structure.byKind.get('pathItem') ?? []) {
    const owner: Owner = { kind: 'pathItem', internal: internalItems.has(item) };
    forEachExtensionRef(item.value, (ref) => addUse(owner, ref));
  }
  for (const operation of operations) {
    const owner: Owner = { kind: 'operation', internal: isInternalOperation(operation) };
    forEachExtensionRef(operation.value, (ref) => addUse(owner, ref));
  }
  forEachExtensionRef(model.root, (ref) => addUse({ kind: 'other' }, ref));

  const graph: ReferenceGraph = { edges, visibleSeeds, internalSeeds };
  const hidden = internalSeeds.length === 0 ? new Set<string>() : internalOnlyEntries(graph);
  return {
    has(node) {
      const owner = ownerOf(node);
      if (owner.kind === 'operation' || owner.kind === 'pathItem') return owner.internal;
      return owner.kind === 'entry' && hidden.has(owner.pointer);
    },
  };
}

/**
 * The node's operation, or the node written directly in the root (a path item, a definition, a
 * document-level parameter or response) that holds it; undefined for the root itself.
 */
function topNodeOf(node: StructureNode): StructureNode | undefined {
  let current = node;
  for (;;) {
    if (current.kind === 'operation') return current;
    const parent = current.parentNode;
    if (parent === undefined) return undefined;
    if (parent.kind === 'root') return current;
    current = parent;
  }
}

function isInternalOperation(operation: StructureNode): boolean {
  return isInternalVisibility(operation.value['x-ms-visibility']);
}

/** The path items that have operations, all of them internal: their own parameters are hidden too. */
function pathItemsOfInternalOperationsOnly(operations: readonly StructureNode[]): Set<StructureNode> {
  const visible = new Set<StructureNode>();
  const internal = new Set<StructureNode>();
  for (const operation of operations) {
    const item = operation.parentNode!;
    if (isInternalOperation(operation)) internal.add(item);
    else visible.add(item);
  }
  for (const item of visible) internal.delete(item);
  return internal;
}

/** `definitions` of `/definitions/Task`. */
function sectionOf(pointer: string): string {
  const slash = pointer.indexOf('/', 1);
  return slash === -1 ? pointer.slice(1) : pointer.slice(1, slash);
}

/**
 * The entry of the document a local reference leads into (`/definitions/Task` for
 * `#/definitions/Task/properties/id` too), or undefined when it leads nowhere or elsewhere.
 */
function entryOfRef(model: SwaggerModel, ref: string): string | undefined {
  const target = model.resolveRef(ref);
  if (target === undefined || !REUSABLE_SECTIONS.has(sectionOf(target.pointer))) return undefined;
  const second = target.pointer.indexOf('/', 1);
  if (second === -1) return undefined;
  const third = target.pointer.indexOf('/', second + 1);
  return third === -1 ? target.pointer : target.pointer.slice(0, third);
}

/** Every `$ref` string below the object's `x-` keys. */
function forEachExtensionRef(object: JsonObject, visit: (ref: string) => void): void {
  for (const key in object) {
    if (key.startsWith('x-') && has(object, key)) forEachRef(object[key], visit, 0);
  }
}

/** The parser refuses deeper documents; this only keeps a hand-made value from recursing forever. */
const MAX_DEPTH = 256;

function forEachRef(value: unknown, visit: (ref: string) => void, depth: number): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const entry of value) forEachRef(entry, visit, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  if (typeof value.$ref === 'string') visit(value.$ref);
  for (const key in value) if (has(value, key)) forEachRef(value[key], visit, depth + 1);
}
