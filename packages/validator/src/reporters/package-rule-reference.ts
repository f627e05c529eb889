import { proseMarkdown, tableRow } from './markdown.js';
import { ruleAnchor, ruleDocUrl } from './tool-info.js';
import { wrapWords } from './word-wrap.js';

/**
 * A rule of the certification package check (PKG-*), as the solution package's catalog has it
 * (package-rules.ts there): the rule reports say it here, without this package depending on that one.
 */
export interface PackageRuleDescriptor {
  id: string;
  title: string;
  level: 'error' | 'warning';
  source: string;
  description: string;
}

/** What the package check is, as the rule reports introduce its rules. */
const CHECKED_BY = 'A rule of the certification package check (package check, package build).';

/** The heading of the package rules' section in docs/rules.md, and its anchor. */
export const PACKAGE_SECTION = {
  title: 'Certification package check',
  anchor: 'certification-package-check',
};

/** The package rules in `connector-alm rules`'s list: id, level, title, under their heading. */
export function packageRulesListRows(rules: readonly PackageRuleDescriptor[]): string[][] {
  return rules.map((rule) => [rule.id, rule.level, rule.title]);
}

/** One package rule whole, for a terminal (`connector-alm rules PKG-SOL-FILES`), as docs/rules.md has it. */
export function formatPackageRuleText(
  rule: PackageRuleDescriptor,
  options: { rulesDocUrl?: string; width?: number } = {},
): string {
  const { width } = options;
  const blocks = [
    [rule.id, wrapWords(rule.title, width), wrapWords(CHECKED_BY, width)].join('\n'),
    [labelled('Level', levelMeaning(rule.level), width), labelled('Source', rule.source, width)].join('\n'),
    wrapWords(rule.description, width),
    labelled('Reference', ruleDocUrl(rule.id, options.rulesDocUrl), width),
  ];
  return `${blocks.join('\n\n')}\n`;
}

/** The section of docs/rules.md for the package rules: a table, then one entry per rule. */
export function packageRulesMarkdown(rules: readonly PackageRuleDescriptor[]): string[] {
  const lines = [
    `## ${PACKAGE_SECTION.title}`,
    '',
    '`connector-alm package check <package.zip>` checks a certification package, and `package build` checks ' +
      "the one it builds, with the structure rules of Microsoft's `ConnectorPackageValidator.ps1`, whose " +
      'messages the findings repeat. An error fails the check (exit code 1); a warning does not.',
    '',
    tableRow(['Rule', 'Title', 'Level']),
    tableRow(['---', '---', '---']),
    ...rules.map((rule) =>
      tableRow([`[${rule.id}](#${ruleAnchor(rule.id)})`, proseMarkdown(rule.title), rule.level]),
    ),
    '',
  ];
  for (const rule of rules)
    lines.push(
      `### ${rule.id}`,
      '',
      `**${proseMarkdown(rule.title)}**`,
      '',
      `- Level: ${levelMeaning(rule.level)}`,
      `- Source: ${proseMarkdown(rule.source)}`,
      '',
      proseMarkdown(rule.description),
      '',
    );
  return lines;
}

/** A package rule's level and what it does to the check: there are no profiles here. */
function levelMeaning(level: PackageRuleDescriptor['level']): string {
  return level === 'error' ? 'error, which fails the check' : 'warning, which the check passes with';
}

/** `Label: value`, its continuation lines indented under it. */
function labelled(label: string, value: string, width: number | undefined): string {
  return wrapWords(`${label}: ${value}`, width, '  ');
}
