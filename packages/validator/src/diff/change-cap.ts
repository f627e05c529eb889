import { MAX_FINDINGS_PER_RULE, unlistedMessage } from '../model/finding-cap.js';
import { severityRank, type Severity } from '../model/finding.js';
import type { Change, ChangeImpact } from './change.js';

const IMPACT_RANK: Record<ChangeImpact, number> = { minor: 0, major: 1, breaking: 2 };

/** What a rule's changes past the cap are: how many, and the worst of them. */
interface Unlisted {
  count: number;
  impact: ChangeImpact;
  severity: Severity;
}

/**
 * The changes of one connector diff, at most MAX_FINDINGS_PER_RULE of each rule, as a rule's findings
 * are: 50 operations sharing a definition that gained 2,000 required fields gave 100,000
 * BRK-REQ-FIELD-ADDED, each a finding of `validate --base`. `changes` are in report order; the first
 * of each rule are listed, and one more change stands for the rest where the first of them was,
 * breaking if any of them is, so that the classification and a count of breaking changes still hold.
 */
export function capChanges(changes: readonly Change[]): Change[] {
  const unlisted = unlistedByRule(changes);
  if (unlisted.size === 0) return [...changes];
  const listed = new Map<string, number>();
  const result: Change[] = [];
  for (const change of changes) {
    const count = listed.get(change.ruleId) ?? 0;
    listed.set(change.ruleId, count + 1);
    if (count < MAX_FINDINGS_PER_RULE) result.push(change);
    else if (count === MAX_FINDINGS_PER_RULE) result.push(summary(change, unlisted.get(change.ruleId)!));
  }
  return result;
}

function unlistedByRule(changes: readonly Change[]): Map<string, Unlisted> {
  const seen = new Map<string, number>();
  const unlisted = new Map<string, Unlisted>();
  for (const change of changes) {
    const count = (seen.get(change.ruleId) ?? 0) + 1;
    seen.set(change.ruleId, count);
    if (count <= MAX_FINDINGS_PER_RULE) continue;
    const rest = unlisted.get(change.ruleId);
    if (!rest) {
      unlisted.set(change.ruleId, { count: 1, impact: change.impact, severity: change.severity });
      continue;
    }
    rest.count++;
    if (IMPACT_RANK[change.impact] > IMPACT_RANK[rest.impact]) rest.impact = change.impact;
    if (severityRank(change.severity) > severityRank(rest.severity)) rest.severity = change.severity;
  }
  return unlisted;
}

/**
 * The change that stands for a rule's unlisted ones, at the first one's place. It names no operation
 * and no ValuePath: those were the first one's alone.
 */
function summary(first: Change, rest: Unlisted): Change {
  // Keys in the documented order, as connector-diff.ts writes them: this object is the JSON output.
  return {
    ruleId: first.ruleId,
    breaking: rest.impact === 'breaking',
    severity: rest.severity,
    message: unlistedMessage(rest.count, 'change'),
    file: first.file,
    pointer: first.pointer,
    line: first.line,
    column: first.column,
    side: first.side,
    impact: rest.impact,
  };
}
