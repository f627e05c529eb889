import { EXAMPLE_PLACES } from '../diff/change-rule-doc-types.js';
import type { DocumentedChangeRule } from '../diff/documented-change-rules.js';
import type { FileKind, Level, Severity } from '../model/finding.js';
import type { RuleDefinition } from '../model/rule.js';
import { RULE_EXAMPLE_PLACES } from '../model/rule-example-place.js';
import { codeBlock } from './markdown.js';

/**
 * What the reporters need to know about a rule: a RuleDefinition without its check, and with only
 * id and title required, so that rules of other engines (breaking-change detection) fit too.
 */
export type RuleDescriptor = Pick<RuleDefinition, 'id' | 'title'> &
  Partial<Omit<RuleDefinition, 'id' | 'title' | 'check'>>;

/** The code block language of a rule's example: from the rule's file, else JSON if it looks like JSON. */
export function exampleLanguage(snippet: string, file: FileKind | undefined): string {
  switch (file) {
    case 'swagger':
    case 'apiProperties':
    case 'settings':
      return 'json';
    case 'readme':
      return 'markdown';
    case 'script':
      return 'csharp';
    default:
      return /^\s*[{["]/.test(snippet) ? 'json' : 'text';
  }
}

/**
 * A rule's example as Markdown paragraphs (docs/rules.md and SARIF help): where it goes when the rule
 * says so, the fragment that fires the rule, and its fix, labelled as what it is: "Passes", or, for a
 * fix the rule still notes at info, that note.
 */
export function exampleParagraphs(rule: RuleDescriptor): string[] {
  const example = rule.example;
  if (!example) return [];
  // A fragment such as `"redirectMode": "Global"` does not say what it belongs to.
  const firesOn = example.placement
    ? `Example, in ${RULE_EXAMPLE_PLACES[example.placement]}. Fires on:`
    : 'Fires on:';
  const paragraphs = [firesOn, codeBlock(example.bad, exampleLanguage(example.bad, rule.file))];
  if (example.good) {
    const where = example.goodPlacement ? `, in ${RULE_EXAMPLE_PLACES[example.goodPlacement]}` : '';
    const label = example.goodNote
      ? `The fix${where} (noted at info: ${example.goodNote}):`
      : `Passes${where}:`;
    paragraphs.push(label, codeBlock(example.good, exampleLanguage(example.good, rule.file)));
  }
  return paragraphs;
}

/**
 * A change rule's example as Markdown paragraphs (docs/rules.md and SARIF help): where it is, the
 * base version, and the pull request's version that fires the rule. The base version alone passes
 * nothing: it is what the change is measured against, and is called so.
 */
export function changeExampleParagraphs(rule: DocumentedChangeRule): string[] {
  const { placement, before, after } = rule.example;
  return [
    // A fragment such as `"enum": [...]` does not say what it belongs to.
    `Example, in ${EXAMPLE_PLACES[placement]}. Base version:`,
    codeBlock(before, exampleLanguage(before, undefined)),
    'Fires on:',
    codeBlock(after, exampleLanguage(after, undefined)),
  ];
}

/** SARIF's name for a level. */
export function sarifLevel(level: Level | Severity): 'error' | 'warning' | 'note' | 'none' {
  if (level === 'info') return 'note';
  if (level === 'off') return 'none';
  return level;
}
