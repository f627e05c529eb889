import path from 'node:path';
import { slashSeparated } from '@connector-alm/core';
import type { Finding } from '../model/finding.js';

/**
 * Marks each finding of a connector as `new` or `existing`, by looking for it among the findings of
 * the same connector at the base. Lines shift with every edit, so findings are matched by what they
 * say and where in the document they are: first on rule, connector-relative file, JSON pointer and
 * message; the findings left over then on rule, file and message alone (text files have no
 * pointer, and an inserted array entry shifts the pointers after it). Each base finding matches at
 * most one current finding, so a problem that now occurs twice counts once as new.
 */
export function markBaseline(current: readonly Finding[], base: readonly Finding[]): Finding[] {
  const exact = countKeys(base, exactKey);
  const marked = current.map((finding) => {
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
