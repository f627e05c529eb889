import { PROJECT_URL, projectDocUrl } from '@connector-alm/core';

/** Names and addresses that the reporters print about this tool. */
export const TOOL_NAME = 'connector-alm';

/** The package version; the CLI and the action pass the real one from their package.json. */
export const DEFAULT_TOOL_VERSION = '0.1.0';

/** The project's home page, shown by code scanning next to every alert. */
export const DEFAULT_INFORMATION_URI = PROJECT_URL;

/** The generated rule reference (`docs/rules.md`) as a web page; rule links append `#<anchor>`. */
export const DEFAULT_RULES_DOC_URL = projectDocUrl('docs/rules.md');

/**
 * The heading anchor of a rule in the rule reference. GitHub makes heading anchors by lower-casing
 * and dropping punctuation other than `-` and `_`; rule ids are letters, digits and dashes.
 */
export function ruleAnchor(ruleId: string): string {
  return ruleId.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

/** The address of one rule's entry in the rule reference. */
export function ruleDocUrl(ruleId: string, rulesDocUrl: string = DEFAULT_RULES_DOC_URL): string {
  return `${rulesDocUrl}#${ruleAnchor(ruleId)}`;
}
