import { locatedFinding, type Finding } from '../model/finding.js';
import type { Change } from '../diff/change.js';
import type { ConnectorVersion } from '../diff/connector-version.js';
import { deletionPlace } from '../diff/counterpart-pointer.js';
import type { ConnectorResult } from '../connector-result.js';

/**
 * A breaking change as a finding of the current version. Deletions are located in the old file,
 * which a pull request's annotations and code scanning cannot show (they are on the current files);
 * the finding goes where the deletion left its place in the current file (deletionPlace: a member
 * added in its place, else the member or element that now follows the deleted one, never the
 * element that moved into its array index; after a last one, the end of the one before it), and
 * its message names the base version's file and line. Not the nearest enclosing place that is
 * still the same: `/paths`, a definition's `properties` or an operation's `parameters` can begin
 * hundreds of lines above the lines the pull request deleted, where an annotation is not shown
 * inline.
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
  const { pointer, atValueEnd } = deletionPlace(before?.value, document.value, change.pointer);
  const offset = (atValueEnd ? document.valueEnd(pointer) : undefined) ?? document.locate(pointer).offset;
  return { ...finding, file, pointer, ...document.position(offset) };
}
