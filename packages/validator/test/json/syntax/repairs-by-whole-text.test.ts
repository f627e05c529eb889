import { describe, expect, it } from '@jest/globals';
import { JsonDocument } from '../../../src/json/json-document.js';
import { fixOf, issuesOf } from '../../helpers/syntax-outcomes.js';

// A character typed twice is valid JSON up to a point the walk meets only later (a doubled '[' opens
// a list of lists, a doubled '}' closes an object early, a doubled '"' ends a string early), or
// reads on as far one way as another (`]]`: one too many, or written for a '}'). Where removing one
// of the two makes the whole text strict JSON, that is the slip, and `validate --fix` gives back
// the text as the maker meant it. Before, --fix wrote other JSON than the maker's: a list of lists,
// members moved into another object, a '}' put where a ']' stood, a quote escaped into the string.

/** The text with the first `typed` after `after` typed twice. */
function typedTwice(text: string, after: string, typed: string): string {
  const at = text.indexOf(typed, text.indexOf(after)) + 1;
  return text.slice(0, at) + typed + text.slice(at);
}

const OPERATION = [
  '{',
  '  "get": {',
  '    "parameters": [',
  '      {',
  '        "name": "id"',
  '      }',
  '    ],',
  '    "responses": {}',
  '  }',
  '}',
].join('\n');

describe('a character typed twice', () => {
  it("removes a '[' typed twice, which opened a list of lists, wherever the walk meets the list unclosed", () => {
    const doubled = typedTwice(OPERATION, '"parameters"', '[');
    expect(issuesOf(doubled)).toEqual([
      "3:19 This '[' is one too many: the '[' right after it opens the list written, and nothing closes this one. Remove it.",
    ]);
    expect(fixOf(doubled)).toBe(OPERATION);
    // The list the last member: the walk meets it unclosed at the operation's '}'.
    const last = OPERATION.replace(',\n    "responses": {}', '');
    expect(fixOf(typedTwice(last, '"parameters"', '['))).toBe(last);
    // At the end of the file.
    const schemes = '{\n  "schemes": [\n    "https"\n  ]\n}';
    expect(fixOf(typedTwice(schemes, '"schemes"', '['))).toBe(schemes);
  });

  it("removes a ']' typed twice rather than reading it as written for a '}'", () => {
    const doubled = typedTwice(OPERATION, '"id"', ']');
    expect(issuesOf(doubled)).toEqual([
      "7:6 This ']' is one too many: the ']' right before it closes the bracket this one was typed for. Remove it.",
    ]);
    expect(fixOf(doubled)).toBe(OPERATION);
  });

  it("removes a '}' typed twice that the walk meets lines later, inside a list", () => {
    const written = [
      '{',
      '  "a": [',
      '    {',
      '      "b": {',
      '        "c": 1',
      '      },',
      '      "d": 2',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    const doubled = typedTwice(written, '"c"', '}');
    expect(issuesOf(doubled)).toEqual([
      "6:8 This '}' is one too many: the '}' right before it closes the bracket this one was typed for. Remove it.",
    ]);
    expect(fixOf(doubled)).toBe(written);
  });

  it('removes a quote typed twice at either end of a value or a key, not escaping it into the string', () => {
    const written = '{\n  "title": "Contoso",\n  "version": "1.0"\n}';
    const cases: [string, string][] = [
      [
        typedTwice(written, 'Contoso', '"'),
        "2:21 This '\"' is one too many: the '\"' beside it ends the string. Remove it.",
      ],
      [
        typedTwice(written, ': ', '"'),
        "2:12 This '\"' is one too many: the '\"' beside it starts the string. Remove it.",
      ],
      [
        typedTwice(written, 'title', '"'),
        "2:10 This '\"' is one too many: the '\"' beside it ends the string. Remove it.",
      ],
      [
        typedTwice(written, '{', '"'),
        "2:3 This '\"' is one too many: the '\"' beside it starts the string. Remove it.",
      ],
    ];
    for (const [doubled, issue] of cases) {
      expect(issuesOf(doubled)).toEqual([issue]);
      expect(fixOf(doubled)).toBe(written);
    }
  });

  it('still escapes quotes inside a string, where removing one leaves no strict JSON', () => {
    expect(fixOf('{\n  "a": "say ""hi"" now",\n  "b": 1\n}')).toBe(
      '{\n  "a": "say \\"\\"hi\\"\\" now",\n  "b": 1\n}',
    );
  });
});

describe('two readings the whole text allows', () => {
  it("names both a lost '[' and a ']' one too many after a member's value, and leaves the choice", () => {
    // Before, --fix removed the ']', and the list the maker wrote ("tags": ["convert"]) lost its
    // brackets.
    const text = '{\n  "tags": "convert"],\n  "summary": "Convert"\n}';
    expect(issuesOf(text)).toEqual([
      "2:20 This ']' closes no list: if the value before it is a list, add '[' before that value (line 2); else remove this ']'. Which you meant is yours to say.",
    ]);
    expect(fixOf(text)).toMatch(/^not-fixed: the GEN-JSON-PARSE finding at line 2 names two edits/);
    // The value is read without the ']', as before, so the rules still judge the rest of the file.
    expect(JsonDocument.parse(text).value).toEqual({ tags: 'convert', summary: 'Convert' });
  });
});

// A lost opener: the walk read a list's items as keys without values, or the whole file's members
// as text after a string, and said so item by item; the whole text tells that one '[' or '{' is
// missing, and --fix adds it.
describe('an opener lost', () => {
  const PROPERTIES = [
    '{',
    '  "properties": {',
    '    "capabilities": [],',
    '    "enum": [',
    '      "KES",',
    '      "UGX"',
    '    ],',
    '    "parameters": [',
    '      {',
    '        "name": "a"',
    '      },',
    '      {',
    '        "name": "b"',
    '      }',
    '    ]',
    '  }',
    '}',
  ].join('\n');

  /** The text without the `nth` (0-based) `lost` after `after`. */
  function without(after: string, lost: string, nth = 0): string {
    let at = PROPERTIES.indexOf(after);
    for (let skipped = 0; skipped <= nth; skipped++) at = PROPERTIES.indexOf(lost, at + 1);
    return PROPERTIES.slice(0, at) + PROPERTIES.slice(at + 1);
  }

  it("adds the '[' of a list whose items start on the line below the key", () => {
    const text = without('"enum"', '[');
    expect(issuesOf(text)).toEqual([
      "5:7 A '[' is missing before this value: it and the values after it are the items of a list, which a ']' closes. Add '[' after the key's ':'.",
    ]);
    expect(fixOf(text)).toBe(PROPERTIES);
    // A list of objects: the walk met the second item's '{' where a key stands.
    expect(fixOf(without('"parameters"', '['))).toBe(PROPERTIES);
  });

  it("adds the '[' of an empty list, and the '{' of an empty object", () => {
    const text = without('"capabilities"', '[');
    expect(issuesOf(text)).toEqual(["3:21 A '[' is missing before this ']': the list is empty. Add '['."]);
    expect(fixOf(text)).toBe(PROPERTIES);
    const object = PROPERTIES.replace('"capabilities": []', '"definitions": }');
    expect(issuesOf(object)).toEqual([
      "3:20 A '{' is missing before this '}': the object is empty. Add '{'.",
    ]);
    expect(fixOf(object)).toBe(PROPERTIES.replace('"capabilities": []', '"definitions": {}'));
    // A value not finished at the object's end is no empty object: the text with '{' is not JSON.
    expect(issuesOf('{\n  "a": 1,\n  "b": }')[0]).toBe(
      '3:6 A value is missing after this key: add it, or remove the key.',
    );
  });

  it("adds the '{' of the top-level object before the key the file starts with", () => {
    const text = PROPERTIES.slice(1);
    expect(issuesOf(text)).toEqual([
      "2:3 The file starts with a key: the '{' that opens the top-level object is missing. Add '{' at the start of the file.",
    ]);
    expect(fixOf(text)).toBe(PROPERTIES);
    expect(JsonDocument.parse(text).value).toEqual(JSON.parse(PROPERTIES));
  });

  it("leaves a list whose items the layout does not confirm to the walk's repairs", () => {
    // Two values after a member's, laid out otherwise than a list: no '[' is guessed.
    const text = '{\n  "a": 1,\n  2,\n  "b": 3\n}';
    expect(issuesOf(text).join('\n')).not.toContain("A '[' is missing");
  });
});
