import type { Finding } from '../model/finding.js';
import { groupsInFirstOrder } from './first-order-groups.js';

/** One bullet of a rule's findings: a finding, or findings that say the same in one file. */
export type FindingItem =
  | { readonly kind: 'one'; readonly finding: Finding }
  /** In the order they came, at least two: the bullet says their message once, then each line. */
  | { readonly kind: 'fold'; readonly findings: readonly Finding[] };

/**
 * A rule's findings as the job summary lists them: those of one file that say the same, at the same
 * severity and both new or both existing, fold into one bullet where the first of them stands. An
 * unmerged PowerPlatformConnectors pull request (#2527) had 1,001 empty descriptions: 1,001 bullets of
 * "The 'description' value is empty." Findings on a folder, which have no line, are never folded.
 */
export function foldFindings(findings: readonly Finding[]): FindingItem[] {
  return groupsInFirstOrder(findings, foldKey).map((group) =>
    group.length === 1 ? { kind: 'one', finding: group[0]! } : { kind: 'fold', findings: group },
  );
}

/** What a finding must share with another to fold with it; undefined for one on a folder. */
function foldKey(finding: Finding): string | undefined {
  if (finding.file === finding.connector) return undefined;
  return [finding.severity, finding.baseline ?? '', finding.file, finding.message].join('\u0000');
}

/** The findings a bullet lists. */
export function itemFindings(item: FindingItem): readonly Finding[] {
  return item.kind === 'one' ? [item.finding] : item.findings;
}
