import { fixEditsFile } from '../fix/json-fix.js';
import type { RuleContext } from '../model/rule.js';
import type { Report, WrittenValue } from '../model/report.js';
import { jsonExcerpt } from '../text/message-values.js';

/** The JSON files of a connector folder, whose values `validate --fix` may write. */
export type JsonFileKind = 'swagger' | 'apiProperties' | 'settings';

/**
 * What a report adds where the rule knows the value meant for sure (`Advanced` meant as `advanced`):
 * the fix `validate --fix` makes (fix/value-writes.ts), and a note that says so where --fix edits
 * the file (fixEditsFile). A note, not part of the message: it comes and goes with the file's syntax
 * while the problem stays, and the baseline of `validate --base` matches findings without it.
 */
export function valueWrite(
  context: RuleContext,
  kind: JsonFileKind,
  to: WrittenValue,
): Pick<Report, 'fix' | 'transientNote' | 'fixable'> {
  const fix = { writeValue: to };
  if (!fixEditsFile(context.connector.files[kind])) return { fix };
  // An excerpt: a label may be as long as a maker likes, and findings keep their messages short.
  return {
    fix,
    transientNote: `\`connector-alm validate --fix\` writes ${jsonExcerpt(to)}.`,
    fixable: true,
  };
}
