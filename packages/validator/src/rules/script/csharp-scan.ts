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
  // The code is built from slices: plain code is copied a run at a time (not a character at a time),
  // and blanked runs are slices with every character but line endings turned into a space.
  const parts: string[] = [];
  const strings: StringLiteral[] = [];
  let copied = 0;
  const copyUpTo = (to: number): void => {
    if (to > copied) parts.push(text.slice(copied, to));
  };
  const blank = (from: number, to: number): void => pushBlanked(parts, text, from, to);
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
      copyUpTo(i);
      blank(i, stop);
      i = copied = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      copyUpTo(i);
      blank(i, stop);
      i = copied = stop;
    } else if (c === '"' || ((c === '@' || c === '$') && isStringStart(text, i))) {
      const literal = readString(text, i);
      strings.push(literal);
      copyUpTo(i);
      parts.push('"');
      blank(i + 1, literal.end - 1);
      if (literal.end - 1 > i) parts.push('"');
      i = copied = literal.end;
    } else if (c === "'") {
      const end = readChar(text, i);
      copyUpTo(i);
      parts.push("'");
      blank(i + 1, end - 1);
      if (end - 1 > i) parts.push("'");
      i = copied = end;
    } else {
      i++;
    }
  }
  copyUpTo(text.length);
  return { code: parts.join(''), strings };
}

/** Spaces to blank with: slices of one string (no copy from 13 characters on), not a new string per run. */
const SPACES = ' '.repeat(256);
const LINE_ENDING = /[\r\n]/g;

/**
 * Pushes the text from `from` to `to` with every character but line endings turned into a space: a
 * run of spaces per line. Replacing runs with a callback and `' '.repeat` allocated 2.5 MB of the
 * 6.7 MB that scanning the corpus scripts allocated.
 */
function pushBlanked(parts: string[], text: string, from: number, to: number): void {
  let run = from;
  LINE_ENDING.lastIndex = from;
  while (LINE_ENDING.test(text) && LINE_ENDING.lastIndex <= to) {
    const lineEnding = LINE_ENDING.lastIndex - 1;
    pushSpaces(parts, lineEnding - run);
    parts.push(text[lineEnding]!);
    run = lineEnding + 1;
  }
  pushSpaces(parts, to - run);
}

function pushSpaces(parts: string[], count: number): void {
  if (count > 0) parts.push(count <= SPACES.length ? SPACES.slice(0, count) : ' '.repeat(count));
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
