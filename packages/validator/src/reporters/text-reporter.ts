import { styleText } from 'node:util';
import { plural, printable } from '@connector-alm/core';
import type { Finding, Severity } from '../model/finding.js';
import { comparedWithBase } from '../git/base-validation.js';
import { judgeRun, reachesFailOn, type FailOn } from '../thresholds.js';
import { newSinceBaseNote } from './baseline-note.js';
import { existingFailuresNote } from './existing-failures.js';
import { configurationReports, type ConfigurationReport } from './configuration-findings.js';
import { deletedConnectors, type DeletedConnectorReport } from './deleted-connectors.js';
import { countBySeverity, type SeverityCounts, type ValidationResult } from '../validate.js';
import type { ConnectorResult } from '../connector-result.js';
import { breaksAsSpaces } from './one-line.js';
import { baseComparisonLine } from './base-comparison-line.js';
import { ruleTally } from './text-rule-tally.js';
import { fixableSentence } from './fixable-findings.js';

export interface TextReportOptions {
  /** ANSI colours; the caller decides (a TTY, no NO_COLOR), so output to a pipe or file stays plain. */
  color?: boolean;
  /**
   * validate's --fail-on-breaking (default false): after a comparison with a base that found breaking
   * changes, a last line says whether they fail validation or are left to reviewers.
   */
  breakingChangesFail?: boolean;
  /**
   * validate --quiet, with its --fail-on level: only the findings at or above it are listed, and only
   * the blocks that list some. Headers and the count line still count every finding, and a last line
   * says what was left out, so that a maker sees what fails the check without losing the rest.
   */
  quiet?: Exclude<FailOn, 'never'>;
  /**
   * validate's --fail-on: when findings the base already had are among those that fail the run, a
   * line after the count says how many, and that --only-new would leave them out.
   */
  failOn?: FailOn;
  /**
   * The options of the run that the command a changed connector's comparison line suggests repeats, as
   * words of the command line (validate's `--config <file>`, `--profile <profile>`).
   */
  runOptions?: readonly string[];
}

type Style = Parameters<typeof styleText>[0];

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

/**
 * One line per finding, `file:line:col severity rule-id message`, so editors and problem matchers can
 * jump to it; findings are grouped under a one-line header per connector, and a count line ends it,
 * with its notes and, when findings are listed, how to look their rules up. Before the count line, a
 * run of many findings has their tally by rule (not under --quiet, which lists only what fails).
 */
export function formatText(result: ValidationResult, options: TextReportOptions = {}): string {
  const paint = painter(options.color ?? false);
  const { quiet } = options;
  const listed: Listed =
    quiet === undefined ? undefined : (finding) => reachesFailOn(finding.severity, quiet);
  const deleted = deletedConnectors(result);
  const blocks = [
    // Under --quiet, which lists only what fails the check, the comparison's line is left out too.
    ...result.connectors.map((connector) =>
      formatConnector(
        connector,
        listed,
        paint,
        quiet === undefined ? baseComparisonLine(result, connector.path, options.runOptions) : undefined,
      ),
    ),
    ...deleted.map((connector) => formatDeletedConnector(connector, listed, paint)),
    ...configurationReports(result).map((file) => formatConfigurationFile(file, listed, paint)),
    quiet === undefined
      ? ruleTally(result.findings, (style, text) =>
          paint(style === 'bold' ? 'bold' : SEVERITY_STYLE[style], text),
        )
      : undefined,
  ].filter((block) => block !== undefined);
  const connectors =
    plural(result.connectors.length, 'connector') +
    (deleted.length > 0 ? ` and ${plural(deleted.length, 'deleted connector')}` : '');
  const total = result.findings.length;
  const last =
    total === 0
      ? paint('green', `No problems in ${connectors}${newSinceBaseNote(result)}.`)
      : paint(
          worstStyle(result.counts),
          `${plural(total, 'problem')} (${summaryLine(result.counts)}) in ${connectors}${newSinceBaseNote(result)}.`,
        );
  const existing =
    options.failOn === undefined
      ? undefined
      : existingFailuresNote(result.findings, options.failOn, '--only-new');
  const breaking = breakingChangesLine(result, options.breakingChangesFail ?? false, paint);
  const leftOut = quiet === undefined ? undefined : leftOutLine(result.findings, quiet);
  // Of the findings listed: under --quiet, those that fail the run.
  const fixable = fixableSentence(listed === undefined ? result.findings : result.findings.filter(listed));
  const lookUp = listsFindings(result.findings, listed) ? LOOK_UP_RULE_LINE : undefined;
  const end = [last, existing, breaking, leftOut, fixable, lookUp]
    .filter((line) => line !== undefined)
    .join('\n');
  return [...blocks, end].join('\n\n') + '\n';
}

/**
 * The report's last line when it lists findings: a finding line names its rule and says what is
 * wrong, but not why the rule exists or how a good connector reads, which `rules <id>` prints. A
 * maker new to the tool would not know that command is there; the line keeps the finding lines' own
 * format (`file:line:col severity rule-id message`) free of links.
 */
const LOOK_UP_RULE_LINE = 'Run connector-alm rules <rule-id> for what a rule checks and how to fix it.';

function listsFindings(findings: readonly Finding[], listed: Listed): boolean {
  return listed === undefined ? findings.length > 0 : findings.some(listed);
}

/**
 * Under --quiet, what the report did not list and how to see it, or undefined when it listed every
 * finding. The findings left out are below the --fail-on level, so they are warnings or info.
 */
function leftOutLine(findings: readonly Finding[], quiet: Exclude<FailOn, 'never'>): string | undefined {
  const below = countBySeverity(findings.filter((finding) => !reachesFailOn(finding.severity, quiet)));
  const words = [
    ...(below.warning > 0 ? [plural(below.warning, 'warning')] : []),
    ...(below.info > 0 ? [`${below.info} info`] : []),
  ];
  if (words.length === 0) return undefined;
  return `--quiet left out ${words.join(' and ')}, below --fail-on ${quiet}; run without --quiet to list them.`;
}

/**
 * Says how the breaking changes against the base were judged, when there are some: their findings
 * are errors in the count above, yet --fail-on leaves them to --fail-on-breaking, so without this
 * line a run that exits 0 with errors (or 1 with none besides them) would read as a contradiction.
 */
function breakingChangesLine(
  result: ValidationResult,
  breakingChangesFail: boolean,
  paint: Painter,
): string | undefined {
  // The failOn level does not matter here: breaking changes are counted apart from it.
  const { breaking } = judgeRun(result, 'never', breakingChangesFail);
  if (breaking === 0) return undefined;
  const one = breaking === 1;
  const changes = `${plural(breaking, 'breaking change')} against ${comparedWithBase(result) ? printable(result.baseRef) : 'the base'}${reportedByOtherRules(result, one)}`;
  return breakingChangesFail
    ? paint('red', `${changes} ${one ? 'fails' : 'fail'} validation (--fail-on-breaking).`)
    : paint(
        'yellow',
        `${changes} ${one ? 'is' : 'are'} left to reviewers: --fail-on-breaking would fail on ${one ? 'it' : 'them'}.`,
      );
}

/**
 * Which rules' findings report breaking changes that are no BRK-* finding of their own (a deleted
 * apiProperties.json is REPO-REQUIRED-FILES's), as ` (1 reported as RULE)`: the count of breaking
 * changes is then more than the BRK-* findings listed, and the reader must find the rest.
 */
function reportedByOtherRules(result: ValidationResult, one: boolean): string {
  if (!comparedWithBase(result)) return '';
  const byRule = new Map<string, number>();
  for (const entry of result.diffs) {
    for (const [change, finding] of entry.reportedAs ?? []) {
      if (change.breaking && finding.ruleId !== change.ruleId)
        byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
    }
  }
  if (byRule.size === 0) return '';
  const parts = [...byRule].map(([ruleId, count]) => `${one ? '' : `${count} `}reported as ${ruleId}`);
  return ` (${parts.join(', ')})`;
}

/** The counts in a few words: `2 errors, 1 warning, 0 info`. */
export function summaryLine(counts: SeverityCounts): string {
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`;
}

/**
 * One finding as one line (line breaks in the message become spaces). Paths and messages carry text
 * of the connector's files and folder names, so their control characters show as escapes: an escape
 * sequence in a swagger title must not clear the terminal, recolour a line or hide a link.
 */
export function formatFindingLine(finding: Finding, options: TextReportOptions = {}): string {
  const paint = painter(options.color ?? false);
  const message = printable(breaksAsSpaces(finding.message));
  const baseline = finding.baseline === 'existing' ? paint('dim', ' (existing)') : '';
  return (
    `${printable(finding.file)}:${finding.line}:${finding.column} ` +
    `${paint(SEVERITY_STYLE[finding.severity], finding.severity)} ` +
    `${paint('gray', finding.ruleId)} ${message}${baseline}`
  );
}

/** Which findings a block lists under --quiet (those at or above --fail-on); undefined lists all. */
type Listed = ((finding: Finding) => boolean) | undefined;

/** A connector's block; `comparison`, under its header, says what the comparison with the base found. */
function formatConnector(
  connector: ConnectorResult,
  listed: Listed,
  paint: Painter,
  comparison: string | undefined,
): string | undefined {
  const counts = countBySeverity(connector.findings);
  const status = connector.findings.length === 0 ? 'no problems' : summaryLine(counts);
  return block(
    `${printable(connector.path)} [${connector.profile}]: ${status}`,
    connector.findings,
    listed,
    paint,
    comparison,
  );
}

/** A deleted connector's block: no profile was resolved for it, so its header says what became of it. */
function formatDeletedConnector(
  connector: DeletedConnectorReport,
  listed: Listed,
  paint: Painter,
): string | undefined {
  const header = `${printable(connector.path)} [deleted]: ${summaryLine(countBySeverity(connector.findings))}`;
  return block(header, connector.findings, listed, paint);
}

/** A loosened configuration file's block: its findings belong to no connector. */
function formatConfigurationFile(
  file: ConfigurationReport,
  listed: Listed,
  paint: Painter,
): string | undefined {
  const header = `${printable(file.path)} [configuration]: ${summaryLine(countBySeverity(file.findings))}`;
  return block(header, file.findings, listed, paint);
}

/**
 * A header (counting every finding) and the findings it lists. Under --quiet, no block when it lists
 * none: the blocks of connectors that pass would stand between the maker and the failures.
 */
function block(
  header: string,
  findings: readonly Finding[],
  listed: Listed,
  paint: Painter,
  note?: string,
): string | undefined {
  const shown = listed === undefined ? findings : findings.filter(listed);
  if (listed !== undefined && shown.length === 0) return undefined;
  const lines = shown.map((finding) => formatFindingLine(finding, { color: paint.enabled }));
  return [paint('bold', header), ...(note === undefined ? [] : [note]), ...lines].join('\n');
}

interface Painter {
  (style: Style, text: string): string;
  enabled: boolean;
}

function painter(enabled: boolean): Painter {
  // validateStream: false, because the caller has already decided; styleText would otherwise look at stdout.
  const paint = (style: Style, text: string) =>
    enabled ? styleText(style, text, { validateStream: false }) : text;
  return Object.assign(paint, { enabled });
}

function worstStyle(counts: SeverityCounts): Style {
  if (counts.error > 0) return SEVERITY_STYLE.error;
  if (counts.warning > 0) return SEVERITY_STYLE.warning;
  return SEVERITY_STYLE.info;
}
