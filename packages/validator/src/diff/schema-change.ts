import type { ChangeImpact } from './change.js';
import type { ChangeRule } from './change-rule-type.js';

/** Inputs are what flows send, outputs what they read: the same edit breaks one and not the other. */
export type Direction = 'input' | 'output';

/** A change found inside a schema; `path` is relative to the compared schema (Microsoft's ValuePath style). */
export interface SchemaChange {
  rule: ChangeRule;
  side: 'old' | 'new';
  pointer: string;
  /** Shown at the end of `pointer`'s value, not its start (RawChange.atValueEnd). */
  atValueEnd?: boolean;
  path: string[];
  detail?: string;
  impact?: ChangeImpact;
  /**
   * How many more paths lead to the same change, not listed: on the last listed one of its kind
   * (schema-change-list.ts), when a definition reused at several levels is reached by more paths
   * than are listed.
   */
  unlisted?: number;
}
