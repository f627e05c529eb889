import type { ChangedFileKind, ChangeImpact } from './change.js';
import type { ChangeRule } from './change-rules.js';

/** A change before it is located in its file: the comparers produce these, the entry point locates them. */
export interface RawChange {
  rule: ChangeRule;
  file: ChangedFileKind;
  /** `old` for deletions: the place only exists in the old version. */
  side: 'old' | 'new';
  pointer: string;
  /** Where in the file's text, for a change that is about the text rather than a value (a syntax error). */
  offset?: number;
  /** The line, for a file compared as text (readme, script.csx): the first one the edit changed. */
  line?: number;
  operationId?: string;
  valuePath?: string;
  /** One sentence naming what changed, appended to the rule's message. */
  detail?: string;
  /** Overrides the rule's impact (a text edit is minor or major depending on where it is). */
  impact?: ChangeImpact;
  /**
   * Places whose generic "Other properties have been changed" entries are part of this change (the
   * connection parameters an authentication change replaced): they are not listed again.
   */
  supersedes?: readonly { file: ChangedFileKind; pointer: string }[];
}

/** Where one comparer's changes go. Keeps the list and the pointers it touched, for the fallbacks. */
export class ChangeSink {
  readonly changes: RawChange[] = [];

  add(change: RawChange): void {
    this.changes.push(change);
  }

  /** True when a change was reported at `pointer` or below it, in either version. */
  touches(pointer: string, file: ChangedFileKind = 'swagger'): boolean {
    const prefix = `${pointer}/`;
    return this.changes.some(
      (change) => change.file === file && (change.pointer === pointer || change.pointer.startsWith(prefix)),
    );
  }
}
