import { CONNECTOR_FILE_NAMES, joinedList } from '@connector-alm/core';
import {
  decodeUtf8,
  displayPathIn,
  extractionTodos,
  locatedFinding,
  TextDocument,
  type Finding,
} from '@connector-alm/validator';
import type { LocalFile } from './connector-files.js';

/**
 * The TODOs that extract-connectors wrote into the connector's readme.md and nobody has filled in yet,
 * located as README-PLACEHOLDER findings at the level error, whatever the rule's level: they refuse
 * the connector. They are connector-alm's own markers, never a guess (no merged readme has one), and
 * sent upstream they replace the upstream's readme with "## Publisher: TODO" on the connector's
 * documentation page. `connector` is the folder as validation names it (its findings' `connector`).
 */
export function readmeTodoFindings(connector: string, files: readonly LocalFile[]): Finding[] {
  const readme = files.find((file) => file.path.toLowerCase() === CONNECTOR_FILE_NAMES.readme);
  if (!readme) return [];
  const { text } = decodeUtf8(readme.content);
  // In the order of the readme's lines: the rule lists the TODO lines first, then the headings.
  const todos = extractionTodos(text).sort((a, b) => a.offset - b.offset);
  if (todos.length === 0) return [];
  const document = new TextDocument(text);
  return todos.map(({ offset, length, message }) =>
    locatedFinding({
      ruleId: 'README-PLACEHOLDER',
      severity: 'error',
      message,
      file: displayPathIn(connector, readme.path),
      connector,
      ...document.rangeBetween(offset, offset + length),
    }),
  );
}

/** "line 5", "lines 5, 9 and 13": the lines of the findings (in the order of the lines), each once. */
export function linesOf(findings: readonly Finding[]): string {
  const lines = [...new Set(findings.map((finding) => finding.line))];
  return `${lines.length === 1 ? 'line' : 'lines'} ${joinedList(lines)}`;
}
