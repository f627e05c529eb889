import type { Finding } from '../model/finding.js';
import { CONFIGURATION_RULE_IDS } from '../repository/rules/configuration-rules.js';
import type { ValidationResult } from '../validate.js';

/** A configuration file with findings of its own (loosened since the base, a pattern that matches nothing). */
export interface ConfigurationReport {
  /** The file, as reachable from the working directory (where it was, for a file the change deleted). */
  path: string;
  findings: readonly Finding[];
}

/**
 * The configuration files with findings: those belong to no connector that was validated, so the
 * reports that list connectors list them after the others, under the file's name.
 */
export function configurationReports(result: ValidationResult): ConfigurationReport[] {
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    if (!CONFIGURATION_RULE_IDS.has(finding.ruleId)) continue;
    byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  }
  return [...byFile].map(([path, findings]) => ({ path, findings }));
}
