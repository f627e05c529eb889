import path from 'node:path';
import { slashSeparated } from '@connector-alm/core';
import { locatedFinding, type Finding } from '../model/finding.js';

/**
 * A base finding that the change fixed (diff/baseline.ts `compareWithBaseline`), told where it was:
 * in the base version, its file named `<merge base, 12 digits>:<repository path>` as `git show` names
 * it and as the changes name the base version's files, so that no one looks for it in the current
 * file; `connector` is the connector of the report it belongs to. Its line and column are the base
 * file's; the temporary folder the base was checked out in is named nowhere, its message included.
 */
export function fixedInBase(
  finding: Finding,
  connector: string,
  mergeBase: string,
  basePath: string,
): Finding {
  const folder = `${mergeBase.slice(0, 12)}:${basePath === '.' ? '' : basePath}`;
  const inside = slashSeparated(path.relative(finding.connector, finding.file));
  const file = inside === '' ? folder : `${folder}${folder.endsWith(':') ? '' : '/'}${inside}`;
  return locatedFinding({
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message.split(finding.connector).join(folder),
    file,
    ...(finding.pointer !== undefined && { pointer: finding.pointer }),
    line: finding.line,
    column: finding.column,
    ...(finding.endLine !== undefined && { endLine: finding.endLine }),
    ...(finding.endColumn !== undefined && { endColumn: finding.endColumn }),
    connector,
    ...(finding.msCode !== undefined && { msCode: finding.msCode }),
  });
}

/** Every connector's fixed findings, in report order (`ConnectorDiff.fixed`). */
export function fixedSinceBase(diffs: readonly { fixed?: readonly Finding[] }[]): Finding[] {
  return diffs.flatMap((entry) => entry.fixed ?? []);
}

/**
 * The findings a change fixed in part: existing ones of a problem of parts whose base finding had
 * parts they have not (`Finding.partsFixed`), the readme that lists five more of the operations it
 * missed. Counted apart from the findings fixed whole: the problem is still there.
 */
export function fixedInPart(findings: readonly Finding[]): number {
  let count = 0;
  for (const finding of findings) if (finding.partsFixed !== undefined) count++;
  return count;
}
