import { createHash } from 'node:crypto';
import { matchedMessage, type Finding } from '../model/finding.js';

/**
 * Our partialFingerprints key; bump the version if the recipe changes. v2: the finding that counts a
 * rule's unlisted findings is hashed on its listing, not on its message, which says the count. v3: a
 * finding of a problem of parts (model/problem-parts.ts) without a pointer is hashed on the problem,
 * not on the message that names the parts (README-OPS-MATCH's operations a readme does not list).
 */
export const FINGERPRINT_KEY = 'connectorAlmFinding/v3';

/**
 * Fingerprints of our own that survive any edit but of the finding itself: a hash of the rule, the
 * repository-relative file and the JSON pointer (the message, for files without pointers), never the
 * line, nor the lines a message names of the other places of its problem, nor the parts of a problem
 * that a message names, which come and go as a maker fixes them (`matchedMessage`). Not
 * the finding's `identity` either: a hash of a secret, however keyed, is not for output.
 * The finding that counts the findings a rule does not list (`unlisted`, model/finding-cap.ts) is
 * hashed on the listing it counts the rest of, the rule's for the connector or for a file: its message
 * says the count and its place is the first unlisted one's, and both change with every finding fixed
 * or added, though it is the same finding (in v1, each such change was a new alert and a fixed one).
 * Identical findings get `:1`, `:2`, … in report order, as GitHub's own fingerprints do.
 *
 * Code scanning matches alerts across uploads by partialFingerprints, and the one it gets for our
 * results is `primaryLocationLineHash`, which upload-sarif adds beside this key from the text at the
 * result's line (github/codeql-action src/fingerprints.ts): GitHub does not say whether it weighs a
 * tool's own key. We leave that key to upload-sarif, which warns of every value that differs from the
 * one it computes. This one serves whoever compares two logs of ours.
 *
 * `pathKeyOf` gives a finding's file or connector folder as the log names it (repository-relative).
 */
export function fingerprints(findings: readonly Finding[], pathKeyOf: (path: string) => string): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const hash = createHash('sha256').update(identifyingText(finding, pathKeyOf)).digest('hex').slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

/** What is hashed: what tells the finding apart from the others, and nothing that moves with edits. */
function identifyingText(finding: Finding, pathKeyOf: (path: string) => string): string {
  if (finding.unlisted) {
    const listing = finding.unlisted.per === 'connector' ? finding.connector : finding.file;
    return `${finding.ruleId}\0${pathKeyOf(listing)}\0unlisted:${finding.unlisted.per}`;
  }
  const where = finding.pointer ?? `message:${matchedMessage(finding)}`;
  return `${finding.ruleId}\0${pathKeyOf(finding.file)}\0${where}`;
}
