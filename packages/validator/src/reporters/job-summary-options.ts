import type { PathBase } from './artifact-path.js';
import type { RuleDescriptor } from './rule-descriptor.js';
import type { ConnectorChanges } from './summary-changes.js';
import type { SourceUrl } from './summary-place.js';

// The job summary's options, apart from job-summary.ts because the sections it writes
// (summary-findings.ts, summary-status-table.ts) read them too.

/**
 * `cwd` and `baseDir` (see PathBase): connectors and files are named from the repository root with '/',
 * as everything else on GitHub names them, whatever separators the runner's OS uses.
 */
export interface JobSummaryOptions extends PathBase {
  /** Breaking-change results, shown in their own section when given. */
  changes?: readonly ConnectorChanges[];
  /** For rule titles (default: every validation rule); the change rules are titled from their catalog. */
  rules?: readonly RuleDescriptor[];
  rulesDocUrl?: string;
  /**
   * The failure threshold of the run: a connector with a finding at or above it shows ❌ (default
   * error). With `never` the run does not fail, but connectors with errors still show ❌.
   */
  failOn?: 'error' | 'warning' | 'never';
  /**
   * Whether breaking changes fail the run (default true), whatever failOn is: failOn judges the
   * other findings (see judgedByFailOn). The action passes its fail-on-breaking input: when false, a
   * connector whose other findings pass but that has breaking changes shows ⚠️ (for the reviewers
   * to acknowledge) instead of ❌.
   */
  breakingChangesFail?: boolean;
  /** Size limit in UTF-8 bytes (default: GitHub's 1 MiB). */
  maxBytes?: number;
  /**
   * Where every finding can be read, for the note of a summary cut to the size limit (default: "The
   * SARIF log and the command-line output list every finding."): the action names its SARIF report,
   * or says how to get one.
   */
  everyFinding?: string;
  title?: string;
  /** Where findings (and the changes on the commit under review) link to. */
  sourceUrl?: SourceUrl;
  /**
   * Where the base version's places of the changes link to: a file as the diff names it,
   * `<commit>:<repository path>`, at a line of the base commit.
   */
  baseSourceUrl?: SourceUrl;
  /**
   * What the push under check changed, against the head it replaced (the validate-connector action
   * on a pull request's `synchronize` event): said right under the headline.
   */
  push?: PushCounts;
}

/**
 * What a push did: the findings it fixed and added, and what it did to the breaking changes against
 * the base, which are no findings to count as fixed (a change put back as the base had it fixes nothing).
 */
export interface PushCounts {
  /** The head it replaced. */
  before: string;
  added: number;
  fixed: number;
  /** The findings still there with fewer of their parts (`fixedInPart`): a readme that lists more of the operations it missed. */
  fixedInPart: number;
  /** The breaking changes the head it replaced had against the base, and what the push did to them. */
  breaking?: { before: number; resolved: number; introduced: number };
}
