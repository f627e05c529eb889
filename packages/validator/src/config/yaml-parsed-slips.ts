import { isAlias, isPair, isScalar, isSeq, Scalar, visit, type Document } from 'yaml';
import { nameExcerpt, quoted } from '../text/message-values.js';
import { QUOTE_HINT, yamlQuoted, type YamlSlip } from './yaml-slip.js';

/**
 * Slips that YAML parses without an error, into something else than was meant: a glob that starts
 * with `*` (an alias to an anchor that is not there, which the parser only refuses when the document
 * is made into data, with no place), a value that starts with `!` (a tag the parser does not know,
 * which it only warns of, reading the value without it: `- !legacy` became an empty pattern), and a
 * list item indented under the one above it (more of that item's value). The first of them in the
 * file's order, or undefined.
 */
export function parsedSlip(text: string, document: Document): YamlSlip | undefined {
  let slip: YamlSlip | undefined;
  const tag = unresolvedTagRange(document);
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
      // The tag is on the text right after it; a tagged map or list is still read as one.
      if (
        tag &&
        isScalar(node) &&
        node.tag !== undefined &&
        node.range &&
        isRightAfter(text, tag[1], node.range[0])
      ) {
        slip = unresolvedTag(text, tag, node, path);
        return visit.BREAK;
      }
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

/** Where the first tag is that the parser did not know (its warning), as [start, end] offsets. */
function unresolvedTagRange(document: Document): [number, number] | undefined {
  const warning = document.warnings.find(({ code }) => code === 'TAG_RESOLVE_FAILED');
  return warning ? [warning.pos[0], warning.pos[1]] : undefined;
}

/**
 * `- !legacy` or `SWG-FORMAT: !off`: to YAML, a tag (a type given to the value after it) that no
 * schema defines, so the value is read without it, and is empty when nothing follows it.
 */
function unresolvedTag(
  text: string,
  [start, end]: [number, number],
  node: Scalar,
  path: readonly unknown[],
): YamlSlip {
  const written = text.slice(start, Math.max(end, node.range?.[1] ?? end)).trim();
  const read = `A YAML value that starts with ! is read as a tag, a type given to the value after it (${nameExcerpt(text.slice(start, end))}), not as text`;
  // Quoted, a pattern is a glob, where a leading ! negates the rest; a level or a rule id has no
  // '!' in it, so the one written is more likely a slip.
  const advice = isIgnorePattern(path)
    ? `quote the pattern (${yamlQuoted(written)}). Quoted, a pattern that starts with ! matches every folder the rest of it does not.`
    : `quote the value (${yamlQuoted(written)}), or leave the ! out (${yamlQuoted(written.replace(/^!+/, ''))}).`;
  return {
    message: `${read}: ${advice}`,
    offset: start,
    hint: QUOTE_HINT,
  };
}

/**
 * Whether only spaces (or nothing) stand between the offsets `end` and `start` of the text, on one
 * line: the first key of a tagged map starts on the line after the tag.
 */
function isRightAfter(text: string, end: number, start: number): boolean {
  return start >= end && /^[ \t]*$/.test(text.slice(end, start));
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
