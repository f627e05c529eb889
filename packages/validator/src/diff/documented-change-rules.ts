import { CHANGE_RULE_DOCS } from './change-rule-docs.js';
import type { ChangeRuleDoc } from './change-rule-doc-types.js';
import { CASE_RULES, CHANGE_RULES, type ChangeRuleKey } from './change-rules.js';
import type { CaseRule, ChangeRule } from './change-rule-type.js';

/*
 * The catalog joined with its reference text. Apart from change-rules.ts because the reference text
 * is keyed by the catalog's keys: the catalog does not import its docs, its docs import its keys.
 */

/** A change rule with what the rule reference says of it, and its cases of other advice. */
export type DocumentedChangeRule = ChangeRule & ChangeRuleDoc & { adviceCases: readonly CaseRule[] };

/** Every change rule with its reference text, for docs/rules.md. */
export const ALL_CHANGE_RULES: readonly DocumentedChangeRule[] = (
  Object.keys(CHANGE_RULES) as ChangeRuleKey[]
).map((key) => ({
  ...CHANGE_RULES[key],
  ...CHANGE_RULE_DOCS[key],
  adviceCases: Object.values(CASE_RULES).filter((caseRule) => caseRule.id === CHANGE_RULES[key].id),
}));
