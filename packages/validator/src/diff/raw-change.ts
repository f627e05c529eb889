import type { ChangedFileKind, ChangeImpact } from './change.js';
import type { ChangeRule } from './change-rule-type.js';
import { nameExcerpt } from '../text/message-values.js';

/** A change before it is located in its file: the comparers produce these, the entry point locates them. */
export interface RawChange {
  rule: ChangeRule;
  file: ChangedFileKind;
  /** `old` for deletions: the place only exists in the old version. */
  side: 'old' | 'new';
  pointer: string;
  /**
   * The change is shown at the end of `pointer`'s value, not at its start: a deleted last member, at
   * the end of the member before it, the line whose trailing comma the deletion took away (deletionPlace).
   */
  atValueEnd?: boolean;
  /** Where in the file's text, for a change that is about the text rather than a value (a syntax error). */
  offset?: number;
  /** The line, for a file compared as text (readme, script.csx): the first one the edit changed. */
  line?: number;
  operationId?: string;
  valuePath?: string;
  /** One sentence naming what changed, appended to the rule's message. */
  detail?: string;
  /** What to do instead, told after the detail in place of the rule's advice (ChangeRule.advice). */
  advice?: string;
  /** Overrides the rule's impact (a text edit is minor or major depending on where it is). */
  impact?: ChangeImpact;
  /**
   * Places whose generic "Other properties have been changed" entries are part of this change (the
   * connection parameters an authentication change replaced): they are not listed again. Never the
   * swagger's: a schema list's changes, all in the swagger, are offered without this check
   * (reported-changes.ts, list-offers.ts).
   */
  supersedes?: readonly { file: Exclude<ChangedFileKind, 'swagger'>; pointer: string }[];
}

/**
 * The operationId a change is listed with, cut to MAX_NAME_LENGTH as its ValuePath's label is (an
 * operationId is a value, as long as the file makes it). Dedupe and report-overlap.ts compare this
 * one: two operations whose ids differ past the cut are listed alike.
 */
export function listedOperationId(operationId: string | undefined): string | undefined {
  return operationId === undefined ? undefined : nameExcerpt(operationId);
}
