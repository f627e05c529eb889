import { countBySeverity, type ValidationResult } from '../validate.js';

/** Keeps only the findings the branch introduced (`validate --only-new`). */
export function onlyNewFindings<T extends ValidationResult>(result: T): T {
  const connectors = result.connectors.map((connector) => ({
    ...connector,
    findings: connector.findings.filter((finding) => finding.baseline !== 'existing'),
  }));
  const findings = result.findings.filter((finding) => finding.baseline !== 'existing');
  return { ...result, connectors, findings, counts: countBySeverity(findings) };
}
