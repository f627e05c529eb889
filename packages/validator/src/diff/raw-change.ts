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
  /**
   * Every pointer a change is at or below, per file, built at the first `touches`: scanning the
   * changes at each call was quadratic (40,000 unused definitions edited: 45 s).
   */
  private touched: Set<string> | undefined;

  add(change: RawChange): void {
    this.changes.push(change);
    if (this.touched) touch(this.touched, change);
  }

  /** True when a change was reported at `pointer` or below it, in either version. */
  touches(pointer: string, file: ChangedFileKind = 'swagger'): boolean {
    if (!this.touched) {
      this.touched = new Set();
      for (const change of this.changes) touch(this.touched, change);
    }
    return this.touched.has(`${file}:${pointer}`);
  }
}

/** Adds the change's pointer and each pointer above it ('/a/b' is below '/a' and ''). */
function touch(touched: Set<string>, change: RawChange): void {
  const { pointer } = change;
  touched.add(`${change.file}:${pointer}`);
  for (let index = pointer.lastIndexOf('/'); index >= 0; index = pointer.lastIndexOf('/', index - 1)) {
    const above = `${change.file}:${pointer.slice(0, index)}`;
    touched.add(above);
    if (index === 0) break;
  }
}
