import { describe, expect, it } from '@jest/globals';
import { fixJsonText } from '../../../src/fix/json-fix.js';
import { JsonDocument } from '../../../src/json/json-document.js';
import { MAX_REPAIRED_CHARACTERS } from '../../../src/json/repaired-parse.js';
import { diagnoseAndRepair, MAX_SLIPS } from '../../../src/json/syntax/diagnosis.js';
import { TokenStream } from '../../../src/json/syntax/tokens.js';

// A file of millions of slips (`,,` or single-quoted keys over 64 MB) took minutes and gigabytes;
// past MAX_SLIPS the text is refused with one finding, and up to it every slip is repaired.

const unnamed = (): string => '';

/** A swagger whose "x" object has `count` members with single-quoted keys: one slip each. */
function singleQuotedKeys(count: number): string {
  const members = Array.from({ length: count }, (_, i) => `\n    'k${i}': ${i},`).join('');
  return `{\n  "swagger": "2.0",\n  "x": {${members}\n    "z": 0\n  }\n}\n`;
}

const REFUSAL =
  /more than 1,000 JSON syntax errors \(the first 20 are listed\), so it is not checked further/;

describe('the slip limit of the JSON syntax diagnosis', () => {
  it('repairs every slip up to the limit, past the 20 it lists and the one that counts the rest', () => {
    const text = singleQuotedKeys(MAX_SLIPS);
    const diagnosis = diagnoseAndRepair(text, unnamed);
    expect(diagnosis).toMatchObject({ slips: MAX_SLIPS, refused: false });
    expect(diagnosis.issues).toHaveLength(21);
    expect(diagnosis.issues[20]!.message).toBe(
      '980 more findings of this rule are not listed: a file lists at most 20 JSON syntax errors. Fix the ones listed and check again.',
    );
    expect(diagnosis.edits).toHaveLength(MAX_SLIPS);
    // The rules read the value as its maker meant it, every member kept.
    const document = JsonDocument.parse(text);
    expect(Object.keys((document.value as { x: object }).x)).toHaveLength(MAX_SLIPS + 1);
    expect(document.syntaxIssues).toHaveLength(21);
    // The count stands at the first slip not listed: the 21st member's key, on line 3 + 21.
    expect(document.position(document.syntaxIssues[20]!.offset)).toMatchObject({ line: 24, column: 5 });
  });

  it('lists 20 slips and no count, whichever way the text is read', () => {
    for (const text of [singleQuotedKeys(20), `{"x":[${'[1,],'.repeat(20)}[1]]}`]) {
      const issues = JsonDocument.parse(text).syntaxIssues;
      expect(issues).toHaveLength(20);
      expect(issues.filter((issue) => issue.message.includes('not listed'))).toEqual([]);
    }
  });

  it('lets `validate --fix` write every slip up to the limit, and counts them all', () => {
    const fix = fixJsonText(singleQuotedKeys(MAX_SLIPS));
    expect(fix.outcome === 'fixed' && fix.slips).toBe(MAX_SLIPS);
    const written = fix.outcome === 'fixed' ? fix.text : '';
    expect(Object.keys(JSON.parse(written).x)).toHaveLength(MAX_SLIPS + 1);
    expect(written).not.toContain("'");
  });

  it('refuses a text of more slips with one finding at the first slip past the limit', () => {
    const text = singleQuotedKeys(MAX_SLIPS + 1);
    const diagnosis = diagnoseAndRepair(text, unnamed);
    expect(diagnosis).toMatchObject({ slips: MAX_SLIPS + 1, refused: true, edits: undefined });
    expect(diagnosis.issues).toHaveLength(21);
    const refusal = diagnosis.issues[20]!;
    expect(refusal.message).toMatch(REFUSAL);
    // The last member's key, on line 3 + 1,001.
    const document = JsonDocument.parse(text);
    expect(document.position(refusal.offset)).toMatchObject({ line: 3 + MAX_SLIPS + 1, column: 5 });
    expect(document.value).toBeUndefined();
    expect(document.syntaxIssues.map((issue) => issue.message)).toEqual(
      diagnosis.issues.map((i) => i.message),
    );
  });

  it('says why `validate --fix` leaves such a text alone', () => {
    expect(fixJsonText(singleQuotedKeys(MAX_SLIPS + 1))).toEqual({
      outcome: 'not-fixed',
      reason: expect.stringMatching(/more than 1,000 JSON syntax errors/),
    });
  });

  it('stops reading a text of millions of slips at the limit', () => {
    for (const slips of [',,', ' 1', "'a':1,"]) {
      const open = slips === "'a':1," ? '{' : '[1';
      const text = `{"swagger":"2.0","x":${open}${slips.repeat(200_000)}${open === '{' ? '"z":1}' : ']'}}`;
      const diagnosis = diagnoseAndRepair(text, unnamed);
      expect({ slips, refused: diagnosis.refused, counted: diagnosis.slips }).toEqual({
        slips,
        refused: true,
        counted: MAX_SLIPS + 1,
      });
    }
  });

  it('refuses a text of more trailing commas than the limit, which were each a finding', () => {
    const text = `{"swagger":"2.0","x":[${'[1,],'.repeat(MAX_SLIPS + 1)}[1]]}`;
    const document = JsonDocument.parse(text);
    expect(document.value).toBeUndefined();
    expect(document.syntaxIssues).toHaveLength(21);
    expect(document.syntaxIssues[20]!.message).toMatch(REFUSAL);
    // Up to the limit they are read, the value kept, and listed as the diagnosis lists slips: the
    // first 20, then one finding at the 21st that counts the rest.
    const withinText = `{"x":[${'[1,],'.repeat(MAX_SLIPS)}[1]]}`;
    const within = JsonDocument.parse(withinText);
    expect((within.value as { x: unknown[] }).x).toHaveLength(MAX_SLIPS + 1);
    expect(within.syntaxIssues).toHaveLength(21);
    expect(within.syntaxIssues[19]!.message).toBe(
      "A trailing comma before ']' is not allowed in JSON; remove it.",
    );
    expect(within.syntaxIssues[20]).toEqual({
      message:
        '980 more findings of this rule are not listed: a file lists at most 20 JSON syntax errors. Fix the ones listed and check again.',
      offset: withinText.indexOf(',]', 6 + 20 * 5),
      length: 1,
      unlisted: 980,
    });
    expect(withinText.indexOf(',]', 6 + 20 * 5)).toBe(6 + 20 * 5 + 2);
  });
});

describe('TokenStream', () => {
  it('forgets the tokens the walk has passed, so that a long text is never held as tokens', () => {
    const text = `[${'1,'.repeat(20_000)}1]`;
    const stream = new TokenStream(text, unnamed);
    // Token i stands at offset i: '[', then '1' and ',' by turns.
    expect(stream.at(30_000)).toMatchObject({ kind: ',', offset: 30_000 });
    stream.forgetBefore(30_000);
    expect(stream.at(29_999)).toBeUndefined();
    expect(stream.at(30_000)).toMatchObject({ kind: ',' });
    expect(stream.at(40_003)).toMatchObject({ kind: 'end' });
    expect(stream.at(40_004)).toBeUndefined();
  });

  it('keeps the token before the one the walk reads, however many it has forgotten', () => {
    // A '{' that no key follows is told by the token before the string: at token 4,095, where the
    // first batch of 4,096 is forgotten, that '{' was gone, and the string was read as a key that
    // lacks its colon, an issue with no edit.
    const text = `[${'0,'.repeat(2047)}{"x", 1]`;
    expect(new TokenStream(text, unnamed).at(4095)).toMatchObject({ kind: '{' });
    const diagnosis = diagnoseAndRepair(text, unnamed);
    expect(diagnosis.issues).toEqual([
      {
        message: "This '{' opens an object, but no key follows it: remove it.",
        offset: text.indexOf('{'),
        length: 1,
      },
    ]);
    expect(diagnosis.edits).toHaveLength(1);
  });

  it('tells closers alone after the value from text after it, once for a run of closers', () => {
    const closers = '{"a": 1}' + ' } /* x */ ]\n# note\n}';
    const stream = new TokenStream(closers, unnamed);
    expect(stream.onlyClosersAfter(8)).toBe(true);
    expect(stream.onlyClosersAfter(10)).toBe(true);
    const more = new TokenStream('{"a": 1} } "b"', unnamed);
    expect(more.onlyClosersAfter(8)).toBe(false);
    expect(more.onlyClosersAfter(10)).toBe(false);
  });
});

describe('text too long to repair', () => {
  /** A swagger of `length` characters whose "x" array lacks one comma, near its start. */
  function withOneMissingComma(length: number): string {
    const head = '{"swagger": "2.0", "x": [1 1';
    const tail = ']}';
    return `${head}${',1'.repeat((length - head.length - tail.length) / 2)}${tail}`;
  }

  it('is repaired up to MAX_REPAIRED_CHARACTERS', () => {
    const text = withOneMissingComma(MAX_REPAIRED_CHARACTERS);
    expect(text).toHaveLength(MAX_REPAIRED_CHARACTERS);
    const document = JsonDocument.parse(text);
    expect(document.value).toMatchObject({ swagger: '2.0' });
    expect(document.syntaxIssues).toHaveLength(1);
    expect(fixJsonText(text).outcome).toBe('fixed');
  });

  it('past it, has its syntax errors listed, no value, and a finding that says why', () => {
    const text = withOneMissingComma(MAX_REPAIRED_CHARACTERS + 2);
    const document = JsonDocument.parse(text);
    expect(document.value).toBeUndefined();
    expect(document.syntaxIssues.map((issue) => issue.message)).toEqual([
      "A comma is missing after this value: add ',' before the '1' at line 1.",
      'The file has 8,388,610 characters and is not valid JSON: a file past 8,388,608 characters is not repaired to check the rest of it. Make it strict JSON.',
    ]);
    expect(fixJsonText(text)).toMatchObject({
      outcome: 'not-fixed',
      reason: 'it has more than 8,388,608 characters, more than this tool repairs; write it as strict JSON.',
    });
  });

  it('past it and past the slip limit, is refused once, for its slips', () => {
    const text = `{"x": [1${' 1'.repeat(MAX_REPAIRED_CHARACTERS / 2)}]}`;
    const messages = JsonDocument.parse(text).syntaxIssues.map((issue) => issue.message);
    expect(messages).toHaveLength(21);
    expect(messages.at(-1)).toMatch(REFUSAL);
    expect(messages.filter((message) => message.includes('is not repaired'))).toEqual([]);
  });
});
