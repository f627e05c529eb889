import { plural } from '@connector-alm/core';
import type { Report } from './rule.js';
import type { Severity } from './finding.js';
import { severityRank } from './finding.js';

/**
 * The most findings one rule lists for one connector; the rest are counted in one more finding. The
 * corpus's most are 623 (SWG-DESC-IS-NAME in Cognite Data Fusion). A readme of two million `TODO:`
 * lines, well under the 64 MB a file may have, gave two million findings: 1.8 GB of memory, and a JSON
 * report longer than the longest string V8 can build, so the run failed as a bug. Past a thousand, one
 * more of the same rule tells nobody anything the first thousand did not.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

/** What a rule reported past MAX_FINDINGS_PER_RULE for one connector: how many, the first, the worst. */
export class UnlistedReports {
  count = 0;
  first: Report | undefined;
  worst: Severity = 'info';

  /** Forgets the reports of the rule before. */
  clear(): void {
    this.count = 0;
    this.first = undefined;
    this.worst = 'info';
  }

  add(report: Report, severity: Severity): void {
    this.count++;
    this.first ??= report;
    if (severityRank(severity) > severityRank(this.worst)) this.worst = severity;
  }

  /**
   * The one report that stands for the rest, where the first of them was, at the level of the worst,
   * so that a count of errors still says there are errors. It carries no fix: `validate --fix` makes
   * the fixes of the listed ones, and a second run lists the next.
   */
  summary(): { report: Report; severity: Severity } | undefined {
    const first = this.first;
    if (first === undefined) return undefined;
    const { fix: _fix, severity: _severity, message: _message, ...place } = first;
    return {
      severity: this.worst,
      report: {
        ...place,
        message: `${unlistedMessage(this.count, 'finding')} Fix the ones listed and check again.`,
      },
    };
  }
}

/** A count as reports write it: "1,500". */
function grouped(count: number): string {
  return count.toLocaleString('en-US');
}

/**
 * What the one finding or change that stands for the rest of a rule says: "1,500 more findings of this
 * rule are not listed: …". Findings (engine.ts), the changes of a diff (change-cap.ts) and the JSON
 * syntax errors of a file (syntax/diagnosis.ts, `listedAtMost` saying their own bound) say it alike,
 * and `unlistedCount` reads the count back from any of them.
 */
export function unlistedMessage(
  count: number,
  noun: 'finding' | 'change',
  listedAtMost = `a rule lists at most ${grouped(MAX_FINDINGS_PER_RULE)} for a connector`,
): string {
  return `${plural(count, `more ${noun}`, grouped(count))} of this rule ${count === 1 ? 'is' : 'are'} not listed: ${listedAtMost}.`;
}

const UNLISTED_MESSAGE =
  /^(\d{1,3}(?:,\d{3})*) more (?:finding|change)s? of this rule (?:is|are) not listed: /;

/**
 * How many reports the message of `unlistedMessage` stands for; undefined for any other message. The
 * base's and the change's versions of such a finding differ in this count alone (see baseline.ts).
 */
export function unlistedCount(message: string): number | undefined {
  const match = UNLISTED_MESSAGE.exec(message);
  return match ? Number(match[1]!.replaceAll(',', '')) : undefined;
}
