import type { Finding } from '../model/finding.js';
import { comparedWithBase } from '../git/base-validation.js';
import type { ValidationResult } from '../validate.js';

/** A connector of the base that the branch deleted, with its findings (its deletion, as the run keeps it). */
export interface DeletedConnectorReport {
  /** Where the folder was, as reachable from the working directory. */
  path: string;
  findings: readonly Finding[];
}

/**
 * The connectors that a comparison with a base found deleted: in no ConnectorResult, since nothing
 * of them was left to validate, so the reports that list connectors list them after the others.
 */
export function deletedConnectors(result: ValidationResult): DeletedConnectorReport[] {
  if (!comparedWithBase(result)) return [];
  return result.diffs
    .filter((entry) => entry.status === 'deleted')
    .map((entry) => ({
      path: entry.path,
      findings: result.findings.filter((finding) => finding.connector === entry.path),
    }));
}
