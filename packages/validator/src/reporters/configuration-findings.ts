import type { Finding } from '../model/finding.js';
import { CONFIG_LOOSENED_RULE_ID } from '../repository/rules/configuration-rules.js';
import type { ValidationResult } from '../validate.js';

/** A configuration file that a comparison with the base found loosened, with those findings. */
export interface ConfigurationReport {
  /** The file, as reachable from the working directory (where it was, for a file the change deleted). */
  path: string;
  findings: readonly Finding[];
}

/**
 * The configuration files the change loosened: their findings belong to no connector that was
 * validated, so the reports that list connectors list them after the others, under the file's name.
 */
export function configurationReports(result: ValidationResult): ConfigurationReport[] {
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    if (finding.ruleId !== CONFIG_LOOSENED_RULE_ID) continue;
    byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  }
  return [...byFile].map(([path, findings]) => ({ path, findings }));
}
