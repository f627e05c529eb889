import { locatedFinding, type Finding } from '../../src/model/finding.js';
import { countBySeverity, type ValidationResult } from '../../src/validate.js';

const CONNECTOR = 'certified-connectors/Tasks';

/** A finding of `ruleId` on the swagger of certified-connectors/Tasks: where it is does not matter. */
export function tasksFinding(ruleId: string, severity: Finding['severity']): Finding {
  return locatedFinding({
    ruleId,
    severity,
    message: 'm',
    file: `${CONNECTOR}/apiDefinition.swagger.json`,
    line: 1,
    column: 1,
    connector: CONNECTOR,
  });
}

/** The result of validating certified-connectors/Tasks alone, with these findings. */
export function tasksResult(findings: Finding[]): ValidationResult {
  return {
    connectors: [{ path: CONNECTOR, name: 'Tasks', profile: 'certified', findings }],
    findings,
    counts: countBySeverity(findings),
  };
}
