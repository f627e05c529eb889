import type { Finding } from '../model/finding.js';
import { escapeMarkdown } from './markdown.js';

/**
 * The web address of a file at a line, e.g. the blob at the commit under review; findings link there.
 * Without a line, the address of a folder (a finding on a connector folder has no line to link to).
 * Undefined for a path it cannot address (outside the repository).
 */
export type SourceUrl = (file: string, line?: number) => string | undefined;

/**
 * Where a finding is, as the job summary shows it: `file:line:column`, linked to that line at the
 * commit under review when there is an address for it. A finding on a connector folder itself (a
 * folder rule's, a deleted connector's) names the folder alone, linked to the folder: it has no line,
 * and `:1:1` read as one, as `#L1` did in its link.
 */
export function findingPlace(
  finding: Finding,
  sourceUrl: SourceUrl | undefined,
  shown: (file: string) => string,
): string {
  const onFolder = finding.file === finding.connector;
  const text = escapeMarkdown(
    onFolder ? shown(finding.file) : `${shown(finding.file)}:${finding.line}:${finding.column}`,
  );
  const url = onFolder ? sourceUrl?.(finding.file) : sourceUrl?.(finding.file, finding.line);
  return url ? `[${text}](${url})` : text;
}
