import * as core from '@actions/core';
import { UnreadablePathError, type Logger } from '@connector-alm/core';
import { importSolution, type ImportSolutionResult } from '@connector-alm/dataverse';
import { connectFromInputs } from '../dataverse-connection/connect.js';
import { readImportSolutionInputs } from './inputs.js';
import { inputReadRefusal } from '../runtime/read-refused-input.js';
import { htmlText } from '@connector-alm/validator';
import { writeJobSummary } from '../runtime/job-summary.js';

/** import-solution: imports one solution zip and reports the result as outputs and in the job summary. */
export async function importSolutionAction(logger: Logger): Promise<void> {
  const inputs = readImportSolutionInputs(logger);
  const client = connectFromInputs(inputs.connection, logger);
  const result = await importSolution(
    client,
    {
      file: inputs.solutionFile,
      asynchronous: inputs.asynchronous,
      maxAsyncWaitMs: inputs.maxAsyncWaitMinutes * 60_000,
      overwriteUnmanagedCustomizations: inputs.forceOverwrite,
      publishWorkflows: inputs.activatePlugins,
      convertToManaged: inputs.convertToManaged,
      skipDependencyCheck: inputs.skipDependencyCheck,
      holdingSolution: inputs.importAsHolding,
      stageAndUpgrade: inputs.stageAndUpgrade,
      skipLowerVersion: inputs.skipLowerVersion,
      publishChanges: inputs.publishChanges,
      deploymentSettings: inputs.deploymentSettings,
    },
    logger,
  ).catch((error: unknown) => {
    // The zip is the one file importSolution reads: a refusal to read it is the input's.
    throw error instanceof UnreadablePathError ? inputReadRefusal('solution-file', error) : error;
  });
  core.setOutput('result', result.result);
  core.setOutput('solution-name', result.solutionName);
  core.setOutput('solution-version', result.version);
  core.setOutput('import-job-id', result.importJobId ?? '');
  await writeJobSummary(
    core.summary
      .addHeading(
        htmlText(`${heading(result, inputs.stageAndUpgrade)} ${result.solutionName} ${result.version}`),
        3,
      )
      .addRaw(htmlText(`${result.managed ? 'Managed' : 'Unmanaged'}${outcome(result)}.`), true),
  );
}

/** What became of the solution; an upgrade said as one, as it deletes what the new version lacks. */
function heading(result: ImportSolutionResult, stageAndUpgrade: boolean): string {
  if (result.result === 'skipped') return 'Skipped';
  return stageAndUpgrade ? 'Imported and upgraded' : 'Imported';
}

/** After "Managed" or "Unmanaged": the import job, or why there was none. */
function outcome(result: ImportSolutionResult): string {
  if (result.importJobId) return `, import job ${result.importJobId}`;
  if (result.installedVersion)
    return `; not imported: the environment has ${result.installedVersion} (skip-lower-version)`;
  return '';
}
