import type { DocumentedChangeRule } from '../diff/documented-change-rules.js';
import { PROFILES } from '../model/finding.js';
import { packageRulesListRows, type PackageRuleDescriptor } from './package-rule-reference.js';
import type { RuleDescriptor } from './rule-descriptor.js';

/** Spaces between two columns of the list. */
const GAP = '  ';

/**
 * The rule catalog as `connector-alm rules` lists it: the validation rules with their level in each
 * profile, under a header naming the columns, then the change rules of the breaking-change check with
 * their impact and severity, then the rules of the certification package check with their level. Each column is as wide as its widest cell, so a level as long as
 * "warning" lines up as "off" does; the last column (title, message) is left as long as it is.
 */
export function formatRulesList(
  rules: readonly RuleDescriptor[],
  changeRules: readonly DocumentedChangeRule[],
  packageRules: readonly PackageRuleDescriptor[] = [],
): string {
  const validation = alignedColumns([
    ['Rule', ...PROFILES, 'Title'],
    ...rules.map((rule) => [
      rule.id,
      ...PROFILES.map((profile) => rule.levels?.[profile] ?? '–'),
      rule.title,
    ]),
  ]);
  const change = alignedColumns(
    changeRules.map((rule) => [rule.id, `${rule.impact}/${rule.severity}`, rule.message]),
  );
  return [
    'Validation rules (validate): level in each profile',
    ...validation,
    '',
    'Breaking-change check (validate --base, diff): impact, severity in every profile',
    ...change,
    ...(packageRules.length > 0
      ? [
          '',
          'Certification package check (package check, package build): level',
          ...alignedColumns(packageRulesListRows(packageRules)),
        ]
      : []),
  ]
    .map((line) => `${line}\n`)
    .join('');
}

/** Rows of cells as lines, each cell but the last padded to its column's widest. */
function alignedColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  return rows.map((row) =>
    row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join(GAP),
  );
}
