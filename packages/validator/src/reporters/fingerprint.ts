import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.js';

/** The partialFingerprints key; bump the version if the recipe changes, so old alerts close cleanly. */
export const FINGERPRINT_KEY = 'connectorAlmFinding/v1';

/**
 * Fingerprints that survive edits elsewhere in the file, so code scanning tracks one alert across
 * commits instead of closing and reopening it whenever lines move: a hash of the rule, the
 * repository-relative file and the JSON pointer (the message, for files without pointers), never
 * the line. Identical findings get `:1`, `:2`, … in report order, as GitHub's own fingerprints do.
 */
export function fingerprints(
  findings: readonly Finding[],
  fileKeyOf: (finding: Finding) => string,
): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const where = finding.pointer ?? `message:${finding.message}`;
    const hash = createHash('sha256')
      .update(`${finding.ruleId}\0${fileKeyOf(finding)}\0${where}`)
      .digest('hex')
      .slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}
