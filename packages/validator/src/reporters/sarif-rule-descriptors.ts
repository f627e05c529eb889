import type { ReportingDescriptor } from 'sarif';
import { ALL_CHANGE_RULES, type DocumentedChangeRule } from '../diff/documented-change-rules.js';
import type { Finding, Profile, Severity } from '../model/finding.js';
import { proseMarkdown } from './markdown.js';
import {
  changeExampleParagraphs,
  exampleParagraphs,
  sarifLevel,
  type RuleDescriptor,
} from './rule-descriptor.js';
import { ruleDocUrl } from './tool-info.js';
import { fullDescriptionText } from './sarif-full-description.js';

/**
 * A rule as code scanning shows it. Of the rule properties that GitHub reads ("SARIF support for code
 * scanning", reportingDescriptor object), we write `tags` (to filter alerts by), `problem.severity`
 * (error, warning or recommendation: the profile's level, which with `precision` decides which alerts
 * are shown first) and `precision`; not `security-severity`, which is for security rules (tag
 * `security`), which ours are not: they are certification checks, and their alerts belong with the
 * other quality findings. `help.markdown` is shown instead of `help.text` when present. The
 * fullDescription is cut to what code scanning takes (sarif-full-description.ts); the help is whole.
 */
export function toReportingDescriptor(
  rule: RuleDescriptor,
  profile: Profile,
  rulesDocUrl: string,
): ReportingDescriptor {
  const level = rule.levels?.[profile];
  const helpUri = ruleDocUrl(rule.id, rulesDocUrl);
  const descriptor: ReportingDescriptor = {
    id: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: fullDescriptionText(rule.description ?? rule.title) },
    helpUri,
    help: { text: rule.description ?? rule.title, markdown: helpMarkdown(rule, helpUri) },
  };
  if (level) {
    descriptor.defaultConfiguration = {
      level: sarifLevel(level),
      ...(level === 'off' && { enabled: false }),
    };
  }
  descriptor.properties = {
    tags: ['power-platform-connector', ...(rule.file ? [rule.file] : [])],
    // The checks are exact (a value, a key, a schema), not guesses: a false alarm is a bug of ours.
    precision: 'very-high',
    ...(level && level !== 'off' && { 'problem.severity': problemSeverity(level) }),
    ...(rule.levels && { levels: rule.levels }),
    ...(rule.msCode !== undefined && { msCode: rule.msCode }),
  };
  return descriptor;
}

/** code scanning's name for a level: a note is a recommendation. */
function problemSeverity(level: Severity): 'error' | 'warning' | 'recommendation' {
  return level === 'info' ? 'recommendation' : level;
}

/** The rule's help as code scanning shows it: its text, its example, and a link to its reference entry. */
function helpMarkdown(rule: RuleDescriptor, helpUri: string): string {
  const changeRule = CHANGE_RULES_BY_ID.get(rule.id);
  const example = changeRule ? changeExampleParagraphs(changeRule) : exampleParagraphs(rule);
  return [
    proseMarkdown(rule.description ?? rule.title),
    ...example,
    `See [${rule.id}](${helpUri}) in the connector-alm rule reference.`,
  ].join('\n\n');
}

/**
 * The rules given, then those that findings name beyond them: the breaking-change rules of
 * `validate --base`, described from their reference entries, and a stub for any other.
 */
export function describedRules(
  rules: readonly RuleDescriptor[],
  findings: readonly Finding[],
): RuleDescriptor[] {
  const all = [...rules];
  const known = new Set(rules.map((rule) => rule.id));
  for (const finding of findings) {
    if (known.has(finding.ruleId)) continue;
    known.add(finding.ruleId);
    const changeRule = CHANGE_RULES_BY_ID.get(finding.ruleId);
    all.push(changeRule ? changeRuleDescriptor(changeRule) : { id: finding.ruleId, title: finding.ruleId });
  }
  return all;
}

const CHANGE_RULES_BY_ID = new Map(ALL_CHANGE_RULES.map((rule) => [rule.id, rule]));

/**
 * A change rule as code scanning shows it: its message as the title, its reference text as the
 * help, and its example as the reference shows it (see helpMarkdown). Its severity is the same in every
 * profile, and it is located in the swagger or apiProperties as the change is.
 */
function changeRuleDescriptor(rule: DocumentedChangeRule): RuleDescriptor {
  return {
    id: rule.id,
    title: rule.message,
    description: `${rule.description} Source: ${rule.source}.`,
    levels: { certified: rule.severity, 'independent-publisher': rule.severity, custom: rule.severity },
  };
}
