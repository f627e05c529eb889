import { createHash } from 'node:crypto';
import { matchedMessage, type Finding } from '../model/finding.js';

/** Our partialFingerprints key; bump the version if the recipe changes. */
export const FINGERPRINT_KEY = 'connectorAlmFinding/v1';

/**
 * Fingerprints of our own that survive any edit but of the finding itself: a hash of the rule, the
 * repository-relative file and the JSON pointer (the message, for files without pointers), never the
 * line, nor the lines a message names of the other places of its problem (`matchedMessage`). Not
 * the finding's `identity` either: a hash of a secret, however keyed, is not for output.
 * Identical findings get `:1`, `:2`, … in report order, as GitHub's own fingerprints do.
 *
 * Code scanning matches alerts across uploads by partialFingerprints, and the one it gets for our
 * results is `primaryLocationLineHash`, which upload-sarif adds beside this key from the text at the
 * result's line (github/codeql-action src/fingerprints.ts): GitHub does not say whether it weighs a
 * tool's own key. We leave that key to upload-sarif, which warns of every value that differs from the
 * one it computes. This one serves whoever compares two logs of ours.
 */
export function fingerprints(
  findings: readonly Finding[],
  fileKeyOf: (finding: Finding) => string,
): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const where = finding.pointer ?? `message:${matchedMessage(finding)}`;
    const hash = createHash('sha256')
      .update(`${finding.ruleId}\0${fileKeyOf(finding)}\0${where}`)
      .digest('hex')
      .slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}
