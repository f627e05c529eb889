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

/**
 * The scan a character at a time, as it was written before it searched for the characters it stops
 * at: the reference that the scan must match on every text.
 */
function scanOneCharacterAtATime(text: string): {
  code: string;
  strings: { value: string; offset: number; end: number }[];
} {
  const code = [...text.split('')];
  const strings: { value: string; offset: number; end: number }[] = [];
  const blank = (from: number, to: number) => {
    for (let at = from; at < to; at++) if (text[at] !== '\n' && text[at] !== '\r') code[at] = ' ';
  };
  const blankLiteral = (start: number, end: number, quote: string) => {
    code[start] = quote;
    blank(start + 1, end - 1);
    if (end - 1 > start) code[end - 1] = quote;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || ((c === '@' || c === '$') && /^[@$]{1,2}"/.test(text.slice(i, i + 3)))) {
      const literal = readStringOneCharacterAtATime(text, i);
      strings.push(literal);
      blankLiteral(i, literal.end, '"');
      i = literal.end;
    } else if (c === "'") {
      let end = i + 1;
      while (end < text.length && end - i < 12 && text[end] !== "'" && text[end] !== '\n')
        end += text[end] === '\\' ? 2 : 1;
      end = text[end] === "'" && end < text.length && end - i < 12 ? end + 1 : Math.min(end, text.length);
      blankLiteral(i, end, "'");
      i = end;
    } else {
      i++;
    }
  }
  return { code: code.join(''), strings };
}

function readStringOneCharacterAtATime(
  text: string,
  start: number,
): { value: string; offset: number; end: number } {
  let i = start;
  let verbatim = false;
  while (text[i] === '@' || text[i] === '$') {
    if (text[i] === '@') verbatim = true;
    i++;
  }
  let quotes = 0;
  while (quotes < 16 && text[i + quotes] === '"') quotes++;
  if (quotes >= 3) {
    const end = text.indexOf('"'.repeat(quotes), i + quotes);
    return {
      value: text.slice(i + quotes, end < 0 ? text.length : end),
      offset: start,
      end: end < 0 ? text.length : end + quotes,
    };
  }
  i++;
  let value = '';
  while (i < text.length) {
    const c = text[i]!;
    if (verbatim && c === '"' && text[i + 1] === '"') {
      value += '"';
      i += 2;
    } else if (c === '"') {
      return { value, offset: start, end: i + 1 };
    } else if (!verbatim && c === '\\') {
      value += text[i + 1] ?? '';
      i += 2;
    } else if (!verbatim && c === '\n') {
      return { value, offset: start, end: i };
    } else {
      value += c;
      i++;
    }
  }
  return { value, offset: start, end: text.length };
}

describe('scanCSharp against a scan a character at a time', () => {
  it('blanks the same code and reads the same strings on every text of up to 9 pieces', () => {
    const pieces = ['"', '""', '"""', '@', '$', "'", '/', '*', '\\', '\n', '\r', 'a', ' x ', '😀', '{'];
    // A fixed pseudo-random sequence (a linear congruential generator), so a failure can be rerun.
    let seed = 12345;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    for (let round = 0; round < 40_000; round++) {
      let text = '';
      for (let count = 1 + random(9); count > 0; count--) text += pieces[random(pieces.length)];
      expect({ text, ...scanCSharp(text) }).toEqual({ text, ...scanOneCharacterAtATime(text) });
    }
  });
});
