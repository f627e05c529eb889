import type { FileKind, Level, Severity } from '../model/finding.js';
import type { RuleDefinition } from '../model/rule.js';

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

/** SARIF's name for a level. */
export function sarifLevel(level: Level | Severity): 'error' | 'warning' | 'note' | 'none' {
  if (level === 'info') return 'note';
  if (level === 'off') return 'none';
  return level;
}
