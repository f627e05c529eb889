import { plural, printable, shellWord } from '@connector-alm/core';
import { changeStanding } from '../diff/change-standing.js';
import { comparedWithBase } from '../git/base-validation.js';
import type { ValidationResult } from '../validate.js';

/**
 * The line of a changed connector's block in the text report of `validate --base`: how the comparison
 * with the base classified the update, how many changes it found and how many break flows, and the
 * command whose output lists them all. The BRK-* findings tell the breaking changes only; without this
 * line, a maker checking before the pull request could not see whether the comparison found anything
 * else (a deprecation, new operations; the warnings among them are counted) nor how certification will classify the update, which the JSON
 * report and the job summary say. `diff` lists changes of two folders on disk, not of a git ref, so
 * the command given is `validate --base` itself, with --format json, and `runOptions`, the options of
 * the run that decide what it finds (--config, --profile): without them, a folder that needs its
 * --config got a command that refuses it. A folder in no git work tree is said not compared. Undefined
 * for the other connectors with no changes: unchanged since the base, or new there.
 */
export function baseComparisonLine(
  result: ValidationResult,
  connectorPath: string,
  runOptions: readonly string[] = [],
): string | undefined {
  if (!comparedWithBase(result)) return undefined;
  const entry = result.diffs.find(
    (diff) => diff.path === connectorPath && (diff.status === 'changed' || diff.status === 'uncompared'),
  );
  if (entry?.status === 'uncompared')
    return `not compared with ${printable(result.baseRef)}: the folder is in no git work tree.`;
  if (!entry?.diff) return undefined;
  const { changes, classification } = entry.diff;
  const against = `against ${printable(result.baseRef)}: ${classification}`;
  if (changes.length === 0) return `${against}.`;
  const breaking = changes.filter((change) => change.breaking).length;
  // Said as the job summary and pr's pull request body say them: warnings, apart from the breaking ones.
  const warnings = changes.filter((change) => changeStanding(change) === 'warning').length;
  const words = [
    'connector-alm validate',
    shellWord(notAnOption(connectorPath)),
    '--base',
    shellWord(result.baseRef),
    ...runOptions.map((word) => shellWord(word)),
    '--format json',
  ];
  const command = words.join(' ');
  const warned = warnings > 0 ? `, ${plural(warnings, 'warning')}` : '';
  return `${against} (${plural(changes.length, 'change')}, ${breaking} breaking${warned}; ${printable(command)} lists them under "base").`;
}

/**
 * A relative path that starts with '-' as `./-x`: as it is, the command line would read it as an
 * option (quoting does not help: the shell takes the quotes away).
 */
function notAnOption(relativePath: string): string {
  return relativePath.startsWith('-') ? `./${relativePath}` : relativePath;
}
