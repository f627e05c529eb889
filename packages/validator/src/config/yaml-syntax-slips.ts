import { plural } from '@connector-alm/core';
import { isScalar, visit, type Document, type LineCounter, type Pair, type YAMLError } from 'yaml';
import { excerpt, quoted } from '../text/message-values.js';
import type { ConfigSyntax } from './config-types.js';
import {
  nearestContentLine,
  QUOTE_HINT,
  textLine,
  yamlQuoted,
  type TextLine,
  type YamlSlip,
} from './yaml-slip.js';

const KEY_HINT = "In YAML a key ends with a colon and a space: 'key: value'.";

/**
 * The YAML parser's error (by its code) as a common slip in plain words, on the line to edit, or
 * undefined when it is none of them and the parser's own words are shown. The parser names what it
 * read, not what was meant: a line indented too deep is "Nested mappings are not allowed in compact
 * mappings" on the line above it, and a key without a space after its colon "Implicit keys need to
 * be on a single line". The parser reads `.connector-alm.json` too, once it is known to be JSON: of
 * its errors only a key written twice is then possible, which is worded in the file's `syntax`.
 */
export function syntaxSlip(
  error: YAMLError,
  text: string,
  document: Document,
  lines: LineCounter,
  syntax: ConfigSyntax,
): YamlSlip | undefined {
  const offset = error.pos[0];
  const line = textLine(text, lines, lines.linePos(offset).line);
  if (!line) return undefined;
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return {
        message: 'A tab indents this line: YAML indents with spaces only.',
        offset,
        hint: 'Replace the tab with spaces, as many as the lines around it are indented by.',
      };
    case 'BAD_SCALAR_START':
      return reservedStart(text, offset);
    case 'DUPLICATE_KEY':
      return duplicateKey(document, offset, lines, syntax);
    case 'MULTIPLE_DOCS':
      return secondDocument(text, offset);
    case 'BAD_INDENT':
      return /same column/.test(error.message) ? unevenIndent(text, lines, line, error.message) : undefined;
    case 'MISSING_CHAR':
      // Only "Implicit map keys need to be followed by map values": its other uses are a flow
      // collection's missing bracket or comma.
      return /map values/.test(error.message) ? keyWithoutSeparator(line) : undefined;
    case 'BLOCK_AS_IMPLICIT_KEY':
      // "A block sequence may not be used as an implicit map key": a list item indented less than
      // the items above it.
      if (/block sequence/.test(error.message)) return unevenIndent(text, lines, line, 'sequence');
      return keyWithoutSeparator(line) ?? indentedIntoValue(text, lines, line);
    case 'MULTILINE_IMPLICIT_KEY':
      return keyWithoutSeparator(line) ?? indentedIntoValue(text, lines, line);
    default:
      return undefined;
  }
}

/**
 * `SWG-CONSUMES:off` or `SWG-CONSUMES off` on a line of a map: one plain word (or words) to YAML,
 * which then reads the next line as more of the same key, or finds a key with no value.
 */
function keyWithoutSeparator(line: TextLine): YamlSlip | undefined {
  const item = /^-\s+/.exec(line.content)?.[0] ?? '';
  const entry = line.content.slice(item.length);
  const offset = line.start + line.indent + item.length;
  if (/:(\s|$)/.test(entry) || /^['"[{]/.test(entry)) return undefined;
  const noSpace = /^([^\s:]+):(\S.*)$/.exec(entry);
  if (noSpace)
    return {
      message: `'${excerpt(entry)}' has no space after ':', so YAML reads it as one word, not a key and its value: write ${yamlPair(noSpace[1]!, noSpace[2]!)}.`,
      offset,
      hint: KEY_HINT,
    };
  const noColon = /^([^\s:]+)\s+([^\s:][^:]*)$/.exec(entry);
  if (noColon)
    return {
      message: `'${excerpt(entry)}' has no ':' after its key: write ${yamlPair(noColon[1]!, noColon[2]!)}.`,
      offset,
      hint: KEY_HINT,
    };
  return undefined;
}

function yamlPair(key: string, value: string): string {
  return `'${excerpt(key)}: ${excerpt(value)}'`;
}

/**
 * A line indented deeper than the `key: value` line above it: YAML reads it as more of that value
 * (a plain value may run over lines), then finds a key inside it, and says so at the value above.
 */
function indentedIntoValue(text: string, lines: LineCounter, line: TextLine): YamlSlip | undefined {
  const next = nearestContentLine(text, lines, line.number, 1);
  if (!next || next.indent <= line.indent) return undefined;
  return {
    message: `This line is indented more than line ${line.number} above it (${plural(next.indent, 'space')}, not ${line.indent}), whose key has its value already: indent it as line ${line.number}.`,
    offset: next.start + next.indent,
    hint: "A line is indented deeper than the one above it only under a key that ends with ':'.",
  };
}

/** A key (or list item) indented less than those above it in its map (list), yet more than its parent. */
function unevenIndent(
  text: string,
  lines: LineCounter,
  line: TextLine,
  parserMessage: string,
): YamlSlip | undefined {
  const above = nearestContentLine(text, lines, line.number, -1);
  if (!above || above.indent === line.indent) return undefined;
  const what = /sequence/.test(parserMessage) ? 'the items of one list' : 'the keys of one map';
  return {
    message: `This line is indented by ${plural(line.indent, 'space')} and line ${above.number} above it by ${above.indent}: ${what} start at the same column.`,
    offset: line.start + line.indent,
    hint: 'Indent it as the lines it belongs with, or as the key it belongs under, with spaces.',
  };
}

/** A plain value that starts with @ or ` (reserved), or % (a directive's mark). */
function reservedStart(text: string, offset: number): YamlSlip {
  const lineEnd = text.indexOf('\n', offset);
  let value = text.slice(offset, lineEnd === -1 ? text.length : lineEnd);
  const lineStart = text.lastIndexOf('\n', offset) + 1;
  // In a flow list or map ([@a, b]), the value ends at the next comma or bracket.
  if (/[[{]/.test(text.slice(lineStart, offset))) value = value.split(/[,\]}]/)[0]!;
  value = value.replace(/\s#.*$/, '').trim();
  return {
    message: `A YAML value cannot start with ${text.charAt(offset)} unless it is quoted: write ${yamlQuoted(value)}.`,
    offset,
    hint: QUOTE_HINT,
  };
}

/** How a key written twice is told, in the file's own terms. */
const DUPLICATE_KEY_WORDS = {
  yaml: {
    container: 'map',
    hint: 'YAML refuses a map that names a key twice, as the later would replace the first.',
  },
  json: {
    container: 'object',
    // JSON leaves a repeated key to the reader: most keep the later without a word.
    hint: 'Most JSON readers would keep only the later of the two, and drop the first without a word.',
  },
} satisfies Record<ConfigSyntax, unknown>;

/** A key written twice in one map (a JSON object), named with the line of its first. */
function duplicateKey(
  document: Document,
  offset: number,
  lines: LineCounter,
  syntax: ConfigSyntax,
): YamlSlip | undefined {
  let first: Pair | undefined;
  let key: unknown;
  visit(document, {
    Map(_, map) {
      const seen = new Map<unknown, Pair>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const earlier = seen.get(pair.key.value);
        if (earlier && pair.key.range?.[0] === offset) {
          [first, key] = [earlier, pair.key.value];
          return visit.BREAK;
        }
        if (!earlier) seen.set(pair.key.value, pair);
      }
      return undefined;
    },
  });
  const firstOffset = (first?.key as { range?: [number] } | undefined)?.range?.[0];
  if (firstOffset === undefined) return undefined;
  const words = DUPLICATE_KEY_WORDS[syntax];
  return {
    message: `The key ${quoted(key)} is written twice in this ${words.container}, first on line ${lines.linePos(firstOffset).line}: keep one of them.`,
    offset,
    hint: words.hint,
  };
}

/**
 * A second YAML document in the file: a `---` line after the settings (often one left at the end,
 * with nothing after it), or text after a `...` line, which ends a document. The parser says to call
 * its API for several documents; connector-alm reads one, and would silently drop the others.
 */
function secondDocument(text: string, offset: number): YamlSlip {
  const whereAnotherStarts = text.startsWith('---', offset)
    ? "a '---' line starts another"
    : "this line follows a '...' line, which ends the first";
  return {
    message: `The configuration file holds more than one YAML document (${whereAnotherStarts}): keep one.`,
    offset,
    hint: "Move the other document's settings into the first, and delete the line that separates them.",
  };
}
