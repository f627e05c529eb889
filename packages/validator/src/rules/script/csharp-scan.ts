/**
 * A light C# lexer for static checks: the code with comments and the contents of string and char
 * literals blanked out (same length, newlines kept, so offsets stay valid), plus the string literals
 * with their offsets. Regular expressions then run on code only: a `new HttpClient()` in a comment or
 * a `using` in a string is not code.
 */
export interface StringLiteral {
  value: string;
  /** Offset of the opening quote (or of the `@`/`$` prefix). */
  offset: number;
  /** Offset just after the closing quote. */
  end: number;
}

export interface ScannedCSharp {
  code: string;
  strings: StringLiteral[];
}

/** The characters that can start a comment (`/`), a string (`"`, `@`, `$`) or a char literal (`'`). */
const LITERAL_OR_COMMENT_START = /[/"'@$]/g;

export function scanCSharp(text: string): ScannedCSharp {
  const code = new BlankedCode(text);
  const strings: StringLiteral[] = [];
  let i = 0;
  while (i < text.length) {
    // Jump to the next character that can open a comment or a literal: everything before it is
    // plain code, and the regular expression engine finds it faster than a step per character.
    LITERAL_OR_COMMENT_START.lastIndex = i;
    if (!LITERAL_OR_COMMENT_START.test(text)) break;
    i = LITERAL_OR_COMMENT_START.lastIndex - 1;
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      code.blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      code.blank(i, stop);
      i = stop;
    } else if (c === '"' || ((c === '@' || c === '$') && isStringStart(text, i))) {
      const literal = readString(text, i);
      strings.push(literal);
      code.blankLiteral(i, literal.end, DOUBLE_QUOTE);
      i = literal.end;
    } else if (c === "'") {
      const end = readChar(text, i);
      code.blankLiteral(i, end, SINGLE_QUOTE);
      i = end;
    } else {
      i++;
    }
  }
  return { code: code.toString(), strings };
}

const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const SPACE = 0x20;

/**
 * The text as UTF-16 code units in a byte buffer, blanked in place: every code unit of a blanked
 * run but CR and LF becomes a space, and the code is made from the buffer in one piece. Built from
 * slices (one per run of code, a run of spaces per blanked line, then a join), scanning the 39
 * corpus scripts allocated 3.3 MB and took 2.7 ms; in the buffer, which lives outside the
 * JavaScript heap, 1.5 MB (the code and the literals' values) and 1.7 ms.
 */
class BlankedCode {
  private readonly units: Buffer;
  constructor(private readonly text: string) {
    this.units = Buffer.from(text, 'utf16le');
  }

  /** Blanks the code units from `from` to `to`, line endings kept. */
  blank(from: number, to: number): void {
    const { text, units } = this;
    for (let at = from; at < to; at++) {
      const code = text.charCodeAt(at);
      if (code !== 0x0a && code !== 0x0d) this.put(units, at, SPACE);
    }
  }

  /**
   * A literal from `start` to `end`: its first and last code units read as the quote (a prefix
   * `@` or `$` as the opening quote), and all between them is blanked.
   */
  blankLiteral(start: number, end: number, quote: number): void {
    this.put(this.units, start, quote);
    this.blank(start + 1, end - 1);
    if (end - 1 > start) this.put(this.units, end - 1, quote);
  }

  /** Writes an ASCII character over the code unit at `at`: little-endian bytes, whatever the machine's order. */
  private put(units: Buffer, at: number, code: number): void {
    units[2 * at] = code;
    units[2 * at + 1] = 0;
  }

  toString(): string {
    return this.units.toString('utf16le');
  }
}

/** `@"`, `$"`, `$@"`, `@$"` start a string. */
function isStringStart(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && (text[i] === '@' || text[i] === '$') && i - at < 2) i++;
  return text[i] === '"';
}

function readString(text: string, start: number): StringLiteral {
  let i = start;
  let verbatim = false;
  while (text[i] === '@' || text[i] === '$') {
    if (text[i] === '@') verbatim = true;
    i++;
  }
  // Raw string literal (C# 11): three or more quotes, ended by the same number. Counted in place:
  // a regular expression on a slice cost a slice and a match per literal (0.7 MB a corpus run).
  const quotes = quotesAt(text, i);
  if (quotes >= 3) {
    const closing = '"'.repeat(quotes);
    const end = text.indexOf(closing, i + quotes);
    const stop = end < 0 ? text.length : end + quotes;
    return { value: text.slice(i + quotes, end < 0 ? text.length : end), offset: start, end: stop };
  }
  i++;
  // The value is built a run of plain characters at a time (from `run` to `i`), not a character at a
  // time: only escapes and doubled quotes interrupt a run.
  let value = '';
  let run = i;
  while (i < text.length) {
    const c = text[i]!;
    if (verbatim && c === '"' && text[i + 1] === '"') {
      value += text.slice(run, i) + '"';
      i += 2;
      run = i;
    } else if (c === '"') {
      return { value: value + text.slice(run, i), offset: start, end: i + 1 };
    } else if (!verbatim && c === '\\') {
      value += text.slice(run, i) + (text[i + 1] ?? '');
      i += 2;
      run = i;
    } else if (!verbatim && c === '\n') {
      // An unterminated regular string ends at the line end: keep the rest of the file as code.
      return { value: value + text.slice(run, i), offset: start, end: i };
    } else {
      i++;
    }
  }
  return { value: value + text.slice(run, i), offset: start, end: text.length };
}

/** How many quotes follow each other from `at` (counted up to 16, as raw string openings go). */
function quotesAt(text: string, at: number): number {
  let count = 0;
  while (count < 16 && text.charCodeAt(at + count) === 0x22) count++;
  return count;
}

function readChar(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && i - start < 12) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === "'") return i + 1;
    else if (text[i] === '\n') return i;
    else i++;
  }
  return Math.min(i, text.length);
}

/** The scan of each script text, computed once for all rules. */
let last: { text: string; scanned: ScannedCSharp } | undefined;
export function scannedScript(text: string): ScannedCSharp {
  if (last?.text !== text) last = { text, scanned: scanCSharp(text) };
  return last.scanned;
}
