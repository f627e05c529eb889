import type { Finding, Profile } from '../model/finding.js';
import { countBySeverity, type SeverityCounts, type ValidationResult } from '../validate.js';

/**
 * One finding in the JSON output: the Finding, whose shape is that contract, with its keys in the
 * order toJsonFinding writes them and optional ones only when known.
 */
export type JsonFinding = Finding;

export interface JsonConnector {
  path: string;
  name: string;
  profile: Profile;
  counts: SeverityCounts;
}

/** The JSON output's contract (issue 3): `findings`, then the connectors checked, then the totals. */
export interface JsonReport {
  findings: JsonFinding[];
  connectors: JsonConnector[];
  counts: SeverityCounts;
}

export function toJsonReport(result: ValidationResult): JsonReport {
  return {
    findings: result.findings.map(toJsonFinding),
    connectors: result.connectors.map((connector) => ({
      path: connector.path,
      name: connector.name,
      profile: connector.profile,
      counts: countBySeverity(connector.findings),
    })),
    counts: { error: result.counts.error, warning: result.counts.warning, info: result.counts.info },
  };
}

/** The report as pretty-printed JSON with a final newline. */
export function formatJson(result: ValidationResult): string {
  return JSON.stringify(toJsonReport(result), null, 2) + '\n';
}

/** Builds the object key by key, so the order stays the same whatever order the finding was built in. */
function toJsonFinding(finding: Finding): JsonFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    ...ifDefined('pointer', finding.pointer),
    line: finding.line,
    column: finding.column,
    ...ifDefined('endLine', finding.endLine),
    ...ifDefined('endColumn', finding.endColumn),
    connector: finding.connector,
    ...ifDefined('msCode', finding.msCode),
    ...ifDefined('baseline', finding.baseline),
  };
}

/** `{key: value}` when the value is defined, else nothing: keeps absent keys out of the output. */
function ifDefined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
