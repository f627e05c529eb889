import type { IgnoredFolder } from '../config/ignored-folders.js';
import type { Finding, Profile } from '../model/finding.js';
import type { JsonFixReport } from '../fix/fix-folders.js';
import type { Classification } from '../diff/change.js';
import {
  comparedWithBase,
  type BaseValidationResult,
  type ConnectorChangeStatus,
} from '../git/base-validation.js';
import { countBySeverity, type SeverityCounts, type ValidationResult } from '../validate.js';
import { fixedInPart, fixedSinceBase } from '../git/fixed-findings.js';
import { toJsonChange, type JsonChange } from './json-change.js';
import { countNewSinceBase } from './baseline-note.js';

/**
 * One finding in the JSON output: the Finding, whose shape is that contract, with its keys in the
 * order toJsonFinding writes them and optional ones only when known; but for what matching uses
 * alone, which is never output (`identity` is derived from a secret; `matchedAs` repeats the message;
 * `unlisted` is what the message of the finding that counts a rule's unlisted ones says; `parts` and
 * `partsFixed` are what the message names).
 */
export type JsonFinding = Omit<
  Finding,
  'messageWithoutPlaces' | 'identity' | 'matchedAs' | 'parts' | 'partsFixed' | 'unlisted'
>;

export interface JsonConnector {
  path: string;
  name: string;
  profile: Profile;
  counts: SeverityCounts;
}

/** One connector validated against the base: how it changed since the merge base, and what changed. */
export interface JsonConnectorChanges {
  /** As in `connectors` (and each finding's `connector`). */
  path: string;
  /**
   * `unchanged` (no file changed since the merge base), `changed` (compared with it), `added`, or
   * `deleted` (a connector of the merge base that the branch deleted, not renamed: not in `connectors`).
   */
  status: ConnectorChangeStatus;
  /**
   * True for an `added` connector whose folder is at the merge base without a swagger: no connector
   * is made without one, so nothing of it was compared.
   */
  baseHadNoSwagger?: true;
  /** Where the folder was at the merge base, when the branch renamed it, from the repository's top level. */
  renamedFrom?: string;
  /** The certification classification of the changes; for `changed` (and `deleted`: breaking) connectors only. */
  classification?: Classification;
  /**
   * Every change against the base version, breaking or not, as `diff --format json` gives them;
   * empty for `unchanged` and `added` connectors, the deletion for `deleted` ones. The breaking ones
   * are findings (BRK-*) too.
   */
  changes: JsonChange[];
  /**
   * For `changed` connectors: the findings of the base version that no finding matches now, the
   * problems the change fixed, told where they were in the base version.
   */
  fixed?: JsonFixedFinding[];
}

/**
 * A finding the change fixed: as a finding, located in the base version (`file` is
 * `<merge base, 12 digits>:<repository path>`, line and column that file's), marked
 * `baseline: "fixed"` where a current finding has `new` or `existing`.
 */
export interface JsonFixedFinding {
  ruleId: string;
  severity: JsonFinding['severity'];
  message: string;
  file: string;
  pointer?: string;
  line: number;
  column: number;
  baseline: 'fixed';
}

/**
 * The comparison's totals: the findings new since the base, the base's findings now fixed, and the
 * findings fixed in part (still there with fewer of the parts their message names: the operations a
 * readme does not list).
 */
export interface JsonBaseCounts {
  new: number;
  fixed: number;
  fixedInPart: number;
}

/** What `validate --base` compared with: the ref as given, the merge base it resolved to, and the changes. */
export interface JsonBase {
  ref: string;
  /** The full commit id of the merge base of HEAD and `ref`. */
  mergeBase: string;
  /** How many findings are new since the base, and how many of the base's are fixed (its connectors' `fixed`). */
  counts: JsonBaseCounts;
  /** Every connector validated, in the order of `connectors`, then every connector deleted. */
  connectors: JsonConnectorChanges[];
}

/**
 * The JSON output's contract (issue 3): `findings`, then the connectors checked, then the totals.
 * With `validate --base`, then `base`; with `validate --fix`, then the files renamed (only when some
 * were), the files fixed and those left as they were (always both lists, empty or not): after the
 * contract's keys so that readers of those see the same output.
 */
export interface JsonReport {
  findings: JsonFinding[];
  connectors: JsonConnector[];
  counts: SeverityCounts;
  base?: JsonBase;
  renamed?: JsonFixReport['renamed'];
  fixed?: JsonFixReport['fixed'];
  notFixed?: JsonFixReport['notFixed'];
  /** The connector folders asked for that the configuration's `ignore` skipped; absent when none. */
  ignored?: IgnoredFolder[];
}

export function toJsonReport(result: ValidationResult, fixes?: JsonFixReport): JsonReport {
  const report: JsonReport = {
    findings: result.findings.map(toJsonFinding),
    connectors: result.connectors.map((connector) => ({
      path: connector.path,
      name: connector.name,
      profile: connector.profile,
      counts: countBySeverity(connector.findings),
    })),
    counts: { error: result.counts.error, warning: result.counts.warning, info: result.counts.info },
  };
  if (comparedWithBase(result)) report.base = toJsonBase(result);
  if (fixes) {
    // Only when a file was renamed: the contract's readers of `fixed` and `notFixed` see the same keys.
    if (fixes.renamed) report.renamed = fixes.renamed.map(({ file, to }) => ({ file, to }));
    report.fixed = fixes.fixed.map(({ file, slips, keys, values }) => ({ file, slips, keys, values }));
    report.notFixed = fixes.notFixed.map(({ file, reason }) => ({ file, reason }));
  }
  if (result.ignored) report.ignored = result.ignored.map((ignored) => ({ ...ignored }));
  return report;
}

function toJsonBase(result: BaseValidationResult): JsonBase {
  return {
    ref: result.baseRef,
    mergeBase: result.mergeBase,
    counts: {
      new: countNewSinceBase(result.findings),
      fixed: fixedSinceBase(result.diffs).length,
      fixedInPart: fixedInPart(result.findings),
    },
    connectors: result.diffs.map((entry) => ({
      path: entry.path,
      status: entry.status,
      ...ifDefined('baseHadNoSwagger', entry.baseHadNoSwagger),
      ...ifDefined('renamedFrom', entry.renamedFrom),
      ...ifDefined(
        'classification',
        entry.status === 'changed' || entry.status === 'deleted' ? entry.diff?.classification : undefined,
      ),
      changes: entry.diff?.changes.map(toJsonChange) ?? [],
      ...ifDefined('fixed', entry.status === 'changed' ? (entry.fixed ?? []).map(toJsonFixed) : undefined),
    })),
  };
}

/** The report as pretty-printed JSON with a final newline; `fixes` from `validate --fix`. */
export function formatJson(result: ValidationResult, fixes?: JsonFixReport): string {
  return JSON.stringify(toJsonReport(result, fixes), null, 2) + '\n';
}

function toJsonFixed(finding: Finding): JsonFixedFinding {
  return { ...locatedFinding(finding), baseline: 'fixed' };
}

/**
 * What every finding of the JSON output says, current or fixed: the rule, what it found and where.
 * Built key by key, so the order stays the same whatever order the finding was built in.
 */
function locatedFinding(
  finding: Finding,
): Pick<JsonFinding, 'ruleId' | 'severity' | 'message' | 'file' | 'pointer' | 'line' | 'column'> {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    ...ifDefined('pointer', finding.pointer),
    line: finding.line,
    column: finding.column,
  };
}

function toJsonFinding(finding: Finding): JsonFinding {
  return {
    ...locatedFinding(finding),
    ...ifDefined('endLine', finding.endLine),
    ...ifDefined('endColumn', finding.endColumn),
    ...ifDefined(
      'related',
      finding.related?.map(({ line, column }) => ({ line, column })),
    ),
    connector: finding.connector,
    ...ifDefined('msCode', finding.msCode),
    ...ifDefined('baseline', finding.baseline),
    ...ifDefined('fixable', finding.fixable),
  };
}

/** `{key: value}` when the value is defined, else nothing: keeps absent keys out of the output. */
function ifDefined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
