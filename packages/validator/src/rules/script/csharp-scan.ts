/**
 * A light C# lexer for static checks: the code with comments and the contents of string and char
 * literals blanked out (same length, newlines kept, so offsets stay valid), plus the string literals
 * with their offsets. Regular expressions then run on code only: a `new HttpClient()` in a comment or
 * a `using` in a string is not code. The holes of an interpolated string (`$"{x ?? "none"}"`) are
 * code, read as C# reads them, with their own literals and comments: read as text, a literal in a
 * hole ended the outer string early and its contents were taken for code.
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

export function scanCSharp(text: string): ScannedCSharp {
  const scan = new Scan(text);
  scan.read();
  return { code: scan.blanked.toString(), strings: scan.strings };
}

/**
 * One scan of a text: the code blanked so far, the string literals read so far (in text order, an
 * interpolated string before the literals of its holes), and where the characters it stops at are.
 */
class Scan {
  readonly blanked: BlankedCode;
  readonly strings: StringLiteral[] = [];
  private readonly next: NextCharacters;

  constructor(private readonly text: string) {
    this.blanked = new BlankedCode(text);
    this.next = new NextCharacters(text);
  }

  /**
   * Reads the whole text. The holes of an interpolated string are code, which may hold interpolated
   * strings of their own, as deeply as the text nests them (C# sets no limit): the strings open
   * around the code being read are kept on a stack of their own. Read by calls that called each
   * other, 2,000 nested `$"{` overflowed the call stack.
   */
  read(): void {
    const text = this.text;
    const open: InterpolatedString[] = [];
    let at = 0;
    for (;;) {
      let hole = open.at(-1);
      const stop = this.code(at, hole);
      if (stop < text.length && (text[stop] === '$' || text[stop] === '@')) {
        hole = new InterpolatedString(text, stop, this.blanked);
        this.strings.push(hole.literal);
        open.push(hole);
        at = hole.readText();
      } else if (hole) {
        at = hole.holeEnded(stop);
      } else {
        return;
      }
      // A string that ended gives way to the code around it, which goes on after it.
      while (hole?.ended) {
        open.pop();
        at = hole.literal.end;
        hole = open.at(-1);
      }
    }
  }

  /**
   * Reads code from `from`: to the end of the text, to the prefix of an interpolated string (which
   * `read` reads), or, in the hole of an interpolated string, to the `}` that closes it or the `:`
   * that starts its format, returning where that is. Brackets of all kinds are counted together, as
   * C# does for a hole: a `:` or `}` inside `( )`, `[ ]` or `{ }` is code. The count is the
   * string's, kept while a string in the hole is read.
   */
  private code(from: number, hole: InterpolatedString | undefined): number {
    const text = this.text;
    // From one character that can open a comment (`/`), a string (`"`, `@`, `$`) or a char literal
    // (`'`) to the next: everything between them is plain code. A hole, short, is read a character
    // at a time, as it also stops at brackets and colons.
    for (let i = hole ? from : this.next.literalOrCommentStart(from); i !== -1 && i < text.length;) {
      const c = text[i]!;
      const following = text[i + 1];
      if (c === '/' && (following === '/' || following === '*')) i = this.comment(i);
      else if (c === '"') i = this.string(i, i);
      else if (c === '@' || c === '$') {
        // A run of `@` and `$` is read once: tried again from each `$` of it, as the scan stops at
        // each, 80,000 `$` in a row took 46 s.
        const run = prefixRun(text, i);
        if (run.stringStart === -1) i = run.end;
        else if (run.dollars > 0) return run.stringStart;
        else i = this.string(run.stringStart, run.end);
      } else if (c === "'") i = this.charLiteral(i);
      else if (hole && (c === '(' || c === '[' || c === '{')) {
        hole.depth++;
        i++;
      } else if (hole && (c === ')' || c === ']' || c === '}') && hole.depth > 0) {
        hole.depth--;
        i++;
      } else if (hole && (c === '}' || (c === ':' && hole.depth === 0))) return i;
      else i++;
      if (!hole && i < text.length) i = this.next.literalOrCommentStart(i);
    }
    return text.length;
  }

  /** A `//` or `/*` comment at `start`, blanked; returns where it ends. */
  private comment(start: number): number {
    const text = this.text;
    let stop: number;
    if (text[start + 1] === '/') {
      const end = this.next.lineFeed.from(start);
      stop = end < 0 ? text.length : end;
    } else {
      const end = text.indexOf('*/', start + 2);
      stop = end < 0 ? text.length : end + 2;
    }
    this.blanked.blank(start, stop);
    return stop;
  }

  private charLiteral(start: number): number {
    const end = readChar(this.text, start);
    this.blanked.blankLiteral(start, end, SINGLE_QUOTE);
    return end;
  }

  /**
   * A string literal that is not interpolated, from its prefix (`@`) or opening quote at `start`,
   * its opening quote at `open`, read and blanked; returns where it ends.
   */
  private string(start: number, open: number): number {
    const text = this.text;
    // Raw string literal (C# 11): three or more quotes, ended by the same number. Counted in place:
    // a regular expression on a slice cost a slice and a match per literal (0.7 MB a corpus run).
    const quotes = quotesAt(text, open);
    let literal: StringLiteral;
    if (quotes >= 3) {
      const closing = '"'.repeat(quotes);
      const end = text.indexOf(closing, open + quotes);
      const stop = end < 0 ? text.length : end + quotes;
      literal = { value: text.slice(open + quotes, end < 0 ? text.length : end), offset: start, end: stop };
    } else if (open > start) {
      literal = readVerbatimString(text, start, open + 1, this.next);
    } else {
      literal = readRegularString(text, start, open + 1, this.next);
    }
    this.strings.push(literal);
    this.blanked.blankLiteral(start, literal.end, DOUBLE_QUOTE);
    return literal.end;
  }
}

/**
 * An interpolated string (`$"…"`, `$@"…"`, `$"""…"""`, `$$"""…"""`) from its prefix, read a piece at
 * a time between its holes, whose code the scan reads. Its text is read as its kind of string reads
 * it, except at braces: as many as its dollars open a hole (in a raw string, the braces before them
 * are text; elsewhere `{{` is a brace of the text), and the hole is code, with its own comments and
 * literals, up to the `}` that closes it or a format (`:yyyy`) read as text up to that `}`. The
 * literal's value is its text, each hole kept as written. Read a character at a time: holes are
 * short, and so are most interpolated strings.
 */
class InterpolatedString {
  readonly literal: StringLiteral;
  /** Whether the string has ended: `literal` is then read, and blanked. */
  ended = false;
  /** Brackets open in the hole being read. */
  depth = 0;
  /** The number of quotes of a raw string, 0 for a verbatim string and -1 for a regular one. */
  private readonly rawQuotes: number;
  private readonly raw: boolean;
  /** How many braces open a hole, and close it. */
  private readonly braces: number;
  private value = '';
  /** The text (and braces, and formats) from here on, up to a hole's code, are blanked. */
  private blankFrom: number;
  private holeStart = -1;
  private inFormat = false;
  private at: number;
  /** Where the plain text not yet in the value starts: it goes in a run at a time, not a character. */
  private plain: number;

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly blanked: BlankedCode,
  ) {
    let open = start;
    let verbatim = false;
    let dollars = 0;
    for (; text[open] === '@' || text[open] === '$'; open++) {
      if (text[open] === '@') verbatim = true;
      else dollars++;
    }
    const quotes = quotesAt(text, open);
    this.rawQuotes = quotes >= 3 ? quotes : verbatim ? 0 : -1;
    this.raw = quotes >= 3;
    this.braces = this.raw ? dollars : 1;
    this.literal = { value: '', offset: start, end: text.length };
    this.blankFrom = start + 1;
    this.at = open + (this.raw ? quotes : 1);
    this.plain = this.at;
  }

  /**
   * Reads the text on from where it stopped: returns where a hole's code starts, or, once the
   * string has ended, -1.
   */
  readText(): number {
    const { text, raw, rawQuotes, braces } = this;
    let i = this.at;
    let end = text.length;
    while (i < text.length) {
      const c = text[i]!;
      if (c !== '"' && c !== '\\' && c !== '\n' && c !== '{' && c !== '}') {
        i++;
        continue;
      }
      // A format is text, but the value keeps its hole as written.
      if (!this.inFormat) this.value += text.slice(this.plain, i);
      if (c === '"' && raw && quotesAt(text, i) >= rawQuotes) {
        end = i + rawQuotes;
        break;
      } else if (c === '"' && rawQuotes === 0 && text[i + 1] === '"') {
        if (!this.inFormat) this.value += '"';
        i += 2;
      } else if (c === '"' && !raw) {
        end = i + 1;
        break;
      } else if (c === '\\' && rawQuotes < 0) {
        if (!this.inFormat) this.value += text[i + 1] ?? '';
        i += 2;
      } else if (c === '\n' && rawQuotes < 0) {
        end = i;
        break;
      } else if (c === '}' && this.inFormat) {
        i = closeHole(text, i, braces);
        this.value += text.slice(this.holeStart, i);
        this.inFormat = false;
      } else if (c === '{' && !this.inFormat) {
        const run = raw ? bracesAt(text, i, '{') : text[i + 1] === '{' ? 2 : 1;
        if (run < braces || (!raw && run === 2)) {
          this.value += raw ? text.slice(i, i + run) : '{';
          i += run;
        } else {
          this.value += text.slice(i, i + run - braces);
          this.holeStart = i + run - braces;
          this.blanked.blank(this.blankFrom, i + run);
          this.depth = 0;
          return i + run;
        }
      } else if (c === '}' && !raw && text[i + 1] === '}') {
        this.value += '}';
        i += 2;
      } else {
        if (!this.inFormat) this.value += c;
        i++;
      }
      this.plain = i;
    }
    if (i >= text.length && !this.inFormat) this.value += text.slice(this.plain);
    this.end(end, false);
    return -1;
  }

  /**
   * The code of the hole stopped at `at`: its `}`, the `:` of its format, or the end of the text.
   * Reads the text on (see readText).
   */
  holeEnded(at: number): number {
    const text = this.text;
    this.blankFrom = at;
    if (at >= text.length) {
      this.end(text.length, true);
      return -1;
    }
    if (text[at] === ':') {
      this.inFormat = true;
      this.at = at + 1;
    } else {
      this.at = closeHole(text, at, this.braces);
      this.value += text.slice(this.holeStart, this.at);
    }
    this.plain = this.at;
    return this.readText();
  }

  private end(end: number, inHole: boolean): void {
    this.literal.value = this.value;
    this.literal.end = end;
    this.blanked.put(this.start, DOUBLE_QUOTE);
    // Unterminated in a hole, the string ends with the text, and its hole's code is code to the end.
    if (!inHole) {
      this.blanked.blank(this.blankFrom, end);
      if (end - 1 > this.start) this.blanked.put(end - 1, DOUBLE_QUOTE);
    }
    this.ended = true;
  }
}

/** After a hole's code, at its first `}`: the end of the braces that close it, as many as opened it. */
function closeHole(text: string, at: number, braces: number): number {
  return at + Math.min(braces, bracesAt(text, at, '}'));
}

/** How many of `brace` follow each other from `at`. */
function bracesAt(text: string, at: number, brace: string): number {
  let count = 0;
  while (text[at + count] === brace) count++;
  return count;
}

/**
 * Where a character next occurs at or after a position that only moves forward, as the scan does:
 * each occurrence is searched for once, by the native `indexOf` (memchr), until the scan passes it.
 */
class Occurrences {
  private found: number;
  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {
    this.found = text.indexOf(char);
  }

  /** The first occurrence at or after `at`, or -1; `at` is never below an earlier call's. */
  from(at: number): number {
    if (this.found !== -1 && this.found < at) this.found = this.text.indexOf(this.char, at);
    return this.found;
  }
}

/**
 * The characters the scan stops at, each found by a memchr-backed search per occurrence. Before,
 * a regular expression (`/[/"'@$]/g`, tried from each stop) stepped through every character between
 * stops, and strings were read a character at a time to their closing quote, backslash or line feed:
 * scanning the corpus's 39 scripts took 1.71-1.84 ms, now 1.57 (fastest of 60 interleaved rounds,
 * 3 runs).
 */
class NextCharacters {
  readonly quote: Occurrences;
  readonly backslash: Occurrences;
  readonly lineFeed: Occurrences;
  private readonly slash: Occurrences;
  private readonly apostrophe: Occurrences;
  private readonly at: Occurrences;
  private readonly dollar: Occurrences;

  constructor(text: string) {
    this.quote = new Occurrences(text, '"');
    this.backslash = new Occurrences(text, '\\');
    this.lineFeed = new Occurrences(text, '\n');
    this.slash = new Occurrences(text, '/');
    this.apostrophe = new Occurrences(text, "'");
    this.at = new Occurrences(text, '@');
    this.dollar = new Occurrences(text, '$');
  }

  /** The first character at or after `from` that can open a comment or a literal, or -1. */
  literalOrCommentStart(from: number): number {
    let first = earlier(this.quote.from(from), this.slash.from(from));
    first = earlier(first, this.apostrophe.from(from));
    first = earlier(first, this.at.from(from));
    return earlier(first, this.dollar.from(from));
  }
}

/** The earlier of two offsets, where -1 means none. */
function earlier(a: number, b: number): number {
  if (a === -1) return b;
  return b === -1 || a < b ? a : b;
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
      if (code !== 0x0a && code !== 0x0d) this.write(units, at, SPACE);
    }
  }

  /**
   * A literal from `start` to `end`: its first and last code units read as the quote (a prefix
   * `@` or `$` as the opening quote), and all between them is blanked.
   */
  blankLiteral(start: number, end: number, quote: number): void {
    this.write(this.units, start, quote);
    this.blank(start + 1, end - 1);
    if (end - 1 > start) this.write(this.units, end - 1, quote);
  }

  /** Writes an ASCII character over the code unit at `at`: little-endian bytes, whatever the machine's order. */
  private write(units: Buffer, at: number, code: number): void {
    units[2 * at] = code;
    units[2 * at + 1] = 0;
  }

  /** Writes an ASCII character (a quote) over the code unit at `at`. */
  put(at: number, code: number): void {
    this.write(this.units, at, code);
  }

  toString(): string {
    return this.units.toString('utf16le');
  }
}

/**
 * The run of `@` and `$` from `at`, where in it a string starts (-1 if none does) and how many
 * dollars its prefix has: `@"`, `$"`, `$@"`, `@$"` start a string, and so do `$$"""` and more
 * dollars (C# 11), with at most one `@`. Before a run's second-last `@` is code (`@@$"` is `@` and
 * a string `@$"`).
 */
function prefixRun(text: string, at: number): { end: number; stringStart: number; dollars: number } {
  let end = at;
  let lastAt = -1;
  let secondLastAt = -1;
  for (; text[end] === '@' || text[end] === '$'; end++) {
    if (text[end] === '@') {
      secondLastAt = lastAt;
      lastAt = end;
    }
  }
  if (text[end] !== '"') return { end, stringStart: -1, dollars: 0 };
  const stringStart = secondLastAt === -1 ? at : secondLastAt + 1;
  return { end, stringStart, dollars: end - stringStart - (lastAt >= stringStart ? 1 : 0) };
}

/**
 * A verbatim string (`@"…"`) from its first character at `from`: it ends at a quote that is not
 * doubled; a doubled quote stands for one. The value is built a run of plain characters at a time.
 */
function readVerbatimString(text: string, start: number, from: number, next: NextCharacters): StringLiteral {
  let value = '';
  let run = from;
  for (let quote = next.quote.from(from); quote !== -1; quote = next.quote.from(quote + 2)) {
    if (text.charCodeAt(quote + 1) !== 0x22)
      return { value: value + text.slice(run, quote), offset: start, end: quote + 1 };
    value += text.slice(run, quote) + '"';
    run = quote + 2;
  }
  return { value: value + text.slice(run), offset: start, end: text.length };
}

/**
 * A regular string from its first character at `from`: it ends at its closing quote, or,
 * unterminated, at the line end (the rest of the file stays code); a backslash escapes the
 * character after it, which the value keeps.
 */
function readRegularString(text: string, start: number, from: number, next: NextCharacters): StringLiteral {
  let value = '';
  let run = from;
  let i = from;
  for (;;) {
    const quote = next.quote.from(i);
    const backslash = next.backslash.from(i);
    const lineFeed = next.lineFeed.from(i);
    const end = earlier(quote, lineFeed);
    if (backslash !== -1 && (end === -1 || backslash < end)) {
      value += text.slice(run, backslash) + (text[backslash + 1] ?? '');
      i = backslash + 2;
      run = i;
    } else if (end === -1) {
      return { value: value + text.slice(run), offset: start, end: text.length };
    } else {
      return { value: value + text.slice(run, end), offset: start, end: end === quote ? end + 1 : end };
    }
  }
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
