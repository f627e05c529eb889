import type { Finding } from '../model/finding.js';
import { countBySeverity } from '../validate.js';
import type { JobSummaryOptions } from './job-summary-options.js';
import { escapeMarkdown, inlineProse } from './markdown.js';
import { countWords } from './severity-count-words.js';
import type { SummaryBudget } from './summary-budget.js';
import { findingPlace } from './summary-place.js';
import { DEFAULT_RULES_DOC_URL, ruleDocUrl } from './tool-info.js';
import { groupByRule, ruleTitles } from './findings-by-rule.js';
import { foldFindings, itemFindings } from './summary-finding-folds.js';

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
  const titles = ruleTitles(options.rules);
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
    let listed = 0;
    for (const item of foldFindings(group.findings)) {
      const line =
        item.kind === 'one'
          ? findingLine(item.finding, options.sourceUrl, shown)
          : foldedLine(item.findings, options.sourceUrl, shown);
      if (!budget.add(line)) {
        omitted.findings += group.findings.length - listed;
        omitted.findings += groups.slice(index + 1).reduce((sum, rest) => sum + rest.findings.length, 0);
        return;
      }
      listed += itemFindings(item).length;
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
 * The bullet of findings that say the same in one file (summary-finding-folds.ts): the file and the
 * message once, then each place, linked to its line at the commit under review.
 */
function foldedLine(
  findings: readonly Finding[],
  sourceUrl: JobSummaryOptions['sourceUrl'],
  shown: (file: string) => string,
): string {
  const first = findings[0]!;
  const existing = first.baseline === 'existing' ? ' _(existing)_' : '';
  const places = findings.map((finding) => {
    const text = `${finding.line}:${finding.column}`;
    const url = sourceUrl?.(finding.file, finding.line);
    return url ? `[${text}](${url})` : text;
  });
  return `- ${first.severity} ${escapeMarkdown(shown(first.file))}, ${findings.length} places: ${escapeMarkdown(first.message)}${existing} (lines ${places.join(', ')})`;
}
