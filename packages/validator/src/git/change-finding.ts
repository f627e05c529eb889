import { locatedFinding, type Finding } from '../model/finding.js';
import type { Change } from '../diff/change.js';
import type { ConnectorVersion } from '../diff/connector-version.js';
import { counterpartPointer, deletionPointer } from '../diff/counterpart-pointer.js';
import { parsePointer } from '../json/pointer.js';
import type { ConnectorResult } from '../connector-result.js';

/**
 * A breaking change as a finding of the current version. Deletions are located in the old file,
 * which a pull request's annotations and code scanning cannot show (they are on the current files);
 * the finding goes to the nearest place of the current file that is still the same (the path item
 * of a deleted operation, the parameters of a deleted parameter: never the element that moved into
 * a deleted one's array index), and its message names the base version's file and line. A deleted
 * path item or operation goes where the deletion left its place instead (deletionPointer): `/paths`
 * or its path item can begin far above the lines the pull request deleted, where an annotation is
 * not shown inline.
 */
export function changeToFinding(
  change: Change,
  connector: ConnectorResult,
  current: ConnectorVersion,
  previous: ConnectorVersion,
): Finding {
  const valuePath = change.valuePath ? ` ValuePath: ${change.valuePath}` : '';
  // A deletion's message names the base version's file and place too.
  const inBase =
    change.side === 'new' ? '' : ` (In the base version: ${change.file}:${change.line}:${change.column}.)`;
  // A ValuePath is made of the file's names, however long: locatedFinding bounds the message.
  const finding = locatedFinding({
    ruleId: change.ruleId,
    severity: change.severity,
    message: `${change.message}${valuePath}${inBase}`,
    file: change.file,
    pointer: change.pointer,
    line: change.line,
    column: change.column,
    connector: connector.path,
    baseline: 'new',
  });
  if (change.side === 'new') return finding;
  const isSwagger = !change.file.endsWith('apiProperties.json');
  const document = isSwagger ? current.swagger : current.apiProperties;
  const before = isSwagger ? previous.swagger : previous.apiProperties;
  const file = isSwagger ? current.swaggerPath : current.apiPropertiesPath;
  if (!document || !file) {
    return { ...finding, file: connector.path, pointer: undefined, line: 1, column: 1 };
  }
  const kept = counterpartPointer(before?.value, document.value, change.pointer);
  const pointer =
    isSwagger && kept !== change.pointer && isPathsOrPathItem(kept)
      ? deletionPointer(before?.value, document.value, change.pointer)
      : kept;
  const where = document.locate(pointer);
  return { ...finding, file, pointer, ...document.position(where.offset) };
}

/** `/paths`, or one path item of it. */
function isPathsOrPathItem(pointer: string): boolean {
  const segments = parsePointer(pointer);
  return segments[0] === 'paths' && segments.length <= 2;
}
