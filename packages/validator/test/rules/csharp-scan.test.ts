import { describe, expect, it } from '@jest/globals';
import { scanCSharp } from '../../src/rules/script/csharp-scan.js';

describe('scanCSharp', () => {
  it('blanks comments and literals to spaces, keeping every line ending and the length', () => {
    const text = [
      'var a = "x\\"y"; // note\r',
      '/* one\r\ntwo\rthree */ var b = @"multi',
      'line""q";',
      `// ${'long '.repeat(80)}`,
      "char c = '\\n';",
    ].join('\n');
    const { code } = scanCSharp(text);
    expect(code).toBe(
      [
        'var a = "    ";        \r',
        // The prefix of a verbatim string reads as its opening quote.
        '      \r\n   \r         var b = "      ',
        '       ";',
        ' '.repeat(3 + 5 * 80),
        "char c = '  ';",
      ].join('\n'),
    );
    expect(code.length).toBe(text.length);
  });

  it('blanks each UTF-16 code unit of a comment or literal to one space, and keeps code beyond Latin-1', () => {
    const text = 'var ñame = "😀 “x”"; // “note” 🚀\r\nvar 名前 = \'€\';';
    const { code } = scanCSharp(text);
    expect(code).toBe(`var ñame = "${' '.repeat(6)}";${' '.repeat(13)}\r\nvar 名前 = '${' '}';`);
    expect(code.length).toBe(text.length);
  });

  it('reads string values with escapes, doubled quotes and raw strings, at their offsets', () => {
    const text = 'f("a\\tb", @"c""d", """raw "quoted" text""", $"e{1}");';
    expect(scanCSharp(text).strings).toEqual([
      { value: 'atb', offset: 2, end: 8 },
      { value: 'c"d', offset: 10, end: 17 },
      { value: 'raw "quoted" text', offset: 19, end: 42 },
      { value: 'e{1}', offset: 44, end: 51 },
    ]);
  });
});
