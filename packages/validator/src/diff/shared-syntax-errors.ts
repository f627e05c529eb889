import type { JsonSyntaxIssue } from '../json/syntax/syntax-issue.js';

/** A syntax error of a file's version, with its place there (`syntaxErrorPlaces`). */
export interface PlacedSyntaxError {
  issue: JsonSyntaxIssue;
  place: string;
}

/**
 * The syntax errors of a file's new version that its base version has too, and the base errors they
 * match: an error the update did not make. Matched on their message and their place (the enclosing
 * member's pointer and the text of its line up to the error), each base error matching at most one
 * of the new version's, as `validate --base` matches the GEN-JSON-PARSE findings that report them
 * (their `identity` is the place). The message alone is generic: it took a trailing comma added
 * elsewhere for one that was fixed. The errors past the 20 listed are unknown, so an error listed now
 * where the base counted the rest is the update's as far as anything can tell; but the count of the
 * rest is shared when the base counted some too and the file's errors did not grow in number, as the
 * baseline settles it (diff/baseline.ts): fixing one of 25 errors changes the count, not what is wrong.
 */
export function sharedSyntaxErrors(
  base: readonly PlacedSyntaxError[],
  current: readonly PlacedSyntaxError[],
): { base: Set<JsonSyntaxIssue>; current: Set<JsonSyntaxIssue> } {
  const shared = { base: new Set<JsonSyntaxIssue>(), current: new Set<JsonSyntaxIssue>() };
  const unmatched = new Map<string, JsonSyntaxIssue[]>();
  for (const { issue, place } of base) {
    const key = sameErrorKey(issue, place);
    const alike = unmatched.get(key);
    if (alike) alike.push(issue);
    else unmatched.set(key, [issue]);
  }
  for (const { issue, place } of current) {
    const match = unmatched.get(sameErrorKey(issue, place))?.shift();
    if (!match) continue;
    shared.base.add(match);
    shared.current.add(issue);
  }
  const [counted, counting] = [base.find(isCount)?.issue, current.find(isCount)?.issue];
  if (counted && counting && !shared.current.has(counting) && total(current) <= total(base)) {
    shared.base.add(counted);
    shared.current.add(counting);
  }
  return shared;
}

/** The issue that counts the errors past the listed ones. */
function isCount({ issue }: PlacedSyntaxError): boolean {
  return issue.unlisted !== undefined;
}

/** How many errors a version's file has: those listed and those counted. */
function total(errors: readonly PlacedSyntaxError[]): number {
  return errors.reduce((sum, { issue }) => sum + (issue.unlisted ?? 1), 0);
}

function sameErrorKey(issue: JsonSyntaxIssue, place: string): string {
  return `${issue.message}\u0000${place}`;
}
