import { LineIndex } from './line-index.js';
import type { Token } from './syntax-token.js';
import { tokenize } from './syntax-tokens.js';
import { typographicAdvice } from './typographic-quotes.js';
import { quoteAdvice } from './word-tokens.js';
import { insertion, removal, replacement, type TextEdit } from './syntax-repair.js';
import { excerpt, quoted } from '../text/message-values.js';

// What is wrong with text that JSON.parse refused, said as the edit that fixes it. jsonc-parser's
// own errors name the token where it got stuck, which is often not where the slip is: a missing '}'
// read as "remove the trailing comma" (Icon Horse's swagger), followed by errors that only follow
// from its recovery. Here the text is walked with a stack of the open brackets; at each token that
// does not fit, the repairs that could explain it (a missing comma, a missing closer, an extra
// closer, a stray token) are each tried on the tokens that follow, and the one that lets the walk
// go furthest is reported and applied. What is reported after it is then independent of it.

export interface SyntaxDiagnosis {
  message: string;
  offset: number;
  length: number;
}

type Place = 'key-or-close' | 'key' | 'colon' | 'value' | 'comma-or-close' | 'value-or-close' | 'end';

interface Frame {
  /** '{', '[', or '' for the top level. */
  open: '{' | '[' | '';
  at: number;
  place: Place;
  /** The last comma of this container, the end of its last key and of its last value. */
  comma: number;
  keyEnd: number;
  valueEnd: number;
}

interface Repair {
  issue: SyntaxDiagnosis;
  apply(walk: Walk): void;
  /** The edit the issue's message asks for, when it names one. */
  fix?: TextEdit;
}

/**
 * The issues, and the edits that fix them: those of every repair the walk made (the ones left
 * unsaid because they follow from an earlier issue included) and of every token read with a
 * problem. `edits` is undefined when an issue names no single edit (a value is missing: "add it")
 * or the walk stopped before the end of the text.
 */
export interface SyntaxRepair {
  issues: SyntaxDiagnosis[];
  edits: TextEdit[] | undefined;
}

/** What follows a string that is an item of a list rather than a key. */
const LIST_FOLLOWERS = new Set<string | undefined>([',', ']', '}']);

/** How many tokens a repair is tried on; enough to tell a repair that fits from one that does not. */
const TRIAL_TOKENS = 80;
/** Past this many, the rest is left unsaid: the maker fixes these first. */
const MAX_ISSUES = 20;
/** A token named in passing ("Unexpected …", "before the … at line 3") shows this much of itself. */
const MAX_SHOWN_TOKEN = 30;

export function diagnoseSyntax(
  text: string,
  describeCharacter: (character: number) => string,
  lines: LineIndex = new LineIndex(text),
): SyntaxDiagnosis[] {
  return diagnoseAndRepair(text, describeCharacter, lines).issues;
}

/** `diagnoseSyntax`, with the edits that its issues name (see `SyntaxRepair`). */
export function diagnoseAndRepair(
  text: string,
  describeCharacter: (character: number) => string,
  lines: LineIndex = new LineIndex(text),
): SyntaxRepair {
  const tokens = tokenize(text, describeCharacter);
  const walk = new Walk(tokens, (offset) => lines.position(offset).line, text);
  const issues: SyntaxDiagnosis[] = [];
  let edits: TextEdit[] | undefined = [];
  const edit = (fix: TextEdit | undefined) => {
    if (fix === undefined) edits = undefined;
    else edits?.push(fix);
  };
  let repairsHere = 0;
  let lastIndex = -1;
  let finished = false;
  while (issues.length < MAX_ISSUES) {
    const token = tokens[walk.index]!;
    const outcome = walk.feed();
    if (
      outcome !== 'accepted' &&
      outcome !== 'done' &&
      token.kind === 'end' &&
      endsInsideUnclosedToken(tokens)
    )
      break;
    if (outcome === 'done') {
      finished = true;
      break;
    }
    if (outcome === 'accepted') {
      if (walk.problem) {
        issues.push(walk.problem);
        edit(walk.fix);
      }
      continue;
    }
    repairsHere = walk.index === lastIndex ? repairsHere + 1 : 0;
    lastIndex = walk.index;
    const repair = repairsHere > 3 ? skipToken(walk, token) : bestRepair(walk, outcome);
    // A repair at the place of the issue just reported follows from it (a string left open ends its
    // line, and the key on the next line then seems to lack a comma).
    if (issues[issues.length - 1]?.offset !== repair.issue.offset) issues.push(repair.issue);
    edit(repair.fix);
    repair.apply(walk);
    if (walk.stopped) {
      // Only an unclosed bracket at the end stops the walk with an edit that completes the text.
      finished = repair.fix !== undefined && walk.index === tokens.length - 1;
      break;
    }
  }
  return { issues, edits: finished ? edits : undefined };
}

/**
 * The file ends inside a string or a '/*' comment: that is already said, and the open brackets
 * follow from it.
 */
function endsInsideUnclosedToken(tokens: readonly Token[]): boolean {
  return tokens[tokens.length - 2]?.unclosedAtEnd === true;
}

function bestRepair(walk: Walk, repairs: Repair[]): Repair {
  let best = repairs[0]!;
  let bestScore = -1;
  for (const repair of repairs) {
    const trial = walk.clone();
    repair.apply(trial);
    const score = trial.stopped ? 0 : trial.tryAhead();
    if (score > bestScore) {
      best = repair;
      bestScore = score;
    }
  }
  return best;
}

function skipToken(walk: Walk, token: Token): Repair {
  return {
    issue: { message: walk.unexpected(token), offset: token.offset, length: token.end - token.offset },
    apply: (w) => w.index++,
    fix: removal(walk.text, token.offset, token.end - token.offset),
  };
}

class Walk {
  index = 0;
  stopped = false;
  stack: Frame[];
  /** The end of the last token read. */
  lastEnd = 0;
  /** The brackets closed so far, in the main walk only (trials do not need them). */
  closes: { open: number; close: number }[] = [];
  /** The problem of the token just read, if it has one, and the edit that fixes it. */
  problem: Token['problem'];
  fix: TextEdit | undefined;

  constructor(
    readonly tokens: readonly Token[],
    readonly lineOf: (offset: number) => number,
    readonly text: string,
    stack?: Frame[],
  ) {
    this.stack = stack ?? [{ open: '', at: 0, place: 'value', comma: -1, keyEnd: -1, valueEnd: -1 }];
  }

  clone(): Walk {
    const copy = new Walk(
      this.tokens,
      this.lineOf,
      this.text,
      this.stack.map((frame) => ({ ...frame })),
    );
    copy.index = this.index;
    copy.closes = [];
    copy.lastEnd = this.lastEnd;
    return copy;
  }

  /** How many tokens the walk reads from here before the next one that does not fit. */
  tryAhead(): number {
    for (let read = 0; read < TRIAL_TOKENS; read++) {
      const outcome = this.feed();
      if (outcome === 'done') return TRIAL_TOKENS + 1;
      if (outcome !== 'accepted') return read;
    }
    return TRIAL_TOKENS;
  }

  get top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  /** Reads the next token if it fits; else the repairs that could explain it. */
  feed(): 'accepted' | 'done' | Repair[] {
    const token = this.tokens[this.index]!;
    if (token.kind === 'skip') return this.accept(token);
    const frame = this.top;
    if (token.kind === 'end') {
      if (frame.open === '' && frame.place === 'end') return 'done';
      return [this.unclosedAtEnd()];
    }
    switch (frame.place) {
      case 'end':
        return [this.textAfterEnd(token)];
      case 'value':
      case 'value-or-close':
        return this.atValue(frame, token);
      case 'key-or-close':
      case 'key':
        return this.atKey(frame, token);
      case 'colon':
        if (token.kind === ':') {
          frame.place = 'value';
          return this.accept(token);
        }
        if (this.isAssignment(token)) return [this.assignment(token)];
        return [this.missingColon(frame), this.skip(token)];
      case 'comma-or-close':
        return this.atCommaOrClose(frame, token);
    }
  }

  private accept(token: Token): 'accepted' {
    this.problem = token.problem;
    this.fix = token.fix;
    this.index++;
    if (token.kind !== 'skip') this.lastEnd = token.end;
    return 'accepted';
  }

  private atValue(frame: Frame, token: Token): 'accepted' | Repair[] {
    switch (token.kind) {
      case '{':
      case '[':
        this.stack.push({
          open: token.kind,
          at: token.offset,
          place: token.kind === '{' ? 'key-or-close' : 'value-or-close',
          comma: -1,
          keyEnd: -1,
          valueEnd: -1,
        });
        return this.accept(token);
      case 'string':
        if (frame.open === '[' && this.nextKind() === ':') {
          // Right after the '[' no item precedes the key that the list could have been closed after.
          const repairs = [this.missingOpener(frame, token), this.skip(token)];
          if (frame.place === 'value') repairs.unshift(this.unclosedBeforeKey(frame));
          return repairs;
        }
        return this.acceptValue(frame, token);
      case 'literal':
        return this.acceptValue(frame, token);
      case 'word': {
        const read = wordAsValue(this.text.slice(token.offset, token.end), token);
        return this.acceptValue(frame, token, read.problem, read.fix);
      }
      case ']':
        if (frame.open === '[' && frame.place === 'value-or-close') return this.close(token);
        if (frame.open === '[') return [this.trailingComma(frame, token)];
        return this.mismatchedCloser(frame, token);
      case '}':
        if (frame.open === '{') {
          return [
            this.repair(
              frame.keyEnd,
              0,
              'A value is missing after this key: add it, or remove the key.',
              (w) => w.close(token),
            ),
          ];
        }
        return this.mismatchedCloser(frame, token);
      case ',':
        if (frame.open === '{') {
          return [
            this.repair(
              frame.keyEnd,
              0,
              'A value is missing after this key: add it, or remove the key.',
              (w) => {
                w.top.place = 'comma-or-close';
              },
            ),
          ];
        }
        return [
          this.skip(
            token,
            frame.open === '[' && frame.place === 'value' ? 'Two commas in a row: remove one.' : undefined,
          ),
        ];
      default:
        return [this.skip(token)];
    }
  }

  private acceptValue(frame: Frame, token: Token, problem = token.problem, fix = token.fix): 'accepted' {
    frame.place = frame.open === '' ? 'end' : 'comma-or-close';
    frame.valueEnd = token.end;
    this.accept(token);
    this.problem = problem;
    this.fix = fix;
    return 'accepted';
  }

  private atKey(frame: Frame, token: Token): 'accepted' | Repair[] {
    const afterComma = frame.place === 'key';
    if (
      token.kind === 'string' &&
      !afterComma &&
      this.tokens[this.index - 1]?.offset === frame.at &&
      LIST_FOLLOWERS.has(this.nextKind())
    ) {
      return [this.strayOpener(frame), this.missingColonAfter(frame, token)];
    }
    if (
      token.kind === 'string' ||
      (token.kind === 'word' && (this.nextKind() === ':' || this.isAssignment(this.nextToken())))
    ) {
      frame.place = 'colon';
      frame.keyEnd = token.end;
      const word = this.text.slice(token.offset, token.end);
      this.accept(token);
      if (token.kind === 'word') {
        const key = word.replace(TYPOGRAPHIC_QUOTES, '');
        this.problem = {
          message: `A key must be in double quotes: write "${excerpt(key)}".`,
          offset: token.offset,
          length: token.end - token.offset,
        };
        this.fix = replacement(token.offset, token.end - token.offset, JSON.stringify(key));
      }
      return 'accepted';
    }
    if (token.kind === '}') {
      if (!afterComma) return this.close(token);
      const repairs = [this.trailingComma(frame, token)];
      const extra = this.extraCloser(frame, token);
      if (extra) repairs.push(extra);
      return repairs;
    }
    if (token.kind === ']') return this.mismatchedCloser(frame, token);
    const parent = this.stack[this.stack.length - 2]!;
    const repairs: Repair[] = [];
    if (
      afterComma &&
      parent.open === '[' &&
      (token.kind === '{' || token.kind === '[' || token.kind === 'literal')
    ) {
      repairs.push(
        this.repair(
          frame.comma,
          1,
          `The '{' at line ${this.lineOf(frame.at)} is never closed: add '}' before this comma (the '${token.kind === 'literal' ? 'value' : token.kind}' at line ${this.lineOf(token.offset)} starts the next item of the list opened at line ${this.lineOf(parent.at)}).`,
          (w) => {
            w.stack.pop();
            w.top.valueEnd = frame.comma;
            w.top.place = 'value';
            w.top.comma = frame.comma;
          },
          insertion(frame.comma, '}'),
        ),
      );
    }
    if (token.kind === ',') {
      repairs.push(
        this.skip(
          token,
          afterComma ? 'Two commas in a row: remove one.' : "A comma cannot follow '{': remove it.",
        ),
      );
    } else {
      repairs.push(this.skip(token));
    }
    return repairs;
  }

  private atCommaOrClose(frame: Frame, token: Token): 'accepted' | Repair[] {
    if (token.kind === ',') {
      frame.place = frame.open === '{' ? 'key' : 'value';
      frame.comma = token.offset;
      return this.accept(token);
    }
    const closer = frame.open === '{' ? '}' : ']';
    if (token.kind === closer) return this.close(token);
    if (token.kind === '}' || token.kind === ']') return this.mismatchedCloser(frame, token);
    const repairs: Repair[] = [];
    const semicolon = token.kind === 'word' && this.text.slice(token.offset, token.end) === ';';
    const adjacent = token.offset === frame.valueEnd && this.text.charAt(frame.valueEnd - 1) === '"';
    if (adjacent && !semicolon && (token.kind === 'word' || token.kind === 'string'))
      repairs.push(this.unescapedQuote(frame, token));
    if (semicolon) repairs.push(this.semicolon(token, closer));
    const startsValue =
      token.kind === 'string' || token.kind === 'literal' || token.kind === '{' || token.kind === '[';
    if (frame.open === '[' && token.kind === 'string' && this.nextKind() === ':') {
      repairs.push(this.unclosedBeforeKey(frame));
    }
    if ((frame.open === '{' && token.kind === 'string') || (frame.open === '[' && startsValue)) {
      const next =
        token.kind === 'string'
          ? `"${excerpt(this.text.slice(token.offset + 1, token.end - 1), MAX_SHOWN_TOKEN)}"`
          : quoted(token.kind === 'literal' ? this.text.slice(token.offset, token.end) : token.kind);
      repairs.push(
        this.repair(
          frame.valueEnd,
          0,
          `A comma is missing after this value: add ',' before the ${next} at line ${this.lineOf(token.offset)}.`,
          (w) => {
            w.top.place = w.top.open === '{' ? 'key' : 'value';
            w.top.comma = frame.valueEnd;
          },
          insertion(frame.valueEnd, ','),
        ),
      );
    }
    repairs.push(this.skip(token));
    return repairs;
  }

  /**
   * A ';' after a value, as C# and JavaScript end a statement: written for the ',' before the next
   * member or item, or, before the closing bracket, one too many.
   */
  private semicolon(token: Token, closer: '}' | ']'): Repair {
    const next = this.nextKind();
    if (next === closer) {
      return this.repair(
        token.offset,
        1,
        `A ';' before '${closer}' is not allowed in JSON; remove it.`,
        (w) => w.index++,
        removal(this.text, token.offset, 1),
      );
    }
    return this.repair(
      token.offset,
      1,
      "A ';' stands where JSON needs ',' between values: write ',' instead.",
      (w) => {
        w.top.place = w.top.open === '{' ? 'key' : 'value';
        w.top.comma = token.offset;
        w.index++;
      },
      replacement(token.offset, 1, ','),
    );
  }

  /** A string whose closing quote is followed by more of it: a '"' inside it is not escaped. */
  private unescapedQuote(frame: Frame, token: Token): Repair {
    const line = this.lineOf(token.offset);
    const quote = frame.valueEnd - 1;
    // The rest of the string, up to a comma or bracket on the same line, is part of it.
    const rest = this.tokensOfLine(this.index, line);
    const end = rest === this.index ? quote : this.tokens[rest - 1]!.end;
    // Its quotes but the last, which closes it, are the ones to escape; without a closing quote
    // at its end (`"a "b`), the string's end is the maker's to say.
    const closed = end - 1 > quote && this.text.charCodeAt(end - 1) === 0x22;
    const inner = this.text
      .slice(quote, end - 1)
      .replace(/\\?"/g, (mark) => (mark.length === 2 ? mark : '\\"'));
    return this.repair(
      quote,
      1,
      'This \'"\' ends the string, but the text goes on: write \\" for a quote inside a string.',
      (w) => {
        for (; w.index < rest; w.index++) {
          w.lastEnd = w.tokens[w.index]!.end;
          frame.valueEnd = w.lastEnd;
        }
        w.top.valueEnd = w.lastEnd;
      },
      closed ? replacement(quote, end - 1 - quote, inner) : undefined,
    );
  }

  /** The index after the words, strings, literals and colons from `index` on line `line`. */
  private tokensOfLine(index: number, line: number): number {
    let at = index;
    for (; ; at++) {
      const next = this.tokens[at]!;
      if (next.kind !== 'word' && next.kind !== 'string' && next.kind !== 'literal' && next.kind !== ':')
        return at;
      if (this.lineOf(next.offset) !== line) return at;
    }
  }

  /** A key where a list's item belongs: the '{' of the object it starts is missing. */
  private missingOpener(frame: Frame, token: Token): Repair {
    return this.repair(
      token.offset,
      0,
      `A '{' is missing before this key: an item of the list opened at line ${this.lineOf(frame.at)} starts here; add '{' before it.`,
      (w) => {
        w.stack.push({
          open: '{',
          at: token.offset,
          place: 'key-or-close',
          comma: -1,
          keyEnd: -1,
          valueEnd: -1,
        });
      },
      insertion(token.offset, '{'),
    );
  }

  /** A key inside a list: the list was not closed before it. */
  private unclosedBeforeKey(frame: Frame): Repair {
    const afterComma = frame.place === 'value';
    const at = afterComma ? frame.comma : frame.valueEnd;
    return this.repair(
      at,
      afterComma ? 1 : 0,
      afterComma
        ? `The '[' at line ${this.lineOf(frame.at)} is never closed: add ']' before this comma.`
        : `The '[' at line ${this.lineOf(frame.at)} is never closed: add '],' after this value.`,
      (w) => {
        w.stack.pop();
        w.top.place = 'key';
        w.top.valueEnd = at;
        w.top.comma = at;
      },
      insertion(at, afterComma ? ']' : '],'),
    );
  }

  /** A '}' or ']' that does not close the innermost open bracket. */
  private mismatchedCloser(frame: Frame, token: Token): Repair[] {
    const repairs: Repair[] = [];
    const opener = token.kind === '}' ? '{' : '[';
    const matching = this.stack.some((open) => open.open === opener);
    const kindOf = (open: Frame) => (open.open === '{' ? 'object' : 'list');
    if (matching && frame.open !== '') {
      const closer = frame.open === '{' ? '}' : ']';
      repairs.push(
        this.repair(
          token.offset,
          1,
          `The '${frame.open}' at line ${this.lineOf(frame.at)} is never closed: add '${closer}' before this '${token.kind}'.`,
          (w) => {
            w.stack.pop();
            w.top.place = w.top.open === '' ? 'end' : 'comma-or-close';
            w.top.valueEnd = w.lastEnd;
          },
          insertion(token.offset, closer),
        ),
      );
    }
    if (frame.open !== '') {
      const closer = frame.open === '{' ? '}' : ']';
      repairs.push(
        this.repair(
          token.offset,
          1,
          `This '${token.kind}' should be '${closer}', to close the '${frame.open}' at line ${this.lineOf(frame.at)}.`,
          (w) => w.close(token),
          replacement(token.offset, 1, closer),
        ),
      );
    }
    const still =
      frame.open === ''
        ? 'no bracket is open here'
        : `the ${kindOf(frame)} opened with '${frame.open}' at line ${this.lineOf(frame.at)} is still open here`;
    repairs.push(
      this.repair(
        token.offset,
        1,
        `This '${token.kind}' closes nothing (${still}): remove it.`,
        (w) => w.index++,
        removal(this.text, token.offset, 1),
      ),
    );
    return repairs;
  }

  close(token: Token): 'accepted' {
    const closed = this.stack.pop()!;
    this.closes.push({ open: closed.at, close: token.offset });
    const parent = this.top;
    parent.place = parent.open === '' ? 'end' : 'comma-or-close';
    parent.valueEnd = token.end;
    return this.accept(token);
  }

  private trailingComma(frame: Frame, token: Token): Repair {
    return this.repair(
      frame.comma,
      1,
      `A trailing comma before '${token.kind}' is not allowed in JSON; remove it.`,
      (w) => w.close(token),
      removal(this.text, frame.comma, 1),
    );
  }

  /**
   * The alternative to `trailingComma` for a '}' after a comma that a ',' and a key follow
   * (`},\n  },\n  "next": …`): the '}' is one too many, and the object goes on after it.
   */
  private extraCloser(frame: Frame, token: Token): Repair | undefined {
    const comma = this.tokens[this.index + 1];
    if (comma?.kind !== ',' || this.tokens[this.index + 2]?.kind !== 'string') return undefined;
    return this.repair(
      token.offset,
      1,
      `This '}' is one too many: the object opened with '{' at line ${this.lineOf(frame.at)} goes on after it; remove it and the ',' after it.`,
      (w) => {
        w.index += 2;
      },
      removal(this.text, token.offset, comma.end - token.offset),
    );
  }

  /** A '{' followed by a string that is no key (no ':' follows it): the '{' may be one too many. */
  private strayOpener(frame: Frame): Repair {
    return this.repair(
      frame.at,
      1,
      "This '{' opens an object, but no key follows it: remove it.",
      (w) => {
        w.stack.pop();
      },
      removal(this.text, frame.at, 1),
    );
  }

  /** The alternative to `strayOpener`: the string is a key that lacks its colon. */
  private missingColonAfter(frame: Frame, token: Token): Repair {
    return this.repair(
      token.end,
      0,
      "A colon is missing after this key: add ':' between the key and its value.",
      (w) => {
        frame.keyEnd = token.end;
        w.top.place = 'value';
        w.index++;
        w.lastEnd = token.end;
      },
      insertion(token.end, ':'),
    );
  }

  /** Whether the token is a '=' or '=>', which other notations write between a key and its value. */
  private isAssignment(token: Token | undefined): boolean {
    if (token?.kind !== 'word') return false;
    const word = this.text.slice(token.offset, token.end);
    return word === '=' || word === '=>';
  }

  private assignment(token: Token): Repair {
    const written = this.text.slice(token.offset, token.end);
    return this.repair(
      token.offset,
      written.length,
      `A '${written}' stands where JSON needs ':' between a key and its value: write ':' instead.`,
      (w) => {
        w.top.place = 'value';
        w.index++;
      },
      replacement(token.offset, written.length, ':'),
    );
  }

  private missingColon(frame: Frame): Repair {
    return this.repair(
      frame.keyEnd,
      0,
      "A colon is missing after this key: add ':' between the key and its value.",
      (w) => {
        w.top.place = 'value';
      },
      insertion(frame.keyEnd, ':'),
    );
  }

  private unclosedAtEnd(): Repair {
    const open = this.stack.filter((frame) => frame.open !== '').reverse();
    const closers = open.map((frame) => (frame.open === '{' ? '}' : ']')).join('');
    const named = open.slice(0, 3).map((frame) => `the '${frame.open}' at line ${this.lineOf(frame.at)}`);
    const list =
      named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]!}` : named[0]!;
    const more = open.length > 3 ? ` (and ${open.length - 3} more)` : '';
    const misplaced = this.misindentedClose();
    if (misplaced) {
      const closer = misplaced.open === '{' ? '}' : ']';
      const before = this.text.charAt(misplaced.lastEnd - 1) === ',';
      return this.repair(
        before ? misplaced.lastEnd - 1 : misplaced.lastEnd,
        before ? 1 : 0,
        `The '${misplaced.open}' at line ${misplaced.openLine} is never closed (the file ends before ${list}${more} ${open.length > 1 ? 'are' : 'is'} closed); going by the indentation, add '${closer}' ${before ? 'before this comma' : 'after this value'}.`,
        (w) => {
          w.stopped = true;
        },
        insertion(before ? misplaced.lastEnd - 1 : misplaced.lastEnd, closer),
      );
    }
    return this.repair(
      this.lastEnd,
      0,
      `The file ends before ${list}${more} ${open.length > 1 ? 'are' : 'is'} closed: add '${closers}' at the end, or restore the cut-off end of the file.`,
      (w) => {
        w.stopped = true;
      },
      insertion(this.lastEnd, closers),
    );
  }

  /**
   * The first bracket closed by a closer indented otherwise than the line that opened it, when a
   * later line is indented like that opening line: the missing closer belongs before that line.
   * Hand-written and generated swaggers are indented consistently, so this finds where a closer was
   * lost in the middle of a file, which counting brackets alone only notices at its end.
   */
  private misindentedClose(): { open: string; openLine: number; lastEnd: number } | undefined {
    for (const { open, close } of this.closes) {
      const openIndent = this.indentOf(open);
      if (this.lineStartsWith(close) && this.indentOf(close) === openIndent) continue;
      const openLine = this.lineOf(open);
      for (
        let line = this.nextLineStart(open);
        line !== -1 && line < close;
        line = this.nextLineStart(line)
      ) {
        const first = this.skipSpaces(line);
        const character = this.text.charAt(first);
        if (first - line <= openIndent && character !== '' && character !== '\n' && character !== '\r') {
          if (first - line < openIndent || character === '}' || character === ']') break;
          return { open: this.text.charAt(open), openLine, lastEnd: this.endBefore(line) };
        }
      }
    }
    return undefined;
  }

  /** The end of the last text before `offset` that is not whitespace. */
  private endBefore(offset: number): number {
    let at = offset;
    while (at > 0 && /\s/.test(this.text.charAt(at - 1))) at--;
    return at;
  }

  private indentOf(offset: number): number {
    const start = this.text.lastIndexOf('\n', offset - 1) + 1;
    return this.skipSpaces(start) - start;
  }

  private lineStartsWith(offset: number): boolean {
    const start = this.text.lastIndexOf('\n', offset - 1) + 1;
    return this.skipSpaces(start) === offset;
  }

  private nextLineStart(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    return newline === -1 ? -1 : newline + 1;
  }

  private skipSpaces(from: number): number {
    let at = from;
    while (this.text.charAt(at) === ' ' || this.text.charAt(at) === '\t') at++;
    return at;
  }

  private textAfterEnd(token: Token): Repair {
    if (this.text.charAt(token.offset) === ';' && this.nextKind() === 'end') {
      return this.repair(
        token.offset,
        1,
        "A ';' after the JSON value is not allowed (a JSON file is a value, not a statement); remove it.",
        (w) => w.index++,
        removal(this.text, token.offset, 1),
      );
    }
    const closer = this.top.valueEnd - 1;
    const closed = this.text.charAt(closer);
    const extra = '}]'.includes(closed)
      ? `the '${closed}' at line ${this.lineOf(closer)} closes the top-level value; if that '${closed}' is one too many, remove it, otherwise remove this text or move it inside the value`
      : 'remove it, or move it inside the value';
    return this.repair(
      token.offset,
      token.end - token.offset,
      `There is more text after the end of the JSON value: ${extra}.`,
      (w) => {
        w.stopped = true;
      },
    );
  }

  private skip(token: Token, message = this.unexpected(token)): Repair {
    const length = token.end - token.offset;
    return this.repair(
      token.offset,
      length,
      message,
      (w) => w.index++,
      removal(this.text, token.offset, length),
    );
  }

  unexpected(token: Token): string {
    const frame = this.top;
    const shown =
      token.kind === 'string' || token.kind === 'literal' || token.kind === 'word'
        ? excerpt(this.text.slice(token.offset, token.end), MAX_SHOWN_TOKEN)
        : token.kind;
    const expected: Record<Place, string> = {
      value: 'a value',
      'value-or-close': "a value or ']'",
      key: 'a key in double quotes',
      'key-or-close': "a key in double quotes or '}'",
      colon: "':'",
      'comma-or-close': `',' or '${frame.open === '{' ? '}' : ']'}'`,
      end: 'the end of the file',
    };
    return `Unexpected ${shown} where JSON expects ${expected[frame.place]}: remove it.`;
  }

  private repair(
    offset: number,
    length: number,
    message: string,
    apply: (walk: Walk) => void,
    fix?: TextEdit,
  ): Repair {
    return { issue: { message, offset, length }, apply, fix };
  }

  private nextKind(): Token['kind'] | undefined {
    return this.nextToken()?.kind;
  }

  private nextToken(): Token | undefined {
    for (let i = this.index + 1; i < this.tokens.length; i++) {
      if (this.tokens[i]!.kind !== 'skip') return this.tokens[i]!;
    }
    return undefined;
  }
}

/** The quotes a word processor puts in place of '"'. */
const TYPOGRAPHIC_QUOTES = /[\u2018\u2019\u201c\u201d]/g;

/** A number as JavaScript writes it: its sign, digits before the point, fraction and exponent. */
const LOOSE_NUMBER = /^([+-]?)(\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** JSON's form of a number written with a '+' sign or no digit before its point; else undefined. */
function jsonNumber(word: string): string | undefined {
  const parts = LOOSE_NUMBER.exec(word);
  if (parts === null) return undefined;
  const [, sign, digits, fraction = '', exponent = ''] = parts;
  if ((digits === '' && fraction === '') || /^0\d/.test(digits!)) return undefined;
  return `${sign === '-' ? '-' : ''}${digits || '0'}${fraction}${exponent}`;
}

/**
 * What is wrong with a word read where a value stands, and the edit that fixes it when the message
 * names one: none for NaN ("write null, or the value as a string"), undefined, or a number written
 * otherwise than JSON does, whose value only the maker knows.
 */
function wordAsValue(word: string, token: Token): { problem: Token['problem']; fix?: TextEdit } {
  const at = { offset: token.offset, length: token.end - token.offset };
  const written = (meant: string) => replacement(at.offset, at.length, meant);
  if (/^[+-]?(NaN|Infinity)$/.test(word))
    return {
      problem: { message: `${word} is not a JSON value: write null, or the value as a string.`, ...at },
    };
  if (word === 'undefined')
    return {
      problem: { message: 'undefined is not a JSON value: write null, or remove the member.', ...at },
    };
  if (/^[\u2018\u2019\u201c\u201d]/.test(word)) {
    const inner = word.replace(/^[\u2018\u2019\u201c\u201d]|[\u2018\u2019\u201c\u201d,]+$/g, '');
    return {
      problem: { message: typographicAdvice(JSON.stringify(inner)), ...at },
      fix: written(JSON.stringify(inner)),
    };
  }
  const lower = word.toLowerCase();
  if (lower === 'true' || lower === 'false' || lower === 'null' || word === 'None') {
    const meant = word === 'None' ? 'null' : lower;
    return {
      problem: { message: `JSON writes ${meant} in lower case: write ${meant}.`, ...at },
      fix: written(meant),
    };
  }
  if (/^[+-]?(\.\d|\d|0x)/i.test(word)) {
    // `+1` and `.5` have one meaning, which JSON writes 1 and 0.5.
    const meant = jsonNumber(word);
    if (meant !== undefined) {
      return {
        problem: {
          message: `${excerpt(word)} is not a number as JSON writes it: write ${excerpt(meant)}.`,
          ...at,
        },
        fix: written(meant),
      };
    }
    return {
      problem: {
        message: `${excerpt(word)} is not a number as JSON writes it (such as 12, -0.5 or 1e3).`,
        ...at,
      },
    };
  }
  return { problem: { message: quoteAdvice(word), ...at }, fix: written(JSON.stringify(word)) };
}
