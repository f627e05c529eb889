import type { DocumentedChangeRule } from '../diff/documented-change-rules.js';
import { PROFILES } from '../model/finding.js';
import {
  changeExampleParts,
  exampleParts,
  type ExamplePart,
  type RuleDescriptor,
} from './rule-descriptor.js';
import { levelText } from './rules-markdown.js';
import { ruleDocUrl } from './tool-info.js';
import { wrapWords } from './word-wrap.js';

export interface RuleTextOptions {
  /** The rule reference page as a web address; the rule's link is this plus `#<anchor>`, as in SARIF. */
  rulesDocUrl?: string;
  /** The terminal's width to wrap prose at; without one, each paragraph is one line. */
  width?: number;
}

/** How far continuation lines, the levels and the examples' code are indented under their label. */
const INDENT = '  ';
const CODE_INDENT = '    ';

/**
 * One validation rule whole, for a terminal (`connector-alm rules <id>`): what docs/rules.md says of
 * it, in its order (id and title, the level per profile with its milder cases, Microsoft's code and
 * message, the description, the example), without Markdown, and the link to its entry there.
 */
export function formatRuleText(rule: RuleDescriptor, options: RuleTextOptions = {}): string {
  const { width } = options;
  const blocks = [[rule.id, wrapWords(rule.title, width)].join('\n')];
  const facts: string[] = [];
  if (rule.levels) {
    const levels = rule.levels;
    const column = Math.max(...PROFILES.map((profile) => profile.length)) + 2;
    facts.push(
      'Level in each profile:',
      ...PROFILES.map((profile) =>
        wrapWords(
          `${INDENT}${profile.padEnd(column)}${levelText(levels[profile], rule.milderCases)}`,
          width,
          INDENT.repeat(2),
        ),
      ),
    );
  }
  if (rule.msCode) facts.push(labelled('Microsoft code', rule.msCode, width));
  if (rule.msMessage) facts.push(labelled('Microsoft message', rule.msMessage, width));
  if (facts.length > 0) blocks.push(facts.join('\n'));
  if (rule.description) blocks.push(wrapWords(rule.description, width));
  blocks.push(...exampleBlocks(exampleParts(rule), width));
  blocks.push(labelled('Reference', ruleDocUrl(rule.id, options.rulesDocUrl), width));
  return `${blocks.join('\n\n')}\n`;
}

/**
 * One change rule whole, for a terminal, as docs/rules.md has it: its impact and severity, its
 * message (Microsoft's where its change validator was seen printing it), the advice told after it,
 * its source, when it fires, the example, and the link to its entry there.
 */
export function formatChangeRuleText(rule: DocumentedChangeRule, options: RuleTextOptions = {}): string {
  const { width } = options;
  const facts = [
    labelled('Impact', rule.impact, width),
    labelled('Severity', `${rule.severity}, in every profile`, width),
    rule.microsoftMessage
      ? labelled('Microsoft message', rule.message, width)
      : labelled("Message (ours, in the style of Microsoft's change validator)", rule.message, width),
    ...(rule.advice
      ? [labelled('Told after the message and its detail, as what to do', rule.advice, width)]
      : []),
    ...rule.adviceCases.map((caseRule) =>
      labelled(`Told instead ${caseRule.adviceCase}`, caseRule.advice, width),
    ),
    labelled('Source', rule.source, width),
  ];
  const blocks = [
    `${rule.id}\n${wrapWords('A change rule of the breaking-change check (validate --base, diff).', width)}`,
    facts.join('\n'),
    wrapWords(rule.description, width),
    ...exampleBlocks(changeExampleParts(rule), width),
    labelled('Reference', ruleDocUrl(rule.id, options.rulesDocUrl), width),
  ];
  return `${blocks.join('\n\n')}\n`;
}

/** `Label: value`, its continuation lines indented under it. */
function labelled(label: string, value: string, width: number | undefined): string {
  return wrapWords(`${label}: ${value}`, width, INDENT);
}

/** Each label, then its fragment indented as a code block is in plain text, never wrapped. */
function exampleBlocks(parts: readonly ExamplePart[], width: number | undefined): string[] {
  return parts.map((part) => {
    const code = part.code
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => (line === '' ? line : `${CODE_INDENT}${line}`));
    return [wrapWords(part.label, width), ...code].join('\n');
  });
}
