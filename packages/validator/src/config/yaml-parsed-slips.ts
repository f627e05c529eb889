import { isAlias, isPair, isScalar, isSeq, Scalar, visit, type Document } from 'yaml';
import { quoted } from '../text/message-values.js';
import { QUOTE_HINT, yamlQuoted, type YamlSlip } from './yaml-slip.js';

/**
 * Slips that YAML parses without an error, into something else than was meant: a glob that starts
 * with `*` (an alias to an anchor that is not there, which the parser only refuses when the document
 * is made into data, with no place), and a list item indented under the one above it (more of that
 * item's value). The first of them in the file's order, or undefined.
 */
export function parsedSlip(text: string, document: Document): YamlSlip | undefined {
  let slip: YamlSlip | undefined;
  // Anchors set so far, in the document's order, which is the order an alias may use them in: one
  // pass, where asking each alias to resolve itself walks the whole document again.
  const anchors = new Set<string>();
  visit(document, {
    Node(_, node, path) {
      if (isAlias(node) && !anchors.has(node.source)) {
        slip = unanchoredAlias(text, node.range?.[0] ?? 0, node.range?.[1] ?? 0, path);
        return visit.BREAK;
      }
      if (node.anchor) anchors.add(node.anchor);
      if (isScalar(node) && isSeq(path.at(-1))) {
        slip = itemIndentedIntoItem(text, node);
        if (slip) return visit.BREAK;
      }
      return undefined;
    },
  });
  return slip;
}

/** `- **\/archive/**` or `- *.bak`: to YAML, an alias (`*name`) of an anchor (`&name`) never set. */
function unanchoredAlias(text: string, start: number, end: number, path: readonly unknown[]): YamlSlip {
  const written = text.slice(start, end).trim();
  const what = isIgnorePattern(path) ? 'pattern' : 'value';
  return {
    message: `A YAML value that starts with * is read as an alias, a reference to a value marked with &: quote the ${what} (${yamlQuoted(written)}).`,
    offset: start,
    hint: QUOTE_HINT,
  };
}

/** The keys whose lists hold folder globs: the top-level `ignore`, and an override's `files`. */
const PATTERN_LISTS: ReadonlySet<unknown> = new Set(['ignore', 'files']);

/** Whether the node is an item of a list of folder globs (the key nearest above it names one). */
function isIgnorePattern(path: readonly unknown[]): boolean {
  const setting = path.findLast(isPair);
  return isSeq(path.at(-1)) && isScalar(setting?.key) && PATTERN_LISTS.has(setting.key.value);
}

/**
 * `- a` then `    - b` deeper: YAML reads the second line as more of the plain value `a`, giving
 * the one item 'a - b' (a glob that matches nothing), without an error.
 */
function itemIndentedIntoItem(text: string, node: Scalar): YamlSlip | undefined {
  if (node.type !== Scalar.PLAIN || !node.range) return undefined;
  const written = text.slice(node.range[0], node.range[1]);
  const item = /\n[ \t]*(-\s)/.exec(written);
  if (!item) return undefined;
  return {
    message: `This list item is indented deeper than the item above it, so YAML reads it as more of that item, ${quoted(node.value)}: start its '-' at the column of the item above.`,
    offset: node.range[0] + item.index + item[0].length - item[1]!.length,
    hint: 'The items of one list start at the same column, each with a dash and a space.',
  };
}
