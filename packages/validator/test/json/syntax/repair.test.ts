import { describe, expect, it } from '@jest/globals';
import { fixJsonText } from '../../../src/fix/json-fix.js';
import { JsonDocument } from '../../../src/json/json-document.js';
import type { JsonSyntaxIssue } from '../../../src/json/syntax/syntax-issue.js';
import { parseTolerantly } from '../../../src/json/repaired-parse.js';
import { applyEdits, insertion, removal, replacement } from '../../../src/text/text-edits.js';

// Text JSON.parse refuses is read with the edits made that its syntax issues name. jsonc-parser's
// recovery dropped what a slip touched: `"in": 'path'` lost the value, `operationId: "X"` the member.

const SWAGGER = JSON.stringify(
  {
    swagger: '2.0',
    info: { title: 'Tasks', version: '1.0', description: 'A "quoted" \\ word' },
    paths: {
      '/tasks/{id}': {
        get: {
          operationId: 'GetTask',
          parameters: [{ name: 'id', in: 'path', required: true, type: 'string', default: -1.5e3 }],
          responses: { '200': { description: 'OK' } },
        },
      },
    },
    securityDefinitions: { oauth: { type: 'oauth2', flow: 'accessCode', scopes: {} } },
    values: [null, true, false, 0, 2.5, [], {}, ''],
  },
  null,
  2,
);
const MEANT = JSON.parse(SWAGGER) as unknown;

/** Every place where `pattern` matches the swagger, with the text that slip makes of it. */
function slips(pattern: RegExp, slip: (match: RegExpExecArray) => string): string[] {
  const texts: string[] = [];
  for (const match of SWAGGER.matchAll(pattern)) {
    const at = match.index;
    texts.push(SWAGGER.slice(0, at) + slip(match) + SWAGGER.slice(at + match[0].length));
  }
  expect(texts.length).toBeGreaterThan(0);
  return texts;
}

function tolerantValue(text: string): unknown {
  const issues: JsonSyntaxIssue[] = [];
  return parseTolerantly(text, issues);
}

describe('a file with syntax slips is read as its maker meant it', () => {
  // With the number of those places where jsonc-parser's recovery read the file otherwise: a test
  // that could not fail before would prove nothing.
  it.each([
    [
      'a value in single quotes',
      /"(oauth2|path|GetTask|accessCode|2\.0|OK)"/g,
      (m: RegExpExecArray) => `'${m[1]}'`,
      6,
    ],
    [
      'a key without quotes',
      /"(operationId|in|type|flow|name|get|scopes)":/g,
      (m: RegExpExecArray) => `${m[1]}:`,
      8,
    ],
    ['a key in single quotes', /"(operationId|in|type|swagger)":/g, (m: RegExpExecArray) => `'${m[1]}':`, 5],
    ['a missing colon', /": /g, () => '" ', 24],
    // The scanner read `=1` as one word: the value became the string "=", or the member was lost.
    ['a = for a colon', /": /g, () => '" = ', 24],
    ['a => for a colon', /": /g, () => '"=>', 24],
    ['True for true', /true/g, () => 'True', 2],
    ['a leading zero', /2\.5/g, () => '02.5', 1],
    ['a missing comma', /,\n/g, () => '\n', 0],
    // After a string, number, literal or bracket: the scanner reads `true;` as one word, which was
    // advised to become the string "true;".
    ['a semicolon for a comma', /(["\]}0-9el]),\n/g, (m: RegExpExecArray) => `${m[1]};\n`, 4],
    [
      'a semicolon before a closing bracket',
      /(["\]}0-9el])(\n *[\]}])/g,
      (m: RegExpExecArray) => `${m[1]};${m[2]}`,
      0,
    ],
    ['a comment', /\n/g, () => ' // note\n', 0],
    // The # was "Unexpected … remove it", and the rest of the line read as a member `note: 1`.
    ['a comment with #, as YAML writes one', /\n/g, () => ' # note: 1\n', 33],
    [
      'a value in backticks',
      /"(oauth2|path|GetTask|accessCode|2\.0|OK)"/g,
      (m: RegExpExecArray) => `\`${m[1]}\``,
      6,
    ],
  ])('%s, at each place it can be made', (_kind, pattern, slip, misreadBefore) => {
    let misread = 0;
    for (const text of slips(pattern, slip)) {
      const document = JsonDocument.parse(text);
      expect(document.isStrictJson).toBe(false);
      expect({ text, value: document.value }).toEqual({ text, value: MEANT });
      if (JSON.stringify(tolerantValue(text)) !== JSON.stringify(MEANT)) misread++;
    }
    expect(misread).toBe(misreadBefore);
  });

  it('reads strings and numbers as the fixes say: control characters escaped, a line break as \\n, a stray backslash doubled, a number in JSON form', () => {
    const value = (text: string) => JsonDocument.parse(text).value;
    expect(value('{"a": "x\ty"}')).toEqual({ a: 'x\ty' });
    expect(value('{"a": "x\r\n  y",\n "b": 1}')).toEqual({ a: 'x\n  y', b: 1 });
    expect(value('{"a": "C:\\dir\\n", "b": 1}')).toEqual({ a: 'C:\\dir\n', b: 1 });
    // An escaped apostrophe was read as a backslash and an apostrophe.
    expect(value(`{"a": "it\\'s C:\\data"}`)).toEqual({ a: "it's C:\\data" });
    expect(value("{'a': 'say \"so\"'}")).toEqual({ a: 'say "so"' });
    expect(value('{\n "a": "Use "Sign in" or "Log in" here",\n "b": 1\n}')).toEqual({
      a: 'Use "Sign in" or "Log in" here',
      b: 1,
    });
    expect(value('{"a": application/json, "b": 1 + 1, "c": None}')).toEqual({
      a: 'application/json',
      b: 2,
      c: null,
    });
    expect(value('{"a": [1, 2}, "b": 3}')).toEqual({ a: [1, 2], b: 3 });
    expect(value('{"a": {"b": 1},\n},\n "c": 2}')).toEqual({ a: { b: 1 }, c: 2 });
    expect(value('{\n "a": "Note: Contoso,\n "b: 1,\n "c : "x",\n "d: {"e": 2}\n}')).toEqual({
      a: 'Note: Contoso',
      b: 1,
      c: 'x',
      d: { e: 2 },
    });
    expect(value('[+1, .5, -.5, 0x1F, -0x10]')).toEqual([1, 0.5, -0.5, 31, -16]);
    expect(value('{"a": {"b": 1}, "c": 2')).toEqual({ a: { b: 1 }, c: 2 });
  });

  it('reads a single-quoted string to its closing quote, past an escaped one, as the double-quoted string it means', () => {
    const value = (text: string) => JsonDocument.parse(text).value;
    // The string ended at `\'`, and the rest of it was removed as stray text.
    expect(value("{'a': 'it\\'s', 'b': 1}")).toEqual({ a: "it's", b: 1 });
    expect(value('{"a": \'say "so" and \\\'so\\\'\', "b": \'C:\\\\temp\\n\'}')).toEqual({
      a: `say "so" and 'so'`,
      b: 'C:\\temp\n',
    });
    expect(value("['\\'', '\"', '\\\"']")).toEqual(["'", '"', '"']);
  });

  it('reads a string in typographic quotes whole, spaces and all, and a typographic closing quote as the closing quote', () => {
    const value = (text: string) => JsonDocument.parse(text).value;
    // Each word was read on its own: "Contoso", then "Tasks”" removed as stray text.
    expect(
      value('{\u201cdisplay name\u201d: \u201cContoso Tasks\u201d, "b": \u2018it\u2019s here\u2019}'),
    ).toEqual({
      'display name': 'Contoso Tasks',
      b: 'it\u2019s here',
    });
    // The string ran to the end of its line, the comma and the ” in it.
    expect(value('{\n "a": "Contoso\u201d,\n "b\u201d: 1\n}')).toEqual({ a: 'Contoso', b: 1 });
    // Or to the next '"', over the ':' or ',' after the ”.
    expect(value('{"a\u201d: "x\u201d, "b": "say \u201chi\u201d"}')).toEqual({
      a: 'x',
      b: 'say \u201chi\u201d',
    });
  });

  it('reads a typographic closing quote with a letter after it as part of the string, as an apostrophe', () => {
    const value = (text: string) => JsonDocument.parse(text).value;
    // A word processor makes ” of an apostrophe typed as '"': the string ran to it, and "Tasks" was
    // removed by --fix as text after the string.
    expect(value('[\u201cContoso\u201ds Tasks\u201d, 1]')).toEqual(['Contoso\u201ds Tasks', 1]);
    expect(fixJsonText('[\u201cContoso\u201ds Tasks\u201d, 1]')).toMatchObject({
      outcome: 'fixed',
      text: '["Contoso\u201ds Tasks", 1]',
    });
    // A ” with a space after it still closes: two strings stay two.
    expect(value('[\u201ca\u201d, \u201cb\u201d]')).toEqual(['a', 'b']);
  });

  it("falls back to jsonc-parser's recovery where an issue leaves the edit to the maker", () => {
    const texts = [
      '{"a": 1, "b": }',
      '{"a": NaN, "b": 2}',
      '{"a": 1} {"b": 2}',
      '{"a": "x',
      '{"a": "x "y, "b": 1}',
    ];
    for (const text of texts) {
      const document = JsonDocument.parse(text);
      expect(document.syntaxIssues.length).toBeGreaterThan(0);
      expect({ text, value: document.value }).toEqual({ text, value: tolerantValue(text) });
    }
  });

  it('says the same syntax issues as before, at the same places', () => {
    const text = '{\n  operationId: "GetTask",\n  "in": \'path\'\n  "x": 1,\n}';
    const issues: JsonSyntaxIssue[] = [];
    parseTolerantly(text, issues);
    expect(JsonDocument.parse(text).syntaxIssues).toEqual(issues);
    expect(issues.map((issue) => issue.message)).toEqual([
      'A key must be in double quotes: write "operationId".',
      `JSON strings take double quotes: write "path" instead of 'path'.`,
      `A comma is missing after this value: add ',' before the "x" at line 4.`,
      "A trailing comma before '}' is not allowed in JSON; remove it.",
    ]);
  });

  it('locates members in the text as written, after the edits that added characters', () => {
    const text = [
      '{',
      '  "get": { operationId: "GetTask", "summary": \'Get\' "tags": [x, "b"] },',
      '  "put": 1',
      '}',
    ].join('\n');
    const document = JsonDocument.parse(text);
    expect(document.value).toEqual({
      get: { operationId: 'GetTask', summary: 'Get', tags: ['x', 'b'] },
      put: 1,
    });
    const at = (pointer: string) => {
      const place = document.locate(pointer);
      return { ...document.range(place.offset, place.length), text: text.substr(place.offset, place.length) };
    };
    expect(at('/get/operationId')).toEqual({
      line: 2,
      column: 12,
      endLine: 2,
      endColumn: 23,
      text: 'operationId',
    });
    expect(at('/get/summary')).toEqual({ line: 2, column: 36, endLine: 2, endColumn: 45, text: '"summary"' });
    // An item is placed at its first character, as the locator and the tolerant tree place it.
    expect(at('/get/tags/0')).toEqual({ line: 2, column: 62, endLine: 2, endColumn: 63, text: 'x' });
    expect(at('/get/tags/1')).toEqual({ line: 2, column: 65, endLine: 2, endColumn: 66, text: '"' });
    expect(at('/put')).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 8, text: '"put"' });
    // A member that is not there is placed at its parent, as the tolerant tree placed it.
    expect(document.locate('/get/missing')).toEqual({
      ...document.locate('/get'),
      length: 1,
      resolved: false,
    });
    // A pointer whose index is written loosely is read in the tree of the repaired text.
    expect(document.locate('/get/tags/01')).toEqual(document.locate('/get/tags/1'));
  });
});

describe('a file read repaired', () => {
  it('places every pointer inside the text as written, for a thousand and more slips made to a swagger', () => {
    const pointers = [
      '',
      '/info/title',
      '/paths/~1tasks~1{id}/get/operationId',
      '/paths/~1tasks~1{id}/get/parameters/0/in',
      '/paths/~1tasks~1{id}/get/parameters/01',
      '/securityDefinitions/oauth/type',
      '/values/7',
      '/missing/member',
    ];
    const alphabet = [...'{}[],:"\'/ \nxT', '\u00a0', '\t'];
    let seed = 20261129;
    const random = (below: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % below;
    };
    let read = 0;
    for (let run = 0; run < 1500; run++) {
      let text = SWAGGER;
      for (let edits = 1 + random(2); edits > 0; edits--) {
        const at = random(text.length + 1);
        text = text.slice(0, at) + alphabet[random(alphabet.length)]! + text.slice(at + random(2));
      }
      const document = JsonDocument.parse(text);
      if (document.isStrictJson) continue;
      if (JSON.stringify(document.value) !== JSON.stringify(tolerantValue(text))) read++;
      const outside = document
        .locateEach(pointers)
        .filter(
          ({ offset, length }) => offset < 0 || length < 1 || offset + length > Math.max(text.length, 1),
        );
      if (outside.length > 0) expect({ text, outside }).toEqual({ text, outside: [] });
    }
    // Many of those files were read otherwise than jsonc-parser's recovery reads them.
    expect(read).toBeGreaterThan(300);
  });
});

describe('applyEdits', () => {
  it('makes the edits in order of offset and maps offsets of the result back to the text', () => {
    const text = 'ab cd ef';
    const repaired = applyEdits(text, [
      insertion(3, '"'),
      replacement(6, 2, 'EFG'),
      insertion(5, '"'),
      removal(text, 0, 1),
    ])!;
    expect(repaired.text).toBe(' b "cd" EFG');
    // ' b "cd" EFG' back to 'ab cd ef': inserted quotes map to where they went in.
    expect([...Array(repaired.text.length + 1).keys()].map(repaired.originalOffset)).toEqual([
      0, 1, 2, 3, 3, 4, 5, 5, 6, 7, 8, 8,
    ]);
  });

  it('puts an insertion before the edit that replaces text at its offset, whatever their order', () => {
    // A ';' written for ',' after a list's last item, whose ']' is missing: `[1;` is `[1],`.
    for (const edits of [
      [replacement(2, 1, ','), insertion(2, ']')],
      [insertion(2, ']'), replacement(2, 1, ',')],
    ]) {
      expect(applyEdits('[1; "a"', edits)?.text).toBe('[1], "a"');
    }
    // Insertions at one offset keep their order.
    expect(applyEdits('ab', [insertion(1, 'x'), insertion(1, 'y')])?.text).toBe('axyb');
  });

  it('refuses edits that overlap', () => {
    expect(applyEdits('abcdef', [replacement(1, 3, 'x'), insertion(2, 'y')])).toBeUndefined();
  });
});
