import type { Finding } from '../model/finding.js';

/**
 * `; 9 new since the base` when validation against a base found findings the base already
 * had, for the count line of a report: the line with which a maker judges a change to a legacy
 * connector, whose old findings would otherwise drown what the change did. Empty otherwise (no
 * base, or nothing existing, where every finding is new and the count says it all).
 */
export function newSinceBaseNote(findings: readonly Finding[]): string {
  if (!findings.some((finding) => finding.baseline === 'existing')) return '';
  const fresh = findings.filter((finding) => finding.baseline !== 'existing').length;
  return `; ${fresh} new since the base`;
}
