import { compareText, plural } from '@connector-alm/core';
import type { Finding, Severity } from '../model/finding.js';
import { ALL_CHANGE_RULES } from '../diff/change-rules.js';
import { ALL_RULES } from '../rules/index.js';
import {
  countBySeverity,
  type ConnectorResult,
  type SeverityCounts,
  type ValidationResult,
} from '../validate.js';
import { comparedWithBase } from '../git/validate-against-base.js';
import { judgedByFailOn } from '../thresholds.js';
import { newSinceBaseNote } from './baseline-note.js';
import { configurationReports, type ConfigurationReport } from './configuration-findings.js';
import { deletedConnectors, type DeletedConnectorReport } from './deleted-connectors.js';
import { repositoryPath, type PathBase } from './artifact-path.js';
import { escapeMarkdown, inlineCode, tableRow } from './markdown.js';
import type { RuleDescriptor } from './rule-descriptor.js';
import { GITHUB_SUMMARY_LIMIT, SummaryBudget } from './summary-budget.js';
import { DEFAULT_RULES_DOC_URL, ruleDocUrl } from './tool-info.js';

/** One change between a connector's base version and the PR's, as the diff engine reports it. */
export interface ConnectorChange {
  ruleId: string;
  breaking: boolean;
  message: string;
  operationId?: string;
  file?: string;
  line?: number;
}

/** The changes of one connector against its base version, and their certification classification. */
export interface ConnectorChanges {
  connector: string;
  /**
   * Where the connector's folder was in the base version, when the change renamed it: as the
   * repository names it (from its root, with '/'), as git reported the rename.
   */
  renamedFrom?: string;
  /** The change deleted the connector (its one change says so): `connector` is where it was. */
  deleted?: boolean;
  /** The change added the connector: the base has no version of it, so `changes` is empty. */
  added?: boolean;
  changes: readonly ConnectorChange[];
  /** e.g. `no change`, `minor update`, `major update`, `breaking`. */
  classification: string;
}

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
  /**
   * The web address of a file at a line, e.g. the blob at the commit under review; findings link there.
   * Undefined for a file it cannot address (outside the repository).
   */
  sourceUrl?: (file: string, line: number) => string | undefined;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

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
 * the breaking changes (when given), and every finding grouped by rule with a link to the rule's
 * documentation. User text is escaped. When the text would pass GitHub's size limit, the rest is
 * left out with a note saying how much.
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

  const shown = (file: string): string => repositoryPath(file, options) ?? file;
  const deleted = deletedConnectors(result);
  budget.add(
    `## ${escapeMarkdown(options.title ?? 'Connector validation')}`,
    '',
    overallLine(result, deleted.length, status),
    '',
  );
  writeStatusTable(
    budget,
    result.connectors,
    deleted,
    configurationReports(result),
    comparedWithBase(result),
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
  if (options.changes) {
    writeChanges(budget, options.changes, shown, options.rulesDocUrl ?? DEFAULT_RULES_DOC_URL, omitted);
  }
  // A deleted folder is not at the commit under review: a link there would lead nowhere.
  const gone = new Set(deleted.map((connector) => connector.path));
  const sourceUrl: JobSummaryOptions['sourceUrl'] =
    options.sourceUrl && ((file, line) => (gone.has(file) ? undefined : options.sourceUrl!(file, line)));
  writeFindingsByRule(budget, result.findings, { ...options, sourceUrl }, shown, omitted);

  return { markdown: budget.text(truncationNote(omitted, options.everyFinding)), omitted };
}

function overallLine(
  result: ValidationResult,
  deleted: number,
  status: (findings: readonly Finding[]) => string,
): string {
  const connectors = `${plural(result.connectors.length, 'connector')} checked${deleted > 0 ? `, ${deleted} deleted` : ''}`;
  return `${status(result.findings)} ${connectors}: ${countWords(result.counts)}${newSinceBaseNote(result.findings)}.`;
}

/**
 * ❌ when the findings fail-on judges reach it, or when there are breaking changes and they fail the
 * run (breakingChangesFail); ⚠️ when there are breaking changes that are left to reviewers; else ✅.
 * The same verdict as judgeRun's, per connector.
 */
function statusIcon(
  failOn: NonNullable<JobSummaryOptions['failOn']>,
  breakingChangesFail: boolean,
): (findings: readonly Finding[]) => string {
  return (findings) => {
    const judged = judgedByFailOn(findings);
    const hasBreaking = judged.length < findings.length;
    if (fails(countBySeverity(judged), failOn) || (breakingChangesFail && hasBreaking)) return '❌';
    return hasBreaking ? '⚠️' : '✅';
  };
}

/**
 * A row per connector, then one per connector deleted (its deletion decides its status, as for any
 * breaking change), then one per configuration file the change loosened. Against a base, a column
 * counts the findings new since it, as the headline does for the run: a reviewer of a change to
 * several legacy connectors sees which one it made worse.
 */
function writeStatusTable(
  budget: SummaryBudget,
  validated: readonly ConnectorResult[],
  deleted: readonly DeletedConnectorReport[],
  configuration: readonly ConfigurationReport[],
  againstBase: boolean,
  status: (findings: readonly Finding[]) => string,
  shown: (file: string) => string,
  omitted: { connectors: number },
): void {
  const connectors = [
    ...validated.map(({ path, profile, findings }) => ({ name: shown(path), profile, findings })),
    // No profile was resolved for a folder that is gone.
    ...deleted.map(({ path, findings }) => ({ name: `${shown(path)} (deleted)`, profile: '—', findings })),
    // What the change loosened in the configuration file: a row of its own, for a reviewer who reads only this table.
    ...configuration.map(({ path, findings }) => ({
      name: `${shown(path)} (configuration)`,
      profile: '—',
      findings,
    })),
  ];
  if (connectors.length === 0) return;
  const newColumn = againstBase ? ['New since the base'] : [];
  budget.add(
    tableRow(['Connector', 'Profile', 'Errors', 'Warnings', 'Info', ...newColumn, 'Status']),
    tableRow(['---', '---', '---:', '---:', '---:', ...newColumn.map(() => '---:'), ':---:']),
  );
  for (const [index, connector] of connectors.entries()) {
    const counts = countBySeverity(connector.findings);
    const fresh = connector.findings.filter((finding) => finding.baseline !== 'existing').length;
    const row = tableRow([
      escapeMarkdown(connector.name),
      connector.profile,
      String(counts.error),
      String(counts.warning),
      String(counts.info),
      ...(againstBase ? [String(fresh)] : []),
      status(connector.findings),
    ]);
    if (!budget.add(row)) {
      omitted.connectors += connectors.length - index;
      return;
    }
  }
  budget.add('');
}

function writeChanges(
  budget: SummaryBudget,
  changeSets: readonly ConnectorChanges[],
  shown: (file: string) => string,
  docs: string,
  omitted: { changes: number },
): void {
  budget.add('### Changes against the base branch', '');
  // Not "no connector changed": a pull request that only adds an intro.md changes its folder, and
  // the connector is checked, but the comparison reads none of that.
  if (changeSets.length === 0)
    budget.add(
      "No checked connector's swagger, apiProperties.json, readme, script or icon differs from the base.",
      '',
    );
  for (const set of changeSets) {
    const breaking = set.changes.filter((change) => change.breaking).length;
    budget.add(
      `**${escapeMarkdown(shown(set.connector))}**` +
        (set.renamedFrom ? ` (renamed from ${escapeMarkdown(set.renamedFrom)})` : '') +
        (set.deleted ? ' (deleted)' : '') +
        // A reviewer must not read a new connector as one the pull request left alone.
        (set.added
          ? ' (new): no version at the base to compare with'
          : `: ${escapeMarkdown(set.classification)}`) +
        (set.changes.length === 0
          ? ''
          : ` (${breaking} breaking, ${set.changes.length - breaking} non-breaking)`),
      '',
    );
    // Breaking changes first: they are what the reviewer has to decide on.
    const ordered = [...set.changes].sort((a, b) => Number(b.breaking) - Number(a.breaking));
    for (const [index, change] of ordered.entries()) {
      if (!budget.add(changeLine(change, shown, docs))) {
        omitted.changes += ordered.length - index;
        break;
      }
    }
    if (ordered.length > 0) budget.add('');
  }
}

function changeLine(change: ConnectorChange, shown: (file: string) => string, docs: string): string {
  const kind = change.breaking ? '💥 **breaking**' : '➕ non-breaking';
  const operation = change.operationId ? ` ${inlineCode(change.operationId)}` : '';
  const where = change.file
    ? ` (${escapeMarkdown(shown(change.file))}${change.line !== undefined ? `:${change.line}` : ''})`
    : '';
  // Linked like the findings' rules: the reference says what the change breaks and what to do instead.
  const rule = `[${inlineCode(change.ruleId)}](${ruleDocUrl(change.ruleId, docs)})`;
  return `- ${kind} ${rule}${operation}: ${escapeMarkdown(change.message)}${where}`;
}

interface RuleGroup {
  ruleId: string;
  findings: Finding[];
  worst: Severity;
}

function writeFindingsByRule(
  budget: SummaryBudget,
  findings: readonly Finding[],
  options: JobSummaryOptions,
  shown: (file: string) => string,
  omitted: { findings: number },
): void {
  if (findings.length === 0) return;
  const titles = new Map([
    // The breaking-change check's rules (BRK-*, CHG-* of validate --base) are titled by their message,
    // as the rule reference's table and code scanning show them.
    ...ALL_CHANGE_RULES.map((rule) => [rule.id, rule.message] as const),
    ...(options.rules ?? ALL_RULES).map((rule) => [rule.id, rule.title] as const),
  ]);
  const docs = options.rulesDocUrl ?? DEFAULT_RULES_DOC_URL;
  budget.add('### Findings by rule', '');
  const groups = groupByRule(findings);
  for (const [index, group] of groups.entries()) {
    const title = titles.get(group.ruleId);
    const heading =
      `#### [${group.ruleId}](${ruleDocUrl(group.ruleId, docs)})` +
      (title ? `: ${escapeMarkdown(title)}` : '') +
      ` (${countWords(countBySeverity(group.findings), true)})`;
    if (!budget.add(heading, '')) {
      omitted.findings += groups.slice(index).reduce((sum, rest) => sum + rest.findings.length, 0);
      return;
    }
    for (const [position, finding] of group.findings.entries()) {
      if (!budget.add(findingLine(finding, options.sourceUrl, shown))) {
        omitted.findings += group.findings.length - position;
        omitted.findings += groups.slice(index + 1).reduce((sum, rest) => sum + rest.findings.length, 0);
        return;
      }
    }
    budget.add('');
  }
}

function findingLine(
  finding: Finding,
  sourceUrl: JobSummaryOptions['sourceUrl'],
  shown: (file: string) => string,
): string {
  const text = escapeMarkdown(`${shown(finding.file)}:${finding.line}:${finding.column}`);
  const url = sourceUrl?.(finding.file, finding.line);
  const where = url ? `[${text}](${url})` : text;
  const existing = finding.baseline === 'existing' ? ' _(existing)_' : '';
  return `- ${finding.severity} ${where}: ${escapeMarkdown(finding.message)}${existing}`;
}

/** Groups by rule; the worst and most frequent rules first. */
function groupByRule(findings: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const finding of findings) {
    let group = groups.get(finding.ruleId);
    if (!group) {
      group = { ruleId: finding.ruleId, findings: [], worst: finding.severity };
      groups.set(finding.ruleId, group);
    }
    group.findings.push(finding);
    if (SEVERITY_ORDER.indexOf(finding.severity) < SEVERITY_ORDER.indexOf(group.worst))
      group.worst = finding.severity;
  }
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.worst) - SEVERITY_ORDER.indexOf(b.worst) ||
      b.findings.length - a.findings.length ||
      compareText(a.ruleId, b.ruleId),
  );
}

function fails(counts: SeverityCounts, failOn: JobSummaryOptions['failOn']): boolean {
  return counts.error > 0 || (failOn === 'warning' && counts.warning > 0);
}

/** `2 errors, 1 warning, 0 info`; with `skipZero`, only the non-zero counts. */
function countWords(counts: SeverityCounts, skipZero = false): string {
  const words = [
    [counts.error, counts.error === 1 ? 'error' : 'errors'],
    [counts.warning, counts.warning === 1 ? 'warning' : 'warnings'],
    [counts.info, 'info'],
  ] as const;
  return words
    .filter(([count]) => !skipZero || count > 0)
    .map(([count, word]) => `${count} ${word}`)
    .join(', ');
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
