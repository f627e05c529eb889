import { describe, expect, it } from '@jest/globals';
import { JsonDocument } from '../../src/json/json-document.js';
import { namesIndexLoosely, trailingCommasBlanked } from '../../src/json/trailing-commas.js';

const blankedOf = (text: string) => trailingCommasBlanked(text, JsonDocument.parse(text).syntaxIssues);

describe('trailingCommasBlanked', () => {
  it('blanks trailing commas in place, when they are the only syntax errors', () => {
    expect(blankedOf('{"a": [1, 2,\n],\r\n "b": {"c": 3,\t}, }')).toBe(
      '{"a": [1, 2 \n],\r\n "b": {"c": 3 \t}  }',
    );
  });

  it('gives nothing for other syntax errors, alone or beside trailing commas', () => {
    expect(blankedOf('{"a": 1 "b": 2,}')).toBeUndefined();
    expect(blankedOf('{"a": [1,,2],}')).toBeUndefined();
    expect(blankedOf('{"a": 1,}\n// note')).toBeUndefined();
    expect(blankedOf('')).toBeUndefined();
  });

  it('gives nothing when the text is no JSON once its trailing commas are blanked', () => {
    // A no-break space between tokens, a raw tab inside a string: jsonc-parser is lenient with some.
    for (const text of ['{"a":\u00a01,}', '{"a": 1,\u00a0}', '{"a": "x\ty",}']) {
      expect(JsonDocument.parse(text).isStrictJson).toBe(false);
      expect(blankedOf(text)).toBeUndefined();
    }
    // Even when the issues given name only the commas: the blanked text must be strict JSON.
    expect(trailingCommasBlanked('{"a": 01,}', [{ offset: 8 }])).toBeUndefined();
    expect(trailingCommasBlanked('{"a": 1,}', [{ offset: 7 }])).toBe('{"a": 1 }');
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
