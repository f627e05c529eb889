import { describe, expect, it } from '@jest/globals';
import * as jsonc from 'jsonc-parser';
import { JsonDocument } from '../../src/json/json-document.js';
import { toPointer } from '../../src/json/pointer.js';
import { syntaxErrorPlaces } from '../../src/json/syntax-error-places.js';
import { seededPick } from '../helpers/seeded-random.js';

/**
 * The pointers of syntaxErrorPlaces read the obvious way: one visit of the whole text, each offset
 * given the path in effect before the first token at or past it (as before the visit stopped at the
 * last error).
 */
function referencePointers(text: string, offsets: readonly number[]): string[] {
  const pointers = offsets.map(() => '');
  const done = offsets.map(() => false);
  const segments: (string | number)[] = [];
  const reach = (offset: number) => {
    offsets.forEach((at, index) => {
      if (!done[index] && at <= offset) {
        pointers[index] = toPointer(segments);
        done[index] = true;
      }
    });
  };
  jsonc.visit(text, {
    onObjectBegin: (offset) => (reach(offset), void segments.push('')),
    onObjectProperty: (name, offset) => (reach(offset), void (segments[segments.length - 1] = name)),
    onObjectEnd: (offset) => (reach(offset), void segments.pop()),
    onArrayBegin: (offset) => (reach(offset), void segments.push(0)),
    onArrayEnd: (offset) => (reach(offset), void segments.pop()),
    onLiteralValue: (_value, offset) => reach(offset),
    onSeparator: (separator, offset) => {
      reach(offset);
      const last = segments[segments.length - 1];
      if (separator === ',' && typeof last === 'number') segments[segments.length - 1] = last + 1;
    },
  });
  reach(Infinity);
  return pointers;
}

/** Documents of nested objects and arrays with trailing commas and stray characters here and there. */
function generatedTexts(count: number): string[] {
  const pick = seededPick(37);
  const value = (depth: number): string => {
    const slip = () => [',', '', '', '', ' ;', ',,'][pick(6)];
    if (depth > 3 || pick(3) === 0) return ['1', '"a"', 'true', 'null', '"b,c"'][pick(5)]!;
    const items = Array.from({ length: pick(4) }, (_, index) =>
      pick(2) === 0 ? value(depth + 1) : `"k${index}": ${value(depth + 1)}`,
    );
    const object = items.every((item) => item.startsWith('"k'));
    return object
      ? `{${items.join(', ')}${slip()}}`
      : `[${items.map((item) => item.replace(/^"k\d+": /, '')).join(', ')}${slip()}]`;
  };
  // Some without their last brace: an error past the last token.
  return Array.from({ length: count }, () => {
    const text = `{"paths": ${value(0)}, "tail": ${value(0)}}`;
    return pick(5) === 0 ? text.slice(0, -1) : text;
  });
}

describe('syntaxErrorPlaces', () => {
  it('names each error by the path the tolerant reading is in, as one visit of the whole text does', () => {
    const texts = generatedTexts(3000);
    let compared = 0;
    const differing: string[] = [];
    for (const text of texts) {
      const document = JsonDocument.parse(text);
      if (document.syntaxIssues.length === 0 || document.value === undefined) continue;
      compared++;
      const pointers = syntaxErrorPlaces(document).map((place) => place.split('\u0000')[0]);
      const expected = referencePointers(
        document.text,
        document.syntaxIssues.map((issue) => issue.offset),
      );
      if (JSON.stringify(pointers) !== JSON.stringify(expected)) differing.push(text);
    }
    expect(compared).toBeGreaterThan(500);
    expect(differing).toEqual([]);
  });

  it('places an early error inside the path it is in, though the text goes on', () => {
    const text = `{"a": {"b": [1, 2,], "c": 3}, "d": {"e": [${'1, '.repeat(200)}1]}}`;
    const places = syntaxErrorPlaces(JsonDocument.parse(text));
    // The trailing comma, read before the element it would separate.
    expect(places.map((place) => place.split('\u0000')[0])).toEqual(['/a/b/1']);
  });
});
