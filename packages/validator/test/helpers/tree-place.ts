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
 * `indexes`: which segments name an array's element. The tolerant tree reads any that `Number` reads
 * (`''` is 0, `01` is 1); the strict locator only those RFC 6901 allows (`0`, `1`, `10`).
 */
export function placeInTree(
  text: string,
  pointer: string,
  missing: 'one' | 'ancestor' = 'one',
  indexes: Indexes = 'number',
): TreePlace {
  const { node, found } = walkTree(text, pointer, indexes);
  const length = found || missing === 'ancestor' ? keyLength(node) : 1;
  return { offset: keyOffset(node), length, resolved: found };
}

/** The value node at `pointer` in the tree of `text` (the last of repeated keys), if it is there. */
export function valueNodeInTree(
  text: string,
  pointer: string,
  indexes: Indexes = 'number',
): jsonc.Node | undefined {
  const { node, found } = walkTree(text, pointer, indexes);
  return found ? node : undefined;
}

/** The node at `pointer` in the tree of `text`, else (`found` false) the deepest one on its way. */
function walkTree(text: string, pointer: string, indexes: Indexes): { node: jsonc.Node; found: boolean } {
  let node = jsonc.parseTree(text, [], { allowTrailingComma: true })!;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const next = childInTree(node, raw, indexes);
    if (!next) return { node, found: false };
    node = next;
  }
  return { node, found: true };
}

type Indexes = 'number' | 'canonical';

/** The value a pointer's segment (as written) names under `node`: the last of repeated keys. */
function childInTree(node: jsonc.Node, written: string, indexes: Indexes): jsonc.Node | undefined {
  const segment = written.replace(/~1/g, '/').replace(/~0/g, '~');
  if (node.type !== 'array') {
    return node.children?.findLast((property) => property.children?.[0]?.value === segment)?.children?.[1];
  }
  if (indexes === 'canonical' && !/^(?:0|[1-9]\d*)$/.test(segment)) return undefined;
  return node.children?.[Number(segment)];
}

/** A member's place is its key's; an element's, or the root's, is its value's. */
function keyOffset(node: jsonc.Node): number {
  return node.parent?.type === 'property' ? node.parent.offset : node.offset;
}

function keyLength(node: jsonc.Node): number {
  return node.parent?.type === 'property' ? (node.parent.children?.[0]?.length ?? 1) : 1;
}

/** A key its object repeats, as jsonc-parser's tree has it: the reference for `findDuplicateKeys`. */
export interface RepeatedKeyInTree {
  key: string;
  offset: number;
  length: number;
  keptOffset: number;
  objectPointer: string;
}

/** Every occurrence of a key that a later one of its object overrides, in text order. */
export function repeatedKeysInTree(text: string): RepeatedKeyInTree[] {
  const found: RepeatedKeyInTree[] = [];
  const visit = (node: jsonc.Node, pointer: string): void => {
    const members = node.children ?? [];
    if (node.type === 'array') {
      members.forEach((element, index) => visit(element, `${pointer}/${index}`));
      return;
    }
    if (node.type !== 'object') return;
    const lastOf = new Map<string, jsonc.Node>();
    for (const property of members)
      lastOf.set(property.children![0]!.value as string, property.children![0]!);
    for (const property of members) {
      const [keyNode, value] = property.children!;
      const key = keyNode!.value as string;
      const kept = lastOf.get(key)!;
      if (kept !== keyNode) {
        found.push({
          key,
          offset: keyNode!.offset,
          length: keyNode!.length,
          keptOffset: kept.offset,
          objectPointer: pointer,
        });
      }
      if (value) visit(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  visit(jsonc.parseTree(text, [], { allowTrailingComma: true })!, '');
  return found.sort((a, b) => a.offset - b.offset);
}
