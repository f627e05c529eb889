import type { FileKind, Level, Profile, Severity } from '../model/finding.js';
import type { RuleDefinition } from '../model/rule.js';

/**
 * What the reporters need to know about a rule: a RuleDefinition without its check, and with only
 * id and title required, so that rules of other engines (breaking-change detection) fit too.
 */
export type RuleDescriptor = Pick<RuleDefinition, 'id' | 'title'> &
  Partial<Omit<RuleDefinition, 'id' | 'title' | 'check'>>;

/** The code block language of a rule's example, from the snippet or else the rule's file. */
export function exampleLanguage(snippet: string, file: FileKind | undefined): string {
  if (/^\s*[{["]/.test(snippet)) return 'json';
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
      return 'text';
  }
}

/** SARIF's name for a level. */
export function sarifLevel(level: Level | Severity): 'error' | 'warning' | 'note' | 'none' {
  if (level === 'info') return 'note';
  if (level === 'off') return 'none';
  return level;
}

export const PROFILE_LABELS: Record<Profile, string> = {
  certified: 'certified',
  'independent-publisher': 'independent-publisher',
  custom: 'custom',
};
