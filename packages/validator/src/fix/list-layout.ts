import type { JsonDocument } from '../json/json-document.js';
import { childPointer } from '../json/pointer.js';
import { isObject } from '../swagger/json-values.js';

// How `validate --fix` writes a list in place of a string (`"consumes": "application/json"`): as the
// file writes its other lists, so that the result reads as if the maker had written it. Most
// swaggers write an entry a line (349 of the corpus's 370 `schemes`), some on one line
// (`"schemes": ["https"]`); JSON.stringify's one line would stand out in the former. Pure: the
// document is read, nothing written.

/** How a file writes a list of plain values. */
export interface ListLayout {
  /** An entry a line, each indented one `step` more than the line the list starts on. */
  lines: boolean;
  step: string;
  /** The file's line break. */
  newline: string;
  /** Between entries on one line: `, ` or `,`. */
  separator: string;
}

/** The most nodes read for a list to learn the layout from: the first is nearly always near the top. */
const MAX_NODES_READ = 10_000;

/**
 * The layout of the document's first list of plain values (a `schemes`, an `enum`); where it has
 * none, an entry a line when the file is written on lines, with the indentation of its first
 * indented line as the step, else one line.
 */
export function listLayoutOf(document: JsonDocument): ListLayout {
  const text = document.text;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const sample = firstPlainList(document.value);
  const span = sample === undefined ? undefined : document.valueSpan(sample);
  if (span === undefined) {
    const step = /\n([ \t]+)\S/.exec(text)?.[1];
    return { lines: step !== undefined, step: step ?? '  ', newline, separator: ', ' };
  }
  const written = text.slice(span.offset, span.offset + span.length);
  const entryIndent = /\n([ \t]*)\S/.exec(written)?.[1];
  if (entryIndent === undefined) {
    return { lines: false, step: '  ', newline, separator: /,\S/.test(written) ? ',' : ', ' };
  }
  const listIndent = indentationAt(text, span.offset);
  const step = entryIndent.startsWith(listIndent) ? entryIndent.slice(listIndent.length) : '';
  return { lines: true, step: step === '' ? '  ' : step, newline, separator: ', ' };
}

/**
 * The text of a list of strings written at `offset` of `text` in `layout`: an entry a line, indented
 * one step more than the line it starts on, the closing bracket on a line of that indentation.
 */
export function writtenList(
  entries: readonly string[],
  layout: ListLayout,
  text: string,
  offset: number,
): string {
  const quoted = entries.map((entry) => JSON.stringify(entry));
  if (!layout.lines) return `[${quoted.join(layout.separator)}]`;
  const indent = indentationAt(text, offset);
  const inner = `${layout.newline}${indent}${layout.step}`;
  return `[${inner}${quoted.join(`,${inner}`)}${layout.newline}${indent}]`;
}

/** The spaces and tabs that begin the line holding `offset`. */
function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/**
 * The pointer of the first non-empty list of strings, numbers and booleans in the value, in about
 * the order the text writes them (JSON.parse keeps it, but for keys such as response codes, which it
 * puts first; any list of the file serves), read to MAX_NODES_READ nodes.
 */
function firstPlainList(root: unknown): string | undefined {
  const pending: { value: unknown; pointer: string }[] = [{ value: root, pointer: '' }];
  for (let read = 0; read < MAX_NODES_READ && pending.length > 0; read++) {
    const { value, pointer } = pending.pop()!;
    const children: { value: unknown; pointer: string }[] = [];
    if (Array.isArray(value)) {
      if (value.length > 0 && value.every(isPlain)) return pointer;
      value.forEach((entry, index) => children.push({ value: entry, pointer: childPointer(pointer, index) }));
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        children.push({ value: value[key], pointer: childPointer(pointer, key) });
      }
    }
    // Depth first, in document order: the last child read first is the first one written.
    for (let index = children.length - 1; index >= 0; index--) {
      if (typeof children[index]!.value === 'object') pending.push(children[index]!);
    }
  }
  return undefined;
}

function isPlain(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
