import { Argument, Option, type Command } from 'commander';
import { UsageError } from '@connector-alm/core';
import { ALL_PACKAGE_RULES, type PackageRule } from '@connector-alm/solution';
import {
  ALL_CHANGE_RULES,
  ALL_RULES,
  formatChangeRuleText,
  formatPackageRuleText,
  formatRuleText,
  formatRulesList,
  renderRulesMarkdown,
  type DocumentedChangeRule,
  type RuleDefinition,
} from '@connector-alm/validator';
import type { CommandContext } from '../command-context.js';
import { readingWidth } from '../io.js';
import { lookUpRules, type LookedUpRule } from '../rule-lookup.js';

const RULES_FORMATS = ['text', 'json', 'markdown'] as const;
type RulesFormat = (typeof RULES_FORMATS)[number];

const RULE_SEPARATOR = '-'.repeat(40);

/**
 * `connector-alm rules [ids...]`: the rule catalog, as a table, JSON or the markdown reference; with
 * rule ids, those rules whole, as a maker who has just read one in a finding looks it up. The change
 * rules of `validate --base` and `diff` are listed after the validation rules, and the rules of
 * `package check` last: their findings name them too, so a user looking one up here should find it.
 */
export function registerRulesCommand(program: Command, context: CommandContext): void {
  program
    .command('rules')
    .description(
      'list every validation rule with its level per profile, then the breaking-change rules and the certification package rules; with rule ids, describe those rules',
    )
    .addArgument(
      new Argument(
        '[ids...]',
        'rule ids, as findings name them (any case): print what each rule checks, its levels, an example and the link to its entry in docs/rules.md',
      ),
    )
    .addOption(
      new Option('--format <format>', 'output format; markdown is the rule reference, as in docs/rules.md')
        .choices(RULES_FORMATS)
        .default('text'),
    )
    .action((ids: string[], options: { format: RulesFormat }) => {
      const { io } = context;
      if (ids.length > 0 && options.format === 'markdown')
        throw new UsageError('--format markdown writes the whole rule reference, not some of its rules.', {
          hint: 'Give no rule ids, or look the rules up with --format text or json.',
        });
      const looked = ids.length > 0 ? lookUpRules(ids) : undefined;
      if (options.format === 'json') {
        const rules = looked ? validationRules(looked) : ALL_RULES;
        const changeRules = looked ? changeRulesOf(looked) : ALL_CHANGE_RULES;
        const packageRules = looked ? packageRulesOf(looked) : ALL_PACKAGE_RULES;
        io.stdout.write(`${rulesJson(rules, changeRules, packageRules)}\n`);
      } else if (options.format === 'markdown') {
        io.stdout.write(
          renderRulesMarkdown(ALL_RULES, { changeRules: ALL_CHANGE_RULES, packageRules: ALL_PACKAGE_RULES }),
        );
      } else if (looked) {
        const width = readingWidth(io);
        const texts = looked.map((each) =>
          each.kind === 'validation'
            ? formatRuleText(each.rule, { width })
            : each.kind === 'change'
              ? formatChangeRuleText(each.rule, { width })
              : formatPackageRuleText(each.rule, { width }),
        );
        // Blank lines part the blocks of one rule: a line of its own parts two rules.
        io.stdout.write(texts.join(`\n${RULE_SEPARATOR}\n\n`));
      } else {
        io.stdout.write(formatRulesList(ALL_RULES, ALL_CHANGE_RULES, ALL_PACKAGE_RULES));
      }
    });
}

function validationRules(looked: readonly LookedUpRule[]): RuleDefinition[] {
  return looked.flatMap((each) => (each.kind === 'validation' ? [each.rule] : []));
}

function changeRulesOf(looked: readonly LookedUpRule[]): DocumentedChangeRule[] {
  return looked.flatMap((each) => (each.kind === 'change' ? [each.rule] : []));
}

function packageRulesOf(looked: readonly LookedUpRule[]): PackageRule[] {
  return looked.flatMap((each) => (each.kind === 'package' ? [each.rule] : []));
}

/** The catalog, or the rules asked for, in the same shape: a script reads both alike. */
function rulesJson(
  rules: readonly RuleDefinition[],
  changeRules: readonly DocumentedChangeRule[],
  packageRules: readonly PackageRule[],
): string {
  return JSON.stringify(
    {
      rules: rules.map(({ id, file, title, levels, msCode, msMessage }) => ({
        id,
        file,
        title,
        levels,
        msCode,
        msMessage,
      })),
      changeRules: changeRules.map(({ id, impact, severity, message, source }) => ({
        id,
        impact,
        severity,
        message,
        source,
      })),
      packageRules: packageRules.map(({ id, title, level, source }) => ({ id, title, level, source })),
    },
    null,
    2,
  );
}
