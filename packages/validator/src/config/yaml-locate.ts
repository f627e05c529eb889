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
      pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === step);
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
