import { reachOf, type ReferenceGraph } from '../../swagger/internal-only-reach.js';
import { has, isObject, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { isInternalVisibility } from '../../swagger/visibility.js';
import { perModel } from '../operations/rule-kit.js';
import type { StructureNode } from './structure/nodes.js';
import { structureOf } from './structure.js';
import { PATHS, placeOfRef, REUSABLE_SECTIONS, sectionOf, topNodeOf } from './reference-places.js';
import { NOTIFICATION_CONTENT } from '../../swagger/notification-content.js';

/**
 * Where in a swagger no designer looks: inside an internal operation (`x-ms-visibility: internal`),
 * in the parameters of a path item whose operations are all internal, and in the definitions,
 * parameters and responses of the document that only internal operations reach. A place inside an
 * internal operation that a `$ref` leads into (`#/paths/~1hidden/post/responses/200/schema`) is
 * seen where what holds that reference is. Rules on the designer's texts drop their findings there
 * afterwards, so the structure walk, which meets every schema of every swagger, carries no
 * visibility; the reach is built once per swagger, and only for one that such a rule has findings on.
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

  // Every reference, with the node that holds it. The walk reads one extension, the schema of a path
  // item's `x-ms-notification-content` (a webhook's outputs: 110 of the corpus's references), whose
  // nodes sit under their path item; the references in the root's, path items' and operations'
  // other extensions are read here. Below them no extension the platform reads holds a schema
  // (x-ms-dynamic-schema and its kin name an operation and its parameters), and the corpus has no
  // `$ref` under one.
  const eachUse = (visit: (holder: StructureNode | undefined, ref: string) => void): void => {
    for (const use of structure.refs) visit(use.holder, use.ref);
    for (const item of structure.byKind.get('pathItem') ?? [])
      forEachExtensionRef(item.value, (ref) => visit(item, ref), walkedNotificationSchema(item.value));
    for (const operation of operations) forEachExtensionRef(operation.value, (ref) => visit(operation, ref));
    forEachExtensionRef(model.root, (ref) => visit(undefined, ref));
  };

  const edges = new Map<string, string[]>();
  const addEdge = (from: string, to: string): void => {
    const listed = edges.get(from);
    if (listed) listed.push(to);
    else edges.set(from, [to]);
  };
  const visibleSeeds: string[] = [];
  const internalSeeds: string[] = [];
  // The places inside /paths that references lead into: each is a place of the reach, as an entry
  // is, and what references inside it lead to is reached from it.
  const pathPlaces = new Set<string>();
  eachUse((holder, ref) => {
    const target = placeOfRef(model, ref);
    if (target === undefined) return;
    if (target.startsWith(PATHS)) pathPlaces.add(target);
    const owner: Owner = holder === undefined ? { kind: 'other' } : ownerOf(holder);
    if (owner.kind === 'entry') addEdge(owner.pointer, target);
    else if (owner.kind !== 'other' && owner.internal) internalSeeds.push(target);
    else visibleSeeds.push(target);
  });
  // Rare (no swagger of the corpus references into /paths): the holders' pointers are built only then.
  if (pathPlaces.size > 0) {
    eachUse((holder, ref) => {
      if (holder === undefined) return;
      const target = placeOfRef(model, ref);
      if (target === undefined) return;
      const pointer = holder.pointer;
      for (const place of pathPlaces) if (holds(place, pointer)) addEdge(place, target);
    });
  }

  const graph: ReferenceGraph = { edges, visibleSeeds, internalSeeds };
  const { visible, internalOnly } =
    internalSeeds.length === 0 && pathPlaces.size === 0
      ? { visible: new Set<string>(), internalOnly: new Set<string>() }
      : reachOf(graph);
  // The places inside an internal operation that something visible leads into are seen.
  const seenInPaths = [...pathPlaces].filter((place) => visible.has(place));
  return {
    has(node) {
      const owner = ownerOf(node);
      if (owner.kind === 'operation' || owner.kind === 'pathItem')
        return owner.internal && !seenInPaths.some((place) => holds(place, node.pointer));
      return owner.kind === 'entry' && internalOnly.has(owner.pointer);
    },
  };
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

/** The place is the pointer's or holds it. */
function holds(place: string, pointer: string): boolean {
  return (
    pointer.startsWith(place) && (pointer.length === place.length || pointer.charAt(place.length) === '/')
  );
}

/** Every `$ref` string below the object's `x-` keys, but in `walked`, which the walk has met. */
function forEachExtensionRef(object: JsonObject, visit: (ref: string) => void, walked?: JsonObject): void {
  for (const key in object) {
    if (!key.startsWith('x-') || !has(object, key)) continue;
    const value = object[key];
    if (walked !== undefined && key === NOTIFICATION_CONTENT && isObject(value)) {
      for (const part in value)
        if (has(value, part) && value[part] !== walked) forEachRef(value[part], visit, 0);
    } else forEachRef(value, visit, 0);
  }
}

/** The payload schema of a path item that the structure walk meets (see visitNotificationSchema). */
function walkedNotificationSchema(item: JsonObject): JsonObject | undefined {
  const content = item[NOTIFICATION_CONTENT];
  return isObject(content) && isObject(content.schema) ? content.schema : undefined;
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
