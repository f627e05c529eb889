import { inertToRunner } from '@connector-alm/core';
import type { CliIo } from './io.js';

/**
 * A report that a GitHub Actions runner will not read as workflow commands, although it holds text
 * from the connector under review:
 * - JSON (and SARIF) write `##[` as `#\u0023[`, the same string to every JSON reader, and a line
 *   cannot start with `::` outside a string;
 * - text is fenced (inertToRunner) when it runs in GitHub Actions; elsewhere it is left as it is.
 */
export function inertToWorkflowCommands(
  output: string,
  format: 'text' | 'json',
  env: CliIo['env'],
  token?: () => string,
): string {
  if (format === 'json') return output.replace(/##\[/g, '#\\u0023[');
  return env.GITHUB_ACTIONS === 'true' ? inertToRunner(output, token) : output;
}

/**
 * Writes a command's result to stdout, inert to the runner as above. Every command that prints what a
 * solution or a connector holds (a display name, a title, an entry name) writes through here.
 */
export function writeOutput(io: CliIo, output: string, format: 'text' | 'json'): void {
  io.stdout.write(inertToWorkflowCommands(output, format, io.env));
}
