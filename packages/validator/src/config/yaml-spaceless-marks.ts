import { excerpt } from '../text/message-values.js';
import type { ConfigSyntax } from './config-types.js';

/**
 * A sentence to add to the schema's message when a setting holds text where a map or list was meant
 * because its ':' or '-' has no space after it (`SWG-CONSUMES:off`, `-legacy/*`): YAML reads such a
 * line as one plain word, so "'rules' must be a map" is true but does not say what to change. Empty
 * when the value is no such text, and in JSON, where such text is a quoted string written as one.
 */
export function spacelessMarkAdvice(value: unknown, mark: ':' | '-', syntax: ConfigSyntax = 'yaml'): string {
  if (typeof value !== 'string' || syntax === 'json') return '';
  // The first word: a value over several lines (`A:off` then `B:off`) is one text to YAML.
  const word = value.split(/\s/)[0]!;
  const match = mark === ':' ? /^([^:'"]+):([^:].*)$/.exec(word) : /^-([^-].*)$/.exec(word);
  if (!match) return '';
  const meant = mark === ':' ? `${match[1]}: ${match[2]}` : `- ${match[1]}`;
  return ` It holds the text '${excerpt(value)}': write a space after '${mark}' ('${excerpt(meant)}').`;
}

/**
 * A level written `custom:off` (a profile, a colon and a level, without the space): the level of one
 * profile, written as a map in YAML's flow style, which fits after the rule's key on its line (in
 * JSON, as an object).
 */
export function profileLevelAdvice(
  value: unknown,
  ruleId: string,
  profiles: readonly string[],
  syntax: ConfigSyntax = 'yaml',
): string {
  if (typeof value !== 'string') return '';
  const [profile, level] = value.split(':');
  if (profile === undefined || level === undefined || !profiles.includes(profile.trim())) return '';
  if (syntax === 'json')
    return ` A level for one profile is an object: write '"${ruleId}": { "${profile.trim()}": "${excerpt(level.trim())}" }'.`;
  return ` A level for one profile is a map: write '${ruleId}: { ${profile.trim()}: ${excerpt(level.trim())} }'.`;
}
