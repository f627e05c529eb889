import { PROFILES, type Level } from '../model/finding.js';
import { codeBlock, inlineCode, proseMarkdown, tableRow } from './markdown.js';
import { exampleLanguage, type RuleDescriptor } from './rule-descriptor.js';
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
}

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
  const sections = groupIntoSections(rules);
  lines.push(...indexTable(sections), '');
  for (const section of sections) {
    lines.push(`## ${section.title}`, '');
    for (const rule of section.rules) lines.push(...ruleEntry(rule));
  }
  return lines.join('\n').replace(/\n+$/, '\n');
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
          ...PROFILES.map((profile) => levelText(rule.levels?.[profile])),
        ]),
      );
    }
  }
  return rows;
}

function ruleEntry(rule: RuleDescriptor): string[] {
  const lines = [`### ${rule.id}`, '', `**${proseMarkdown(rule.title)}**`, ''];
  if (rule.levels) lines.push(...levelsTable(rule.levels), '');
  if (rule.msCode) lines.push(`- Microsoft code: ${inlineCode(rule.msCode)}`);
  if (rule.msMessage) lines.push(`- Microsoft message: ${inlineCode(rule.msMessage)}`);
  if (rule.msCode || rule.msMessage) lines.push('');
  if (rule.description) lines.push(proseMarkdown(rule.description), '');
  if (rule.example) {
    lines.push(
      'Fires on:',
      '',
      codeBlock(rule.example.bad, exampleLanguage(rule.example.bad, rule.file)),
      '',
    );
    if (rule.example.good) {
      lines.push(
        'Passes:',
        '',
        codeBlock(rule.example.good, exampleLanguage(rule.example.good, rule.file)),
        '',
      );
    }
  }
  return lines;
}

function levelsTable(levels: NonNullable<RuleDescriptor['levels']>): string[] {
  return [
    tableRow(['Profile', ...PROFILES]),
    tableRow(['---', ...PROFILES.map(() => '---')]),
    tableRow(['Level', ...PROFILES.map((profile) => levelText(levels[profile]))]),
  ];
}

function levelText(level: Level | undefined): string {
  return level ?? '–';
}
