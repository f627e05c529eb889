import { compareText } from '@connector-alm/core';
import type { Finding, Severity } from '../model/finding.js';
import { ALL_CHANGE_RULES } from '../diff/documented-change-rules.js';
import { ALL_RULES } from '../rules/index.js';
import { countBySeverity } from '../validate.js';
import type { JobSummaryOptions } from './job-summary-options.js';
import { escapeMarkdown, inlineProse } from './markdown.js';
import { countWords } from './severity-count-words.js';
import type { SummaryBudget } from './summary-budget.js';
import { findingPlace } from './summary-place.js';
import { DEFAULT_RULES_DOC_URL, ruleDocUrl } from './tool-info.js';

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

interface RuleGroup {
  ruleId: string;
  findings: Finding[];
  worst: Severity;
  /** Whether any of its findings is new since the base. */
  hasNew: boolean;
}

/**
 * The findings by rule, each rule titled and linked to its reference entry. `findings` leaves out
 * those the changes section lists with their change (`listedWithChanges` of them), which a line
 * says, so that a reader who counts the table's errors here knows where the others are.
 */
export function writeFindingsByRule(
  budget: SummaryBudget,
  findings: readonly Finding[],
  listedWithChanges: number,
  options: JobSummaryOptions,
  shown: (file: string) => string,
  omitted: { findings: number },
): void {
  if (findings.length === 0) return;
  const titles = new Map([
    // The breaking-change check's rules (BRK-*, CHG-* of validate --base) are titled by their message,
    // as the rule reference's table and code scanning show them.
    ...ALL_CHANGE_RULES.map((rule) => [rule.id, rule.message] as const),
    ...(options.rules ?? ALL_RULES).map((rule) => [rule.id, rule.title] as const),
  ]);
  const docs = options.rulesDocUrl ?? DEFAULT_RULES_DOC_URL;
  budget.add('### Findings by rule', '');
  if (listedWithChanges > 0)
    budget.add(
      'The findings of the breaking-change check (BRK-\\*) are not repeated here: each is listed above, with its change.',
      '',
    );
  const groups = groupByRule(findings);
  for (const [index, group] of groups.entries()) {
    const title = titles.get(group.ruleId);
    const heading =
      `#### [${group.ruleId}](${ruleDocUrl(group.ruleId, docs)})` +
      (title ? `: ${inlineProse(title)}` : '') +
      ` (${countWords(countBySeverity(group.findings), true)})`;
    if (!budget.add(heading, '')) {
      omitted.findings += groups.slice(index).reduce((sum, rest) => sum + rest.findings.length, 0);
      return;
    }
    for (const [position, finding] of group.findings.entries()) {
      if (!budget.add(findingLine(finding, options.sourceUrl, shown))) {
        omitted.findings += group.findings.length - position;
        omitted.findings += groups.slice(index + 1).reduce((sum, rest) => sum + rest.findings.length, 0);
        return;
      }
    }
    budget.add('');
  }
}

function findingLine(
  finding: Finding,
  sourceUrl: JobSummaryOptions['sourceUrl'],
  shown: (file: string) => string,
): string {
  const existing = finding.baseline === 'existing' ? ' _(existing)_' : '';
  return `- ${finding.severity} ${findingPlace(finding, sourceUrl, shown)}: ${escapeMarkdown(finding.message)}${existing}`;
}

/**
 * Groups by rule; the worst rules first, and of a severity those with findings new since the base
 * (what the pull request caused, which a reviewer reads first: it came after every rule of more
 * existing findings, 200 lines down), then the most frequent.
 */
function groupByRule(findings: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const finding of findings) {
    let group = groups.get(finding.ruleId);
    if (!group) {
      group = { ruleId: finding.ruleId, findings: [], worst: finding.severity, hasNew: false };
      groups.set(finding.ruleId, group);
    }
    group.findings.push(finding);
    if (finding.baseline === 'new') group.hasNew = true;
    if (SEVERITY_ORDER.indexOf(finding.severity) < SEVERITY_ORDER.indexOf(group.worst))
      group.worst = finding.severity;
  }
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.worst) - SEVERITY_ORDER.indexOf(b.worst) ||
      Number(b.hasNew) - Number(a.hasNew) ||
      b.findings.length - a.findings.length ||
      compareText(a.ruleId, b.ruleId),
  );
}
