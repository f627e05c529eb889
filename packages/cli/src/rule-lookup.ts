import { didYouMean, UsageError, userErrorsTogether } from '@connector-alm/core';
import { ALL_PACKAGE_RULES, type PackageRule } from '@connector-alm/solution';
import {
  ALL_CHANGE_RULES,
  ALL_RULES,
  type DocumentedChangeRule,
  type RuleDefinition,
} from '@connector-alm/validator';

/**
 * A rule of any catalog: a validation rule, a change rule of the breaking-change check, or a rule of
 * the certification package check, whose findings `package check` prints with their ids too.
 */
export type LookedUpRule =
  | { kind: 'validation'; rule: RuleDefinition }
  | { kind: 'change'; rule: DocumentedChangeRule }
  | { kind: 'package'; rule: PackageRule };

const BY_ID = new Map<string, LookedUpRule>([
  ...ALL_RULES.map((rule) => [rule.id.toUpperCase(), { kind: 'validation', rule }] as const),
  ...ALL_CHANGE_RULES.map((rule) => [rule.id.toUpperCase(), { kind: 'change', rule }] as const),
  ...ALL_PACKAGE_RULES.map((rule) => [rule.id.toUpperCase(), { kind: 'package', rule }] as const),
]);

const ALL_IDS = [...ALL_RULES, ...ALL_CHANGE_RULES, ...ALL_PACKAGE_RULES].map((rule) => rule.id);

/**
 * The rules that `ids` name, in the order named and each once, whatever their case: an id is
 * copied from a finding, typed, or lower-cased from a link's anchor (`#swg-meta-props`). Every id
 * that names no rule is a usage error, all said together, each with the closest id there is.
 */
export function lookUpRules(ids: readonly string[]): LookedUpRule[] {
  const found = new Map<string, LookedUpRule>();
  const unknown = new Map<string, UsageError>();
  for (const id of ids) {
    const rule = BY_ID.get(id.toUpperCase());
    if (rule) found.set(rule.rule.id, rule);
    else if (!unknown.has(id.toUpperCase()))
      unknown.set(
        id.toUpperCase(),
        new UsageError(`Unknown rule '${id}'.${didYouMean(id, ALL_IDS)}`, {
          hint: 'Run connector-alm rules for the list of rules.',
        }),
      );
  }
  if (unknown.size > 0) throw userErrorsTogether([...unknown.values()]);
  return [...found.values()];
}
