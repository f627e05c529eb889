import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '@connector-alm/testing';
import { canonicalText } from '../../src/diff/element-places.js';
import { jsonEqual } from '../../src/diff/json-equal.js';

/**
 * Numbers, each with the ways JSON may write it: the same number written differently, 0 and -0
 * (equal to jsonEqual), numbers too large for a double (Infinity, as JSON.parse reads them) and
 * integers past 2^53 that read as the same double.
 */
const NUMBERS: string[][] = [
  ['0', '0.0', '0e5', '0E-2'],
  ['-0', '-0.0', '-0e0'],
  ['1', '1.0', '1e0', '10e-1', '0.1e1'],
  ['-1', '-1.00', '-1E0'],
  ['0.1', '1e-1', '0.10', '1E-1'],
  ['100', '1e2', '1E+2', '100.00'],
  ['1e21', '1000000000000000000000', '1E21'],
  ['9007199254740993', '9007199254740992'],
  ['1e400', '2e999'],
  ['-1e400', '-5E400'],
];
/** Strings and keys that look alike: case, spaces, quotes, backslashes, composed and decomposed é, surrogates. */
const STRINGS = [
  '',
  'a',
  'A',
  'a ',
  '"',
  '\\',
  '"a"',
  'é',
  'e\u0301',
  '\u2028',
  '😀',
  '\ud800',
  '1',
  'null',
  'true',
];
const KEYS = [
  'a',
  'A',
  'a ',
  '"',
  '',
  'é',
  'e\u0301',
  '__proto__',
  'constructor',
  'toString',
  '1',
  '01',
  'b',
];

type Tree =
  | { kind: 'number'; spellings: string[] }
  | { kind: 'string' | 'literal'; value: string }
  | { kind: 'array'; items: Tree[] }
  | { kind: 'object'; members: [string, Tree][] };

describe('canonicalText', () => {
  it('is the same text for two JSON values exactly when jsonEqual says they are equal', () => {
    const random = seededRandom(4242);
    const pick = <T>(list: readonly T[]): T => list[random(list.length)]!;

    const tree = (depth: number): Tree => {
      const kind = random(depth > 2 ? 3 : 5);
      if (kind === 0) return { kind: 'number', spellings: pick(NUMBERS) };
      if (kind === 1) return { kind: 'string', value: pick(STRINGS) };
      if (kind === 2) return { kind: 'literal', value: pick(['null', 'true', 'false']) };
      if (kind === 3)
        return { kind: 'array', items: Array.from({ length: random(4) }, () => tree(depth + 1)) };
      const members = new Map<string, Tree>();
      for (let count = random(4); count > 0; count--) members.set(pick(KEYS), tree(depth + 1));
      return { kind: 'object', members: [...members] };
    };

    /** A tree with one small change somewhere, often one that keeps the value equal or near it. */
    const changed = (value: Tree): Tree => {
      if (value.kind === 'array' && value.items.length > 0 && random(2) === 0) {
        const items = [...value.items];
        const at = random(items.length);
        items[at] = random(4) === 0 ? { kind: 'array', items: [items[at]!] } : changed(items[at]!);
        return { kind: 'array', items: random(5) === 0 ? items.reverse() : items };
      }
      if (value.kind === 'object' && value.members.length > 0 && random(2) === 0) {
        const members = [...value.members];
        const at = random(members.length);
        if (random(4) === 0) members.splice(at, 1);
        else members[at] = [members[at]![0], changed(members[at]![1])];
        return { kind: 'object', members };
      }
      if (value.kind === 'object' && random(3) === 0)
        return { kind: 'array', items: value.members.map((m) => m[1]) };
      return random(3) === 0 ? value : tree(2);
    };

    /** The JSON text of a tree, written one of many ways: any key order, spelling and escapes. */
    const written = (value: Tree): string => {
      switch (value.kind) {
        case 'number':
          return pick(value.spellings);
        case 'literal':
          return value.value;
        case 'string':
          return writtenString(value.value);
        case 'array':
          return `[${value.items.map(written).join(random(2) ? ',' : ' , ')}]`;
        case 'object': {
          const members = [...value.members];
          for (let at = members.length - 1; at > 0; at--) {
            const other = random(at + 1);
            [members[at], members[other]] = [members[other]!, members[at]!];
          }
          // Now and then a key written twice: JSON.parse keeps the last.
          const texts = members.map(
            ([key, member]) =>
              (random(6) === 0 ? `${writtenString(key)}:${written(tree(2))},` : '') +
              `${writtenString(key)}:${written(member)}`,
          );
          return `{${texts.join(',')}}`;
        }
      }
    };
    const writtenString = (text: string): string =>
      `"${[...text]
        .map((char) =>
          char === '"' || char === '\\' || random(3) === 0
            ? [...char]
                .map(
                  (unit) =>
                    `\\u${unit
                      .charCodeAt(0)
                      .toString(16)
                      .padStart(4, '0')
                      [random(2) ? 'toUpperCase' : 'toLowerCase']()}`,
                )
                .join('')
            : char,
        )
        .join('')}"`;

    let equal = 0;
    let unequal = 0;
    for (let round = 0; round < 30_000; round++) {
      const first = tree(0);
      const second = random(3) === 0 ? first : changed(first);
      const a: unknown = JSON.parse(written(first));
      const b: unknown = JSON.parse(written(second));
      const same = jsonEqual(a, b);
      if (same) equal++;
      else unequal++;
      const sameText = canonicalText(a) === canonicalText(b);
      if (sameText !== same) expect({ a, b, sameText }).toEqual({ a, b, sameText: same });
    }
    // Both answers come often: a generator of only equal (or only different) pairs would test little.
    expect(equal).toBeGreaterThan(8_000);
    expect(unequal).toBeGreaterThan(8_000);
  });

  it('keeps apart values whose parts would run together written plainly', () => {
    // Each pair differs, but the text of one would be that of the other if keys, strings or nesting
    // were written without their quotes and brackets.
    const texts = [
      '{"a":null,"b":null}',
      '{"a:null,b":null}',
      '{"a":"b"}',
      '{"a\\":\\"b":""}',
      '{"a":"1"}',
      '{"a":1}',
      '[[1],2]',
      '[1,[2]]',
      '[1,2]',
      '["1,2"]',
      '"null"',
      'null',
      '[]',
      '{}',
      '[[]]',
      '[null]',
      '{"":""}',
      '""',
      '0',
      '-0',
    ];
    for (const first of texts) {
      for (const second of texts) {
        const a: unknown = JSON.parse(first);
        const b: unknown = JSON.parse(second);
        expect({ first, second, sameText: canonicalText(a) === canonicalText(b) }).toEqual({
          first,
          second,
          sameText: jsonEqual(a, b),
        });
      }
    }
  });
});
