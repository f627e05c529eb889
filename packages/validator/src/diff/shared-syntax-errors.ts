import type { JsonSyntaxIssue } from '../json/syntax/syntax-issue.js';

/**
 * The syntax errors of a file's new version that its base version has too, and the base errors they
 * match: an error the update did not make. Matched as `validate --base` matches the GEN-JSON-PARSE
 * findings that report them (baseline.ts), so that both commands call the same errors existing: on
 * their message, each base error matching at most one of the new version's; and when the base
 * listed its errors only in part (past the 20 of a file, one more counts the rest) and the new
 * version has no more errors in all than it had, every one of them, since the base's unlisted errors
 * are unknown and the listed ones may be among them.
 */
export function sharedSyntaxErrors(
  base: readonly JsonSyntaxIssue[],
  current: readonly JsonSyntaxIssue[],
): { base: Set<JsonSyntaxIssue>; current: Set<JsonSyntaxIssue> } {
  const shared = { base: new Set<JsonSyntaxIssue>(), current: new Set<JsonSyntaxIssue>() };
  const unmatched = new Map<string, JsonSyntaxIssue[]>();
  for (const issue of base) {
    const alike = unmatched.get(issue.message);
    if (alike) alike.push(issue);
    else unmatched.set(issue.message, [issue]);
  }
  const notGrown = base.some((issue) => issue.unlisted !== undefined) && total(current) <= total(base);
  for (const issue of current) {
    const match = unmatched.get(issue.message)?.shift();
    if (match) shared.base.add(match);
    if (match || notGrown) shared.current.add(issue);
  }
  return shared;
}

/** The errors of a file, those counted by its last listed one included. */
function total(issues: readonly JsonSyntaxIssue[]): number {
  return issues.reduce((sum, issue) => sum + (issue.unlisted ?? 1), 0);
}
