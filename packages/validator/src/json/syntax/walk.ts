import type { Token } from './token.js';
import type { TokenStream } from './tokens.js';
import type { Frame, Place, Repair } from './walk-state.js';
import { insertion, removal, replacement, type TextEdit } from '../../text/text-edits.js';
import {
  extraCloser,
  lostListOpener,
  lostObjectOpener,
  mismatchedCloser,
  missingOpener,
  strayOpener,
  trailingComma,
  unclosedBeforeKey,
  unclosedEmptyList,
  unclosedEmptyObject,
  unclosedObjectBeforeKey,
} from './bracket-repairs.js';
import { textAfterEnd, unclosedAtEnd } from './file-end-repairs.js';
import {
  assignment,
  keyWithoutValue,
  keyWithoutValueBeforeKey,
  missingColon,
  missingColonAfter,
  semicolonAfterValue,
} from './separator-repairs.js';
import { isUnquotedText, unescapedQuote, unquotedTextEnd, wordAsValue } from './value-repairs.js';
import { quoteAdvice } from './word-tokens.js';
import { excerpt, quoted } from '../../text/message-values.js';

/** The walk over the tokens with a stack of open brackets, and the repairs it weighs where one does not fit. */

/** What follows a string that is an item of a list rather than a key. */
const LIST_FOLLOWERS = new Set<string | undefined>([',', ']', '}']);

/** How many tokens a repair is tried on; enough to tell a repair that fits from one that does not. */
const TRIAL_TOKENS = 80;
/** A token named in passing ("Unexpected …", "before the … at line 3") shows this much of itself. */
const MAX_SHOWN_TOKEN = 30;

export class Walk {
  index = 0;
  stopped = false;
  stack: Frame[];
  /** The end of the last token read. */
  lastEnd = 0;
  /** The brackets closed so far, in the main walk only (trials do not need them). */
  closes: { open: number; close: number }[] = [];
  /** How many times this walk weighed a closer placed by the layout (closerPlacedByLayout). */
  layoutPlacements = 0;
  /** How many times this walk weighed a closer it put in against the layout (closerWeighedByLayout). */
  layoutDoubts = 0;
  /** The problem of the token just read, if it has one, and the edit that fixes it. */
  problem: Token['problem'];
  fix: TextEdit | undefined;

  constructor(
    readonly tokens: TokenStream,
    readonly lineOf: (offset: number) => number,
    readonly text: string,
    stack?: Frame[],
  ) {
    this.stack = stack ?? [
      { open: '', at: 0, place: 'value', comma: -1, keyEnd: -1, valueEnd: -1, valueAt: -1 },
    ];
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

  /**
   * How many tokens the walk reads from here before the next one that does not fit; TRIAL_TOKENS + 1
   * when none misfits before the text's end or within TRIAL_TOKENS. Reaching the end scored higher
   * than reading the whole trial: near the end of a file, a repair that removed a token ("th" of
   * `"tr"\n "th",`) reached it one token sooner and won over the comma it lacked, and --fix deleted
   * a value of the list.
   */
  tryAhead(): number {
    for (let read = 0; read < TRIAL_TOKENS; read++) {
      const outcome = this.feed();
      if (outcome === 'done') break;
      if (outcome !== 'accepted') return read;
    }
    return TRIAL_TOKENS + 1;
  }

  get top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  /** Reads the next token if it fits; else the repairs that could explain it. */
  feed(): 'accepted' | 'done' | Repair[] {
    const token = this.tokens.at(this.index)!;
    if (token.kind === 'skip') return this.accept(token);
    const frame = this.top;
    if (token.kind === 'end') {
      if (frame.open === '' && frame.place === 'end') return 'done';
      return [unclosedAtEnd(this)];
    }
    switch (frame.place) {
      case 'end':
        return [textAfterEnd(this, token)];
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
        if (this.isAssignment(token)) return [assignment(this, token)];
        if (token.kind === ',' || token.kind === '}' || token.kind === ']')
          return [keyWithoutValue(this, frame)];
        // A string or word that a ':' follows is the next member's key; weighed first, it is taken
        // where the other readings go no further.
        if ((token.kind === 'string' || token.kind === 'word') && this.nextKind() === ':')
          return [keyWithoutValueBeforeKey(this, frame, token), missingColon(this, frame), this.skip(token)];
        return [missingColon(this, frame), this.skip(token)];
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
          valueAt: -1,
        });
        return this.accept(token);
      case 'string':
        if (frame.open === '[' && this.nextKind() === ':') {
          // Right after the '[' no item precedes the key that the list could have been closed after.
          const repairs = [missingOpener(this, frame, token), this.skip(token)];
          if (frame.place === 'value') repairs.unshift(unclosedBeforeKey(this, frame));
          return repairs;
        }
        return this.acceptValue(frame, token);
      case 'literal':
        return this.acceptValue(frame, token);
      case 'word': {
        const word = this.text.slice(token.offset, token.end);
        // A member's value only: in a list, words side by side may as well be items without their commas.
        const last =
          frame.open === '{' && isUnquotedText(word) ? unquotedTextEnd(this, this.index) : this.index;
        if (last > this.index) return this.acceptUnquotedText(frame, token, this.tokens.at(last)!.end, last);
        const read = wordAsValue(word, token);
        return this.acceptValue(frame, token, read.problem, read.fix);
      }
      case ']':
        if (frame.open === '[' && frame.place === 'value-or-close') return this.close(token);
        if (frame.open === '[') return [trailingComma(this, frame, token)];
        // Whatever the ']' is one too many for, the key before it has no value: said first, and the
        // ']' weighed after it (a '}' in its place left `"g": }`, which --fix found still invalid).
        if (frame.open === '{') return [this.valueMissing(frame)];
        return mismatchedCloser(this, frame, token);
      case '}':
        if (frame.open === '{') return [this.valueMissing(frame, token)];
        return mismatchedCloser(this, frame, token);
      case ',':
        if (frame.open === '{') return [this.valueMissing(frame)];
        if (this.closesEmptyListBefore(frame))
          return [unclosedEmptyList(this, frame, token), this.skip(token)];
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
    frame.valueAt = token.offset;
    this.accept(token);
    this.problem = problem;
    this.fix = fix;
    return 'accepted';
  }

  /** Words from `token` to `end` (token `last`), read as one string without its quotes (unquotedTextEnd). */
  private acceptUnquotedText(frame: Frame, token: Token, end: number, last: number): 'accepted' {
    const words = this.text.slice(token.offset, end);
    const at = { offset: token.offset, length: end - token.offset };
    this.index = last;
    return this.acceptValue(
      frame,
      { kind: 'string', offset: token.offset, end },
      { message: quoteAdvice(words), ...at },
      replacement(at.offset, at.length, JSON.stringify(words)),
    );
  }

  private atKey(frame: Frame, token: Token): 'accepted' | Repair[] {
    const afterComma = frame.place === 'key';
    if (
      token.kind === 'string' &&
      !afterComma &&
      this.previousToken()?.offset === frame.at &&
      LIST_FOLLOWERS.has(this.nextKind())
    ) {
      return [strayOpener(this, frame), missingColonAfter(this, frame, token)];
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
      const repairs = [trailingComma(this, frame, token)];
      const extra = extraCloser(this, frame, token);
      if (extra) repairs.push(extra);
      return repairs;
    }
    if (token.kind === ']') return mismatchedCloser(this, frame, token);
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
      // Weighed first, so that it is chosen where both read as far: the layout chose it.
      const emptied = afterComma ? undefined : unclosedEmptyObject(this, frame, token);
      if (emptied) repairs.push(emptied);
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
    if (token.kind === '}' || token.kind === ']') {
      const lost = lostListOpener(this, frame, token);
      return lost ? [lost, ...mismatchedCloser(this, frame, token)] : mismatchedCloser(this, frame, token);
    }
    const repairs: Repair[] = [];
    const opened = token.kind === ':' ? lostObjectOpener(this, frame, token) : undefined;
    if (opened) repairs.push(opened);
    const semicolon = token.kind === 'word' && this.text.slice(token.offset, token.end) === ';';
    const adjacent = token.offset === frame.valueEnd && this.text.charAt(frame.valueEnd - 1) === '"';
    if (adjacent && !semicolon && (token.kind === 'word' || token.kind === 'string'))
      repairs.push(unescapedQuote(this, frame, token));
    if (semicolon) repairs.push(semicolonAfterValue(this, token, closer));
    const startsValue =
      token.kind === 'string' || token.kind === 'literal' || token.kind === '{' || token.kind === '[';
    if (frame.open === '[' && token.kind === 'string' && this.nextKind() === ':') {
      repairs.push(unclosedBeforeKey(this, frame));
    }
    // Weighed before the comma alone, so that it is chosen where both read as far.
    const closedBefore =
      frame.open === '{' && token.kind === 'string' && unclosedObjectBeforeKey(this, frame, token);
    if (closedBefore) repairs.push(closedBefore);
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

  close(token: Token): 'accepted' {
    const closed = this.stack.pop()!;
    this.closes.push({ open: closed.at, close: token.offset });
    const parent = this.top;
    parent.place = parent.open === '' ? 'end' : 'comma-or-close';
    parent.valueEnd = token.end;
    parent.valueAt = closed.at;
    return this.accept(token);
  }

  /**
   * The key before the token has no value: which is the maker's to say, so no edit is named. The walk
   * goes on as after a value that ends with the key, and closes the object at `closing`.
   */
  private valueMissing(frame: Frame, closing?: Token): Repair {
    return this.repair(
      frame.keyEnd,
      0,
      'A value is missing after this key: add it, or remove the key.',
      (w) => {
        if (closing) return w.close(closing);
        w.top.place = 'comma-or-close';
        w.top.valueEnd = frame.keyEnd;
      },
    );
  }

  /** Whether the token is a '=' or '=>', which other notations write between a key and its value. */
  private isAssignment(token: Token | undefined): boolean {
    if (token?.kind !== 'word') return false;
    const word = this.text.slice(token.offset, token.end);
    return word === '=' || word === '=>';
  }

  private skip(token: Token, message = this.unexpected(token)): Repair {
    const length = token.end - token.offset;
    return this.repair(
      token.offset,
      length,
      message,
      (w) => w.index++,
      wordsRemoved(removal(this.text, token.offset, length), token),
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

  repair(
    offset: number,
    length: number,
    message: string,
    apply: (walk: Walk) => void,
    fix?: TextEdit,
  ): Repair {
    return { issue: { message, offset, length }, apply, fix };
  }

  /**
   * Whether the ',' read right after a list's '[' stands before a key of the object the list is a
   * member of: the comma after the list, whose ']' is missing (unclosedEmptyList).
   */
  private closesEmptyListBefore(frame: Frame): boolean {
    if (frame.open !== '[' || frame.place !== 'value-or-close') return false;
    if (this.stack.at(-2)?.open !== '{') return false;
    const key = this.readableAfter(this.index);
    return this.tokens.at(key)?.kind === 'string' && this.tokens.at(this.readableAfter(key))?.kind === ':';
  }

  nextKind(): Token['kind'] | undefined {
    return this.nextToken()?.kind;
  }

  private nextToken(): Token | undefined {
    return this.tokens.at(this.readableAfter(this.index));
  }

  /** The index of the first token after `index` that is not skipped text (a comment, say). */
  private readableAfter(index: number): number {
    for (let i = index + 1; ; i++) {
      if (this.tokens.at(i)?.kind !== 'skip') return i;
    }
  }

  /**
   * The token before the current one, past comments and other skipped text (`{ /* c *\/ "b"}` opens
   * its object right before "b"); undefined where the tokens before were forgotten.
   */
  private previousToken(): Token | undefined {
    for (let i = this.index - 1; i >= 0; i--) {
      const token = this.tokens.at(i);
      if (token?.kind !== 'skip') return token;
    }
    return undefined;
  }
}

/**
 * The removal of a token, marked `removesWords` where it is a string, word or literal the maker typed:
 * "remove it" reads on, but which text is one too many, and whether it is rather the start of a
 * member that lost more (`{"a": 1 "b"}`: a comma and a value), is the maker's to say.
 */
function wordsRemoved(edit: TextEdit, token: Token): TextEdit {
  const typed = token.kind === 'string' || token.kind === 'word' || token.kind === 'literal';
  return typed ? { ...edit, removesWords: true } : edit;
}

/** The quotes a word processor puts in place of '"'. */
const TYPOGRAPHIC_QUOTES = /[\u2018\u2019\u201c\u201d]/g;
