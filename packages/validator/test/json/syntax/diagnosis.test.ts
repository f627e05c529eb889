import { describe, expect, it } from '@jest/globals';
import * as jsonc from 'jsonc-parser';
import { JsonDocument } from '../../../src/json/json-document.js';
import { fixJsonText } from '../../../src/fix/json-fix.js';
import { fixOf, issuesOf } from '../../helpers/syntax-outcomes.js';

const SWAGGER = [
  '{',
  '  "info": {',
  '    "title": "Contoso",',
  '    "version": "1.0"',
  '  },',
  '  "tags": [',
  '    "a",',
  '    "b"',
  '  ],',
  '  "x": 1',
  '}',
].join('\n');

/** A swagger with one '}' too many at line 13, indented as the '}' of the "200" before it. */
const EXTRA_CLOSER_SWAGGER = [
  '{',
  '  "swagger": "2.0",',
  '  "info": { "title": "Contoso", "version": "1.0" },',
  '  "paths": {',
  '    "/tasks": {',
  '      "get": {',
  '        "operationId": "ListTasks",',
  '        "responses": {',
  '          "200": {',
  '            "description": "OK",',
  '            "schema": { "$ref": "#/definitions/Task" }',
  '          }',
  '          }',
  '        },',
  '        "deprecated": false',
  '      }',
  '    },',
  '    "/tasks/{id}": {',
  '      "get": {',
  '        "operationId": "GetTask",',
  '        "responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/Task" } } }',
  '      }',
  '    }',
  '  },',
  '  "definitions": {',
  '    "Task": { "type": "object" }',
  '  }',
  '}',
];

describe('GEN-JSON-PARSE says what is wrong where the maker must edit', () => {
  it("names the unclosed '{' of a list item, as in Icon Horse's swagger, and then only the extra '}'", () => {
    // Icon Horse lost the '}' of its first parameter (line 7) and has one '}' too many at line 15.
    const text = [
      '{',
      '  "parameters": [',
      '    {',
      '      "name": "domain",',
      '      "in": "path",',
      '      "x-ms-url-encoding": "single",',
      '    {',
      '      "name": "apikey",',
      '      "in": "query"',
      '    },',
      '    {',
      '      "name": "size",',
      '      "in": "query"',
      '    }',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    expect(issuesOf(text)).toEqual([
      "6:36 The '{' at line 3 is never closed: add '}' before this comma (the '{' at line 7 starts the next item of the list opened at line 2).",
      "15:5 This '}' closes nothing (the list opened with '[' at line 2 is still open here): remove it.",
    ]);
  });

  it('spans the comma that a missing closer goes before, and nothing where it goes after a value', () => {
    // The finding marks the comma to insert before; after a value there is no character to mark.
    const spans = (text: string) =>
      JsonDocument.parse(text).syntaxIssues.map(({ offset, length }) => ({ offset, length }));
    expect(spans('[\n  {\n    "a": 1,\n  {"b": 2}\n]')).toEqual([{ offset: 16, length: 1 }]);
    expect(spans('{\n  "a": [\n    1,\n  "b": 2\n}')).toEqual([{ offset: 16, length: 1 }]);
    // The comma, not the end of the value before it.
    expect(spans('{\n  "a": [\n    1 ,\n  "b": 2\n}')).toEqual([{ offset: 17, length: 1 }]);
    expect(spans('{\n  "a": [\n    1\n  "b": 2\n}')).toEqual([{ offset: 16, length: 0 }]);
  });

  it('reads the rest of a string after a quote left unescaped to the end of its line only', () => {
    // The key on the next line is the next member, which lacks its comma: it was read into the string.
    expect(issuesOf('{"a": "x "y\n"z": 1}')).toEqual([
      '1:10 This \'"\' ends the string, but the text goes on: write \\" for a quote inside a string.',
      '1:12 A comma is missing after this value: add \',\' before the "z" at line 2.',
    ]);
  });

  it("reads a string over a line break only to a closing quote that a ',', '}', ']' or ':' follows", () => {
    // A quote that ends the file has nothing after it: the string ends with its first line.
    expect(issuesOf('{"a": "x\ny"')).toEqual([
      "1:9 A string is not closed on its line: add the closing '\"' at the end of the text.",
      '2:1 A string lacks its opening \'"\': write "y".',
      "2:3 The file ends before the '{' at line 1 is closed: it looks cut off; restore its end (adding '}' would close it without what was lost).",
    ]);
  });

  it('reads no string over a line break where the quote closing it lost its own opening quote', () => {
    // The closing quote of one string and the opening quote of the next were lost: read to the next
    // quote, the string took the next key's or item's text, and --fix removed its value, or wrote one
    // item for two.
    const written = JSON.parse(SWAGGER) as unknown;
    const cases: [string, string[]][] = [
      [
        SWAGGER.replace('"Contoso",\n    "version"', '"Contoso,\n    version"'),
        [
          "3:22 A string is not closed on its line: add the closing '\"' before the ',' at its end.",
          '4:5 A string lacks its opening \'"\': write "version".',
        ],
      ],
      [
        SWAGGER.replace('"tags": [\n    "a"', '"tags: [\n    a"'),
        [
          "6:8 A key is not closed: add the closing '\"' before its ':', as in \"tags\".",
          '7:5 A string lacks its opening \'"\': write "a".',
        ],
      ],
      [
        SWAGGER.replace('"a",\n    "b"', '"a,\n    b"'),
        [
          "7:7 A string is not closed on its line: add the closing '\"' before the ',' at its end.",
          '8:5 A string lacks its opening \'"\': write "b".',
        ],
      ],
    ];
    for (const [text, issues] of cases) {
      expect(issuesOf(text)).toEqual(issues);
      expect(JSON.parse(fixOf(text))).toEqual(written);
    }
    // Text over lines stays one string where nothing says otherwise: a value a ',' follows, an item
    // whose next line is not indented as it is, a key.
    const overLines =
      'A string runs over a line break, which JSON does not allow in a string; write \\n instead of the line break, or join the lines.';
    expect(issuesOf(SWAGGER.replace('"Contoso",', '"Contoso,\n    Ltd",'))).toEqual([`3:23 ${overLines}`]);
    expect(issuesOf(SWAGGER.replace('"a",\n    "b"', '"a,\nb"'))).toEqual([`7:8 ${overLines}`]);
    expect(issuesOf(SWAGGER.replace('"x": 1', '"x\n  y": 1'))).toEqual([`10:5 ${overLines}`]);
  });

  it('closes a string before the closer of a list or object opened on its line, not after it', () => {
    // `"https]"` with a ']' added after it was the fix: a list of one other string.
    const text = '{\n  "schemes": ["https],\n  "tags": [{"name": "a}],\n  "x": 1\n}';
    expect(issuesOf(text)).toEqual([
      "2:21 A string is not closed on its line: add the closing '\"' before the ']' that closes its list.",
      "3:23 A string is not closed on its line: add the closing '\"' before the '}' that closes its object.",
    ]);
    expect(JSON.parse(fixOf(text))).toEqual({ schemes: ['https'], tags: [{ name: 'a' }], x: 1 });
    // The closer is the string's text where the string opens one of its kind, or where the bracket
    // was opened on a line above.
    expect(JSON.parse(fixOf('{\n  "a": ["[x]],\n  "x": 1\n}'))).toEqual({ a: ['[x]]'], x: 1 });
    expect(JSON.parse(fixOf('{\n  "a": "b}\n}'))).toEqual({ a: 'b}' });
  });

  it('says two commas in a row only after a comma, not after the opening bracket', () => {
    expect(issuesOf('{"a": [1,,2]}')).toEqual(['1:10 Two commas in a row: remove one.']);
    expect(issuesOf('{"a": [,1]}')).toEqual([
      "1:8 Unexpected , where JSON expects a value or ']': remove it.",
    ]);
    expect(issuesOf('{"a": 1,, "b": 2}')).toEqual(['1:9 Two commas in a row: remove one.']);
    expect(issuesOf('{, "a": 1}')).toEqual(["1:2 A comma cannot follow '{': remove it."]);
  });

  it('puts a missing comma at the end of the value it should follow', () => {
    expect(issuesOf(SWAGGER.replace('"Contoso",', '"Contoso"'))).toEqual([
      '3:23 A comma is missing after this value: add \',\' before the "version" at line 4.',
    ]);
    expect(issuesOf('[\n  {"a": 1}\n  {"a": 2}\n]')).toEqual([
      "2:11 A comma is missing after this value: add ',' before the '{' at line 3.",
    ]);
  });

  it("names an unclosed '[' when a key follows its items", () => {
    expect(issuesOf(SWAGGER.replace('"b"\n  ],', '"b",'))).toEqual([
      "8:8 The '[' at line 6 is never closed: add ']' before this comma.",
    ]);
    expect(issuesOf(SWAGGER.replace('"b"\n  ],', '"b"'))).toEqual([
      "8:8 The '[' at line 6 is never closed: add '],' after this value.",
    ]);
  });

  it("names a list item's missing '{' before its first key", () => {
    const keys = (name: string) => `      "name": "${name}",\n      "in": "path"\n    }`;
    const missing = (at: string) =>
      `${at} A '{' is missing before this key: an item of the list opened at line 2 starts here; add '{' before it.`;
    // Right after the '[' this was "add '],' after this value" placed before the start of the file.
    const first = `{\n  "parameters": [\n${keys('a')}\n  ]\n}`;
    expect(issuesOf(first)).toEqual([missing('3:7')]);
    expect(JsonDocument.parse(first).value).toEqual({ parameters: [{ name: 'a', in: 'path' }] });
    const second = `{\n  "parameters": [\n    {\n${keys('a')},\n${keys('b')}\n  ]\n}`;
    expect(issuesOf(second)).toEqual([missing('7:7')]);
  });

  it("finds a '}' lost in the middle of the file by the indentation, not only at the end", () => {
    expect(issuesOf(SWAGGER.replace('"1.0"\n  },', '"1.0",'))).toEqual([
      "4:21 The '{' at line 2 is never closed (the file ends before the '{' at line 1 is closed); going by the indentation, add '}' before this comma.",
    ]);
  });

  it("places a '}' lost before an outer bracket's closer by the indentation, on a line of its own", () => {
    // Added at the end, the '}' put "d" inside "a": --fix wrote other JSON than the maker's.
    const lost = '{\n  "a": {\n    "b": {\n      "c": 1\n  },\n  "d": 2\n}';
    expect(issuesOf(lost)).toEqual([
      "4:13 The '{' at line 3 is never closed (the file ends before the '{' at line 1 is closed); going by the indentation, add '}' after this value.",
    ]);
    expect(fixJsonText(lost)).toEqual({
      outcome: 'fixed',
      text: '{\n  "a": {\n    "b": {\n      "c": 1\n    }\n  },\n  "d": 2\n}',
      slips: 1,
    });
    // The file's own line breaks and indentation.
    const tabbed = '{\r\n\t"a": {\r\n\t\t"b": {\r\n\t\t\t"c": 1\r\n\t},\r\n\t"d": 2\r\n}';
    expect(fixJsonText(tabbed)).toMatchObject({
      text: '{\r\n\t"a": {\r\n\t\t"b": {\r\n\t\t\t"c": 1\r\n\t\t}\r\n\t},\r\n\t"d": 2\r\n}',
    });
    // Laid out otherwise elsewhere (an item at its list's level), the text with the '}' in its
    // place is strict JSON with every closer as its bracket's line: the layout's place is taken.
    const uneven = '{\n  "a": {\n    "b": {\n      "c": 1\n  },\n  "d": [\n  2\n  ]\n}';
    expect(issuesOf(uneven)).toEqual([
      "4:13 The '{' at line 3 is never closed: going by the indentation, add '}' after this value.",
    ]);
    expect(JSON.parse(fixOf(uneven))).toEqual({ a: { b: { c: 1 } }, d: [2] });
    // A closer indented otherwise than its bracket's line (the ']' of "d"): that place is not
    // certain, both are named, and --fix adds neither (added at the end, the '}' put "d" inside "a").
    const misaligned = '{\n  "a": {\n    "b": {\n      "c": 1\n  },\n  "d": [\n    2\n    ]\n}';
    expect(issuesOf(misaligned)).toEqual([
      "9:2 The file ends before the '{' at line 1 is closed: add '}' at the end, or restore the cut-off end of the file. Going by the indentation, a '}' may rather be missing after line 4, to close the '{' at line 3: add it where it belongs.",
    ]);
    expect(fixJsonText(misaligned)).toEqual({
      outcome: 'not-fixed',
      reason:
        'the GEN-JSON-PARSE finding at line 9 adds a closer where the indentation says it may belong elsewhere, and --fix does not move members between objects on a guess; add it where it belongs, then run validate --fix again for the others.',
    });
  });

  it("reads a ',' right after a '[' that a key follows as the comma after an empty list whose ']' was lost", () => {
    // Removing the comma read the members after it as items of the list, each needing a '{', and
    // --fix gave the list the object's members.
    const text = '{\n  "oAuth": {\n    "scopes": [,\n    "redirectMode": "Global"\n  }\n}';
    expect(issuesOf(text)).toEqual(["3:16 The '[' at line 3 is never closed: add ']' before this comma."]);
    expect(fixJsonText(text)).toMatchObject({
      outcome: 'fixed',
      text: '{\n  "oAuth": {\n    "scopes": [],\n    "redirectMode": "Global"\n  }\n}',
    });
    // An item after the comma: the comma is the slip.
    expect(issuesOf('{"a": [, 1]}')).toEqual([
      "1:8 Unexpected , where JSON expects a value or ']': remove it.",
    ]);
  });

  it('adds a comma lost between items near the end of the file, whatever the distance to the end', () => {
    // Removing the item after the gap reached the end one token sooner than adding the comma, and
    // won where the end was just within the trial's reach: --fix deleted "th" from a list of 35.
    for (let items = 30; items <= 45; items++) {
      const list = Array.from({ length: items }, (_, index) => `"i${index}"`).join(',\n    ');
      const text = `{\n  "a": [\n    "tr"\n    "th",\n    ${list}\n  ],\n  "b": []\n}`;
      const fix = fixJsonText(text);
      expect(fix.outcome === 'fixed' && JSON.parse(fix.text).a.slice(0, 2)).toEqual(['tr', 'th']);
    }
  });

  it('reads text up to a quote that ends a value as a string that lost its opening quote', () => {
    // Read word by word, "The" was quoted and the other words removed; `true"` lost its quote.
    const text = '{\n  "description": The tracking direction, of the goal",\n  "required": true"\n}';
    expect(issuesOf(text)).toEqual([
      `2:18 A string lacks its opening '"': write "The tracking direction, of the goal".`,
      `3:15 A string lacks its opening '"': write "true".`,
    ]);
    expect(fixJsonText(text)).toMatchObject({
      text: '{\n  "description": "The tracking direction, of the goal",\n  "required": "true"\n}',
    });
    // A quote that no ',', ':', closer or line end follows ends no value: the words are said one by one.
    expect(issuesOf('{"a": yes, "b": "c"}')).toEqual([
      '1:7 yes is not a JSON value: strings take double quotes, as in "yes".',
    ]);
  });

  it('reads a bracketed placeholder a quote ends on its line as a string that lost its opening quote', () => {
    // Read as a list, the quote was a string of its own and --fix wrote ["DUMMY_VALUE]"].
    const text =
      '{\n  "clientId": [[DUMMY_VALUE]]",\n  "x-ms-summary": {Enter the name}",\n  "tags": ["a", [b]", [c]"]\n}';
    expect(issuesOf(text)).toEqual([
      `2:15 A string lacks its opening '"': write "[[DUMMY_VALUE]]".`,
      `3:19 A string lacks its opening '"': write "{Enter the name}".`,
      `4:17 A string lacks its opening '"': write "[b]".`,
      `4:23 A string lacks its opening '"': write "[c]".`,
    ]);
    expect(JSON.parse(fixOf(text))).toEqual({
      clientId: '[[DUMMY_VALUE]]',
      'x-ms-summary': '{Enter the name}',
      tags: ['a', '[b]', '[c]'],
    });
    // The first item's own bracket, not the list's, is the string's: the list's is closed after the quote.
    expect(JSON.parse(fixOf('{"tags": [[b]", "c"]}'))).toEqual({ tags: ['[b]', 'c'] });
    // Words may follow the bracket (Bloomflow's "[optional] Localisation filter").
    expect(JSON.parse(fixOf('{\n  "a": [optional] The filter",\n  "b": 1\n}'))).toEqual({
      a: '[optional] The filter',
      b: 1,
    });
    // Bracketed text that is JSON is read as written, the quote after it a slip of its own.
    expect(fixOf('{\n  "a": [1, 2]",\n  "b": 1\n}')).not.toContain('"[1, 2]"');
    // A comment on the bracket's line may hold the quote: the list is read, the comment removed.
    expect(JSON.parse(fixOf('{"a": [ // ] "\n  1]}'))).toEqual({ a: [1] });
  });

  it("reads words up to the end of a member's value as one string that lost both its quotes", () => {
    // Read word by word, "Target" was quoted, "Product" and "Code" removed as unexpected, and --fix
    // deleted the maker's words.
    const text = '{\n  "title": Target Product Code,\n  "type": string object\n}';
    expect(issuesOf(text)).toEqual([
      '2:12 Target Product Code is not a JSON value: strings take double quotes, as in "Target Product Code".',
      '3:11 string object is not a JSON value: strings take double quotes, as in "string object".',
    ]);
    expect(fixJsonText(text)).toMatchObject({
      outcome: 'fixed',
      text: '{\n  "title": "Target Product Code",\n  "type": "string object"\n}',
    });
    // Numbers and literals among the words are words of the text; a comment ends it.
    expect(fixOf('{"a": Version 2 true /* note */}')).toBe('{"a": "Version 2 true" }');
    // Not where more than words follows on the line (a string or ':' says a comma was lost too), nor
    // in a list, whose words may as well be items without their commas, nor for a value JavaScript
    // or Python writes (a typographic quote, True), read as before.
    expect(issuesOf('{"a": yes no "b": 1}')[0]).toBe(
      '1:7 yes is not a JSON value: strings take double quotes, as in "yes".',
    );
    expect(fixOf('["x", yes no]')).not.toContain('yes no');
    expect(fixOf('{"a": True False}')).not.toContain('True False');
  });

  it('leaves the removal of text the maker typed to the maker', () => {
    // "Remove it" reads on, but "b" may as well start a member that lost its comma and its value:
    // --fix deleted it.
    expect(issuesOf('{"a": 1 "b"}')).toEqual([
      `1:9 Unexpected "b" where JSON expects ',' or '}': remove it.`,
    ]);
    expect(fixOf('{"a": 1 "b"}')).toBe(
      'not-fixed: the GEN-JSON-PARSE finding at line 1 removes text you typed, and --fix deletes none on a guess; remove it, or complete what it starts, then run validate --fix again for the others.',
    );
    expect(fixOf('{"a": 1 x}')).toMatch(/^not-fixed: .* removes text you typed/);
    // Punctuation one too many is still removed.
    expect(fixOf('{"a": 1,, "b": 2}')).toBe('{"a": 1, "b": 2}');
  });

  it("does not add a lost '}' where the walk meets it while the indentation says it belongs before", () => {
    // The '}' of "oAuthSettings" lost before its comma: the walk read "uiDefinition" into it, met
    // the next item's '{', added the '}' before the comma before it, and --fix moved the member
    // into "oAuthSettings". The '}' of "uiDefinition", indented otherwise than its key's line, keeps
    // the layout's own place from being certain.
    const text = [
      '{',
      '  "values": [',
      '    {',
      '      "oAuthSettings": {',
      '        "scopes": [',
      '          "openid"',
      '        ]',
      '      ,',
      '      "uiDefinition": {',
      '        "displayName": "y"',
      '        }',
      '    },',
      '    {',
      '      "d": [',
      '      2',
      '      ]',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    expect(issuesOf(text).at(-1)).toBe(
      "12:6 The '{' at line 3 is never closed: add '}' before this comma (the '{' at line 13 starts the next item of the list opened at line 2). Going by the indentation, a '}' may rather be missing after line 7, to close the '{' at line 4: add it where it belongs.",
    );
    expect(fixOf(text)).toMatch(
      /^not-fixed: the GEN-JSON-PARSE finding at line 12 adds a closer where the indentation says it may belong elsewhere/,
    );
    // Only closers between the two places: either leaves the same value, and --fix adds it.
    const closers =
      '{\n  "a": [\n    {\n      "b": {\n        "c": 1\n    },\n    {\n      "d": [\n      2\n      ]\n    }\n  ]\n}';
    expect(JSON.parse(fixOf(closers))).toEqual({ a: [{ b: { c: 1 } }, { d: [2] }] });
  });

  it("reads a ',' right after a '{' at the end of its line, above a line indented no deeper, as an empty object's lost '}'", () => {
    // Removing the comma read "iconBrandColor" into "connectionParameters", and --fix added the
    // '}' at the end of the file.
    const text =
      '{\n  "properties": {\n    "connectionParameters": {,\n    "iconBrandColor": "#da3b01"\n  }\n}';
    expect(issuesOf(text)).toEqual(["3:30 The '{' at line 3 is never closed: add '}' before this comma."]);
    expect(JSON.parse(fixOf(text))).toEqual({
      properties: { connectionParameters: {}, iconBrandColor: '#da3b01' },
    });
    // A next line indented deeper is the object's first member, after a stray comma.
    expect(issuesOf('{\n  "a": {,\n    "b": 1\n  }\n}')).toEqual([
      "2:9 A comma cannot follow '{': remove it.",
    ]);
  });

  it("adds a list's lost '[' where its item stands below the key and its ']' under the key", () => {
    // The ']' was removed as one too many, and --fix wrote the list's one item as the value.
    const text = '{\n  "produces": \n    "application/json"\n  ],\n  "a": 1\n}';
    expect(issuesOf(text)).toEqual([
      "2:15 A '[' is missing after this ':': the ']' at line 4 closes a list the value below is an item of; add '[' here.",
    ]);
    expect(fixJsonText(text)).toMatchObject({
      text: '{\n  "produces": [\n    "application/json"\n  ],\n  "a": 1\n}',
    });
    expect(fixJsonText('{\n  "a":\n    {"b": 1}\n  ]\n}')).toMatchObject({
      text: '{\n  "a": [\n    {"b": 1}\n  ]\n}',
    });
    // On the value's line the ']' may be one too many: which is meant, the layout does not say, and
    // the finding names both (repairs-by-whole-text.test.ts).
    expect(issuesOf('{\n  "a": "x"],\n  "b": 1\n}')).toEqual([
      "2:11 This ']' closes no list: if the value before it is a list, add '[' before that value (line 2); else remove this ']'. Which you meant is yours to say.",
    ]);
  });

  it("adds an object's lost '{' where the value below the key is a key itself", () => {
    // The ':' after "description" and the value after it were removed as unexpected.
    const text = '{\n  "ui": \n    "description": "x",\n    "b": 1\n  },\n  "c": 2\n}';
    expect(issuesOf(text)).toEqual([
      `2:9 A '{' is missing after this ':': the "description" at line 3 is a key of the object it opens; add '{' here.`,
    ]);
    expect(fixJsonText(text)).toMatchObject({
      text: '{\n  "ui": {\n    "description": "x",\n    "b": 1\n  },\n  "c": 2\n}',
    });
    // On the key's line the string may be a key that lost its comma: the layout does not say.
    expect(issuesOf('{"a": "b": 1}')[0]).toBe("1:10 Unexpected : where JSON expects ',' or '}': remove it.");
  });

  it("places a '}' lost before a member by the indentation, not before the closer the walk stumbles on", () => {
    // Added before the ']', the '}' moved "b" into "a".
    const text = '{\n  "items": [\n    {\n      "a": {\n        "x": 1\n      ,\n      "b": 2\n    }\n  ]\n}';
    expect(issuesOf(text)).toEqual([
      "5:15 The '{' at line 4 is never closed: going by the indentation, add '}' after this value.",
    ]);
    const fix = fixJsonText(text);
    expect(fix.outcome === 'fixed' && JSON.parse(fix.text)).toEqual({ items: [{ a: { x: 1 }, b: 2 }] });
  });

  it('names the brackets a cut-off file leaves open, once', () => {
    expect(issuesOf(SWAGGER.slice(0, SWAGGER.indexOf('"b"')))).toEqual([
      "7:9 The file ends before the '[' at line 6 and the '{' at line 1 are closed: it looks cut off; restore its end (adding ']}' would close it without what was lost).",
    ]);
    expect(issuesOf(SWAGGER.slice(0, SWAGGER.indexOf('"b"') + 2))).toEqual([
      "8:7 The file ends inside a string: add its closing '\"', or restore the cut-off end of the file.",
    ]);
  });

  it('names three of the brackets a cut-off file leaves open, innermost first, and counts the rest', () => {
    expect(issuesOf('{\n  "a": {\n    "b": [\n      1,')).toEqual([
      "4:9 The file ends before the '[' at line 3, the '{' at line 2 and the '{' at line 1 are closed: it looks cut off; restore its end (adding ']}}' would close it without what was lost).",
    ]);
    expect(issuesOf('{\n  "a": {\n    "b": {\n      "c": [\n        1,')).toEqual([
      "5:11 The file ends before the '[' at line 4, the '{' at line 3 and the '{' at line 2 (and 1 more) are closed: it looks cut off; restore its end (adding ']}}}' would close it without what was lost).",
    ]);
  });

  it("says a '/*' comment that is never closed once, and the brackets a file cut off after a string with a slip leaves open", () => {
    expect(issuesOf(SWAGGER.replace('"x": 1', '/* note\n  "x": 1'))).toEqual([
      "10:3 This '/*' comment is never closed, so the rest of the file is read as part of it: comments are not allowed in JSON; remove the comment.",
    ]);
    // The string's slip was said, the '{' left open was not (nor its edit named).
    expect(issuesOf(`{"a": 'x'`)).toEqual([
      `1:7 JSON strings take double quotes: write "x" instead of 'x'.`,
      "1:10 The file ends before the '{' at line 1 is closed: add '}' at the end, or restore the cut-off end of the file.",
    ]);
    expect(JsonDocument.parse(`{"a": 'x'`).value).toEqual({ a: 'x' });
  });

  it("closes a key that lost its closing quote before its ':', and a string before the ',' that ends its line", () => {
    const key = (at: string, name: string) =>
      `${at} A key is not closed: add the closing '"' before its ':', as in "${name}".`;
    // It was "A string is not closed on its line", then "Unexpected "version" where JSON expects ':'".
    expect(issuesOf(SWAGGER.replace('"title":', '"title:'))).toEqual([key('3:11', 'title')]);
    expect(issuesOf(SWAGGER.replace('"x": 1', '"x : 1'))).toEqual([key('10:5', 'x')]);
    expect(issuesOf(SWAGGER.replace('"info":', '"info:'))).toEqual([key('2:8', 'info')]);
    // A value's colon is not a key's: only the quote at the end of its line is missing.
    expect(issuesOf(SWAGGER.replace('"Contoso",', '"Note: Contoso,'))).toEqual([
      "3:28 A string is not closed on its line: add the closing '\"' before the ',' at its end.",
    ]); // A closed key that holds a ':' and has its own ':' after a comment is that key: it was read as
    // the key "k" and a string from its closing quote on.
    for (const comment of ['/* } */', '// note\n', '/* a */ // b\n /**/']) {
      const written = `{"a": {"k:" ${comment}: {}, "\\u006b:": [1]}}`;
      const document = JsonDocument.parse(written);
      expect([
        written,
        document.syntaxIssues.every((issue) => /^Comments are not allowed/.test(issue.message)),
      ]).toEqual([written, true]);
      expect(document.value).toEqual({ a: { 'k:': [1] } });
      expect(document.locate('/a/k:')).toEqual({
        offset: written.lastIndexOf('"\\u006b:"'),
        length: 9,
        resolved: true,
      });
    }
  });

  it("reads no key in a quote right before a ':': an empty key is no slip to guess", () => {
    // It was "A key is not closed: add the closing '"' before its ':', as in """, and --fix wrote "": 2.
    expect(issuesOf('{"a": 1, ": 2}')).toEqual([
      "1:15 The file ends inside a string: add its closing '\"', or restore the cut-off end of the file.",
    ]);
  });

  it('places a string cut after a backslash at the end of its line, before a CR LF as before a LF', () => {
    const cut = SWAGGER.replace('"Contoso",', '"C:\\');
    const message =
      "3:18 A string is not closed on its line: add '\\\"' at the end of the text (the '\\' there would escape a '\"' alone: a backslash itself is written \\\\).";
    // On CR LF it was placed past the CR (3:19), where the closing quote went, between the CR and the LF.
    expect(issuesOf(cut.replace(/\n/g, '\r\n'))).toEqual([message]);
    // On LF it was an escape of the line break, and the next line was read into the string.
    expect(issuesOf(cut)).toEqual([message]);
    expect(JsonDocument.parse(cut.replace(/\n/g, '\r\n')).value).toEqual(
      JsonDocument.parse(SWAGGER.replace('"Contoso",', '"C:\\\\",')).value,
    );
  });

  it('reports one issue for each slip, without the errors that only follow from it', () => {
    const cases: [string, string][] = [
      [SWAGGER.replace('"title"', 'title'), '3:5 A key must be in double quotes: write "title".'],
      [
        SWAGGER.replace('"Contoso"', "'Contoso'"),
        '3:14 JSON strings take double quotes: write "Contoso" instead of \'Contoso\'.',
      ],
      [
        SWAGGER.replace('"Contoso"', '"Con "toso" Ltd"'),
        '3:19 This \'"\' ends the string, but the text goes on: write \\" for a quote inside a string.',
      ],
      [
        SWAGGER.replace('"Contoso"', '"Con\ntoso"'),
        '3:18 A string runs over a line break, which JSON does not allow in a string; write \\n instead of the line break, or join the lines.',
      ],
      [
        SWAGGER.replace('"Contoso",', '"Contoso,'),
        "3:22 A string is not closed on its line: add the closing '\"' before the ',' at its end.",
      ],
      [
        SWAGGER.replace('"Contoso",', '"Contoso";'),
        "3:23 A ';' stands where JSON needs ',' between values: write ',' instead.",
      ],
      [
        SWAGGER.replace('"x": 1', '"x": NaN'),
        '10:8 NaN is not a JSON value: write null, or the value as a string.',
      ],
      [SWAGGER.replace('"x": 1', '"x": True'), '10:8 JSON writes true in lower case: write true.'],
      [
        SWAGGER.replace('"x": 1', '"x" 1'),
        "10:6 A colon is missing after this key: add ':' between the key and its value.",
      ],
      [
        SWAGGER.replace('"x": 1', '// note\n  "x": 1'),
        '10:3 Comments are not allowed in JSON; remove it (a "description" can hold the note).',
      ],
      [
        SWAGGER.replace('"1.0"', '"1.0",'),
        "4:21 A trailing comma before '}' is not allowed in JSON; remove it.",
      ],
      [SWAGGER.replace('"b"', '{"b"'), "8:5 This '{' opens an object, but no key follows it: remove it."],
      [SWAGGER.replace('"tags"', 'tags"'), '6:3 A string lacks its opening \'"\': write "tags".'],
    ];
    for (const [text, issue] of cases) expect(issuesOf(text)).toEqual([issue]);
  });

  it("reads a ';' after any value as written for a ',', or as one too many before a closer", () => {
    const semicolon = (line: number, column: number) =>
      `${line}:${column} A ';' stands where JSON needs ',' between values: write ',' instead.`;
    // The scanner reads `true;` as one word, which was advised to become the string "true;".
    for (const literal of ['true', 'false', 'null'])
      expect(issuesOf(SWAGGER.replace('"Contoso",', `${literal};`))).toEqual([
        semicolon(3, 14 + literal.length),
      ]);
    expect(issuesOf(SWAGGER.replace('"a",', 'true;'))).toEqual([semicolon(7, 9)]);
    expect(issuesOf(SWAGGER.replace('  },', '  };'))).toEqual([semicolon(5, 4)]);
    expect(issuesOf(SWAGGER.replace('  ],', '  ];'))).toEqual([semicolon(9, 4)]);
    expect(issuesOf('{"a": null;"b": 2}')).toEqual([semicolon(1, 11)]);
    // Before the closing bracket, and after the top-level value: one too many.
    expect(issuesOf(SWAGGER.replace('"x": 1', '"x": true;'))).toEqual([
      "10:12 A ';' before '}' is not allowed in JSON; remove it.",
    ]);
    expect(issuesOf(SWAGGER.replace('"1.0"', '"1.0";'))).toEqual([
      "4:21 A ';' before '}' is not allowed in JSON; remove it.",
    ]);
    expect(issuesOf(SWAGGER.replace('"b"', '"b";'))).toEqual([
      "8:8 A ';' before ']' is not allowed in JSON; remove it.",
    ]);
    expect(issuesOf(`${SWAGGER};\n`)).toEqual([
      "11:2 A ';' after the JSON value is not allowed (a JSON file is a value, not a statement); remove it.",
    ]);
    // Before more text, the ';' is part of what follows the value, which is the maker's to place.
    expect(issuesOf('{"a": 1}; {"b": 2}')).toEqual([
      "1:9 There is more text after the end of the JSON value: the '}' at line 1 closes the top-level value; if that '}' is one too many, remove it, otherwise remove this text or move it inside the value.",
    ]);
  });

  it("reads a '=' or '=>' between a key and its value as written for a ':'", () => {
    const assignment = (line: number, column: number, written: string) =>
      `${line}:${column} A '${written}' stands where JSON needs ':' between a key and its value: write ':' instead.`;
    expect(issuesOf(SWAGGER.replace('"x": 1', '"x" = 1'))).toEqual([assignment(10, 7, '=')]);
    expect(issuesOf(SWAGGER.replace('"x": 1', '"x"=1'))).toEqual([assignment(10, 6, '=')]);
    expect(issuesOf(SWAGGER.replace('"x": 1', '"x" => 1'))).toEqual([assignment(10, 7, '=>')]);
    expect(issuesOf(SWAGGER.replace('"x": 1', 'x = 1'))).toEqual([
      '10:3 A key must be in double quotes: write "x".',
      assignment(10, 5, '='),
    ]);
  });

  it('reads a string in typographic quotes whole, and names a typographic closing quote', () => {
    const typographic = (at: string, meant: string) =>
      `${at} Typographic quotes (as a word processor puts them) are not JSON quotes: write ${meant}.`;
    expect(issuesOf(SWAGGER.replace('"Contoso"', '\u201cContoso Tasks\u201d'))).toEqual([
      typographic('3:14', '"Contoso Tasks"'),
    ]);
    expect(issuesOf(SWAGGER.replace('"title"', '\u201cdisplay title\u201d'))).toEqual([
      typographic('3:5', '"display title"'),
    ]);
    expect(issuesOf(SWAGGER.replace('"Contoso"', '\u2018Contoso\u2019s\u2019'))).toEqual([
      typographic('3:14', '"Contoso\u2019s"'),
    ]);
    const closing = (at: string) =>
      `${at} This \u201d is a typographic quote, not the '"' that closes a JSON string: write '"' instead.`;
    expect(issuesOf(SWAGGER.replace('"Contoso"', '"Contoso\u201d'))).toEqual([closing('3:22')]);
    expect(issuesOf(SWAGGER.replace('"1.0"', '"1.0\u201d'))).toEqual([closing('4:20')]);
    expect(issuesOf(SWAGGER.replace('"title"', '"title\u201d'))).toEqual([closing('3:11')]);
  });

  it("reads a '#' and a space as the start of a comment, as YAML writes one, and a string in backticks as a string", () => {
    const comment = (at: string) =>
      `${at} Comments are not allowed in JSON; remove it (a "description" can hold the note).`;
    expect(issuesOf(SWAGGER.replace('"x": 1', '# note: see "x", below\n  "x": 1'))).toEqual([
      comment('10:3'),
    ]);
    expect(issuesOf(SWAGGER.replace('"x": 1', '"x": 1 #'))).toEqual([comment('10:10')]);
    // `#/definitions/Task` and `#3b5bdb` are strings that lost their quotes.
    expect(issuesOf(SWAGGER.replace('"x": 1', '"x": #3b5bdb'))).toEqual([
      '10:8 #3b5bdb is not a JSON value: strings take double quotes, as in "#3b5bdb".',
    ]);
    expect(issuesOf(SWAGGER.replace('"Contoso"', '`Contoso Tasks`'))).toEqual([
      '3:14 JSON strings take double quotes: write "Contoso Tasks" instead of `Contoso Tasks`.',
    ]);
  });

  it('names an apostrophe escaped in a double-quoted string, as JavaScript and C# escape one', () => {
    expect(issuesOf(SWAGGER.replace('"Contoso"', `"Contoso\\'s"`))).toEqual([
      "3:22 JSON strings do not escape an apostrophe: write ' instead of \\'.",
    ]);
  });

  it('reads a single-quoted string past an escaped quote, and names the double-quoted string it means', () => {
    expect(issuesOf(SWAGGER.replace('"Contoso"', "'Contoso\\'s'"))).toEqual([
      `3:14 JSON strings take double quotes: write "Contoso's" instead of 'Contoso\\'s'.`,
    ]);
    expect(issuesOf(SWAGGER.replace('"Contoso"', `'Say "hi"'`))).toEqual([
      `3:14 JSON strings take double quotes: write "Say \\"hi\\"" instead of 'Say "hi"'.`,
    ]);
  });

  it('says that a number cannot have leading zeros, and what to write, once per number', () => {
    const zeros = (value: string) => SWAGGER.replace('"x": 1', `"x": ${value}`);
    const advice = (written: string, meant: string) =>
      `10:8 JSON numbers cannot have leading zeros: write ${meant} instead of ${written}, or "${written}" as a string if the zeros matter (a postal code, an id).`;
    expect(issuesOf(zeros('01'))).toEqual([advice('01', '1')]);
    expect(issuesOf(zeros('007'))).toEqual([advice('007', '7')]);
    expect(issuesOf(zeros('-01.5e2'))).toEqual([advice('-01.5e2', '-1.5e2')]);
    expect(issuesOf(zeros('[01, 2]'))).toEqual([advice('01', '1').replace('10:8', '10:9')]);
    // A zero alone, or before a fraction or an exponent, is a number JSON allows.
    expect(issuesOf(zeros('[0, -0, 0.5, 0e1, 10]'))).toEqual([]);
  });

  it('names a number written as JavaScript writes it, and the JSON number it means where there is one', () => {
    const value = (written: string) => SWAGGER.replace('"x": 1', `"x": ${written}`);
    const advice = (written: string, meant: string) =>
      `10:8 ${written} is not a number as JSON writes it: write ${meant}.`;
    for (const [written, meant] of [
      ['+1', '1'],
      ['.5', '0.5'],
      ['-.5', '-0.5'],
      ['+.5e3', '0.5e3'],
      ['+1.5', '1.5'],
    ])
      expect(issuesOf(value(written))).toEqual([advice(written, meant)]);
    expect(issuesOf(value('0x1F'))).toEqual([advice('0x1F', '31, its decimal value')]);
    // A leading zero after a sign: no JSON number to offer, 01 being none either.
    expect(issuesOf(value('+01'))).toEqual([
      '10:8 +01 is not a number as JSON writes it (such as 12, -0.5 or 1e3).',
    ]);
    expect(issuesOf(value('-0xff'))).toEqual([advice('-0xff', '-255, its decimal value')]);
    // Only a 0 or -0 alone can start a hexadecimal number: -0.5 is a number, the x after it text.
    expect(issuesOf(value('-0.5x1'))).toEqual([
      "10:12 Unexpected x1 where JSON expects ',' or '}': remove it.",
    ]);
    // Past about 256 digits the decimal value is Infinity, which JSON cannot hold: no number to offer.
    const huge = `0x${'f'.repeat(300)}`;
    expect(issuesOf(value(huge))).toEqual([
      `10:8 ${huge.slice(0, 99)}… is not a number as JSON writes it, and too large for a JSON number: write it as a string.`,
    ]);
    // The '-' was read as an unquoted string of its own, and the rest as stray text.
    for (const written of ['-Infinity', '-NaN'])
      expect(issuesOf(value(written))).toEqual([
        `10:8 ${written} is not a JSON value: write null, or the value as a string.`,
      ]);
  });

  it('says that a value cannot be arithmetic, and what to write instead, once per value', () => {
    const value = (written: string) => SWAGGER.replace('"x": 1', `"x": ${written}`);
    const advice = (written: string, meant: string) =>
      `10:8 JSON does not calculate: write ${meant} instead of ${written}, or "${written}" as a string if it is meant as written (a ratio, a range, a score).`;
    for (const [written, meant] of [
      ['2/3', '0.666666666666667'],
      ['1/2', '0.5'],
      ['-1/2', '-0.5'],
      ['1.5/2', '0.75'],
      ['2 / 3', '0.666666666666667'],
      ['1+1', '2'],
      ['2*-3', '-6'],
      ['10-2', '8'],
      ['0.1+0.2', '0.3'],
      ['1e3-1', '999'],
      ['1 + 2 * 3', '7'],
      ['1/0', 'a number'],
    ])
      expect(issuesOf(value(written))).toEqual([advice(written, meant)]);
    expect(issuesOf(value('[1/2, 3]'))).toEqual([advice('1/2', '0.5').replace('10:8', '10:9')]);
    expect(issuesOf(SWAGGER.replace('"x": 1', '"x": 2/3,\n  "y": 4/5'))).toEqual([
      advice('2/3', '0.666666666666667'),
      advice('4/5', '0.8').replace('10:8', '11:8'),
    ]);
    // A date, a version, a phone number: text to quote, not a sum to work out.
    for (const written of ['12/31/2024', '2024-01-01', '02/03', '555-123-4567'])
      expect(issuesOf(value(written))).toEqual([
        `10:8 ${written} is not a JSON value: strings take double quotes, as in "${written}".`,
      ]);
    // A sign after a space is the next item of a list that lost its comma, not a subtraction.
    expect(issuesOf(value('[1 -2]'))).toEqual([
      "10:10 A comma is missing after this value: add ',' before the '-2' at line 10.",
    ]);
  });

  it("reads an unquoted media type, URL or path as one string, though the scanner splits it at '/'", () => {
    const unquoted = (written: string) =>
      `${written} is not a JSON value: strings take double quotes, as in "${written}".`;
    for (const written of [
      'application/json',
      'https://api.contoso.com/v1?api-version=2',
      'http://localhost:8080/tasks#list',
      '/tasks/list',
    ]) {
      // Without the comma the next key would also seem to lack one; with it, a '//' would have
      // hidden the comma in a comment.
      expect(issuesOf(SWAGGER.replace('"x": 1', `"x": ${written},\n  "y": 2`))).toEqual([
        `10:8 ${unquoted(written)}`,
      ]);
    }
    expect(issuesOf(SWAGGER.replace('"a",', 'text/plain,'))).toEqual([`7:5 ${unquoted('text/plain')}`]);
    expect(issuesOf(SWAGGER.replace('"tags"', 'application/json'))).toEqual([
      '6:3 A key must be in double quotes: write "application/json".',
    ]);
    expect(issuesOf(SWAGGER.replace('"x": 1', '"x": application/json"'))).toEqual([
      '10:8 A string lacks its opening \'"\': write "application/json".',
    ]);
    // A '/*' at the end of a URL starts a comment, as a '//' there does.
    expect(issuesOf(SWAGGER.replace('"x": 1', '"x": https://contoso.com/* note */'))).toEqual([
      `10:8 ${unquoted('https://contoso.com')}`,
      '10:27 Comments are not allowed in JSON; remove it (a "description" can hold the note).',
    ]);
    // A comment after a word is still a comment.
    expect(issuesOf(SWAGGER.replace('"x": 1', '"x": 1 /* note */'))).toEqual([
      '10:10 Comments are not allowed in JSON; remove it (a "description" can hold the note).',
    ]);
  });

  it("names a '}' one too many between two members, where a trailing comma would not explain the rest", () => {
    // It was "A trailing comma before '}'", then "There is more text after the end of the JSON value".
    expect(issuesOf(SWAGGER.replace('  },\n  "tags"', '  },\n  },\n  "tags"'))).toEqual([
      "6:3 This '}' is one too many: the object opened with '{' at line 1 goes on after it; remove it and the ',' after it.",
    ]);
    expect(issuesOf('{"a": {"b": 1,}, "c": 2}')).toEqual([
      "1:14 A trailing comma before '}' is not allowed in JSON; remove it.",
    ]);
  });

  it('reads a closer of the wrong kind as the one it should be where no bracket of its kind is open', () => {
    // No '[' is open: "add '}' before this ']'" would leave the ']' closing nothing, and was said
    // alone, the text after it unsaid.
    expect(issuesOf('{"a": 1] x')).toEqual([
      "1:8 This ']' should be '}', to close the '{' at line 1.",
      "1:10 There is more text after the end of the JSON value: the ']' at line 1 closes the top-level value; if that ']' is one too many, remove it, otherwise remove this text or move it inside the value.",
    ]);
  });

  it('says which closer ended the value when more text follows it', () => {
    // "tags" indented unlike the other members: which text is out of place the layout does not say.
    expect(issuesOf(SWAGGER.replace('  },\n  "tags"', '  }},\n    "tags"'))).toEqual([
      "5:5 There is more text after the end of the JSON value: the '}' at line 5 closes the top-level value; if that '}' is one too many, remove it, otherwise remove this text or move it inside the value.",
    ]);
  });

  it("names a '}' or ']' after the top-level value as one too many when only closers follow it", () => {
    // It was "There is more text after the end of the JSON value", which names no single edit.
    expect(issuesOf('{"a": 1}}')).toEqual([
      "1:9 This '}' closes nothing (the '}' at line 1 closes the top-level value): remove it.",
    ]);
    expect(issuesOf('[1,2]]')).toEqual([
      "1:6 This ']' closes nothing (the ']' at line 1 closes the top-level value): remove it.",
    ]);
    expect(issuesOf('{"a":1}}\n]')).toEqual([
      "1:8 This '}' closes nothing (the '}' at line 1 closes the top-level value): remove it.",
      "2:1 This ']' closes nothing (the '}' at line 1 closes the top-level value): remove it.",
    ]);
    expect(issuesOf(`${SWAGGER}\n}\n`)).toEqual([
      "12:1 This '}' closes nothing (the '}' at line 11 closes the top-level value): remove it.",
    ]);
    // After the other slips, and with a comment between: each is said once.
    expect(issuesOf(`${SWAGGER.replace('"b"', '"b",')} // end\n}`)).toEqual([
      "8:8 A trailing comma before ']' is not allowed in JSON; remove it.",
      '11:3 Comments are not allowed in JSON; remove it (a "description" can hold the note).',
      "12:1 This '}' closes nothing (the '}' at line 11 closes the top-level value): remove it.",
    ]);
  });

  it("names the closer doubled or written at the end of the root's last member, not the file's last line, where the layout places that one", () => {
    // `  }}` then `}`: the last '}' stands where the indentation puts the root's; the doubled one is the slip.
    const doubled = SWAGGER.replace('  "x": 1\n}', '  "x": {\n    "y": 1\n  }}\n}');
    expect(issuesOf(doubled)).toEqual([
      "12:4 This '}' is one too many: it closes the top-level value, which the '}' at line 13 closes as the indentation says; remove it.",
    ]);
    expect(fixJsonText(doubled)).toEqual({
      outcome: 'fixed',
      text: SWAGGER.replace('  "x": 1\n}', '  "x": {\n    "y": 1\n  }\n}'),
      slips: 1,
    });
    expect(issuesOf('[\n  [\n    2\n  ]]\n]')).toEqual([
      "4:4 This ']' is one too many: it closes the top-level value, which the ']' at line 5 closes as the indentation says; remove it.",
    ]);
    // Written after the last member's value on its line: the same slip. It named the last line, and
    // --fix left the '}' at the end of the member's.
    expect(issuesOf('{\n  "x": 1}\n}')).toEqual([
      "2:9 This '}' is one too many: it closes the top-level value, which the '}' at line 3 closes as the indentation says; remove it.",
    ]);
    expect(fixJsonText('{\n  "x": 1}\n}')).toEqual({ outcome: 'fixed', text: '{\n  "x": 1\n}', slips: 1 });
    expect(issuesOf('[\n  "a"]\n]')).toEqual([
      "2:6 This ']' is one too many: it closes the top-level value, which the ']' at line 3 closes as the indentation says; remove it.",
    ]);
    // Lines ended by CRLF are laid out as lines ended by LF.
    expect(issuesOf('{\r\n  "x": {\r\n    "y": 1\r\n  }}\r\n}')).toEqual([
      "4:4 This '}' is one too many: it closes the top-level value, which the '}' at line 5 closes as the indentation says; remove it.",
    ]);
    // The last '}' not where the root's stands, after a comment or indented: it is the one too many.
    expect(issuesOf('{\n  "x": {\n    "y": 1\n  }}\n/* end */ }')).toEqual([
      '5:1 Comments are not allowed in JSON; remove it (a "description" can hold the note).',
      "5:11 This '}' closes nothing (the '}' at line 4 closes the top-level value): remove it.",
    ]);
    expect(issuesOf('{\n  "x": {\n    "y": 1\n  }}\n  }')).toEqual([
      "5:3 This '}' closes nothing (the '}' at line 4 closes the top-level value): remove it.",
    ]);
    // A closer of another kind, or more closers after it, or a top-level '}' that starts its line:
    // each closer after the value is the one too many.
    expect(issuesOf('{\n  "x": {\n    "y": 1\n  }}\n]')).toEqual([
      "5:1 This ']' closes nothing (the '}' at line 4 closes the top-level value): remove it.",
    ]);
    expect(issuesOf('{\n  "x": {\n    "y": 1\n  }}\n}\n}')).toEqual([
      "4:4 This '}' is one too many: it closes the top-level value, which the '}' at line 6 closes as the indentation says; remove it.",
      "5:1 This '}' closes nothing (the '}' at line 4 closes the top-level value): remove it.",
    ]);
    expect(issuesOf('{\n  "x": {\n    "y": 1\n  }\n}\n}')).toEqual([
      "6:1 This '}' closes nothing (the '}' at line 5 closes the top-level value): remove it.",
    ]);
    // On one line the value closes there: the '}' after it is the one too many.
    expect(issuesOf('{"a": {"c": 2}}\n}')).toEqual([
      "2:1 This '}' closes nothing (the '}' at line 1 closes the top-level value): remove it.",
    ]);
  });

  it('leaves the closer one too many to the maker when text follows it or the indentation points elsewhere', () => {
    const moreText = (line: number, column: number, closer: number) =>
      `${line}:${column} There is more text after the end of the JSON value: the '}' at line ${closer} closes the top-level value; if that '}' is one too many, remove it, otherwise remove this text or move it inside the value.`;
    expect(issuesOf('{"a": 1}} {"b": 2}')).toEqual([moreText(1, 9, 1)]);
    expect(issuesOf('{"a": 1}}, "b": 2}')).toEqual([moreText(1, 9, 1)]);
    // "version" is indented as a member of "info", whose '}' may be the one too many.
    const text = ['{', '  "info": {', '    "title": "Contoso"', '  },', '    "version": "1.0"', '  }', '}'];
    expect(issuesOf(text.join('\n'))).toEqual([moreText(7, 1, 6)]);
  });

  it("finds a '}' one too many mid-file by the indentation, and reads the whole file without it", () => {
    // CognitiveServicesTextAnalytics closes a "responses" twice: the top-level value then ended early
    // ("more text after the end", at the top-level '}'), and its definitions were not read.
    const text = EXTRA_CLOSER_SWAGGER.join('\n');
    expect(issuesOf(text)).toEqual([
      "13:11 This '}' is one too many: going by the indentation it closes nothing, and it ends the file's value early, before the rest of the file. Remove it.",
    ]);
    const value = JsonDocument.parse(text).value as Record<string, Record<string, unknown>>;
    expect(Object.keys(value)).toEqual(['swagger', 'info', 'paths', 'definitions']);
    expect(Object.keys(value.paths!)).toEqual(['/tasks', '/tasks/{id}']);
    expect(Object.keys(value.definitions!)).toEqual(['Task']);
  });

  it("finds a '}' or ']' one too many at the end of a line or mid-line by the indentation of the lines after it", () => {
    // It was "There is more text after the end of the JSON value" at the first misindented closer
    // after it, and the value read stopped there: the later operations and definitions seemed missing.
    const oneTooMany = (at: string, closer = '}') =>
      `${at} This '${closer}' is one too many: going by the indentation it closes nothing, and it ends the file's value early, before the rest of the file. Remove it.`;
    const meant = EXTRA_CLOSER_SWAGGER.filter((_line, index) => index !== 12);
    const value = JSON.parse(meant.join('\n'));
    const slipped = (line: number, written: string) =>
      meant.map((text, index) => (index === line - 1 ? written : text)).join('\n');
    const cases: [string, string][] = [
      [slipped(11, '            "schema": { "$ref": "#/definitions/Task" } }'), oneTooMany('11:56')],
      [slipped(12, '          }}'), oneTooMany('12:12')],
      [slipped(13, '        }},'), oneTooMany('13:10')],
      [
        slipped(
          20,
          '        "responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/Task" } } } }',
        ),
        oneTooMany('20:101'),
      ],
      // Mid-line, before the comma: the top-level value ends there, and no closer below is misindented.
      [slipped(3, '  "info": { "title": "Contoso", "version": "1.0" }},'), oneTooMany('3:51')],
      [slipped(3, '  "info": { "title": "Contoso", "version": "1.0" } },'), oneTooMany('3:52')],
    ];
    for (const [text, issue] of cases) {
      expect(issuesOf(text)).toEqual([issue]);
      expect(JsonDocument.parse(text).value).toEqual(value);
    }
    const list = ['[', '  [1, 2]],', '  [3]', ']'].join('\n');
    expect(issuesOf(list)).toEqual([oneTooMany('2:9', ']')]);
    expect(JsonDocument.parse(list).value).toEqual([[1, 2], [3]]);
  });

  it("reads a '{' with a comment before the string after it as the '{' with the string right after it", () => {
    // The comment is its own finding; the '{' is still one too many, and --fix reads as without it.
    // Read as a key with its colon missing before, a finding --fix could not repair.
    for (const [text, meant] of [
      ['["a", { /* c */ "b"}]', '["a", "b"]'],
      ['{"a": {/* c */ "b", "c": 1}}', '{"a": "b", "c": 1}'],
    ]) {
      expect(issuesOf(text)).toEqual(
        expect.arrayContaining([
          "1:7 This '{' opens an object, but no key follows it: remove it.",
          expect.stringMatching(/Comments are not allowed/),
        ]),
      );
      expect(fixJsonText(text)).toMatchObject({ outcome: 'fixed', text: meant });
    }
  });

  it('says that a file of a leftover conflict marker alone holds no value, at its start, where --fix then points', () => {
    expect(issuesOf('<<<<<<< HEAD\n')).toEqual([
      expect.stringMatching(/^1:1 A merge-conflict marker left over/),
      '1:1 Without its merge-conflict markers the file is empty: it holds no JSON value. Write the value.',
    ]);
    // It named "the finding at line 2", where there was none.
    expect(fixJsonText('<<<<<<< HEAD\n')).toMatchObject({
      outcome: 'not-fixed',
      reason: expect.stringMatching(/^the GEN-JSON-PARSE finding at line 1 names no single edit/),
    });
  });

  it('lists at most 20 issues with a closer one too many, as with any other slips, and counts the rest', () => {
    // Each definition has a trailing comma after the closer one too many: 21 slips in all.
    const definitions = Array.from({ length: 20 }, (_, index) => `    "T${index}": { "type": "object", },`);
    const text = EXTRA_CLOSER_SWAGGER.flatMap((line) =>
      line === '  "definitions": {' ? [line, ...definitions] : [line],
    ).join('\n');
    const issues = JsonDocument.parse(text).syntaxIssues;
    expect(issues).toHaveLength(21);
    expect(issues[0]!.message).toMatch(/^This '}' is one too many/);
    expect(issues[20]).toMatchObject({ unlisted: 1 });
    expect(issues[20]!.message).toMatch(/^1 more finding/);
    // All 21 are still repaired.
    expect(fixJsonText(text)).toMatchObject({ outcome: 'fixed', slips: 21 });
  });

  it('leaves a closer one too many at the end of a line to the maker where the layout does not tell which', () => {
    const moreText = (at: string, line: number) =>
      `${at} There is more text after the end of the JSON value: the '}' at line ${line} closes the top-level value; if that '}' is one too many, remove it, otherwise remove this text or move it inside the value.`;
    const meant = EXTRA_CLOSER_SWAGGER.filter((_line, index) => index !== 12);
    // "deprecated" indented unlike its fellow members: without the '}' it is not laid out consistently.
    const misindented = [...meant];
    misindented[11] = '          }}';
    misindented[13] = '          "deprecated": false';
    expect(issuesOf(misindented.join('\n'))).toEqual([moreText('23:4', 23)]);
    // Indented with a step of 2 and of 4: the file is not laid out consistently anywhere.
    const mixed = ['{', '  "a": {', '      "b": { "c": 1 }},', '      "d": 2', '  },', '  "e": 3', '}'];
    expect(issuesOf(mixed.join('\n'))).toEqual([moreText('5:4', 5)]);
    expect(fixJsonText(mixed.join('\n'))).toMatchObject({ outcome: 'not-fixed' });
  });

  it("finds the same '}' one too many copied into each operation, one issue each", () => {
    // CognitiveServicesTextAnalytics repeats its slip in five operations.
    const operation = (path: string, comma: string) => [
      `    "${path}": {`,
      '      "get": {',
      '        "responses": {',
      '          "200": {',
      '            "description": "OK"',
      '          }',
      '          }',
      '        }',
      '      }',
      `    }${comma}`,
    ];
    const text = [
      '{',
      '  "paths": {',
      ...operation('/a', ','),
      ...operation('/b', ''),
      '  },',
      '  "definitions": {}',
      '}',
    ].join('\n');
    const oneTooMany = (line: number) =>
      `${line}:11 This '}' is one too many: going by the indentation it closes nothing, and it ends the file's value early, before the rest of the file. Remove it.`;
    expect(issuesOf(text)).toEqual([oneTooMany(9), oneTooMany(19)]);
    // Written at the end of the line of the '}' before it: the same.
    const atLineEnd = text.replaceAll('          }\n          }', '          }}');
    expect(issuesOf(atLineEnd)).toEqual(
      [8, 17].map((line) => oneTooMany(line).replace(`${line}:11`, `${line}:12`)),
    );
    expect(JsonDocument.parse(atLineEnd).value).toEqual(JsonDocument.parse(text).value);
    expect(JsonDocument.parse(text).value).toEqual({
      paths: {
        '/a': { get: { responses: { '200': { description: 'OK' } } } },
        '/b': { get: { responses: { '200': { description: 'OK' } } } },
      },
      definitions: {},
    });
  });

  it('leaves the closer to the maker when the file without the misindented one is not laid out consistently', () => {
    // Removing the '}' at line 13 would leave "deprecated" indented unlike the other members of "get".
    const text = [...EXTRA_CLOSER_SWAGGER];
    text[14] = '          "deprecated": false';
    expect(issuesOf(text.join('\n'))).toEqual([
      "24:4 There is more text after the end of the JSON value: the '}' at line 24 closes the top-level value; if that '}' is one too many, remove it, otherwise remove this text or move it inside the value.",
    ]);
  });

  it('holds every member to its siblings and its container, and only closers that start a line to their bracket', () => {
    const withTask = (task: string) =>
      [...EXTRA_CLOSER_SWAGGER.slice(0, 25), task, ...EXTRA_CLOSER_SWAGGER.slice(26)].join('\n');
    const moreText =
      "24:4 There is more text after the end of the JSON value: the '}' at line 24 closes the top-level value; if that '}' is one too many, remove it, otherwise remove this text or move it inside the value.";
    // A member a step deeper than its sibling, or at its container's own indentation: not laid out
    // consistently, so which '}' is one too many stays the maker's to say.
    expect(issuesOf(withTask('    "Task": {\n      "type": "object",\n        "x": 1\n    }'))).toEqual([
      moreText,
    ]);
    expect(issuesOf(withTask('    "Task": {\n    "type": "object"\n    }'))).toEqual([moreText]);
    // A '}' after a member on its line is not judged by the indentation of that line.
    expect(issuesOf(withTask('    "Task": { "type": "object",\n      "x": 1 }'))).toEqual([
      "13:11 This '}' is one too many: going by the indentation it closes nothing, and it ends the file's value early, before the rest of the file. Remove it.",
    ]);
  });

  it('reads the layout of the file without the closer one too many as an editor lays JSON out', () => {
    const withTask = (task: string) =>
      [...EXTRA_CLOSER_SWAGGER.slice(0, 25), task, ...EXTRA_CLOSER_SWAGGER.slice(26)].join('\n');
    const oneTooMany = (line: number) =>
      `${line}:11 This '}' is one too many: going by the indentation it closes nothing, and it ends the file's value early, before the rest of the file. Remove it.`;
    const moreText = (line: number, column: number) =>
      `${line}:${column} There is more text after the end of the JSON value: the '}' at line ${line} closes the top-level value; if that '}' is one too many, remove it, otherwise remove this text or move it inside the value.`;
    // A value on the line after its key, at the key's step or a step deeper, is laid out as written.
    expect(issuesOf(withTask('    "Task":\n      {\n        "type": "object"\n      }'))).toEqual([
      oneTooMany(13),
    ]);
    expect(issuesOf(withTask('    "Task":\n      1'))).toEqual([oneTooMany(13)]);
    // One step for the whole file: members two steps in are no layout an editor writes.
    expect(issuesOf(withTask('    "Task": {\n        "type": "object"\n    }'))).toEqual([moreText(24, 4)]);
    // No indentation at all is no step: which '}' is one too many stays the maker's to say.
    expect(issuesOf('{\n"a": {\n"b": 1\n  }\n},\n"c": 2\n}')).toEqual([moreText(5, 2)]);
    // A closer after a member on its line is not the misindented one, though its line is indented
    // otherwise than its bracket's.
    const inline = [...EXTRA_CLOSER_SWAGGER];
    inline[2] = '  "info": {\n    "title": "Contoso", "version": "1.0" },';
    expect(issuesOf(inline.join('\n'))).toEqual([oneTooMany(14)]);
  });

  it('leaves the closer to the maker when a line opening a key was deleted', () => {
    // Without '"get": {' the members of "get" sit two steps inside "/tasks" and a '}' is one too few:
    // removing the '}' below them that no longer lines up left every container alike inside and
    // wrote other JSON ("operationId" a member of "/tasks"), and told the maker the wrong slip.
    const text = EXTRA_CLOSER_SWAGGER.filter((_line, index) => index !== 12 && index !== 5);
    expect(text[5]).toBe('        "operationId": "ListTasks",');
    const document = JsonDocument.parse(text.join('\n'));
    expect(issuesOf(text.join('\n'))).toEqual([
      "22:4 There is more text after the end of the JSON value: the '}' at line 22 closes the top-level value; if that '}' is one too many, remove it, otherwise remove this text or move it inside the value.",
    ]);
    expect(
      document.syntaxIssues.some((issue) => /one too many: going by the indentation/.test(issue.message)),
    ).toBe(false);
  });

  it('leaves the closer to the maker when more slips follow it than a file lists', () => {
    // 25 trailing commas after the '}' one too many: named with them, it made 22 issues, the
    // closer's, 20 listed, and a count, past the 20 and the count a file lists.
    const definitions = Array.from({ length: 25 }, (_, i) => `    "T${i}": { "type": "object", },`);
    const text = [...EXTRA_CLOSER_SWAGGER.slice(0, 25), ...definitions, ...EXTRA_CLOSER_SWAGGER.slice(25)];
    expect(issuesOf(text.join('\n'))).toEqual([
      "24:4 There is more text after the end of the JSON value: the '}' at line 24 closes the top-level value; if that '}' is one too many, remove it, otherwise remove this text or move it inside the value.",
    ]);
  });

  it('looks for a closer one too many by the indentation only where the text after the value is the only slip', () => {
    // With a comment before it, the misindented '}' was named first, out of the order of the file.
    const text = [...EXTRA_CLOSER_SWAGGER];
    text[1] = '  "swagger": "2.0", // note';
    expect(issuesOf(text.join('\n'))).toEqual([
      '2:21 Comments are not allowed in JSON; remove it (a "description" can hold the note).',
      "24:4 There is more text after the end of the JSON value: the '}' at line 24 closes the top-level value; if that '}' is one too many, remove it, otherwise remove this text or move it inside the value.",
    ]);
  });

  it('still reports independent slips in one file, each once', () => {
    const text = SWAGGER.replace('"Contoso",', '"Contoso"')
      .replace('"b"', '"b",')
      .replace('"x": 1', '"x": NaN');
    expect(issuesOf(text)).toEqual([
      '3:23 A comma is missing after this value: add \',\' before the "version" at line 4.',
      "8:8 A trailing comma before ']' is not allowed in JSON; remove it.",
      '10:8 NaN is not a JSON value: write null, or the value as a string.',
    ]);
    // The tolerant value is still recovered for the other rules.
    expect((JsonDocument.parse(text).value as { info: { version: string } }).info.version).toBe('1.0');
  });
});

// The diagnosis is the only voice of the JSON error path: it must say something about every text
// JSON.parse refuses, or a broken file would pass without a GEN-JSON-PARSE finding.
describe('GEN-JSON-PARSE finds an issue in every text JSON.parse refuses', () => {
  // JsonDocument.parse reads a file's text past its byte-order mark, as JSON.parse is not given it.
  const refuses = (text: string): boolean => {
    try {
      JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      return false;
    } catch {
      return true;
    }
  };

  it('for each kind of error jsonc-parser reports, with the options the tolerant parse uses', () => {
    // UnexpectedEndOfComment is reported as InvalidCommentToken when comments are disallowed, and
    // InvalidNumberFormat only after UnexpectedEndOfNumber at the same place, which jsonc-parser
    // then keeps to itself: neither is ever the first error here.
    const samples: Record<string, string> = {
      InvalidSymbol: '{"a": @}',
      PropertyNameExpected: '{"a": 1, }',
      ValueExpected: '{"a": }',
      ColonExpected: '{"a" 1}',
      CommaExpected: '{"a": 1 "b": 2}',
      CloseBraceExpected: '{"a": 1',
      CloseBracketExpected: '[1, 2',
      EndOfFileExpected: '{} {}',
      InvalidCommentToken: '{"a": 1 /* unclosed',
      UnexpectedEndOfString: '{"a": "x',
      UnexpectedEndOfNumber: '{"a": 1e}',
      InvalidUnicode: '{"a": "\\u12"}',
      InvalidEscapeCharacter: '{"a": "\\q"}',
      InvalidCharacter: '{"a": "x\ty"}',
    };
    for (const [kind, text] of Object.entries(samples)) {
      const errors: jsonc.ParseError[] = [];
      jsonc.parse(text, errors, {
        allowTrailingComma: false,
        disallowComments: true,
        allowEmptyContent: false,
      });
      expect({ text, kind: jsonc.printParseErrorCode(errors[0]!.error) }).toEqual({ text, kind });
      expect(refuses(text)).toBe(true);
      expect({ text, issues: issuesOf(text).length > 0 }).toEqual({ text, issues: true });
    }
  });

  it('for thousands of slips made to a swagger: a character added, removed or replaced, one to three times', () => {
    const document = JSON.stringify(
      {
        swagger: '2.0',
        info: { title: 'Tasks', version: '1.0', description: 'A "quoted" \\ word' },
        paths: {
          '/tasks/{id}': {
            get: {
              parameters: [{ name: 'id', in: 'path', required: true, type: 'string', default: -1.5e3 }],
              responses: { '200': { description: 'OK' } },
            },
          },
        },
        values: [null, true, false, 0, -0, 2.5, 1e10, [], {}, ''],
      },
      null,
      2,
    );
    const alphabet = [
      ...'{}[],:"\'\\/*-+.eE019antflx \t\n\r',
      '\u000b',
      '\u00a0',
      '\ufeff',
      '\u2028',
      '\u0000',
      'é',
      '',
    ];
    let seed = 20261129;
    const random = (below: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % below;
    };
    let refused = 0;
    for (let run = 0; run < 4000; run++) {
      let text = document;
      for (let edits = 1 + random(3); edits > 0; edits--) {
        const at = random(text.length + 1);
        const character = alphabet[random(alphabet.length)]!;
        const removed = [0, 1, 1 + random(3)][random(3)]!;
        text = text.slice(0, at) + character + text.slice(at + removed);
      }
      if (!refuses(text)) continue;
      refused++;
      expect({ text, issues: issuesOf(text).length > 0 }).toEqual({ text, issues: true });
      // Each issue is placed inside the text (one was once placed before its start).
      const outside = JsonDocument.parse(text).syntaxIssues.filter(
        (issue) => issue.offset < 0 || issue.offset + issue.length > text.length,
      );
      if (outside.length > 0) expect({ text, outside }).toEqual({ text, outside: [] });
    }
    // Most slips break the JSON: the loop did test the diagnosis.
    expect(refused).toBeGreaterThan(2500);
  });
});
