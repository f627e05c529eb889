import { compareText } from '@connector-alm/core';
import { severityRank, type Finding, type Severity } from '../model/finding.js';
import { ALL_CHANGE_RULES } from '../diff/documented-change-rules.js';
import { ALL_RULES } from '../rules/index.js';
import type { RuleDescriptor } from './rule-descriptor.js';

// The findings grouped by rule, as the job summary's "Findings by rule" and the text report's tally
// list them, so that both order and title the rules alike.

export interface RuleGroup {
  ruleId: string;
  findings: Finding[];
  worst: Severity;
  /** Whether any of its findings is new since the base. */
  hasNew: boolean;
}

/**
 * Groups by rule; the worst rules first, and of a severity those with findings new since the base
 * (what the pull request caused, which a reviewer reads first: it came after every rule of more
 * existing findings, 200 lines down), then the most frequent.
 */
export function groupByRule(findings: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const finding of findings) {
    let group = groups.get(finding.ruleId);
    if (!group) {
      group = { ruleId: finding.ruleId, findings: [], worst: finding.severity, hasNew: false };
      groups.set(finding.ruleId, group);
    }
    group.findings.push(finding);
    if (finding.baseline === 'new') group.hasNew = true;
    if (severityRank(finding.severity) > severityRank(group.worst)) group.worst = finding.severity;
  }
  return [...groups.values()].sort(
    (a, b) =>
      severityRank(b.worst) - severityRank(a.worst) ||
      Number(b.hasNew) - Number(a.hasNew) ||
      b.findings.length - a.findings.length ||
      compareText(a.ruleId, b.ruleId),
  );
}

/**
 * Each rule's title by its id. The breaking-change check's rules (BRK-*, CHG-* of validate --base) are
 * titled by their message, as the rule reference's table and code scanning show them.
 */
export function ruleTitles(rules: readonly RuleDescriptor[] = ALL_RULES): Map<string, string> {
  return new Map([
    ...ALL_CHANGE_RULES.map((rule) => [rule.id, rule.message] as const),
    ...rules.map((rule) => [rule.id, rule.title] as const),
  ]);
}
