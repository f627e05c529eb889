import type { UsageError } from '@connector-alm/core';
import { CHANGE_RULES } from '../diff/change-rules.js';
import type { ChangeRule } from '../diff/change-rule-type.js';

/** The change rules (BRK-*, CHG-*) by id, upper-case: a key of the configuration file is matched in any case. */
const CHANGE_RULE_BY_ID: ReadonlyMap<string, ChangeRule> = new Map(
  Object.values(CHANGE_RULES).map((rule) => [rule.id.toUpperCase(), rule]),
);

/**
 * The mistake of a change rule (BRK-*, CHG-*) named in the configuration file's `rules`, or undefined
 * for any other id. It was "Unknown rule 'BRK-OP-DELETED'. The rule ids are listed in docs/rules.md.",
 * which lists it (among the change rules): the file sets the levels of validation rules only. A
 * breaking change fails a run by fail-on-breaking alone; the other changes' findings are judged by
 * fail-on at their own level (thresholds.ts), so the hint names what decides this one.
 */
export function changeRuleInConfig(ruleId: string): Pick<UsageError, 'message' | 'hint'> | undefined {
  const rule = CHANGE_RULE_BY_ID.get(ruleId.toUpperCase());
  if (!rule) return undefined;
  const decided =
    rule.impact === 'breaking'
      ? "Whether breaking changes fail the check is decided by the validate-connector action's fail-on-breaking input (validate --fail-on-breaking on the command line)"
      : `Its findings (${rule.severity}) are judged by fail-on (validate --fail-on on the command line), as other findings are`;
  return {
    message: `'${rule.id}' is a change rule of the comparison with the base: the configuration file sets no level for change rules (BRK-*, CHG-*).`,
    hint: `${decided}; remove this line.`,
  };
}
