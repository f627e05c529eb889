import { formatLocation } from '@connector-alm/core';
import { escapeMarkdown } from '@connector-alm/validator';
import type { Annotation } from './error-annotation.js';

/**
 * The job summary of a step that failed before it could report anything: its title, and the error
 * in a line, where a maintainer who opens the run looks first (it was empty, the error only in the
 * annotations). Several errors found together (a configuration file's) give the first, and how many
 * more the annotations hold.
 */
export function failureSummary(title: string, errors: readonly Annotation[]): string {
  const [first, ...rest] = errors;
  const place = first?.properties.file
    ? `${formatLocation({
        file: first.properties.file,
        ...(first.properties.startLine !== undefined && { line: first.properties.startLine }),
        ...(first.properties.startColumn !== undefined && { column: first.properties.startColumn }),
      })}: `
    : '';
  const more = rest.length > 0 ? ` (and ${rest.length} more, each an annotation of this step)` : '';
  return `### ${escapeMarkdown(title)}\n\n❌ The step failed: ${escapeMarkdown(`${place}${first?.message ?? ''}`)}${escapeMarkdown(more)}\n`;
}
