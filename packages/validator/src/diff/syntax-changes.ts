import type { JsonDocument } from '../json/json-document.js';
import { asObject } from '../swagger/json-values.js';
import { CHANGE_RULES } from './change-rules.js';
import type { RawChange } from './raw-change.js';
import type { ChangeImpact } from './change.js';
import type { JsonSyntaxIssue } from '../json/syntax/syntax-issue.js';
import { sharedSyntaxErrors, type PlacedSyntaxError } from './shared-syntax-errors.js';
import { syntaxErrorPlaces } from '../json/syntax-error-places.js';
import { kindOfValue } from '../text/message-values.js';
import { unlistedSyntaxMessage } from '../json/syntax/diagnosis.js';

/**
 * The JSON syntax errors of a file's two versions, one change each, located where the error is and
 * told as GEN-JSON-PARSE tells it in `validate` (whose messages bound what they quote of the file).
 * The tolerant parser recovers an object from such text, and the diff compares that object; without
 * these changes a file that does not parse would compare as "no-change".
 *
 * An error only the new version has is breaking (the certification pipeline and the platform read
 * strict JSON and refuse it); one only the base version has is major (the comparison rests on a
 * recovered reading of it, so the update needs the full review). An error both versions have, of one
 * message at one place (sharedSyntaxErrors), is not the update's doing: it is told once, in the new
 * version, where the maker fixes it, and major as the base's is. Told on both sides, it made an update that left the file alone "breaking" in
 * `diff` and a major update in `validate --base`.
 *
 * The errors past the 20 listed for a file are counted in one change, as in one finding in `validate`,
 * worded as a count of changes: the finding's advice to fix the listed ones and check again is not
 * for a diff, whose base version may be the broken one. That change is shared, as major, where the base
 * version counted some too and the file has no more errors than it had (sharedSyntaxErrors).
 *
 * A document without a recovered object gives none: CHG-UNCOMPARABLE speaks for it (an empty file,
 * text that is not JSON, a document too deep to read).
 */
export function syntaxChanges(
  file: 'swagger' | 'apiProperties',
  before: JsonDocument | undefined,
  after: JsonDocument | undefined,
): RawChange[] {
  const [old, now] = [issuesOf(before), issuesOf(after)];
  const shared = sharedSyntaxErrors(placed(before, old), placed(after, now));
  const change = (
    issue: JsonSyntaxIssue,
    side: 'old' | 'new',
    impact: ChangeImpact,
    also?: string,
  ): RawChange => {
    const told =
      issue.unlisted === undefined ? issue.message : unlistedSyntaxMessage(issue.unlisted, 'change');
    const detail = also === undefined ? told : `${told} ${also}`;
    return { rule: CHANGE_RULES.jsonSyntax, file, side, pointer: '', offset: issue.offset, detail, impact };
  };
  return [
    ...old.filter((issue) => !shared.base.has(issue)).map((issue) => change(issue, 'old', 'major')),
    ...now.map((issue) =>
      shared.current.has(issue)
        ? change(issue, 'new', 'major', issue.unlisted === undefined ? IN_BOTH : COUNTED_IN_BOTH)
        : change(issue, 'new', 'breaking'),
    ),
  ];
}

/** The issues with their places; none are read when there are none (a file that parses). */
function placed(document: JsonDocument | undefined, issues: readonly JsonSyntaxIssue[]): PlacedSyntaxError[] {
  if (!document || issues.length === 0) return [];
  const places = syntaxErrorPlaces(document);
  return issues.map((issue, index) => ({ issue, place: places[index]! }));
}

/** Said of an error both versions have. */
const IN_BOTH = 'The base version has the same error: this update did not make it.';

/** Said of the count of the unlisted errors, where the base version's file had as many errors or more. */
const COUNTED_IN_BOTH =
  'The base version counted unlisted errors too, and this update did not add to the errors of the file.';

/** The syntax errors of a version's file that the diff compares as recovered (none without an object). */
function issuesOf(document: JsonDocument | undefined): readonly JsonSyntaxIssue[] {
  return document && asObject(document.value) ? document.syntaxIssues : [];
}

/**
 * CHG-UNCOMPARABLE for a version's file that holds no JSON object, with the reason `validate` gives
 * and where it is: the file is empty, or nested too deep (at the bracket past the limit), or its
 * first syntax error (text that is not JSON, such as YAML), or the kind of value it holds instead
 * (an array, a string).
 */
export function uncomparableChange(
  file: 'swagger' | 'apiProperties',
  side: 'old' | 'new',
  document: JsonDocument,
): RawChange {
  return {
    rule: CHANGE_RULES.uncomparable,
    file,
    side,
    pointer: '',
    ...whyUnreadable(document),
    // Breaking when the new version is the unreadable one, as a broken new version is for
    // CHG-JSON-SYNTAX; major when only the base version is.
    impact: side === 'new' ? 'breaking' : 'major',
  };
}

function whyUnreadable(document: JsonDocument): { detail: string; offset?: number } {
  // Text cut off is said at its end, where it was cut, whatever slips come before it.
  const cutOffAt = document.syntaxRepair?.cutOffAt;
  const issue = document.syntaxIssues.find(({ offset }) => offset === cutOffAt) ?? document.syntaxIssues[0];
  if (issue) return { detail: issue.message, offset: issue.offset };
  return { detail: `The file holds ${kindOfValue(document.value)}, not an object.` };
}
