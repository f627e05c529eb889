import { plural } from '@connector-alm/core';
import type { Finding } from '../model/finding.js';
import type { ValidationResult } from '../validate.js';
import { comparedWithBase, uncomparedPaths } from '../git/base-validation.js';
import { newSinceBaseNote } from './baseline-note.js';
import { existingFailuresNote, onlyNewInput } from './existing-failures.js';
import { configurationReports } from './configuration-findings.js';
import { ignoredFolderNote } from '../config/ignored-folders.js';
import { deletedConnectors } from './deleted-connectors.js';
import { shownFindingPath } from './artifact-path.js';
import type { JobSummaryOptions, PushCounts } from './job-summary-options.js';
import { escapeMarkdown } from './markdown.js';
import { countWords } from './severity-count-words.js';
import { findingsOfChanges, writeChanges } from './summary-changes.js';
import { writeFindingsByRule } from './summary-findings.js';
import { statusIcon, writeStatusTable } from './summary-status-table.js';
import { GITHUB_SUMMARY_LIMIT, SummaryBudget } from './summary-budget.js';
import { FIX_COMMAND, FIX_DOC_URL, fixableSentence } from './fixable-findings.js';
import { DEFAULT_RULES_DOC_URL } from './tool-info.js';

/** What the job summary left out to stay within the size limit. */
export interface SummaryOmissions {
  findings: number;
  changes: number;
  connectors: number;
}

/** A job summary, and what it had to leave out (all zero when nothing was cut). */
export interface JobSummary {
  markdown: string;
  omitted: SummaryOmissions;
}

/**
 * The job summary of a validation run, in GitHub-flavoured markdown: a status table per connector,
 * the changes against the base (when given), and the other findings grouped by rule with a link to
 * the rule's documentation. User text is escaped. When the text would pass GitHub's size limit, the
 * rest is left out with a note saying how much.
 */
export function renderJobSummary(result: ValidationResult, options: JobSummaryOptions = {}): string {
  return buildJobSummary(result, options).markdown;
}

/**
 * The job summary as renderJobSummary writes it, with the counts of what it left out: a caller
 * that points to the summary for more (the action's note on annotations it did not write) must
 * not point there for findings that are not in it.
 */
export function buildJobSummary(result: ValidationResult, options: JobSummaryOptions = {}): JobSummary {
  const budget = new SummaryBudget(options.maxBytes ?? GITHUB_SUMMARY_LIMIT);
  const status = statusIcon(options.failOn ?? 'error', options.breakingChangesFail ?? true);
  const omitted: SummaryOmissions = { findings: 0, changes: 0, connectors: 0 };

  const shown = (file: string): string => shownFindingPath(file, options);
  const deleted = deletedConnectors(result);
  budget.add(
    `## ${escapeMarkdown(options.title ?? 'Connector validation')}`,
    '',
    overallLine(result, deleted.length, status, options.failOn ?? 'error'),
    '',
  );
  if (options.push) budget.add(pushLine(options.push), '');
  // Said once, near the top: the findings below say it one by one, in their messages.
  const fixable = fixableSentence(result.findings, `\`${FIX_COMMAND}\``);
  if (fixable) budget.add(`🔧 ${fixable} [What it fixes](${FIX_DOC_URL}).`, '');
  // A pull request that changes only ignored connectors showed a green "0 connectors checked" and no reason.
  for (const ignored of result.ignored ?? [])
    budget.add(`ℹ️ ${escapeMarkdown(ignoredFolderNote(ignored))}`, '');
  writeStatusTable(
    budget,
    result.connectors,
    deleted,
    configurationReports(result),
    comparedWithBase(result) ? { uncompared: uncomparedPaths(result) } : undefined,
    status,
    shown,
    omitted,
  );
  // ⚠️ is this summary's own sign: say what it means wherever it shows.
  const findingSets = [result.findings, ...result.connectors.map((connector) => connector.findings)];
  if (findingSets.some((findings) => status(findings) === '⚠️')) {
    budget.add(
      '⚠️: breaking changes that fail-on-breaking (false) leaves to reviewers, who must acknowledge them; nothing else fails the check.',
      '',
    );
  }
  // A deleted folder is not at the commit under review: a link there would lead nowhere.
  const gone = new Set(deleted.map((connector) => connector.path));
  const sourceUrl: JobSummaryOptions['sourceUrl'] =
    options.sourceUrl && ((file, line) => (gone.has(file) ? undefined : options.sourceUrl!(file, line)));
  const docs = options.rulesDocUrl ?? DEFAULT_RULES_DOC_URL;
  if (options.changes) {
    const places = { sourceUrl, baseSourceUrl: options.baseSourceUrl, shown };
    writeChanges(budget, options.changes, places, docs, omitted);
  }
  // A change that is a finding (BRK-*) is listed once, with its change: a reviewer read each breaking
  // change twice, and the size limit was spent on it twice.
  const withChanges = findingsOfChanges(options.changes ?? []);
  const findings = result.findings.filter((finding) => !withChanges.has(finding));
  const listedWithChanges = result.findings.length - findings.length;
  writeFindingsByRule(budget, findings, listedWithChanges, { ...options, sourceUrl }, shown, omitted);

  return { markdown: budget.text(truncationNote(omitted, options.everyFinding)), omitted };
}

/**
 * The headline. When findings the base already had fail the run, it says so beside the ❌: a maker
 * whose pull request fails for what it did not bring reads it here, and in the step's failure line.
 */
function overallLine(
  result: ValidationResult,
  deleted: number,
  status: (findings: readonly Finding[]) => string,
  failOn: NonNullable<JobSummaryOptions['failOn']>,
): string {
  const connectors = `${plural(result.connectors.length, 'connector')} checked${deleted > 0 ? `, ${deleted} deleted` : ''}`;
  const existing = existingFailuresNote(
    result.findings,
    failOn,
    onlyNewInput((setting) => `\`${setting}\``),
  );
  return `${status(result.findings)} ${connectors}: ${countWords(result.counts)}${newSinceBaseNote(result, true)}.${existing ? ` ${existing}` : ''}`;
}

/**
 * `This push fixed 7 and added 2 (against 0123456789ab, the head it replaced).` (`fixed 7, 1 in part, and
 * added 2` when some findings lost parts: `pushFixes`), with what it did to
 * the breaking changes when either head had some: `…, and resolved 5 of 5 breaking changes and
 * introduced 0 (…)`, what the maker pushed for.
 */
export function pushLine(push: PushCounts): string {
  const breaking = push.breaking;
  const changes =
    breaking === undefined || (breaking.before === 0 && breaking.introduced === 0)
      ? ''
      : breaking.before === 0
        ? `, and introduced ${plural(breaking.introduced, 'breaking change')}`
        : `, and resolved ${breaking.resolved} of ${plural(breaking.before, 'breaking change')} and introduced ${breaking.introduced}`;
  return `This push ${pushFixes(push)} and added ${push.added}${changes} (against \`${push.before.slice(0, 12)}\`, the head it replaced).`;
}

/**
 * `fixed 7`, or `fixed 7, 1 in part,` when some findings lost parts without being fixed whole: the
 * push line's count of what a push fixed, in the job summary and the log.
 */
export function pushFixes(push: Pick<PushCounts, 'fixed' | 'fixedInPart'>): string {
  return push.fixedInPart > 0 ? `fixed ${push.fixed}, ${push.fixedInPart} in part,` : `fixed ${push.fixed}`;
}

function truncationNote(
  omitted: SummaryOmissions,
  everyFinding = 'The SARIF log and the command-line output list every finding.',
): string | undefined {
  const parts: string[] = [];
  if (omitted.connectors > 0) parts.push(`${omitted.connectors} connector rows`);
  if (omitted.changes > 0) parts.push(`${omitted.changes} changes`);
  if (omitted.findings > 0) parts.push(`${omitted.findings} findings`);
  if (parts.length === 0) return undefined;
  return (
    `> [!NOTE]\n> This summary was cut to stay within GitHub's 1 MiB limit: ${parts.join(', ')} are not shown. ` +
    escapeMarkdown(everyFinding)
  );
}
