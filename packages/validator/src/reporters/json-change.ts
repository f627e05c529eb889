import type { Change } from '../diff/change.js';

/** The fields of a change the JSON outputs give, in this order; the others are internal. */
const JSON_CHANGE_FIELDS = [
  'ruleId',
  'breaking',
  'severity',
  'message',
  'operationId',
  'file',
  'pointer',
  'line',
  'column',
  'side',
  'impact',
  'valuePath',
] as const;

/** One change in the JSON outputs (`diff --format json`, and `base` of `validate --base --format json`). */
export type JsonChange = Pick<Change, (typeof JSON_CHANGE_FIELDS)[number]>;

/**
 * A change as the JSON outputs give it: its location and, from `side`, the version that location is
 * in (`old`: the part was deleted, so it is only in the base version), `impact` (breaking, major or
 * minor, which decides the classification) and `valuePath` (Microsoft's name of the place). Both
 * outputs write it here, so that a script reads the changes of either the same way.
 */
export function toJsonChange(change: Change): JsonChange {
  const picked: Partial<Record<keyof JsonChange, unknown>> = {};
  for (const key of JSON_CHANGE_FIELDS) picked[key] = change[key];
  return picked as JsonChange;
}
