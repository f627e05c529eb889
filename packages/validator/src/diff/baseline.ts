import path from 'node:path';
import { slashSeparated } from '@connector-alm/core';
import type { Finding } from '../model/finding.js';
import { unlistedCount } from '../model/finding-cap.js';

/**
 * Marks each finding of a connector as `new` or `existing`, by looking for it among the findings of
 * the same connector at the base. Lines shift with every edit, so findings are matched by what they
 * say and where in the document they are: first on rule, connector-relative file, JSON pointer and
 * message; the findings left over then on rule, file and message alone (text files have no
 * pointer, and an inserted array entry shifts the pointers after it). Each base finding matches at
 * most one current finding, so a problem that now occurs twice counts once as new.
 */
export function markBaseline(current: readonly Finding[], base: readonly Finding[]): Finding[] {
  const settled = cappedRulesNotGrown(current, base);
  const exact = countKeys(base, exactKey);
  const marked = current.map((finding) => {
    if (settled.has(finding.ruleId)) return { finding, existing: true };
    const key = exactKey(finding);
    if (take(exact, key)) return { finding, existing: true };
    return { finding, existing: false };
  });
  // Only base findings no current one matched exactly may match loosely.
  const leftover = base.filter((finding) => {
    const key = exactKey(finding);
    const count = exact.get(key) ?? 0;
    if (count <= 0) return false;
    exact.set(key, count - 1);
    return true;
  });
  const loose = countKeys(leftover, looseKey);
  return marked.map(({ finding, existing }) => ({
    ...finding,
    baseline: existing || take(loose, looseKey(finding)) ? 'existing' : 'new',
  }));
}

/**
 * The rules whose findings were capped at the base (see finding-cap.ts) and are no more now. The base's
 * unlisted findings are unknown, so a finding listed now may be one of them: fixing one of 1,500
 * placeholder lines lists the 1,001st, and changes the count of the finding that stands for the rest.
 * Matched one by one, both were "new" though the change made nothing worse; so a capped rule whose
 * total did not grow has all its findings existing. One whose total grew is matched as any other, and
 * the finding that counts the rest, its count changed, is new: it says by how many.
 */
function cappedRulesNotGrown(current: readonly Finding[], base: readonly Finding[]): Set<string> {
  const before = totalsByRule(base);
  const now = totalsByRule(current);
  const settled = new Set<string>();
  for (const [ruleId, total] of before) {
    if (total.capped && (now.get(ruleId)?.count ?? 0) <= total.count) settled.add(ruleId);
  }
  return settled;
}

/** Per rule: how many findings it reported, those a capped finding counts included, and if it was capped. */
function totalsByRule(findings: readonly Finding[]): Map<string, { count: number; capped: boolean }> {
  const totals = new Map<string, { count: number; capped: boolean }>();
  for (const finding of findings) {
    const total = totals.get(finding.ruleId) ?? { count: 0, capped: false };
    const unlisted = unlistedCount(finding.message);
    if (unlisted === undefined) total.count++;
    else {
      total.count += unlisted;
      total.capped = true;
    }
    totals.set(finding.ruleId, total);
  }
  return totals;
}

/** All findings `existing`: for connectors the change did not touch. */
export function markAllExisting(findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => ({ ...finding, baseline: 'existing' }));
}

/** All findings `new`: for connectors absent at the base. */
export function markAllNew(findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => ({ ...finding, baseline: 'new' }));
}

function exactKey(finding: Finding): string {
  return [finding.ruleId, relativeFile(finding), finding.pointer ?? '', normalizedMessage(finding)].join(
    '\u0000',
  );
}

function looseKey(finding: Finding): string {
  return [finding.ruleId, relativeFile(finding), normalizedMessage(finding)].join('\u0000');
}

/** The file relative to its connector folder, so that a base version checked out elsewhere compares equal. */
function relativeFile(finding: Finding): string {
  return slashSeparated(path.relative(finding.connector, finding.file));
}

/** Messages that quote the connector's own path would differ between the two checkouts. */
function normalizedMessage(finding: Finding): string {
  return finding.connector && finding.connector !== '.'
    ? finding.message.split(finding.connector).join('<connector>')
    : finding.message;
}

function countKeys(findings: readonly Finding[], key: (finding: Finding) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(key(finding), (counts.get(key(finding)) ?? 0) + 1);
  return counts;
}

function take(counts: Map<string, number>, key: string): boolean {
  const count = counts.get(key) ?? 0;
  if (count <= 0) return false;
  counts.set(key, count - 1);
  return true;
}
