import { withoutByteOrderMark } from '@connector-alm/core';
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';

/**
 * The offset of a value in a parsed YAML document, given its path (as in a JSON pointer): the value
 * node itself, or with `key: true` the key of the last step, which is where a reader looks for an
 * unknown or misspelt setting. Falls back to the deepest node found.
 */
export function offsetOfPath(
  document: Document,
  path: readonly string[],
  options: { key?: boolean } = {},
): number {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [index, step] of path.entries()) {
    let pair: Pair | undefined;
    if (isMap(node)) {
      pair = pairsByKey(node).get(step);
      if (!pair) return offset;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(step)];
    } else {
      return offset;
    }
    const isLast = index === path.length - 1;
    offset = (isLast && options.key && pair ? rangeStart(pair.key) : rangeStart(node)) ?? offset;
  }
  return offset;
}

/**
 * A map's pairs by their scalar keys, the first of a key written twice (as a search finds it), made
 * once per map: a search of the items for each key asked made a config's problems quadratic in their
 * number (50,000 unknown rules took 4 minutes).
 */
const PAIRS_BY_KEY = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let pairs = PAIRS_BY_KEY.get(map);
  if (pairs) return pairs;
  pairs = new Map();
  for (const item of map.items) {
    if (!isScalar(item.key)) continue;
    const key = String(item.key.value);
    if (!pairs.has(key)) pairs.set(key, item);
  }
  PAIRS_BY_KEY.set(map, pairs);
  return pairs;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

/**
 * The line and column (1-based) of values, or with `key: true` their keys, in a YAML or JSON text:
 * the text is parsed once, however many places are asked for.
 */
export function yamlPositions(
  text: string,
): (path: readonly string[], options?: { key?: boolean }) => { line: number; column: number } {
  const lineCounter = new LineCounter();
  const document = parseDocument(withoutByteOrderMark(text), { lineCounter, prettyErrors: false });
  return (path, options = {}) => {
    const { line, col } = lineCounter.linePos(offsetOfPath(document, path, options));
    return { line, column: col };
  };
}
