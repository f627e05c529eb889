import { chars, skipString, skipToClose, skipValue, skipWhitespace } from './scan.js';
import { parsePointer } from './pointer.js';

/**
 * Where a JSON pointer sits in a text. For an object member, `offset` is its key's opening quote,
 * so a finding on `/info/title` points at the line that reads `"title": …`; for an array element or
 * the root, it is the value's first character. `resolved` is false when only an ancestor was found
 * (a missing property is reported where its parent is).
 */
export interface PointerLocation {
  offset: number;
  length: number;
  resolved: boolean;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  pointers: string[];
  offset?: number;
  length?: number;
}

function newNode(): TrieNode {
  return { children: new Map(), pointers: [] };
}

/**
 * Finds many pointers in one pass over strictly valid JSON text, descending only into the members
 * that some pointer names and skipping everything else.
 */
export function locatePointers(text: string, pointers: Iterable<string>): Map<string, PointerLocation> {
  const root = newNode();
  for (const pointer of pointers) {
    let node = root;
    for (const segment of parsePointer(pointer)) {
      let child = node.children.get(segment);
      if (!child) {
        child = newNode();
        node.children.set(segment, child);
      }
      node = child;
    }
    node.pointers.push(pointer);
  }

  const start = skipWhitespace(text, 0);
  root.offset = start;
  root.length = 1;
  if (start < text.length) descend(text, start, root);

  const result = new Map<string, PointerLocation>();
  const collect = (node: TrieNode, fallback: PointerLocation): void => {
    const here: PointerLocation =
      node.offset === undefined
        ? { ...fallback, resolved: false }
        : { offset: node.offset, length: node.length ?? 1, resolved: true };
    for (const pointer of node.pointers) result.set(pointer, here);
    for (const child of node.children.values()) collect(child, here);
  };
  collect(root, { offset: start, length: 1, resolved: true });
  return result;
}

/** Walks the value at `at`, recording offsets for the trie's children; returns the offset past it, or -1. */
function descend(text: string, at: number, node: TrieNode): number {
  const open = text.charCodeAt(at);
  if (open === chars.OPEN_BRACE) return descendObject(text, at, node);
  if (open === chars.OPEN_BRACKET) return descendArray(text, at, node);
  return skipValue(text, at);
}

function descendObject(text: string, at: number, node: TrieNode): number {
  let remaining = node.children.size;
  let i = skipWhitespace(text, at + 1);
  while (remaining > 0 && text.charCodeAt(i) === chars.QUOTE) {
    const keyStart = i;
    const keyEnd = skipString(text, i);
    if (keyEnd === -1) return -1;
    const raw = text.slice(keyStart + 1, keyEnd - 1);
    const key = raw.includes('\\') ? (JSON.parse(text.slice(keyStart, keyEnd)) as string) : raw;
    i = skipWhitespace(text, keyEnd);
    if (text.charCodeAt(i) !== chars.COLON) return -1;
    const valueStart = skipWhitespace(text, i + 1);
    const child = node.children.get(key);
    let valueEnd: number;
    if (child) {
      // Duplicate keys: JSON.parse keeps the last one, so the last occurrence wins here too.
      if (child.offset === undefined) remaining--;
      child.offset = keyStart;
      child.length = keyEnd - keyStart;
      valueEnd = descend(text, valueStart, child);
    } else {
      valueEnd = skipValue(text, valueStart);
    }
    if (valueEnd === -1) return -1;
    i = skipWhitespace(text, valueEnd);
    if (text.charCodeAt(i) !== chars.COMMA) break;
    i = skipWhitespace(text, i + 1);
  }
  return skipRest(text, i);
}

function descendArray(text: string, at: number, node: TrieNode): number {
  let remaining = node.children.size;
  let i = skipWhitespace(text, at + 1);
  for (
    let index = 0;
    remaining > 0 && i < text.length && text.charCodeAt(i) !== chars.CLOSE_BRACKET;
    index++
  ) {
    const child = node.children.get(String(index));
    let valueEnd: number;
    if (child) {
      remaining--;
      child.offset = i;
      child.length = 1;
      valueEnd = descend(text, i, child);
    } else {
      valueEnd = skipValue(text, i);
    }
    if (valueEnd === -1) return -1;
    i = skipWhitespace(text, valueEnd);
    if (text.charCodeAt(i) !== chars.COMMA) break;
    i = skipWhitespace(text, i + 1);
  }
  return skipRest(text, i);
}

/** From inside a container (after some of its members), the offset past its closing bracket. */
function skipRest(text: string, at: number): number {
  return skipToClose(text, at, 1);
}
