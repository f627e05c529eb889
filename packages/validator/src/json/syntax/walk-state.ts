import type { JsonSyntaxIssue } from './syntax-issue.js';
import type { Token } from './token.js';
import type { TokenStream } from './tokens.js';
import type { TextEdit } from '../../text/text-edits.js';

// The walk's state as its repairs see it. The repairs (bracket-, separator-, value- and
// file-end-repairs.ts) read and change the walk, and the walk (walk.ts) calls them: naming the
// state here lets both import it rather than each other. Walk is the one implementation.

export type Place = 'key-or-close' | 'key' | 'colon' | 'value' | 'comma-or-close' | 'value-or-close' | 'end';

export interface Frame {
  /** '{', '[', or '' for the top level. */
  open: '{' | '[' | '';
  at: number;
  place: Place;
  /** The last comma of this container, the end of its last key and of its last value. */
  comma: number;
  keyEnd: number;
  valueEnd: number;
  /** Where its last value read as one starts (a repair that ends a value leaves it as it was). */
  valueAt: number;
}

export interface Repair {
  issue: JsonSyntaxIssue;
  apply(walk: WalkState): void;
  /** The edit the issue's message asks for, when it names one. */
  fix?: TextEdit;
  /** The removal of the comma that `fix`'s closer would leave trailing, which the message asks for too. */
  commaFix?: TextEdit;
  /**
   * The issue is the file's end with brackets still open (none placed by indentation): where the end
   * lies inside a merge conflict, that follows from the side read, and is not said (diagnosis.ts).
   */
  fileEndsOpen?: true;
  /**
   * The file's end with more open than a slip leaves (several brackets, or one after a ',' or a key):
   * the text was cut off, and what the walk read lacks what was lost (SyntaxRepair.cutOffAt).
   */
  cutOff?: true;
  /**
   * The issue is text after the top-level value: the walk stops there, and the value read leaves the
   * text from it on out (SyntaxRepair.unreadFrom).
   */
  leavesTextUnread?: true;
  /**
   * The repair's edit alone makes the whole text strict JSON laid out consistently (a closer placed
   * by the indentation): the walk stops there, and the edits are complete.
   */
  completesText?: true;
}

/** What a repair reads of the walk over the tokens (see Walk in walk.ts), and what it may do to it. */
export interface WalkState {
  index: number;
  stopped: boolean;
  stack: Frame[];
  /** The end of the last token read. */
  lastEnd: number;
  /** The brackets closed so far, in the main walk only (trials do not need them). */
  closes: { open: number; close: number }[];
  /** How many times this walk weighed a closer placed by the layout (closerPlacedByLayout). */
  layoutPlacements: number;
  /** How many times this walk weighed a closer it put in against the layout (closerWeighedByLayout). */
  layoutDoubts: number;
  readonly tokens: TokenStream;
  readonly lineOf: (offset: number) => number;
  readonly text: string;
  readonly top: Frame;
  close(token: Token): 'accepted';
  repair(
    offset: number,
    length: number,
    message: string,
    apply: (walk: WalkState) => void,
    fix?: TextEdit,
  ): Repair;
  nextKind(): Token['kind'] | undefined;
}
