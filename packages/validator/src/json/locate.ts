import { LineIndex } from './line-index.js';
import { chars, skipString, skipToClose, skipValue, skipWhitespace, type LineStarts } from './scan.js';
import { decodeSegment } from './pointer.js';

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
  /** The segment (decoded) that names this node under its parent. */
  key: string;
  /** The segment as the first pointer through this node wrote it (encoded). */
  written: string;
  /**
   * The children, linked through `nextSibling`, last named first. Links, not a Map or arrays per node:
   * most nodes have one or two children, and a Map for each of ~18,000 nodes was most of the time the
   * trie took to build.
   */
  firstChild: TrieNode | undefined;
  nextSibling: TrieNode | undefined;
  childCount: number;
  /** The children by segment, for a node with many (`paths`, `definitions`). */
  index: Map<string, TrieNode> | undefined;
  /**
   * Where the pointers that end here are in the list being located: nearly always one, so the array
   * is made for it, at its size.
   */
  pointers: number[] | undefined;
  /** Where the node's key (or array element) is in the text; -1 until found. */
  offset: number;
  length: number;
}

/** Children searched one by one up to this many; a node with more gets a Map. */
const MAX_LINKED_CHILDREN = 8;

function newNode(key: string, written: string, nextSibling: TrieNode | undefined): TrieNode {
  return {
    key,
    written,
    firstChild: undefined,
    nextSibling,
    childCount: 0,
    index: undefined,
    pointers: undefined,
    offset: -1,
    length: 1,
  };
}

function childNamed(node: TrieNode, key: string): TrieNode | undefined {
  if (node.index !== undefined) return node.index.get(key);
  for (let child = node.firstChild; child !== undefined; child = child.nextSibling) {
    if (child.key === key) return child;
  }
  return undefined;
}

function addChild(node: TrieNode, key: string, written: string): TrieNode {
  const child = newNode(key, written, node.firstChild);
  node.firstChild = child;
  node.childCount++;
  if (node.index !== undefined) node.index.set(key, child);
  else if (node.childCount > MAX_LINKED_CHILDREN) {
    node.index = new Map();
    for (let each: TrieNode | undefined = child; each !== undefined; each = each.nextSibling) {
      node.index.set(each.key, each);
    }
  }
  return child;
}

/**
 * Finds many pointers in one pass over strictly valid JSON text, descending only into the members
 * that some pointer names and skipping everything else.
 *
 * `repeatsKeys`: some object of the text repeats a key. JSON.parse keeps the last occurrence, so the
 * rules judged that one; the walk then reads every object it enters to its end instead of stopping
 * at the first occurrence of what it looks for. Only documents with repeats pay for that.
 *
 * `lines`: the text's line index, which the scan reads line starts from (and records them for the
 * findings' positions as it goes).
 */
export function locatePointers(
  text: string,
  pointers: Iterable<string>,
  repeatsKeys = false,
  lines: LineStarts = new LineIndex(text),
): Map<string, PointerLocation> {
  const list = [...pointers];
  return placesByPointer(list, locateEach(text, list, repeatsKeys, lines));
}

/** The places `locateEach` found for `pointers`, by pointer. */
export function placesByPointer(
  pointers: readonly string[],
  places: readonly PointerLocation[],
): Map<string, PointerLocation> {
  const result = new Map<string, PointerLocation>();
  for (let index = 0; index < pointers.length; index++) result.set(pointers[index]!, places[index]!);
  return result;
}

/**
 * The place of each pointer of `pointers`, in its order, found as `locatePointers` finds them. Why a
 * list: the engine matches places to reports by their index, where a map by pointer hashed every
 * pointer three times (a set, the map, the lookup), each built of many pieces that hashing first
 * copied into one string.
 *
 * `missingLength`: the length of the place of a pointer that is not found; by default its found
 * ancestor's. (The tolerant tree's locator gives 1, and this one stands in for it on some text.)
 */
export function locateEach(
  text: string,
  pointers: readonly string[],
  repeatsKeys: boolean,
  lines: LineStarts,
  missingLength?: number,
): PointerLocation[] {
  const root = trieOf(pointers);
  const start = skipWhitespace(text, 0);
  root.offset = start;
  // Nothing after the root value is needed: the scan stops once the last pointer is found.
  if (start < text.length) {
    descend({ text, lines, repeatsKeys, nextBackslash: text.indexOf('\\') }, start, root, false);
  }

  const places = new Array<PointerLocation>(pointers.length);
  collect(root, start, 1, places, missingLength);
  return places;
}

/**
 * Files the place of each pointer that ends at or under `node`; `offset` and `length` are where the
 * nearest ancestor found is. A place object is made only for nodes where pointers end: one for each
 * trie node was half of the objects the locator made.
 */
function collect(
  node: TrieNode,
  offset: number,
  length: number,
  places: PointerLocation[],
  missingLength: number | undefined,
): void {
  const resolved = node.offset !== -1;
  if (resolved) {
    offset = node.offset;
    length = node.length;
  }
  if (node.pointers !== undefined) {
    const here: PointerLocation = {
      offset,
      length: resolved || missingLength === undefined ? length : missingLength,
      resolved,
    };
    for (const index of node.pointers) places[index] = here;
  }
  for (let child = node.firstChild; child !== undefined; child = child.nextSibling) {
    collect(child, offset, length, places, missingLength);
  }
}

/**
 * The trie of the pointers' segments. A pointer mostly shares its first segments with the one before
 * it (rules report in document order: `/paths/~1x/get/parameters/0`, then `.../1`), and the shared
 * ones are taken from the nodes along the previous pointer instead of being cut out, decoded and
 * looked up again: that was most of the locator's garbage (saves ~5 MB a corpus run).
 */
function trieOf(pointers: readonly string[]): TrieNode {
  const root = newNode('', '', undefined);
  // The nodes along the previous pointer, for its first `depth` segments, and the offset where each
  // node's segment ends in the pointer being read. Entries past `depth` are stale: overwritten, not
  // cut off, since cutting the arrays and growing them again made new backing stores for every pointer.
  const path: TrieNode[] = [root];
  const ends: number[] = [0];
  let depth = 0;
  for (let index = 0; index < pointers.length; index++) {
    const pointer = pointers[index]!;
    if (pointer !== '' && pointer.charCodeAt(0) !== SLASH)
      throw new Error(`Not a JSON pointer: "${pointer}"`);
    let level = followPath(pointer, path, ends, depth);
    let node = path[level]!;
    // Segment by segment with indexOf: `split` and `map` made two arrays for each of thousands of pointers.
    for (let from = ends[level]! + 1; from <= pointer.length;) {
      let end = pointer.indexOf('/', from);
      if (end === -1) end = pointer.length;
      const written = pointer.slice(from, end);
      const segment = decodeSegment(written);
      node = childNamed(node, segment) ?? addChild(node, segment, written);
      level++;
      path[level] = node;
      ends[level] = end;
      from = end + 1;
    }
    if (node.pointers) node.pointers.push(index);
    else node.pointers = [index];
    depth = level;
  }
  return root;
}

/**
 * How many of the first `depth` nodes of `path` (after the root) `pointer` names, segment by segment
 * from its start; records where each of those segments ends in it, in `ends`. A segment is compared
 * as its node's first pointer wrote it, in one call: the pointer compared with the previous one
 * character by character was a fifth of the trie's time (building the tries of the corpus's findings:
 * 8.3 -> 7.8 ms, medians of 80 runs interleaved in one process). A segment written another way
 * (`~` for `~0`) is not followed here, and is found by its decoded key all the same.
 */
function followPath(pointer: string, path: readonly TrieNode[], ends: number[], depth: number): number {
  let shared = 0;
  while (shared < depth) {
    const from = ends[shared]! + 1;
    const written = path[shared + 1]!.written;
    const end = from + written.length;
    // The segment must end there, and be the node's.
    if (end < pointer.length ? pointer.charCodeAt(end) !== SLASH : end > pointer.length) break;
    if (!pointer.startsWith(written, from)) break;
    ends[++shared] = end;
  }
  return shared;
}

const SLASH = 0x2f;

/** What the walk reads: the text, its line starts, and whether some object repeats a key. */
interface Walk {
  readonly text: string;
  readonly lines: LineStarts;
  readonly repeatsKeys: boolean;
  /** The first backslash at or after the last key read, or -1: the walk only goes forward. */
  nextBackslash: number;
}

/**
 * Walks the value at `at`, recording offsets for the trie's children; returns the offset past it, or
 * -1. With `needEnd` false the caller will not read anything after this value (its last pointer is
 * inside it), so the walk returns as soon as its own last pointer is found, without scanning the
 * rest of the value: the tail of a large file is never read for nothing.
 */
function descend(walk: Walk, at: number, node: TrieNode, needEnd: boolean): number {
  const open = walk.text.charCodeAt(at);
  if (open === chars.OPEN_BRACE) return descendObject(walk, at, node, needEnd);
  if (open === chars.OPEN_BRACKET) return descendArray(walk, at, node, needEnd);
  return needEnd ? skipValue(walk.text, at, walk.lines) : at;
}

function descendObject(walk: Walk, at: number, node: TrieNode, needEnd: boolean): number {
  const text = walk.text;
  let remaining = node.childCount;
  // With repeated keys, a member already found may come again: every member must be read.
  const readAll = walk.repeatsKeys && remaining > 0;
  let i = skipWhitespace(text, at + 1);
  while ((remaining > 0 || readAll) && text.charCodeAt(i) === chars.QUOTE) {
    const keyStart = i;
    let keyEnd: number;
    let child: TrieNode | undefined;
    keyEnd = plainKeyEnd(walk, i);
    if (keyEnd !== -1) {
      child = childAt(node, text, keyStart + 1, keyEnd - 1);
    } else {
      keyEnd = skipString(text, i);
      if (keyEnd === -1) return -1;
      child = childNamed(node, JSON.parse(text.slice(keyStart, keyEnd)) as string);
    }
    i = skipWhitespace(text, keyEnd);
    if (text.charCodeAt(i) !== chars.COLON) return -1;
    const valueStart = skipWhitespace(text, i + 1);
    let valueEnd: number;
    if (child) {
      // A repeated key: JSON.parse keeps the last occurrence, so the last one wins here too, and
      // nothing found in the earlier value may stand (the kept value may not have it).
      if (child.offset === -1) remaining--;
      else forgetPlaces(child);
      child.offset = keyStart;
      child.length = keyEnd - keyStart;
      const more = needEnd || remaining > 0 || readAll;
      valueEnd = descend(walk, valueStart, child, more);
      if (!more) return valueEnd;
    } else {
      valueEnd = skipValue(text, valueStart, walk.lines);
    }
    if (valueEnd === -1) return -1;
    i = skipWhitespace(text, valueEnd);
    if (text.charCodeAt(i) !== chars.COMMA) break;
    // Strict JSON has only whitespace between a comma and the next key: its quote is searched for,
    // where the indentation of pretty-printed text was read one character at a time (the walk of the
    // corpus's findings: 29.3 -> 28.0 ms, medians of 60 runs interleaved in one process).
    i = text.indexOf('"', i + 1);
    if (i === -1) return -1;
  }
  return needEnd ? skipToClose(text, i, chars.CLOSE_BRACE, walk.lines) : i;
}

/** Clears the places found under `node`, before its key's next occurrence is read. */
function forgetPlaces(node: TrieNode): void {
  for (let child = node.firstChild; child !== undefined; child = child.nextSibling) {
    child.offset = -1;
    child.length = 1;
    forgetPlaces(child);
  }
}

/**
 * The offset past the key that opens at `at` when it has no escape (its text is the key itself),
 * else -1. A search for its closing quote and a look at the next backslash, found once for many
 * keys: the sticky expression this replaces cost a call into the expression engine per key.
 */
function plainKeyEnd(walk: Walk, at: number): number {
  const close = walk.text.indexOf('"', at + 1);
  if (walk.nextBackslash !== -1 && walk.nextBackslash < at) walk.nextBackslash = walk.text.indexOf('\\', at);
  return close !== -1 && (walk.nextBackslash === -1 || walk.nextBackslash > close) ? close + 1 : -1;
}

/**
 * The child named by the key written, without escapes, from `start` to `end`: compared in place, not
 * cut out. Most keys of the objects walked through name no child (`paths` of a swagger has hundreds).
 */
function childAt(node: TrieNode, text: string, start: number, end: number): TrieNode | undefined {
  if (node.index !== undefined) return node.index.get(text.slice(start, end));
  const length = end - start;
  for (let child = node.firstChild; child !== undefined; child = child.nextSibling) {
    if (child.key.length === length && text.startsWith(child.key, start)) return child;
  }
  return undefined;
}

function descendArray(walk: Walk, at: number, node: TrieNode, needEnd: boolean): number {
  const text = walk.text;
  let remaining = node.childCount;
  let i = skipWhitespace(text, at + 1);
  for (
    let index = 0;
    remaining > 0 && i < text.length && text.charCodeAt(i) !== chars.CLOSE_BRACKET;
    index++
  ) {
    const child = childNamed(node, String(index));
    let valueEnd: number;
    if (child) {
      remaining--;
      child.offset = i;
      child.length = 1;
      const more = needEnd || remaining > 0;
      valueEnd = descend(walk, i, child, more);
      if (!more) return valueEnd;
    } else {
      valueEnd = skipValue(text, i, walk.lines);
    }
    if (valueEnd === -1) return -1;
    i = skipWhitespace(text, valueEnd);
    if (text.charCodeAt(i) !== chars.COMMA) break;
    i = skipWhitespace(text, i + 1);
  }
  return needEnd ? skipToClose(text, i, chars.CLOSE_BRACKET, walk.lines) : i;
}
