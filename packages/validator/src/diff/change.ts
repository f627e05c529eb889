import type { Severity } from '../model/finding.js';
import { boundedMessage, type BoundedMessage } from '../text/message-length.js';

/**
 * How much a change matters to certification: `breaking` changes break existing flows, `major`
 * ones need the full review (new operations, new fields), `minor` ones are the text and branding
 * edits that Microsoft's "criteria of a minor update" list (rules.md §2, BRK-MINOR-UPDATE).
 */
export type ChangeImpact = 'breaking' | 'major' | 'minor';

/** How much an impact matters: breaking above major above minor (the rest of a capped rule takes the worst). */
export function impactRank(impact: ChangeImpact): number {
  return impact === 'breaking' ? 3 : impact === 'major' ? 2 : 1;
}

/** The change set as certification sees it. */
export type Classification = 'no-change' | 'minor-update' | 'major-update' | 'breaking';

/** The files of a connector the diff compares. */
export type ChangedFileKind = 'swagger' | 'apiProperties' | 'readme' | 'script' | 'icon';

/** One difference between two versions of a connector. This shape is the JSON output's contract. */
export interface Change {
  /** BRK-* (rules.md §2) for breaking and process changes, CHG-* for the others. */
  ruleId: string;
  breaking: boolean;
  severity: Severity;
  /** At most MAX_MESSAGE_LENGTH characters: a change is made by `locatedChange`, which bounds it. */
  message: BoundedMessage;
  /** The operation the change is about, where there is one. */
  operationId?: string;
  /** The file the location is in: the new version's, or the old one's for deletions. */
  file: string;
  pointer: string;
  line: number;
  column: number;
  /** Which version `file`, `pointer`, `line` and `column` refer to. */
  side: 'old' | 'new';
  impact: ChangeImpact;
  /** The place in Microsoft's ValuePath style, e.g. `operation/GetTask/responses/200/schema/status`. */
  valuePath?: string;
  /**
   * What to do instead, as `message` ends with it: a report that lists several changes of a rule (the
   * job summary) says it once for them. Not in the JSON outputs, whose `message` holds it.
   */
  advice?: string;
}

/**
 * A change's fields as its producer has them: the message as its template made it, and no `breaking`,
 * which is the impact's to say.
 */
export type ChangeFields = Omit<Change, 'message' | 'breaking'> & { message: string };

/**
 * The one constructor of a change, whoever produces it (a rule's located change, the summary of a
 * capped rule's unlisted ones, a deleted connector): it holds the message to MAX_MESSAGE_LENGTH and
 * derives `breaking` from the impact, so that a new producer can forget neither. `Change.message`'s
 * type makes the compiler refuse a change built another way, as `locatedFinding` does for findings.
 */
export function locatedChange(fields: ChangeFields): Change {
  // Written out, not spread, and with every key, set or not: changes of one shape keep their
  // consumers monomorphic in V8 (a spread gave findings a map of their own and made every function
  // that reads them slower: locatedFinding). The JSON outputs pick their keys in their own order
  // (reporters/json-change.ts) and leave out those undefined.
  return {
    ruleId: fields.ruleId,
    breaking: fields.impact === 'breaking',
    severity: fields.severity,
    message: boundedMessage(fields.message),
    operationId: fields.operationId,
    file: fields.file,
    pointer: fields.pointer,
    line: fields.line,
    column: fields.column,
    side: fields.side,
    impact: fields.impact,
    valuePath: fields.valuePath,
    advice: fields.advice,
  };
}

export interface DiffResult {
  changes: Change[];
  classification: Classification;
}

/** Certification's view of a change set: any breaking change wins, then any major one. */
export function classifyChanges(changes: readonly Pick<Change, 'impact'>[]): Classification {
  if (changes.length === 0) return 'no-change';
  if (changes.some((change) => change.impact === 'breaking')) return 'breaking';
  if (changes.some((change) => change.impact === 'major')) return 'major-update';
  return 'minor-update';
}
