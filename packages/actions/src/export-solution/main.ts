import * as core from '@actions/core';
import type { Logger } from '@connector-alm/core';
import { exportSolution } from '@connector-alm/dataverse';
import { reportedPath } from '../runtime/reported-path.js';
import { requireWritableOutput, workspaceFolder } from '../runtime/workspace-path.js';
import { connectFromInputs } from '../dataverse-connection/connect.js';
import { readExportSolutionInputs } from './inputs.js';
import { htmlText } from '@connector-alm/validator';
import { writeJobSummary } from '../runtime/job-summary.js';

/** export-solution: exports one solution to a zip and says where, which version, and whether it changed. */
export async function exportSolutionAction(logger: Logger): Promise<void> {
  const inputs = readExportSolutionInputs();
  // Before signing in: a zip that may not be written there is refused without a wait for the export.
  // A folder is checked as one; the zip named in it once the solution is found, before the export.
  const { output } = inputs;
  const requireWritable = (absolute: string, kind: 'file' | 'folder') =>
    requireWritableOutput('solution-output-file', inputs.outputFileInput, absolute, kind);
  if ('file' in output) await requireWritable(output.file, 'file');
  else await requireWritable(output.folder, 'folder');
  const client = connectFromInputs(inputs.connection, logger);
  const result = await exportSolution(
    client,
    {
      solutionName: inputs.solutionName,
      ...('file' in output
        ? { outputFile: output.file }
        : { outputFolder: output.folder, checkOutput: (file: string) => requireWritable(file, 'file') }),
      // As the other actions name what they wrote; the output stays absolute, as it always was.
      show: (file) => reportedPath(workspaceFolder(), file),
      managed: inputs.managed,
      asynchronous: inputs.asynchronous,
      maxAsyncWaitMs: inputs.maxAsyncWaitMinutes * 60_000,
      publish: inputs.publish,
      settings: inputs.settings,
    },
    logger,
  );
  core.setOutput('solution-file', result.file);
  core.setOutput('solution-version', result.version);
  core.setOutput('changed', String(result.changed));
  await writeJobSummary(
    core.summary
      .addHeading(htmlText(`Exported ${result.solutionName} ${result.version}`), 3)
      .addRaw(
        `${result.managed ? 'Managed' : 'Unmanaged'}, ${result.bytes} bytes, ${result.changed ? 'changed since the last export' : 'unchanged'}.`,
        true,
      ),
  );
}
