import { describe, expect, it } from '@jest/globals';
import { LineIndex } from '../../src/json/line-index.js';
import { locatePointers } from '../../src/json/locate.js';
import { skipToClose, skipValue } from '../../src/json/scan.js';

describe('skipToClose', () => {
  const close = (text: string, at: number, closing: '}' | ']') =>
    skipToClose(text, at, closing.charCodeAt(0), new LineIndex(text));

  it('ignores brackets, quotes and backslashes inside strings', () => {
    const text = '{"a": "[{", "b\\"}": ["x\\\\", "]}\\"{"], "c": {"d": "\\u007d"}} tail';
    expect(close(text, 1, '}')).toBe(text.indexOf(' tail'));
    expect(skipValue(text, 0, new LineIndex(text))).toBe(text.indexOf(' tail'));
  });

  it('closes the container it starts inside', () => {
    const text = '{"a": [1, [2]], "b": "}"} , 3]';
    expect(close(text, 1, '}')).toBe(text.indexOf(' ,'));
    expect(close(text, 7, ']')).toBe(text.indexOf(', "b"'));
  });

  it('skips long runs of strings, with and without escapes', () => {
    const strings = Array.from({ length: 2500 }, (_, i) => (i % 7 === 0 ? `"\\"]${i}"` : `"[${i}}"`));
    const text = `[${strings.join(',')}] tail`;
    expect(close(text, 1, ']')).toBe(text.indexOf(' tail'));
    // The same on lines of their own, CRLF-ended, a bracket opening each string's line.
    const lines = `[\r\n${strings.map((s) => `  ${s}`).join(',\r\n')}\r\n] tail`;
    expect(close(lines, 1, ']')).toBe(lines.indexOf(' tail'));
  });

  it('tells brackets in strings from brackets after them on the same line and on the next', () => {
    const text = [
      '{',
      '  "/items/{id}": { "x": "}" }, "y": "{",',
      '  "z": ["]", "\\\\", {"}": "{"}],',
      '  "w": "a \\" } ] \\" {"',
      '} tail',
    ].join('\n');
    expect(close(text, 1, '}')).toBe(text.indexOf(' tail'));
    expect(close(text, text.indexOf('["]"') + 1, ']')).toBe(text.indexOf(',\n  "w"'));
  });

  it('reads a bracket as outside strings when its line ends before the next quote, else reads its line', () => {
    // Each bracket of the object after "a" ends its line (LF or CR LF); the brackets in strings are
    // followed by their string's closing quote on the same line, as any string open at a bracket is.
    const text = [
      '{"x": "{[",',
      '  "a": {\r',
      '    "b": ["}", "]"], "c": "\\"}"',
      '  }, "d": "{\\"" }',
      '] tail',
    ].join('\n');
    expect(close(text, 1, '}')).toBe(text.indexOf('\n] tail'));
    expect(close(text, text.indexOf('"a": {') + 6, '}')).toBe(text.indexOf(', "d"'));
    // Without any line break (minified), every bracket after a quote is read from the start.
    const minified = JSON.stringify(JSON.parse(text.slice(0, text.indexOf('\n] tail'))));
    expect(close(`${minified}]`, 1, '}')).toBe(minified.length);
  });

  it('finds the end of every value of generated JSON, indented or not', () => {
    // Strings full of brackets, quotes, backslashes and escaped line breaks, nested at random.
    let seed = 7;
    const random = (n: number) => {
      // xorshift32: the same values on every run, so that a failure can be replayed.
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const pieces = ['{', '}', '[', ']', '"', '\\', '\n', '\r\n', 'a', ' ', ':', ',', '\u{1F600}'];
    const text = () => Array.from({ length: random(6) }, () => pieces[random(pieces.length)]).join('');
    const value = (depth: number): unknown => {
      const kind = depth > 4 ? random(2) : depth < 2 ? 2 + random(3) : random(5);
      if (kind === 0) return text();
      if (kind === 1) return random(3) === 0 ? null : random(100);
      if (kind === 2) return Array.from({ length: random(5) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: random(5) }, () => [text(), value(depth + 1)]));
    };
    for (let round = 0; round < 300; round++) {
      const json = JSON.stringify(value(0), null, [0, 2, '\t'][round % 3]);
      const written = `${json} tail`;
      expect(skipValue(written, 0, new LineIndex(written))).toBe(json.length);
    }
  });

  it('gives -1 on a string that never closes, a bracket that never comes or a value that never starts', () => {
    expect(close('{"a": "b}', 1, '}')).toBe(-1);
    expect(close('{"a": "b\\"}', 1, '}')).toBe(-1);
    expect(close('[1, [2]', 1, ']')).toBe(-1);
    // No value where one should start: a scalar of no characters is none.
    for (const text of ['{"a": }', '{"a": ,1}', '{"a": ']) {
      expect([text, skipValue(text, 6, new LineIndex(text))]).toEqual([text, -1]);
    }
  });
});

describe('locatePointers', () => {
  it('decodes ~0 and ~1, and finds keys with brackets, escaped quotes and empty names', () => {
    const text = '{"x": {"}": 1}, "a/b": {"c~d": 2}, "q\\"[": 3, "": {"": 4}}';
    const found = locatePointers(text, ['/a~1b/c~0d', '/q"[', '//', '/x/}']);
    expect(found.get('/a~1b/c~0d')).toEqual({ offset: text.indexOf('"c~d"'), length: 5, resolved: true });
    expect(found.get('/q"[')).toEqual({ offset: text.indexOf('"q\\"["'), length: 6, resolved: true });
    expect(found.get('//')).toEqual({ offset: text.lastIndexOf('""'), length: 2, resolved: true });
    expect(found.get('/x/}')).toEqual({ offset: text.indexOf('"}"'), length: 3, resolved: true });
  });

  it('finds each pointer where it finds it alone, whatever the pointers before it share with it', () => {
    const text = '{"a": {"b": [1, {"": 2}], "bc": 3, "": {"": {"x": 4}}}, "ab": 5, "a~/b": {"c/d~": 6}}';
    const pointers = [
      '/a/b/1/',
      '/a/b',
      '/a/bc',
      '/a',
      '/a/b/0',
      '/ab',
      '',
      '/a/',
      '/a//',
      '/a///x',
      '/a~0~1b/c~1d~0',
      // The same keys written another way ('~' needs no escape where no '0' or '1' follows it).
      '/a~~1b/c~1d~',
      '/a~0~1b/c~1d~0',
      '/a~0~1b',
      '/a/b/7',
      '/a/bc/x',
      '/a/b/1/',
    ];
    const together = locatePointers(text, pointers);
    for (const pointer of pointers) {
      expect([pointer, together.get(pointer)]).toEqual([
        pointer,
        locatePointers(text, [pointer]).get(pointer),
      ]);
    }
    expect(together.get('/a~0~1b/c~1d~0')).toMatchObject({ offset: text.indexOf('"c/d~"'), resolved: true });
    expect(together.get('/a~~1b/c~1d~')).toEqual(together.get('/a~0~1b/c~1d~0'));
    expect(together.get('/a///x')).toMatchObject({ offset: text.indexOf('"x"'), resolved: true });
  });

  it('tells apart keys of one length, escaped keys and the many named members of one object', () => {
    // Twelve named members (more than a node lists before it indexes them), keys of equal length that
    // differ only in their last character, and a key written with an escape.
    const members = Array.from({ length: 12 }, (_, n) => `"k${String.fromCharCode(97 + n)}": ${n}`);
    const text = `{${members.join(', ')}, "ab": {"x": 1, "y": 2}, "a\\u0062c": 3}`;
    const pointers = ['/ab/y', '/abc', ...members.map((_, n) => `/k${String.fromCharCode(97 + n)}`)];
    const together = locatePointers(text, pointers);
    for (const pointer of pointers) {
      expect([pointer, together.get(pointer)]).toEqual([
        pointer,
        locatePointers(text, [pointer]).get(pointer),
      ]);
    }
    expect(together.get('/ab/y')).toEqual({ offset: text.indexOf('"y"'), length: 3, resolved: true });
    expect(together.get('/abc')).toEqual({ offset: text.indexOf('"a\\u0062c"'), length: 10, resolved: true });
    expect(together.get('/kl')).toEqual({ offset: text.indexOf('"kl"'), length: 4, resolved: true });
    expect(together.get('/kb')).toEqual({ offset: text.indexOf('"kb"'), length: 4, resolved: true });
  });

  it('places a missing member at its ancestor and refuses text that is not a pointer', () => {
    const text = '{"a": [10, 20]}';
    expect(locatePointers(text, ['/a/5'])).toEqual(
      new Map([['/a/5', { offset: 1, length: 3, resolved: false }]]),
    );
    expect(() => locatePointers(text, ['a/0'])).toThrow('Not a JSON pointer: "a/0"');
  });
});

describe('LineIndex', () => {
  it('answers in any order, also past the part of the text it has read', () => {
    const text = 'ab\ncd\n\nef';
    const lines = new LineIndex(text);
    expect(lines.position(4)).toEqual({ line: 2, column: 2 });
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(3)).toEqual({ line: 2, column: 1 });
    expect(lines.position(6)).toEqual({ line: 3, column: 1 });
    expect(lines.position(99)).toEqual({ line: 4, column: 3 });
    expect(lines.lineCount).toBe(4);
  });

  it('gives a range the positions of its two ends, also across lines it has not read yet', () => {
    const text = 'ab\ncd\n\nef';
    // A fresh index has read nothing when the start is found: the end's line must still be counted.
    expect(new LineIndex(text).range(0, 4)).toEqual({ line: 1, column: 1, endLine: 2, endColumn: 2 });
    const lines = new LineIndex(text);
    expect(lines.range(3, 5)).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 3 });
    expect(lines.range(5, 6)).toEqual({ line: 2, column: 3, endLine: 3, endColumn: 1 });
    expect(lines.range(7, 99)).toEqual({ line: 4, column: 1, endLine: 4, endColumn: 3 });
    expect(lines.range(8, 1)).toEqual({ line: 4, column: 2, endLine: 1, endColumn: 2 });
    for (let start = 0; start <= text.length; start++) {
      for (let end = 0; end <= text.length; end++) {
        const fresh = new LineIndex(text);
        const from = fresh.position(start);
        const to = new LineIndex(text).position(end);
        expect(new LineIndex(text).range(start, end)).toEqual({
          ...from,
          endLine: to.line,
          endColumn: to.column,
        });
      }
    }
  });

  it('counts every line of a long text, growing its buffer', () => {
    const text = 'x\n'.repeat(1000);
    const lines = new LineIndex(text);
    expect(lines.position(2 * 500 + 1)).toEqual({ line: 501, column: 2 });
    expect(lines.lineCount).toBe(1001);
    expect(lines.position(text.length)).toEqual({ line: 1001, column: 1 });
  });

  it('gives the start of the line of an offset, forward, back and far ahead', () => {
    const text = 'ab\r\ncd\n\n' + 'x\n'.repeat(100) + 'end';
    const lines = new LineIndex(text);
    const startOf = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
    for (const offset of [0, 1, 3, 4, 5, 7, 8, 9, 150, 151, 10, 0, 200, text.length, text.length + 5, 6]) {
      expect([offset, lines.lineStartOf(offset)]).toEqual([offset, startOf(Math.min(offset, text.length))]);
    }
  });
});
