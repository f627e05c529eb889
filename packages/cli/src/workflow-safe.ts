import { randomUUID } from 'node:crypto';
import type { CliIo } from './io.js';

/**
 * Output that a GitHub Actions runner will not read as workflow commands. In a `run:` step the
 * runner reads every line of the output: a line starting with `::error …::` (after white space), or
 * holding `##[error]` anywhere, is carried out, and a report holds text from the connector under
 * review, which in a pull request comes from anybody. So:
 * - JSON (and SARIF) write `##[` as `#\u0023[`, the same string to every JSON reader, and a line
 *   cannot start with `::` outside a string;
 * - text goes between `::stop-commands::<random token>` and `::<token>::` when it runs in GitHub
 *   Actions and holds `::` or `##[`; elsewhere it is left as it is.
 */
export function inertToWorkflowCommands(
  output: string,
  format: 'text' | 'json',
  env: CliIo['env'],
  token: () => string = () => `connector-alm-${randomUUID()}`,
): string {
  if (format === 'json') return output.replace(/##\[/g, '#\\u0023[');
  if (env.GITHUB_ACTIONS !== 'true' || (!output.includes('::') && !output.includes('##['))) return output;
  const fence = token();
  return `::stop-commands::${fence}\n${output}${output.endsWith('\n') ? '' : '\n'}::${fence}::\n`;
}
