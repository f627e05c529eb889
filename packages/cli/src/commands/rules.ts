import { Option, type Command } from 'commander';
import { ALL_CHANGE_RULES, ALL_RULES, renderRulesMarkdown } from '@connector-alm/validator';
import type { CommandContext } from '../command-context.js';

const RULES_FORMATS = ['text', 'json', 'markdown'] as const;
type RulesFormat = (typeof RULES_FORMATS)[number];

/**
 * `connector-alm rules`: the rule catalog, as a table, JSON or the markdown reference. The change
 * rules of `validate --base` and `diff` are listed after the validation rules: their findings name
 * them too, so a user looking one up here should find it.
 */
export function registerRulesCommand(program: Command, context: CommandContext): void {
  program
    .command('rules')
    .description('list every validation rule with its level per profile, then the breaking-change rules')
    .addOption(
      new Option('--format <format>', 'output format; markdown is the rule reference, as in docs/rules.md')
        .choices(RULES_FORMATS)
        .default('text'),
    )
    .action((options: { format: RulesFormat }) => {
      const { io } = context;
      if (options.format === 'json') {
        const rules = ALL_RULES.map(({ id, file, title, levels, msCode, msMessage }) => ({
          id,
          file,
          title,
          levels,
          msCode,
          msMessage,
        }));
        const changeRules = ALL_CHANGE_RULES.map(({ id, impact, severity, message, source }) => ({
          id,
          impact,
          severity,
          message,
          source,
        }));
        io.stdout.write(`${JSON.stringify({ rules, changeRules }, null, 2)}\n`);
      } else if (options.format === 'text') {
        for (const rule of ALL_RULES) {
          const levels = `${rule.levels.certified}/${rule.levels['independent-publisher']}/${rule.levels.custom}`;
          io.stdout.write(`${rule.id.padEnd(28)} ${levels.padEnd(22)} ${rule.title}\n`);
        }
        io.stdout.write(
          '\nBreaking-change check (validate --base, diff): impact, severity in every profile\n',
        );
        for (const rule of ALL_CHANGE_RULES) {
          const level = `${rule.impact}/${rule.severity}`;
          io.stdout.write(`${rule.id.padEnd(28)} ${level.padEnd(22)} ${rule.message}\n`);
        }
      } else {
        io.stdout.write(renderRulesMarkdown(ALL_RULES, { changeRules: ALL_CHANGE_RULES }));
      }
    });
}
