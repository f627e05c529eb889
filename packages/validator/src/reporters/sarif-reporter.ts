import { gzipSync } from 'node:zlib';
import type { Log, Run } from 'sarif';
import type { Finding, Profile } from '../model/finding.js';
import { ALL_RULES } from '../rules/index.js';
import { comparedWithBase } from '../git/base-validation.js';
import type { ValidationResult } from '../validate.js';
import { artifactUri, repositoryPath, type PathBase } from './artifact-path.js';
import { fingerprints } from './fingerprint.js';
import { GITHUB_SARIF_LIMITS, countLeftOut, indexesByImportance, type SarifLimits } from './sarif-limits.js';
import type { RuleDescriptor } from './rule-descriptor.js';
import {
  DEFAULT_INFORMATION_URI,
  DEFAULT_RULES_DOC_URL,
  DEFAULT_TOOL_VERSION,
  TOOL_NAME,
} from './tool-info.js';
import { leftOutNotification, leftOutProperty, type SarifLeftOut } from './sarif-left-out.js';
import { describedRules, toReportingDescriptor } from './sarif-rule-descriptors.js';
import { toResult } from './sarif-results.js';
import { ignoredFolderNotification } from './sarif-ignored-folders.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions extends PathBase {
  /**
   * The rules that findings may name (default: every validation rule). Only those with a result are
   * described; a finding's rule that is not listed gets a stub.
   */
  rules?: readonly RuleDescriptor[];
  toolVersion?: string;
  informationUri?: string;
  /** The rule reference page as a web address; each rule's helpUri is this plus `#<anchor>`. */
  rulesDocUrl?: string;
  /** The profile whose levels become the rules' default levels (default: the connectors' one, if they share it). */
  profile?: Profile;
  /** What code scanning takes (default: GitHub's documented limits); tests lower them. */
  limits?: Partial<SarifLimits>;
}

/** A SARIF report as written: the log, its text, and what it left out to fit code scanning's limits. */
export interface SarifReport {
  log: Log;
  text: string;
  /** Set when the report holds fewer results than there are findings. */
  leftOut?: SarifLeftOut;
}

/**
 * A SARIF 2.1.0 log with one run, ready for code scanning: every finding a result on a
 * repository-relative file, with fingerprints that do not depend on line numbers, and every rule that
 * has a result described once (see runBuilder). When there are more findings than code scanning
 * takes, the most severe are kept (see sarifReport).
 */
export function toSarif(result: ValidationResult, options: SarifOptions = {}): Log {
  return sarifReport(result, options).log;
}

/** The SARIF log as pretty-printed JSON with a final newline. */
export function formatSarif(result: ValidationResult, options: SarifOptions = {}): string {
  return sarifReport(result, options).text;
}

/**
 * The SARIF report, within code scanning's limits (see sarif-limits.ts): at most `limits.results`
 * results, and a file whose gzip fits `limits.gzipBytes`. A report that would pass a limit keeps the
 * most important findings (indexesByImportance), in report order, and says in the run how many it
 * left out; the caller says it to the user too. Fingerprints are those of the whole report, so that
 * a kept result keeps its alert whatever was left out beside it.
 */
export function sarifReport(result: ValidationResult, options: SarifOptions = {}): SarifReport {
  const limits = { ...GITHUB_SARIF_LIMITS, ...options.limits };
  const runOf = runBuilder(result, options);
  const byImportance = indexesByImportance(result.findings);
  const build = (count: number, reason: 'results' | 'size', limit: number): SarifReport => {
    if (count >= result.findings.length) {
      const log = logOf(runOf(result.findings.map((_, index) => index)));
      return { log, text: textOf(log) };
    }
    const keptIndexes = byImportance.slice(0, count).sort((a, b) => a - b);
    const leftOut = { ...countLeftOut(result.findings, new Set(keptIndexes)), reason, limit };
    const log = logOf(runOf(keptIndexes, leftOut));
    return { log, text: textOf(log), leftOut };
  };

  const report = build(limits.results, 'results', limits.results);
  if (fitsSize(report.text, limits.gzipBytes)) return report;
  // Too large even so: the most results whose file fits, found by halving. Each try is built,
  // serialised and gzipped once, and the largest that fit is the report: not built again.
  let fitting: SarifReport | undefined;
  let fits = 0;
  let tooMany = report.log.runs[0]!.results!.length;
  while (tooMany - fits > 1) {
    const middle = Math.floor((fits + tooMany) / 2);
    const candidate = build(middle, 'size', limits.gzipBytes);
    if (fitsSize(candidate.text, limits.gzipBytes)) {
      fitting = candidate;
      fits = middle;
    } else {
      tooMany = middle;
    }
  }
  return fitting ?? build(0, 'size', limits.gzipBytes);
}

/** Whether the file's gzip fits; a text no larger than the limit fits without being compressed. */
function fitsSize(text: string, gzipBytes: number): boolean {
  return Buffer.byteLength(text) <= gzipBytes || gzipSync(text).length <= gzipBytes;
}

function logOf(run: Run): Log {
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

function textOf(log: Log): string {
  return JSON.stringify(log, null, 2) + '\n';
}

/**
 * Builds the run for the findings of the given indexes; what is the same for every choice is made once.
 *
 * The run describes only the rules its results name, in catalog order, as ESLint's SARIF formatter
 * (the one GitHub's ESLint code scanning workflow uploads) does. Code scanning reads a rule's
 * description only to show its alerts, and an alert is fixed by the first analysis of the same tool
 * and category that does not detect it (the alert's `fixed_at`), whatever rules that analysis lists.
 * The whole catalog (over 200 rules with help and examples) made every upload some 480 KB, even one
 * with no result; the rule reference (`connector-alm rules`, docs/rules.md) describes every rule.
 */
function runBuilder(result: ValidationResult, options: SarifOptions) {
  const profile = options.profile ?? sharedProfile(result) ?? 'certified';
  const rulesDocUrl = options.rulesDocUrl ?? DEFAULT_RULES_DOC_URL;
  const named = new Set(result.findings.map((finding) => finding.ruleId));
  const described = describedRules(options.rules ?? ALL_RULES, result.findings)
    .filter((rule) => named.has(rule.id))
    .map((rule) => toReportingDescriptor(rule, profile, rulesDocUrl));
  const uriOf = (finding: Finding) => artifactUri(finding.file, options);
  const prints = fingerprints(result.findings, (file) => artifactUri(file, options).uri);
  const ignoredNotifications = (result.ignored ?? []).map((ignored) =>
    ignoredFolderNotification(ignored, options),
  );

  return (indexes: readonly number[], leftOut?: SarifReport['leftOut']): Run => {
    // A report cut short names fewer rules than the findings do: its own, so that no rule is
    // described without an alert, and each result's ruleIndex is its rule's place in this run.
    const kept = new Set(indexes.map((index) => result.findings[index]!.ruleId));
    const rules = described.filter((rule) => kept.has(rule.id));
    const indexById = new Map(rules.map((rule, index) => [rule.id, index]));
    const notifications = [...(leftOut ? [leftOutNotification(leftOut)] : []), ...ignoredNotifications];
    const properties = {
      // The base the results' baselineState was judged against. Not versionControlProvenance,
      // which needs the repository's address, which a local run may not have.
      ...(comparedWithBase(result) && { base: { ref: result.baseRef, mergeBase: result.mergeBase } }),
      ...(leftOut && { resultsLeftOut: leftOutProperty(leftOut) }),
    };
    return {
      tool: {
        driver: {
          name: TOOL_NAME,
          version: options.toolVersion ?? DEFAULT_TOOL_VERSION,
          informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
          rules,
        },
      },
      // No automationDetails: upload-sarif fills it from its category input, or from the workflow,
      // job and matrix values, only when the run has none (codeql-action's populateRunAutomationDetails).
      // An id of ours would override both and let two uploads close each other's alerts.
      ...(notifications.length > 0 && {
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      }),
      columnKind: 'utf16CodeUnits',
      results: indexes.map((index) => {
        const finding = result.findings[index]!;
        return toResult(
          finding,
          indexById.get(finding.ruleId)!,
          uriOf(finding),
          repositoryPath(finding.connector, options) ?? finding.connector,
          prints[index]!,
        );
      }),
      ...(Object.keys(properties).length > 0 && { properties }),
    };
  };
}

function sharedProfile(result: ValidationResult): Profile | undefined {
  const profiles = new Set(result.connectors.map((connector) => connector.profile));
  return profiles.size === 1 ? [...profiles][0] : undefined;
}
