import type { Command } from 'commander';
import { Option } from 'commander';
import { plural, printable } from '@connector-alm/core';
import { diffPaths, toJsonChange, type DiffResult } from '@connector-alm/validator';
import { ExitCode } from '../io.js';
import { writeOutput } from '../workflow-safe.js';
import type { CommandContext } from '../command-context.js';
import { explainsArgumentCount } from '../argument-count-advice.js';

interface DiffOptions {
  format: 'text' | 'json';
  failOn: 'breaking' | 'never';
}

/** `connector-alm diff <old> <new>`: what changed between two versions, and whether it breaks flows. */
export function registerDiffCommand(program: Command, context: CommandContext): void {
  explainsArgumentCount(program.command('diff'), {
    missing:
      'diff compares two versions given as paths (a copy of the earlier folder, say). To compare a connector folder with its version in git, run connector-alm validate <folder> --base <ref> (e.g. --base origin/dev).',
  })
    .description(
      'compare two versions of a connector (folders, swaggers or apiProperties.json files) and flag breaking changes',
    )
    .argument(
      '<old>',
      'the earlier version: a connector folder, its apiDefinition.swagger.json or its apiProperties.json',
    )
    .argument('<new>', 'the later version')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(
      new Option('--fail-on <what>', 'exit 1 on breaking changes, or never')
        .choices(['breaking', 'never'])
        .default('breaking'),
    )
    .action(async (oldPath: string, newPath: string, options: DiffOptions) => {
      const result = await diffPaths(oldPath, newPath, context.io.cwd);
      const output = options.format === 'json' ? formatDiffJson(result) : formatDiffText(result);
      writeOutput(context.io, output, options.format);
      const breaking = result.changes.some((change) => change.breaking);
      context.setExit(breaking && options.failOn === 'breaking' ? ExitCode.Failure : ExitCode.Success);
    });
}

/** The JSON report: each change as toJsonChange gives it, then the classification. */
export function formatDiffJson(result: DiffResult): string {
  const changes = result.changes.map(toJsonChange);
  return `${JSON.stringify({ changes, classification: result.classification }, null, 2)}\n`;
}

/**
 * One line per change: `file:line:column`, "(in the base version)" when the place was deleted and
 * only the old file has it, the impact and severity, the rule, the message and the ValuePath, which
 * names the field when several operations share the deleted definition.
 */
export function formatDiffText(result: DiffResult): string {
  const lines = result.changes.map((change) => {
    const where = `${printable(change.file)}:${change.line}:${change.column}`;
    const version = change.side === 'old' ? ' (in the base version)' : '';
    const valuePath = change.valuePath === undefined ? '' : ` ValuePath: ${printable(change.valuePath)}`;
    return `${where}${version} ${change.impact} (${change.severity}) ${change.ruleId} ${printable(change.message)}${valuePath}`;
  });
  const breaking = result.changes.filter((change) => change.breaking).length;
  lines.push(`${result.classification}: ${plural(result.changes.length, 'change')}, ${breaking} breaking`);
  return `${lines.join('\n')}\n`;
}
