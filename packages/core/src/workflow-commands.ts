import { randomUUID } from 'node:crypto';

/**
 * Text that a GitHub Actions runner prints as it is, never as workflow commands. The runner reads
 * every line of a step's output (a line ends at CR or LF) that holds `::` or `##[` as a possible
 * command: one that starts with `::error …::` (after white space), or holds `##[error]` anywhere.
 * Annotations, `add-mask`, `set-output` and `stop-commands` printed that way are carried out, so a
 * folder or operation named `x\n::error::…` (text from a stranger's pull request) would add
 * annotations, and `::stop-commands::` with an empty token would silence every later one. Such text
 * goes between `::stop-commands::<random token>` and `::<token>::`, which no printed text can guess;
 * other text is returned as it is. The result ends with a line break when it was fenced.
 */
export function inertToRunner(text: string, token: () => string = randomToken): string {
  if (!text.includes('::') && !text.includes('##[')) return text;
  const fence = token();
  return `::stop-commands::${fence}\n${text}${text.endsWith('\n') ? '' : '\n'}::${fence}::\n`;
}

function randomToken(): string {
  return `connector-alm-${randomUUID()}`;
}
