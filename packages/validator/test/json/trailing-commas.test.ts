import { describe, expect, it } from '@jest/globals';
import { JsonDocument } from '../../src/json/json-document.js';
import type { JsonSyntaxIssue } from '../../src/json/syntax/syntax-issue.js';
import { parseTolerantly } from '../../src/json/repaired-parse.js';
import {
  namesIndexLoosely,
  parseTrailingCommaSlips,
  trailingCommaRepair,
} from '../../src/json/trailing-commas.js';
import { diagnoseAndRepair, MAX_SLIPS } from '../../src/json/syntax/diagnosis.js';
import { seededPick } from '../helpers/seeded-random.js';

/** jsonc-parser's tolerant parse: the value and issues a document had before the fast path. */
function tolerant(text: string): { value: unknown; issues: JsonSyntaxIssue[] } {
  const issues: JsonSyntaxIssue[] = [];
  const value = parseTolerantly(text, issues);
  return { value, issues };
}

function documentOf(text: string): { value: unknown; issues: readonly JsonSyntaxIssue[] } {
  const document = JsonDocument.parse(text);
  return { value: document.value, issues: document.syntaxIssues };
}

describe('parseTrailingCommaSlips', () => {
  it("gives jsonc-parser's value and issues for text whose only errors are trailing commas", () => {
    const texts = [
      '{"a": 1,}',
      '[1, 2,\n]',
      '{"a": [1, 2,\n],\r\n "b": {"c": 3,\t}, }',
      '{"a": {"x": [], "y": {},}, "a": [{"z": [[],],},], "": "",}',
      // Commas and brackets inside strings, escaped quotes before them; repeated keys, -0, numbers.
      '{"s": "x,}", "t": "\\",]", "u": "\\\\", "n": [-0, 1e2, 0.5,], "s": "y, ]",}',
      '[{"a": true,}, null, false, "\\n\\/",]',
    ];
    for (const text of texts) {
      expect(parseTrailingCommaSlips(text)).toBeDefined();
      expect(documentOf(text)).toStrictEqual(tolerant(text));
    }
    expect(documentOf('[1,]').issues).toEqual([
      { message: "A trailing comma before ']' is not allowed in JSON; remove it.", offset: 2, length: 1 },
    ]);
  });

  it('leaves other text to the general path: other errors, commas in strings, possible __proto__ keys', () => {
    const texts = [
      '[,]',
      '{ , }',
      '[1,,]',
      '{"a": 1 "b": 2,}',
      '{"a": "x,}"',
      '{"a": "x,}" ',
      '{"a": 1,\u00a0}',
      '{"__proto__": {"polluted": 1}, "a": 1,}',
      '{"\\u005f_proto__": {"polluted": 1}, "a": 1,}',
      '{"a": "\\u0041",}',
    ];
    for (const text of texts) {
      expect(parseTrailingCommaSlips(text)).toBeUndefined();
      expect(documentOf(text).issues).toStrictEqual(tolerant(text).issues);
    }
    for (const text of [...texts.slice(0, 7), texts[9]!]) {
      expect(documentOf(text).value).toStrictEqual(tolerant(text).value);
    }
    // jsonc-parser sets the prototype for a `__proto__` key; the general path reads the text with its
    // trailing comma removed through JSON.parse, which makes it an own key, as for strict JSON.
    for (const text of texts.slice(7, 9)) {
      const value = documentOf(text).value as Record<string, unknown>;
      expect(Object.keys(value)).toEqual(['__proto__', 'a']);
      expect(value.polluted).toBeUndefined();
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect((tolerant(text).value as Record<string, unknown>).polluted).toBe(1);
    }
  });
});

/** Strings that hold what the scans look for: commas, brackets, quotes and backslashes. */
const STRINGS = ['', 'a', 'x,}', ',]', '\\"},', 'C:\\dir\\', '{"k": 1,}', 'line\nnext'];

/**
 * JSON text with trailing commas before some closers (`pick` decides), laid out in many ways:
 * compact, spaced, one member a line with steps of indentation, closers indented unlike their
 * openers. Objects inside objects make the `},` before a key that an extra closer could explain.
 */
function textWithTrailingCommas(pick: (n: number) => number, depth = 0, indent = ''): string {
  const kind = depth === 0 ? pick(2) : depth >= 4 ? 2 + pick(3) : pick(5);
  if (kind >= 2)
    return [
      JSON.stringify(STRINGS[pick(STRINGS.length)]),
      String(pick(100) - 50),
      'true, null'.split(', ')[pick(2)]!,
    ][kind - 2]!;
  const open = kind === 0 ? '{' : '[';
  const close = kind === 0 ? '}' : ']';
  const count = pick(4);
  const multiline = pick(2) === 0;
  const inner = indent + ' '.repeat(pick(5));
  const separator = multiline ? `\n${inner}` : [' ', '', '\t'][pick(3)]!;
  const members: string[] = [];
  for (let index = 0; index < count; index++) {
    const value = textWithTrailingCommas(pick, depth + 1, inner);
    members.push(kind === 0 ? `${JSON.stringify(STRINGS[pick(STRINGS.length)] + index)}: ${value}` : value);
  }
  const trailing = count > 0 && pick(2) === 0 ? ',' + [' ', '', '\n', '\r\n  '][pick(4)] : '';
  const closerIndent = multiline ? `\n${' '.repeat(pick(2) === 0 ? indent.length : pick(7))}` : '';
  return `${open}${count > 0 ? separator : ''}${members.join(`,${separator}`)}${trailing}${closerIndent}${close}`;
}

describe('trailingCommaRepair', () => {
  it('repairs text whose only errors are trailing commas as the diagnosis does, without it', () => {
    const pick = seededPick(32);
    let repaired = 0;
    for (let index = 0; index < 2000; index++) {
      const text = textWithTrailingCommas(pick);
      const shortcut = trailingCommaRepair(text, MAX_SLIPS);
      if (shortcut === undefined) continue;
      repaired++;
      const { issues, ...diagnosed } = diagnoseAndRepair(text, () => '');
      expect({ text, ...shortcut }).toStrictEqual({ text, ...diagnosed });
      expect(issues.length).toBe(Math.min(shortcut.slips, 20));
    }
    // About half the generated texts have a trailing comma (and none `__proto__` or `\u`).
    expect(repaired).toBeGreaterThan(800);
  });

  it('leaves other text, and text of more trailing commas than the diagnosis repairs, to it', () => {
    expect(trailingCommaRepair('{"a": 1}', MAX_SLIPS)).toBeUndefined();
    expect(trailingCommaRepair('{"a": 1,, }', MAX_SLIPS)).toBeUndefined();
    expect(trailingCommaRepair('{"a": [1,], // note\n}', MAX_SLIPS)).toBeUndefined();
    const many = `[${'[1,],'.repeat(MAX_SLIPS)}[1,]]`;
    expect(trailingCommaRepair(many, MAX_SLIPS)).toBeUndefined();
    expect(diagnoseAndRepair(many, () => '').refused).toBe(true);
    expect(trailingCommaRepair(many, MAX_SLIPS + 1)?.slips).toBe(MAX_SLIPS + 1);
  });
});

describe('namesIndexLoosely', () => {
  it('tells indexes that Number reads but that are written otherwise, and text that is no pointer', () => {
    const loose = ['/a/01', '/a/', '//', '/a/-0', '/a/1e0', '/a/ 1', '/a/0x1', '/a/1.0', 'a/1'];
    const plain = ['', '/a/1', '/a/0', '/a/10/b', '/a/-1', '/a/1.5', '/a/x', '/a~1b/c~0', '/a/NaN'];
    expect(loose.filter(namesIndexLoosely)).toEqual(loose);
    expect(plain.filter(namesIndexLoosely)).toEqual([]);
  });
});
