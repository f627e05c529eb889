import * as core from '@actions/core';
import type { Logger } from '@connector-alm/core';
import { validatePaths, type Finding } from '@connector-alm/validator';
import { readValidateConnectorInputs } from './inputs.js';

/** validate-connector: reads inputs, validates, and writes annotations, the job summary and outputs. */
export async function validateConnectorAction(logger: Logger): Promise<void> {
  const inputs = readValidateConnectorInputs();
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const paths = inputs.paths.length > 0 ? inputs.paths : ['.'];

  const result = await logger.group('Validate connectors', () =>
    validatePaths(paths, { cwd: workspace, profile: inputs.profile === 'auto' ? undefined : inputs.profile }),
  );
  for (const finding of result.findings) annotate(finding);

  core.setOutput('errors', result.counts.error);
  core.setOutput('warnings', result.counts.warning);
  core.setOutput('notices', result.counts.info);
  core.setOutput('connectors', JSON.stringify(result.connectors.map((c) => c.path)));
  const failed =
    inputs.failOn === 'never'
      ? false
      : inputs.failOn === 'warning'
        ? result.counts.error + result.counts.warning > 0
        : result.counts.error > 0;
  core.setOutput('result', failed ? 'failure' : 'success');
  if (failed)
    core.setFailed(
      `${result.counts.error} errors and ${result.counts.warning} warnings in ${result.connectors.length} connectors.`,
    );
}

function annotate(finding: Finding): void {
  const properties = {
    file: finding.file,
    startLine: finding.line,
    startColumn: finding.column,
    title: finding.ruleId,
  };
  if (finding.severity === 'error') core.error(finding.message, properties);
  else if (finding.severity === 'warning') core.warning(finding.message, properties);
  else core.notice(finding.message, properties);
}
