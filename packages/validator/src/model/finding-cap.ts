import type { Report } from './report.js';
import type { Severity } from './finding.js';
import { severityRank } from './finding.js';
import { unlistedMessage } from './unlisted-message.js';

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
   * the fixes of the listed ones, and a second run lists the next. Nor the first's other places,
   * identity, twin's key (`matchedAs`) and parts: it stands for many problems, not that one. Its
   * count is data too (`unlisted`), for the baseline.
   */
  summary(): { report: Report; severity: Severity } | undefined {
    const first = this.first;
    if (first === undefined) return undefined;
    const {
      fix: _fix,
      severity: _severity,
      message: _message,
      others: _others,
      identity: _identity,
      matchedAs: _matchedAs,
      parts: _parts,
      unlisted: _unlisted,
      ...place
    } = first;
    return {
      severity: this.worst,
      report: {
        ...place,
        message: `${unlistedMessage(this.count, 'finding')} Fix the ones listed and check again.`,
        unlisted: { count: this.count, per: 'connector' },
      },
    };
  }
}
