import { describe, expect, it } from '@jest/globals';
import { JsonDocument } from '../../src/json/json-document.js';
import { toPointer } from '../../src/json/pointer.js';
import { seededPick } from '../helpers/seeded-random.js';
import { placeInTree, repeatedKeysInTree, valueNodeInTree, type TreePlace } from '../helpers/tree-place.js';

/**
 * The locator held to jsonc-parser's tree on generated documents: every finding's line comes from
 * it, and its scan skips what no pointer names, stops at the last pointer, reads repeated keys to
 * the end and compares keys in place. The hand-written cases elsewhere pin each of those; this test
 * draws their combinations: keys that repeat, that hold escapes (`\/`, `\u0061`), brackets and
 * quotes, empty keys, arrays of ten or more, any indentation and line ending, trailing commas, and
 * pointers in any order, missing ones among them.
 */

type Generated =
  | { kind: 'object'; entries: [string, Generated][] }
  | { kind: 'array'; items: Generated[] }
  | { kind: 'scalar'; text: string };

const KEYS = [
  'a',
  'b',
  'ab',
  'ba',
  '',
  '~',
  '/',
  'a/b',
  '~1',
  '0',
  '10',
  'q"',
  'x\\y',
  '}]',
  'é',
  '\u{1F600}',
  'a b',
  // A colon after an escaped quote: the screen for repeats counts colons after a quote.
  'k:',
  'q":',
  // A key that ends with a backslash: its closing quote follows one, and is no escaped quote.
  'y\\',
];
const SCALARS = [
  '0',
  '-1.5e3',
  'true',
  'false',
  'null',
  '"s"',
  '""',
  '"}]\\"{["',
  '"a\\\\"',
  '"\u2028"',
  '"\\n"',
  // Colons in strings, after a quote too: the screen may say "maybe", the exact scan decides.
  '"a\\": b"',
  '" : "',
];

/**
 * Ways of writing whitespace: none, pretty-printed (LF or CR LF, spaces or tabs), or at random; or
 * comments between the tokens, which JSON has not and makers write (not one of LAYOUTS: the
 * comments test asks for it).
 */
type Layout = 'minified' | 'spaces' | 'tabs-crlf' | 'random' | 'comments';
const LAYOUTS: Layout[] = ['minified', 'spaces', 'tabs-crlf', 'random'];

function generator(seed: number) {
  const pick = seededPick(seed);
  const oneOf = <T>(items: readonly T[]): T => items[pick(items.length)]!;

  const generate = (depth: number): Generated => {
    const kind = depth >= 4 ? 2 : depth === 0 ? pick(2) : pick(3);
    if (kind === 2) return { kind: 'scalar', text: oneOf(SCALARS) };
    if (kind === 1) {
      // Sometimes ten or more elements: two-digit indexes are walked past one-digit ones.
      const length = pick(5) === 0 ? 10 + pick(3) : pick(4);
      return { kind: 'array', items: Array.from({ length }, () => generate(depth + 1)) };
    }
    const entries: [string, Generated][] = [];
    for (let count = pick(6); count > 0; count--) {
      // A key of an earlier entry now and then: JSON.parse keeps the last.
      const key = entries.length > 0 && pick(6) === 0 ? entries[pick(entries.length)]![0] : oneOf(KEYS);
      entries.push([key, generate(depth + 1)]);
    }
    return { kind: 'object', entries };
  };

  /** A key as JSON writes it; now and then with a letter or slash escaped, which JSON allows too. */
  const writeKey = (key: string): string => {
    const written = JSON.stringify(key);
    if (pick(5) !== 0) return written;
    return written.replace(/[a-z/]/, (character) =>
      character === '/' ? '\\/' : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  };

  const write = (value: Generated, layout: Layout, trailingCommas: boolean, depth = 0): string => {
    if (value.kind === 'scalar') return value.text;
    const gap = (level: number): string => {
      if (layout === 'comments') return oneOf(['', ' ', '\n', '/* } */', ' // ] "\n', '/*\n*/ ']);
      if (layout === 'minified') return '';
      if (layout === 'spaces') return `\n${'  '.repeat(level)}`;
      if (layout === 'tabs-crlf') return `\r\n${'\t'.repeat(level)}`;
      return oneOf(['', ' ', '\t', '\n', '\r\n', ' \n  ', '\n\n']);
    };
    const colon =
      layout === 'random' || layout === 'comments'
        ? `${gap(0)}:${gap(0)}`
        : layout === 'minified'
          ? ':'
          : ': ';
    const parts =
      value.kind === 'object'
        ? value.entries.map(
            ([key, member]) => `${writeKey(key)}${colon}${write(member, layout, trailingCommas, depth + 1)}`,
          )
        : value.items.map((item) => write(item, layout, trailingCommas, depth + 1));
    const [open, close] = value.kind === 'object' ? ['{', '}'] : ['[', ']'];
    if (parts.length === 0)
      return `${open}${layout === 'random' || layout === 'comments' ? gap(0) : ''}${close}`;
    const comma = trailingCommas && pick(2) === 0 ? ',' : '';
    return `${open}${parts.map((part) => `${gap(depth + 1)}${part}`).join(',')}${comma}${gap(depth)}${close}`;
  };

  /** Every path of the value, those under a key a later one repeats among them, and missing ones beside them. */
  const paths = (value: Generated, at: (string | number)[] = [], into: string[] = []): string[] => {
    into.push(toPointer(at));
    if (value.kind === 'object') {
      into.push(toPointer([...at, 'missing']));
      for (const [key, member] of value.entries) paths(member, [...at, key], into);
    } else if (value.kind === 'array') {
      into.push(toPointer([...at, value.items.length]), toPointer([...at, 'x', 0]));
      value.items.forEach((item, index) => paths(item, [...at, index], into));
    } else {
      into.push(toPointer([...at, 0]));
    }
    return into;
  };

  /** Some of the paths, in any order (the engine asks in the order rules reported), a few twice. */
  const pointersOf = (value: Generated): string[] => {
    const all = paths(value);
    return Array.from({ length: 1 + pick(10) }, () => oneOf(all));
  };

  /** A document: the value, now and then after and before blank lines or spaces (the root is placed where it starts). */
  const writeDocument = (value: Generated, trailingCommas: boolean, layout = oneOf(LAYOUTS)): string => {
    const padding = () => (pick(4) === 0 ? oneOf([' ', '\n', '\r\n  ', '\t\n']) : '');
    return `${padding()}${write(value, layout, trailingCommas)}${padding()}`;
  };

  return { pick, generate, writeDocument, pointersOf };
}

/**
 * The places the tree gives the pointers, as the document's locator reads its text. The strict
 * locator places a missing member at its ancestor's key, as wide as that key, and reads only RFC 6901
 * indexes; the tolerant ones, as the tree does, one character wide and indexes as `Number` reads them.
 */
function treePlaces(document: JsonDocument, text: string, pointers: readonly string[]): TreePlace[] {
  const strict = document.isStrictJson;
  return pointers.map((pointer) =>
    placeInTree(text, pointer, strict ? 'ancestor' : 'one', strict ? 'canonical' : 'number'),
  );
}

/** Line and column as a person counts them: lines end at LF (a CR before it ends nothing). */
function naivePosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (text[index] === '\n') {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

describe('locating pointers in generated documents', () => {
  const rounds = 600;

  it("places every pointer where jsonc-parser's tree has it, in strict JSON and with trailing commas", () => {
    const { pick, generate, writeDocument, pointersOf } = generator(20261205);
    let strict = 0;
    let lenient = 0;
    let repeated = 0;
    for (let round = 0; round < rounds; round++) {
      const value = generate(0);
      const trailingCommas = pick(4) === 0;
      const text = writeDocument(value, trailingCommas);
      const pointers = pointersOf(value);
      const document = JsonDocument.parse(text);
      const context = { round, text, pointers };
      // The generator writes JSON, trailing commas aside (and the note that caps their listing).
      const otherIssues = document.syntaxIssues.filter(
        (issue) => !/comma/i.test(issue.message) && issue.unlisted === undefined,
      );
      expect({ ...context, otherIssues }).toEqual({ ...context, otherIssues: [] });
      if (document.isStrictJson) strict++;
      else lenient++;
      if (document.duplicateKeys.length > 0) repeated++;
      const expected = treePlaces(document, text, pointers);
      expect({ ...context, places: document.locateEach(pointers) }).toEqual({ ...context, places: expected });
      // Alone, a pointer's walk stops at its first key unless keys repeat: the same place.
      pointers.forEach((pointer, index) => {
        expect({ ...context, pointer, place: JsonDocument.parse(text).locateEach([pointer])[0] }).toEqual({
          ...context,
          pointer,
          place: expected[index],
        });
      });
    }
    // The draws reach every path: strict and lenient text, and repeated keys.
    expect(strict).toBeGreaterThan(rounds / 2);
    expect(lenient).toBeGreaterThan(rounds / 10);
    expect(repeated).toBeGreaterThan(rounds / 20);
  });

  it('gives each place its line and column, asked in any order', () => {
    const { generate, writeDocument, pointersOf } = generator(7);
    for (let round = 0; round < rounds; round++) {
      const value = generate(0);
      const text = writeDocument(value, false);
      const pointers = pointersOf(value);
      // One document for the round: its line index is read as far as each answer needs, in the
      // order the pointers come.
      const document = JsonDocument.parse(text);
      for (const place of document.locateEach(pointers)) {
        const start = naivePosition(text, place.offset);
        const end = naivePosition(text, place.offset + place.length);
        expect({ round, text, place, range: document.range(place.offset, place.length) }).toEqual({
          round,
          text,
          place,
          range: { ...start, endLine: end.line, endColumn: end.column },
        });
      }
    }
  });

  it("finds the span and end of each value found, as the tree's node has them", () => {
    const { generate, writeDocument, pointersOf } = generator(11);
    for (let round = 0; round < rounds; round++) {
      const value = generate(0);
      const text = writeDocument(value, false);
      const document = JsonDocument.parse(text);
      for (const pointer of pointersOf(value)) {
        const node = valueNodeInTree(text, pointer, 'canonical');
        const expected = node ? { offset: node.offset, length: node.length } : undefined;
        expect({ round, text, pointer, span: document.valueSpan(pointer) }).toEqual({
          round,
          text,
          pointer,
          span: expected,
        });
        expect({ round, text, pointer, end: document.valueEnd(pointer) }).toEqual({
          round,
          text,
          pointer,
          end: node ? node.offset + node.length - 1 : undefined,
        });
      }
    }
  });

  it('finds every repeated key, the one kept and the object that repeats it, as the tree has them', () => {
    const { pick, generate, writeDocument } = generator(3);
    let repeated = 0;
    for (let round = 0; round < rounds; round++) {
      // Repeats are drawn one entry in six: half the rounds repeat a key on purpose, for enough of them.
      const value = generate(0);
      if (value.kind === 'object' && value.entries.length > 0 && pick(2) === 0) {
        value.entries.push([value.entries[pick(value.entries.length)]![0], { kind: 'scalar', text: '1' }]);
      }
      const text = writeDocument(value, false);
      const expected = repeatedKeysInTree(text);
      if (expected.length > 0) repeated++;
      expect({ round, text, repeats: JsonDocument.parse(text).duplicateKeys }).toEqual({
        round,
        text,
        repeats: expected,
      });
    }
    expect(repeated).toBeGreaterThan(rounds / 4);
  });

  it('places every pointer of text with comments where the tree, which reads comments, has it', () => {
    const { pick, generate, writeDocument, pointersOf } = generator(5);
    let commented = 0;
    for (let round = 0; round < rounds; round++) {
      const value = generate(0);
      // Trailing commas too, in half of them: the tree reads both.
      const text = writeDocument(value, pick(2) === 0, 'comments');
      const pointers = pointersOf(value);
      const document = JsonDocument.parse(text);
      if (!document.isStrictJson) commented++;
      const expected = treePlaces(document, text, pointers);
      expect({ round, text, pointers, places: document.locateEach(pointers) }).toEqual({
        round,
        text,
        pointers,
        places: expected,
      });
    }
    expect(commented).toBeGreaterThan(rounds / 2);
  });
});
