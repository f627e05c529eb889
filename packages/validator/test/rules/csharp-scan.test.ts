import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '@connector-alm/testing';
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

  it('reads the holes of interpolated strings as code, with their own literals, and formats as text', () => {
    const cases: [string, string, string[]][] = [
      [
        '$"{x ?? "new HttpClient()"}"',
        '"  x ?? "                " "',
        ['{x ?? "new HttpClient()"}', 'new HttpClient()'],
      ],
      ['$"{(a ? "b" : "c")}!"', '"  (a ? " " : " ")  "', ['{(a ? "b" : "c")}!', 'b', 'c']],
      ['$"a{$"b{c}"}d"', '"   "   c "  "', ['a{$"b{c}"}d', 'b{c}']],
      ['$@"{"x"}""" + @$"{y}"', '"   " "   " + "   y "', ['{"x"}"', 'x', '{y}']],
      ['$$"""{{"{"}} {x}"""', '"      " "        "', ['{{"{"}} {x}', '{']],
      ['$"{{new HttpClient()}}"', '"                     "', ['{new HttpClient()}']],
      ['$"{d:yyyy\\"q\\"}" + f', '"  d           " + f', ['{d:yyyy\\"q\\"}']],
      ['$"{a /* " */ + \'"\'}"', '"  a         + \' \' "', ['{a /* " */ + \'"\'}']],
    ];
    for (const [text, code, values] of cases) {
      const scanned = scanCSharp(text);
      expect({ text, code: scanned.code, values: scanned.strings.map((s) => s.value) }).toEqual({
        text,
        code,
        values,
      });
    }
  });
});

/**
 * The scan a character at a time, as it was written before it searched for the characters it stops
 * at, with interpolation holes read by a second, separately written reading: the reference that the
 * scan must match on every text.
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
  /** The prefix of a string at `at` (`@`, `$`s, at most one `@`) and its opening quote, or undefined. */
  const prefixAt = (at: number) => {
    const prefix = /^[@$]*/.exec(text.slice(at))![0];
    if (text[at + prefix.length] !== '"' || prefix.split('@').length > 2) return undefined;
    return { length: prefix.length, dollars: prefix.split('$').length - 1, verbatim: prefix.includes('@') };
  };
  const charAt = (i: number) => {
    let end = i + 1;
    while (end < text.length && end - i < 12 && text[end] !== "'" && text[end] !== '\n')
      end += text[end] === '\\' ? 2 : 1;
    end = text[end] === "'" && end < text.length && end - i < 12 ? end + 1 : Math.min(end, text.length);
    blankLiteral(i, end, "'");
    return end;
  };
  /**
   * What the text of a string of this kind holds at `i`: the string's end (or, unterminated, where
   * it stops), or one character of its text with what it stands for.
   */
  const textAt = (
    i: number,
    raw: number,
    verbatim: boolean,
  ): { end: number } | { length: number; value: string } => {
    if (i >= text.length) return { end: text.length };
    if (raw > 0)
      return text.startsWith('"'.repeat(raw), i) ? { end: i + raw } : { length: 1, value: text[i]! };
    if (text[i] === '"') return verbatim && text[i + 1] === '"' ? { length: 2, value: '"' } : { end: i + 1 };
    if (!verbatim && text[i] === '\\') return { length: 2, value: text[i + 1] ?? '' };
    if (!verbatim && text[i] === '\n') return { end: i };
    return { length: 1, value: text[i]! };
  };
  /** The interpolated string at `start`: its text, then holes of code, each with an optional format. */
  const interpolatedAt = (start: number, prefix: { length: number; dollars: number; verbatim: boolean }) => {
    let quotes = 0;
    while (quotes < 16 && text[start + prefix.length + quotes] === '"') quotes++;
    const raw = quotes >= 3 ? quotes : 0;
    const braces = raw ? prefix.dollars : 1;
    const literal = { value: '', offset: start, end: text.length };
    strings.push(literal);
    const holes: [number, number][] = [];
    let i = start + prefix.length + (raw || 1);
    let endsInHole = false;
    for (;;) {
      const element = textAt(i, raw, prefix.verbatim);
      if ('end' in element) {
        literal.end = element.end;
        break;
      }
      if (text[i] === '}' && !raw && text[i + 1] === '}') {
        literal.value += '}';
        i += 2;
        continue;
      }
      if (text[i] !== '{') {
        literal.value += element.value;
        i += element.length;
        continue;
      }
      let opening = 0;
      while (text[i + opening] === '{') opening++;
      if (!raw && opening > 1) {
        literal.value += '{';
        i += 2;
        continue;
      }
      if (opening < braces) {
        literal.value += '{'.repeat(opening);
        i += opening;
        continue;
      }
      const hole = i + opening - braces;
      literal.value += text.slice(i, hole);
      const stop = codeUntil(i + opening, true);
      holes.push([i + opening, stop]);
      if (stop >= text.length) {
        endsInHole = true;
        break;
      }
      i = stop;
      let formatEnded: number | undefined;
      if (text[i] === ':') {
        i++;
        while (text[i] !== '}') {
          const inFormat = textAt(i, raw, prefix.verbatim);
          if ('end' in inFormat) {
            formatEnded = inFormat.end;
            break;
          }
          i += inFormat.length;
        }
      }
      if (formatEnded !== undefined) {
        literal.end = formatEnded;
        break;
      }
      let closing = 0;
      while (closing < braces && text[i + closing] === '}') closing++;
      i += closing;
      literal.value += text.slice(hole, i);
    }
    const inHole = (at: number) => holes.some(([from, to]) => at >= from && at < to);
    for (let at = start + 1; at < literal.end; at++) if (!inHole(at)) blank(at, at + 1);
    code[start] = '"';
    if (!endsInHole && literal.end - 1 > start) code[literal.end - 1] = '"';
    return literal.end;
  };
  /** Code from `i` to the text's end, or in a hole to its closing `}` or format `:`, at no depth of brackets. */
  const codeUntil = (from: number, hole: boolean): number => {
    const openers: string[] = [];
    let i = from;
    while (i < text.length) {
      const c = text[i]!;
      const next = text[i + 1];
      const prefix = c === '@' || c === '$' ? prefixAt(i) : undefined;
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
      } else if (prefix && prefix.dollars > 0) {
        i = interpolatedAt(i, prefix);
      } else if (c === '"' || prefix) {
        const literal = readStringOneCharacterAtATime(text, i);
        strings.push(literal);
        blankLiteral(i, literal.end, '"');
        i = literal.end;
      } else if (c === "'") {
        i = charAt(i);
      } else if (hole && '([{'.includes(c)) {
        openers.push(c);
        i++;
      } else if (hole && ')]}'.includes(c) && openers.length > 0) {
        openers.pop();
        i++;
      } else if (hole && openers.length === 0 && (c === '}' || c === ':')) {
        return i;
      } else {
        i++;
      }
    }
    return text.length;
  };
  codeUntil(0, false);
  return { code: code.join(''), strings };
}

function readStringOneCharacterAtATime(
  text: string,
  start: number,
): { value: string; offset: number; end: number } {
  const verbatim = text[start] === '@';
  let i = verbatim ? start + 1 : start;
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

/** Checks the scan against the reference on `rounds` texts of up to `most` of the pieces. */
function expectSameScans(pieces: string[], most: number, rounds: number, seed: number): void {
  const random = seededRandom(seed);
  // The first text the two scans read apart, compared whole at the end: one assertion, always made.
  let first: { scanned: object; reference: object } | undefined;
  for (let round = 0; round < rounds && first === undefined; round++) {
    let text = '';
    for (let count = 1 + random(most); count > 0; count--) text += pieces[random(pieces.length)];
    const scanned = { text, ...scanCSharp(text) };
    const reference = { text, ...scanOneCharacterAtATime(text) };
    // Compared as JSON first: toEqual on every round took most of the test's time.
    if (JSON.stringify(scanned) !== JSON.stringify(reference)) first = { scanned, reference };
  }
  expect(first?.scanned).toEqual(first?.reference);
}

describe('scanCSharp against a scan a character at a time', () => {
  it('blanks the same code and reads the same strings on every text of up to 9 pieces', () => {
    const pieces = ['"', '""', '"""', '@', '$', "'", '/', '*', '\\', '\n', '\r', 'a', ' x ', '😀', '{'];
    expectSameScans(pieces, 9, 40_000, 12345);
  });

  it('reads interpolation holes alike: their literals, comments, brackets, formats and brace escapes', () => {
    const pieces = [
      '$"',
      '$@"',
      '@$"',
      '$"""',
      '$$"""',
      '"',
      '""',
      '"""',
      '@"',
      '{',
      '{{',
      '}',
      '}}',
      ':',
      '(',
      ')',
      '[',
      ']',
      '\\',
      '\n',
      "'",
      '//',
      '/*',
      '*/',
      'a',
      '$',
    ];
    expectSameScans(pieces, 10, 100_000, 67890);
  });
});
