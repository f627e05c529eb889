import { toPointer } from '../../json/pointer.js';
import { REFERENCED_SECTIONS, safeParsePointer } from '../../swagger/local-refs.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { StructureNode } from './structure/nodes.js';

/*
 * Where the structure walk's nodes and `$ref`s lie, in the terms the reaches between a swagger's
 * entries read (internal-only-places, the dynamic holders' users): the operation or top-level entry
 * a node is written in, and the entry a reference leads into.
 */

export const REUSABLE_SECTIONS: ReadonlySet<string> = new Set(REFERENCED_SECTIONS);

export const PATHS = '/paths/';

/**
 * The node's operation, or the node written directly in the root (a path item, a definition, a
 * document-level parameter or response) that holds it; undefined for the root itself.
 */
export function topNodeOf(node: StructureNode): StructureNode | undefined {
  let current = node;
  for (;;) {
    if (current.kind === 'operation') return current;
    const parent = current.parentNode;
    if (parent === undefined) return undefined;
    if (parent.kind === 'root') return current;
    current = parent;
  }
}

/** `definitions` of `/definitions/Task`. */
export function sectionOf(pointer: string): string {
  const slash = pointer.indexOf('/', 1);
  return slash === -1 ? pointer.slice(1) : pointer.slice(1, slash);
}

/**
 * The place a local reference leads into: the entry of the document (`/definitions/Task` for
 * `#/definitions/Task/properties/id` too), or the place inside /paths itself
 * (`/paths/~1tasks/get/responses/200/schema`); undefined when it leads nowhere or elsewhere.
 */
export function placeOfRef(model: SwaggerModel, ref: string): string | undefined {
  const target = model.resolveRef(ref);
  if (target === undefined) return undefined;
  const section = sectionOf(target.pointer);
  if (section === 'paths') {
    // Written as the walk writes the pointers of its nodes, which callers compare it with.
    const place = toPointer(safeParsePointer(target.pointer));
    return place.startsWith(PATHS) ? place : undefined;
  }
  if (!REUSABLE_SECTIONS.has(section)) return undefined;
  const second = target.pointer.indexOf('/', 1);
  if (second === -1) return undefined;
  const third = target.pointer.indexOf('/', second + 1);
  return third === -1 ? target.pointer : target.pointer.slice(0, third);
}
