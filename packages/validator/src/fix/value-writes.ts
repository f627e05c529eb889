import type { JsonDocument } from '../json/json-document.js';
import { parsePointer, valueAtPointer } from '../json/pointer.js';
import { jsonExcerpt } from '../text/message-values.js';
import { applyEdits, replacement, type TextEdit } from '../text/text-edits.js';
import type { WrittenValue } from '../model/report.js';
import type { JsonEdits } from './json-edits.js';
import { listLayoutOf, writtenList, type ListLayout } from './list-layout.js';

// What `validate --fix` makes of a value that a rule names the right one of (x-ms-visibility
// `Advanced` meant as `advanced`, an integer's default "10" meant as 10): the value's token
// rewritten, nothing else of the file. Pure: the file is read and written elsewhere (fix-folders.ts).

/** A rule's fix: the value at `pointer` is meant to be `to`. */
export interface ValueWrite {
  pointer: string;
  to: WrittenValue;
}

/**
 * Writes the values of a strict JSON document (its text without a byte-order mark) as `writes` ask.
 * Only a scalar (a string, number, boolean or null) or a list of scalars (a type list, `["string",
 * "null"]`) is replaced, and only with one value: two findings that name two values for one place
 * leave it to the maker. A list is written as the file
 * writes its lists (list-layout.ts). The result is checked to parse to the document's value with
 * just those values changed; when it does not (a key written twice, whose value the text holds in
 * two places), no value of the file is written.
 */
export function writeValues(document: JsonDocument, writes: readonly ValueWrite[]): JsonEdits {
  const text = document.text;
  const refused: string[] = [];
  const made: ValueWrite[] = [];
  for (const [pointer, values] of valuesByPointer(writes)) {
    const current = valueAtPointer(document.value, pointer);
    if (values.length > 1) {
      refused.push(
        `${valueAt(pointer)} was not written: the findings name ${values.length} values for it (${values.map(jsonExcerpt).join(', ')}); choose one by hand.`,
      );
    } else if (!isScalarOrList(current) || pointer === '') {
      refused.push(
        `${valueAt(pointer)} was not written: ${current === undefined ? 'it is not there' : 'it is no single value'}.`,
      );
    } else if (!sameJson(current, values[0]!)) {
      made.push({ pointer, to: values[0]! });
    }
  }
  if (made.length === 0) return { text, made: 0, refused };

  const places = document.locateEach(made.map((write) => write.pointer));
  const edits: TextEdit[] = [];
  let layout: ListLayout | undefined;
  for (const [index, write] of made.entries()) {
    const span = document.valueSpan(write.pointer, places[index]!);
    const token = span && text.slice(span.offset, span.offset + span.length);
    if (span === undefined || !sameJson(parsed(token!), valueAtPointer(document.value, write.pointer))) {
      return {
        text,
        made: 0,
        refused: [
          ...refused,
          `${valueAt(write.pointer)}: the value was not found in the text; no value was written.`,
        ],
      };
    }
    const to = write.to;
    edits.push(
      replacement(
        span.offset,
        span.length,
        isList(to)
          ? writtenList(to, (layout ??= listLayoutOf(document)), text, span.offset)
          : JSON.stringify(to),
      ),
    );
  }
  const written = applyEdits(text, edits)?.text;
  if (
    written === undefined ||
    parsedJson(written) !== JSON.stringify(withValuesWritten(document.value, made))
  ) {
    return {
      text,
      made: 0,
      refused: [
        ...refused,
        'writing the values would change more than those values (is a key repeated in its object?); no value was written.',
      ],
    };
  }
  return { text: written, made: made.length, refused };
}

/** The distinct values the writes name for each place, places in the order first named. */
function valuesByPointer(writes: readonly ValueWrite[]): Map<string, WrittenValue[]> {
  const values = new Map<string, WrittenValue[]>();
  for (const { pointer, to } of writes) {
    const named = values.get(pointer) ?? [];
    if (!named.some((value) => sameJson(value, to))) named.push(to);
    values.set(pointer, named);
  }
  return values;
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** A scalar, or a list of scalars: a value written on a line or a few, with nothing nested to lose. */
function isScalarOrList(value: unknown): boolean {
  return isScalar(value) || (Array.isArray(value) && value.every(isScalar));
}

/** Whether two JSON values are the same, scalars or lists of scalars. */
function sameJson(value: unknown, other: unknown): boolean {
  return value === other || (Array.isArray(value) && JSON.stringify(value) === JSON.stringify(other));
}

function isList(value: WrittenValue): value is readonly string[] {
  return Array.isArray(value);
}

/** The value with the writes made, as the edited text reads. */
function withValuesWritten(root: unknown, made: readonly ValueWrite[]): unknown {
  const copy: unknown = structuredClone(root);
  for (const { pointer, to } of made) {
    const segments = parsePointer(pointer);
    const parent = valueAtPointer(copy, pointer.slice(0, pointer.lastIndexOf('/'))) as Record<
      string,
      unknown
    >;
    // Defined, not assigned: a key `__proto__` is a member like any other in JSON.
    Object.defineProperty(parent, segments[segments.length - 1]!, {
      value: to,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** The scalar a JSON token holds; undefined when it holds no JSON. */
function parsed(token: string): unknown {
  try {
    return JSON.parse(token);
  } catch {
    return undefined;
  }
}

/** A JSON text as JSON.stringify writes its value; undefined when it is no JSON. */
function parsedJson(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** A value as a reason names it: `the value at /info/title`. */
export function valueAt(pointer: string): string {
  return `the value at ${pointer || '/'}`;
}
