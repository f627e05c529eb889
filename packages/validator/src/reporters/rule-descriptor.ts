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

/** One part of an example: what it is ("Fires on:", "Passes:"), and its fragment with the fragment's language. */
export interface ExamplePart {
  label: string;
  code: string;
  language: string;
}

/**
 * A rule's example as labelled fragments: where it goes when the rule says so, the fragment that
 * fires the rule, and its fix, labelled as what it is: "Passes", or, for a fix the rule still notes
 * at info, that note. docs/rules.md and SARIF help show them as Markdown, `rules <id>` as text.
 */
export function exampleParts(rule: RuleDescriptor): ExamplePart[] {
  const example = rule.example;
  if (!example) return [];
  // A fragment such as `"redirectMode": "Global"` does not say what it belongs to.
  const firesOn = example.placement
    ? `Example, in ${RULE_EXAMPLE_PLACES[example.placement]}. Fires on:`
    : 'Fires on:';
  const badLanguage = example.inWords ? 'text' : exampleLanguage(example.bad, rule.file);
  const parts = [{ label: firesOn, code: example.bad, language: badLanguage }];
  if (example.good) {
    const where = example.goodPlacement ? `, in ${RULE_EXAMPLE_PLACES[example.goodPlacement]}` : '';
    const label = example.goodNote
      ? `The fix${where} (noted at info: ${example.goodNote}):`
      : `Passes${where}:`;
    parts.push({ label, code: example.good, language: exampleLanguage(example.good, rule.file) });
  }
  return parts;
}

/**
 * A change rule's example as labelled fragments: where it is, the base version, and the pull
 * request's version that fires the rule. The base version alone passes nothing: it is what the
 * change is measured against, and is called so.
 */
export function changeExampleParts(rule: DocumentedChangeRule): ExamplePart[] {
  const { placement, before, after } = rule.example;
  return [
    // A fragment such as `"enum": [...]` does not say what it belongs to.
    {
      label: `Example, in ${EXAMPLE_PLACES[placement]}. Base version:`,
      code: before,
      language: exampleLanguage(before, undefined),
    },
    { label: 'Fires on:', code: after, language: exampleLanguage(after, undefined) },
  ];
}

/** A rule's example as Markdown paragraphs (docs/rules.md and SARIF help): each label, then its code block. */
export function exampleParagraphs(rule: RuleDescriptor): string[] {
  return markdownParagraphs(exampleParts(rule));
}

/** A change rule's example as Markdown paragraphs (docs/rules.md and SARIF help). */
export function changeExampleParagraphs(rule: DocumentedChangeRule): string[] {
  return markdownParagraphs(changeExampleParts(rule));
}

function markdownParagraphs(parts: readonly ExamplePart[]): string[] {
  return parts.flatMap((part) => [part.label, codeBlock(part.code, part.language)]);
}

/** SARIF's name for a level. */
export function sarifLevel(level: Level | Severity): 'error' | 'warning' | 'note' | 'none' {
  if (level === 'info') return 'note';
  if (level === 'off') return 'none';
  return level;
}
