import { plural } from '@connector-alm/core';
import type { Finding, Severity } from '../model/finding.js';
import { countBySeverity } from '../validate.js';
import { groupByRule, ruleTitles } from './findings-by-rule.js';
import { countWords } from './severity-count-words.js';

/**
 * The most findings the text report lists without a tally by rule after them. 50 lines is about a
 * terminal's screen: up to it, the findings are read where they are, and a tally would only repeat
 * them. A first run over a repository lists hundreds (429 in 26 connectors), where the count line is
 * all that is left on the screen, an error is somewhere in the scroll-back, and the team that fills in
 * the configuration's `rules:` needs each rule's count.
 */
export const MAX_FINDINGS_WITHOUT_TALLY = 50;

/**
 * The findings by rule, as the job summary's "Findings by rule" orders and words them (errors first,
 * then the rules with findings new since a base, then the most frequent; "104 warnings"): a heading,
 * then a line per rule, `  RULE-ID  104 warnings  Its title`. Indented, and without the
 * `file:line:column` that starts a finding line, so that no tool that reads finding lines takes one
 * for a finding. Undefined when there are MAX_FINDINGS_WITHOUT_TALLY findings or fewer.
 */
export function ruleTally(
  findings: readonly Finding[],
  paint: (style: Severity | 'bold', text: string) => string,
): string | undefined {
  if (findings.length <= MAX_FINDINGS_WITHOUT_TALLY) return undefined;
  const titles = ruleTitles();
  const rows = groupByRule(findings).map((group) => ({
    ruleId: group.ruleId,
    count: countWords(countBySeverity(group.findings), true),
    worst: group.worst,
    title: titles.get(group.ruleId) ?? '',
  }));
  const idWidth = Math.max(...rows.map((row) => row.ruleId.length));
  const countWidth = Math.max(...rows.map((row) => row.count.length));
  const lines = rows.map((row) =>
    `  ${row.ruleId.padEnd(idWidth)}  ${paint(row.worst, row.count)}${' '.repeat(countWidth - row.count.length)}  ${row.title}`.trimEnd(),
  );
  return [paint('bold', `Findings by rule (${plural(rows.length, 'rule')}):`), ...lines].join('\n');
}
