import type { Finding } from '../model/finding.js';

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
  const folds = new Map<string, Finding[]>();
  const items: (FindingItem | { fold: Finding[] })[] = [];
  for (const finding of findings) {
    if (finding.file === finding.connector) {
      items.push({ kind: 'one', finding });
      continue;
    }
    const key = [finding.severity, finding.baseline ?? '', finding.file, finding.message].join('\u0000');
    const fold = folds.get(key);
    if (fold) {
      fold.push(finding);
      continue;
    }
    const started = [finding];
    folds.set(key, started);
    items.push({ fold: started });
  }
  return items.map((item) => {
    if (!('fold' in item)) return item;
    return item.fold.length === 1
      ? { kind: 'one', finding: item.fold[0]! }
      : { kind: 'fold', findings: item.fold };
  });
}

/** The findings a bullet lists. */
export function itemFindings(item: FindingItem): readonly Finding[] {
  return item.kind === 'one' ? [item.finding] : item.findings;
}
