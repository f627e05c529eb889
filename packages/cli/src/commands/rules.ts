import type { Command } from 'commander';
import { ALL_CHANGE_RULES, ALL_RULES, renderRulesMarkdown } from '@connector-alm/validator';
import { UsageError } from '@connector-alm/core';
import type { CommandContext } from '../program.js';

/** `connector-alm rules`: the rule catalog, as a table or as JSON. */
export function registerRulesCommand(program: Command, context: CommandContext): void {
  program
    .command('rules')
    .description('list every validation rule with its level per profile')
    .option('--format <format>', 'text, json or markdown', 'text')
    .action((options: { format: string }) => {
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
        io.stdout.write(`${JSON.stringify({ rules }, null, 2)}\n`);
      } else if (options.format === 'text') {
        for (const rule of ALL_RULES) {
          const levels = `${rule.levels.certified}/${rule.levels['independent-publisher']}/${rule.levels.custom}`;
          io.stdout.write(`${rule.id.padEnd(28)} ${levels.padEnd(22)} ${rule.title}\n`);
        }
      } else if (options.format === 'markdown') {
        io.stdout.write(renderRulesMarkdown(ALL_RULES, { changeRules: ALL_CHANGE_RULES }));
      } else {
        throw new UsageError(`Unknown format "${options.format}".`, { hint: 'Use text, json or markdown.' });
      }
    });
}
