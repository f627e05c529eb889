import { CHANGE_RULE_DOCS } from './change-rule-docs.js';
import type { ChangeRuleDoc } from './change-rule-doc-types.js';
import { CHANGE_RULES, type ChangeRuleKey } from './change-rules.js';
import type { ChangeRule } from './change-rule-type.js';

/*
 * The catalog joined with its reference text. Apart from change-rules.ts because the reference text
 * is keyed by the catalog's keys: the catalog does not import its docs, its docs import its keys.
 */

/** A change rule with what the rule reference says of it. */
export type DocumentedChangeRule = ChangeRule & ChangeRuleDoc;

/** Every change rule with its reference text, for docs/rules.md. */
export const ALL_CHANGE_RULES: readonly DocumentedChangeRule[] = (
  Object.keys(CHANGE_RULES) as ChangeRuleKey[]
).map((key) => ({
  ...CHANGE_RULES[key],
  ...CHANGE_RULE_DOCS[key],
}));
