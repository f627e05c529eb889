import { oneOf, trimEndWhere } from '@connector-alm/core';
import type { DocumentedChangeRule } from '../diff/documented-change-rules.js';
import { PROFILES, severityRank, type Level } from '../model/finding.js';
import { inlineCode, proseMarkdown, tableRow } from './markdown.js';
import { changeExampleParagraphs, exampleParagraphs, type RuleDescriptor } from './rule-descriptor.js';
import {
  PACKAGE_SECTION,
  packageRulesMarkdown,
  type PackageRuleDescriptor,
} from './package-rule-reference.js';
import { ruleAnchor } from './tool-info.js';

/** Sections of the page by rule id prefix, in catalog order; other prefixes get a section of their own. */
const SECTIONS: readonly { prefix: string; title: string }[] = [
  { prefix: 'GEN', title: 'All files' },
  { prefix: 'SWG', title: 'Swagger (apiDefinition.swagger.json)' },
  { prefix: 'PROP', title: 'apiProperties.json' },
  { prefix: 'ICON', title: 'icon.png' },
  { prefix: 'README', title: 'readme.md' },
  { prefix: 'CSX', title: 'script.csx' },
  { prefix: 'SET', title: 'settings.json' },
  { prefix: 'REPO', title: 'Folder and repository' },
];

export interface RulesMarkdownOptions {
  /** The first heading (default: "Rule reference"). */
  title?: string;
  /** A line under the title, e.g. how the page was generated. */
  preamble?: string;
  /**
   * The rules of the breaking-change check (BRK-*, CHG-*), in a section of their own: findings of
   * `validate --base` and the job summary link to them as to the validation rules.
   */
  changeRules?: readonly DocumentedChangeRule[];
  /** The rules of the certification package check (PKG-*), which `package check` findings name. */
  packageRules?: readonly PackageRuleDescriptor[];
}

/** The heading of the change rules' section, and its anchor. */
const CHANGE_SECTION = { title: 'Breaking-change check', anchor: 'breaking-change-check' };

/**
 * The rule reference page (`docs/rules.md`): an index table, then one entry per rule with its id as
 * the heading (so `rules.md#swg-opid-unique` links to it), the levels per profile, Microsoft's code and
 * message where known, why the rule exists, and an example that fires it with its fix.
 */
export function renderRulesMarkdown(
  rules: readonly RuleDescriptor[],
  options: RulesMarkdownOptions = {},
): string {
  const lines: string[] = [`# ${options.title ?? 'Rule reference'}`, ''];
  if (options.preamble) lines.push(options.preamble, '');
  lines.push(
    `${rules.length} rules. Each has a level per profile: \`certified\` (certified-connectors/), ` +
      '`independent-publisher` (independent-publisher-connectors/) and `custom` (custom-connectors/ and ' +
      'folders outside that layout). A configuration file can change any level or turn a rule off.',
    '',
  );
  const changeRules = options.changeRules ?? [];
  if (changeRules.length > 0) {
    lines.push(
      `Then the ${changeRules.length} change rules of the [${CHANGE_SECTION.title.toLowerCase()}](#${CHANGE_SECTION.anchor}) ` +
        '(BRK-\\*, CHG-\\*), which `validate --base` and `diff` report when they compare a connector with its base version.',
      '',
    );
  }
  const packageRules = options.packageRules ?? [];
  if (packageRules.length > 0) {
    lines.push(
      `Last, the ${packageRules.length} rules of the [${PACKAGE_SECTION.title.toLowerCase()}](#${PACKAGE_SECTION.anchor}) ` +
        '(PKG-\\*), which `package check` and `package build` report of a certification package.',
      '',
    );
  }
  const sections = groupIntoSections(rules);
  lines.push(...indexTable(sections), '');
  for (const section of sections) {
    lines.push(`## ${section.title}`, '');
    for (const rule of section.rules) lines.push(...ruleEntry(rule));
  }
  if (changeRules.length > 0) lines.push(...changeSection(changeRules));
  if (packageRules.length > 0) lines.push(...packageRulesMarkdown(packageRules));
  const text = lines.join('\n');
  return text.endsWith('\n') ? `${trimEndWhere(text, oneOf('\n'))}\n` : text;
}

/**
 * The change rules: what a comparison with the base version reports. Each entry has the rule's
 * impact (what it makes of the update) and severity (what its finding is in a pull request), its
 * message (Microsoft's own where its change validator was seen printing it), when it fires, and an
 * edit that fires it.
 */
function changeSection(rules: readonly DocumentedChangeRule[]): string[] {
  const lines = [
    `## ${CHANGE_SECTION.title}`,
    '',
    '`connector-alm diff <old> <new>` and `validate --base <ref>` (the validate-connector action in a pull ' +
      'request) compare a connector with its base version and report every change under one of these ' +
      "rules. A change's impact classifies the update as certification does: any `breaking` one makes it " +
      '`breaking`, else any `major` one a `major-update`, else a `minor-update`. With `--base`, the breaking ' +
      'ones (BRK-\\*) are findings of the pull request, at their severity.',
    '',
    tableRow(['Rule', 'Message', 'Impact', 'Severity']),
    tableRow(['---', '---', '---', '---']),
    ...rules.map((rule) =>
      tableRow([
        `[${rule.id}](#${ruleAnchor(rule.id)})`,
        proseMarkdown(rule.message),
        rule.impact,
        rule.severity,
      ]),
    ),
    '',
  ];
  for (const rule of rules) lines.push(...changeEntry(rule));
  return lines;
}

function changeEntry(rule: DocumentedChangeRule): string[] {
  return [
    `### ${rule.id}`,
    '',
    `- Impact: ${rule.impact}; severity: ${rule.severity}`,
    rule.microsoftMessage
      ? `- Microsoft message: ${inlineCode(rule.message)}`
      : `- Message (ours, in the style of Microsoft's change validator): ${inlineCode(rule.message)}`,
    ...(rule.advice
      ? [`- Told after the message and its detail, as what to do: ${inlineCode(rule.advice)}`]
      : []),
    ...rule.adviceCases.map(
      (caseRule) => `- Told instead ${caseRule.adviceCase}: ${inlineCode(caseRule.advice)}`,
    ),
    `- Source: ${proseMarkdown(rule.source)}`,
    '',
    proseMarkdown(rule.description),
    '',
    ...changeExampleParagraphs(rule).flatMap((paragraph) => [paragraph, '']),
  ];
}

interface Section {
  title: string;
  rules: RuleDescriptor[];
}

function groupIntoSections(rules: readonly RuleDescriptor[]): Section[] {
  const byPrefix = new Map<string, Section>();
  for (const rule of rules) {
    const prefix = rule.id.split('-')[0] ?? rule.id;
    let section = byPrefix.get(prefix);
    if (!section) {
      section = { title: SECTIONS.find((known) => known.prefix === prefix)?.title ?? prefix, rules: [] };
      byPrefix.set(prefix, section);
    }
    section.rules.push(rule);
  }
  const order = (prefix: string) => {
    const index = SECTIONS.findIndex((known) => known.prefix === prefix);
    return index === -1 ? SECTIONS.length : index;
  };
  return [...byPrefix.entries()].sort(([a], [b]) => order(a) - order(b)).map(([, section]) => section);
}

function indexTable(sections: readonly Section[]): string[] {
  const rows = [
    tableRow(['Rule', 'Title', ...PROFILES]),
    tableRow(['---', '---', ...PROFILES.map(() => '---')]),
  ];
  for (const section of sections) {
    for (const rule of section.rules) {
      rows.push(
        tableRow([
          `[${rule.id}](#${ruleAnchor(rule.id)})`,
          proseMarkdown(rule.title),
          ...PROFILES.map((profile) => levelText(rule.levels?.[profile], rule.milderCases)),
        ]),
      );
    }
  }
  return rows;
}

function ruleEntry(rule: RuleDescriptor): string[] {
  const lines = [`### ${rule.id}`, '', `**${proseMarkdown(rule.title)}**`, ''];
  if (rule.levels) lines.push(...levelsTable(rule.levels, rule.milderCases), '');
  if (rule.msCode) lines.push(`- Microsoft code: ${inlineCode(rule.msCode)}`);
  if (rule.msMessage) lines.push(`- Microsoft message: ${inlineCode(rule.msMessage)}`);
  if (rule.msCode || rule.msMessage) lines.push('');
  if (rule.description) lines.push(proseMarkdown(rule.description), '');
  for (const paragraph of exampleParagraphs(rule)) lines.push(paragraph, '');
  return lines;
}

function levelsTable(
  levels: NonNullable<RuleDescriptor['levels']>,
  milderCases: RuleDescriptor['milderCases'],
): string[] {
  return [
    tableRow(['Profile', ...PROFILES]),
    tableRow(['---', ...PROFILES.map(() => '---')]),
    tableRow(['Level', ...PROFILES.map((profile) => levelText(levels[profile], milderCases))]),
  ];
}

/**
 * A rule's level in a profile, with the cases milder than it beside it ("error (in readme.md:
 * warning)"): a case is only ever lowered, so under a level as mild as its own it is not named.
 */
export function levelText(level: Level | undefined, milderCases: RuleDescriptor['milderCases'] = []): string {
  if (level === undefined) return '–';
  if (level === 'off') return level;
  // The engine's comparison (reportSeverity): a case is named only where it lowers the level.
  const milder = milderCases.filter((milderCase) => severityRank(milderCase.atMost) < severityRank(level));
  if (milder.length === 0) return level;
  return `${level} (${milder.map((milderCase) => `${milderCase.when}: ${milderCase.atMost}`).join('; ')})`;
}
