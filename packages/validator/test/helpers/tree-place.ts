import * as jsonc from 'jsonc-parser';

/** A place as the locator gives it: where a pointer's key (or element) is, and whether it was found. */
export interface TreePlace {
  offset: number;
  length: number;
  resolved: boolean;
}

/**
 * Where jsonc-parser's tolerant tree puts a pointer, the reference the locators are held to: the
 * last of repeated keys (as JSON.parse keeps), `Number` indexes, a member at its key.
 *
 * `missing`: the length of a pointer's place that is not there, at its deepest ancestor found. The
 * tolerant tree's locator gives 1 (`'one'`); the strict locator gives its ancestor's own length
 * (`'ancestor'`: its key's, or 1 for an element or the root).
 */
export function placeInTree(text: string, pointer: string, missing: 'one' | 'ancestor' = 'one'): TreePlace {
  let node = jsonc.parseTree(text, [], { allowTrailingComma: true })!;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const next =
      node.type === 'array'
        ? node.children?.[Number(segment)]
        : node.children?.findLast((property) => property.children?.[0]?.value === segment)?.children?.[1];
    if (!next) {
      return { offset: keyOffset(node), length: missing === 'one' ? 1 : keyLength(node), resolved: false };
    }
    node = next;
  }
  return { offset: keyOffset(node), length: keyLength(node), resolved: true };
}

/** The value node at `pointer` in the tree of `text` (the last of repeated keys), if it is there. */
export function valueNodeInTree(text: string, pointer: string): jsonc.Node | undefined {
  let node: jsonc.Node | undefined = jsonc.parseTree(text, [], { allowTrailingComma: true })!;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node =
      node.type === 'array'
        ? node.children?.[Number(segment)]
        : node.children?.findLast((property) => property.children?.[0]?.value === segment)?.children?.[1];
    if (!node) return undefined;
  }
  return node;
}

/** A member's place is its key's; an element's, or the root's, is its value's. */
function keyOffset(node: jsonc.Node): number {
  return node.parent?.type === 'property' ? node.parent.offset : node.offset;
}

function keyLength(node: jsonc.Node): number {
  return node.parent?.type === 'property' ? (node.parent.children?.[0]?.length ?? 1) : 1;
}
