import type { TextEdit } from '../../text/text-edits.js';

/** A token of text that is not strict JSON, as the syntax diagnosis reads it (see tokens.ts). */

export type TokenKind = '{' | '}' | '[' | ']' | ',' | ':' | 'string' | 'literal' | 'word' | 'skip' | 'end';

/** A problem of the token itself, reported wherever the token stands. */
export interface TokenProblem {
  message: string;
  offset: number;
  length: number;
}

export interface Token {
  kind: TokenKind;
  offset: number;
  end: number;
  problem?: TokenProblem;
  /** The edit the problem's message asks for, when it names one (see repair.ts). */
  fix?: TextEdit;
  /**
   * The token runs unclosed to the end of the text (a string, a '/*' comment): the brackets left
   * open follow from it, and are not said.
   */
  unclosedAtEnd?: boolean;
}
