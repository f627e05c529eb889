import path from 'node:path';
import * as core from '@actions/core';
import { inputWords, type Logger } from '@connector-alm/core';
import { packSolutionPackages, leftOutWarnings, type PackResult } from '@connector-alm/solution';
import { namingSolutionInputs } from '../runtime/solution-setting-inputs.js';
import { reportedPath } from '../runtime/reported-path.js';
import { requireWritableOutput, workspaceFolder } from '../runtime/workspace-path.js';
import { readPackSolutionInputs } from './inputs.js';
import { htmlText } from '@connector-alm/validator';
import { writeJobSummary } from '../runtime/job-summary.js';

/** pack-solution: an unpacked solution folder of the workspace into an importable zip (or two). */
export async function packSolutionAction(logger: Logger): Promise<void> {
  const inputs = readPackSolutionInputs();
  const workspace = workspaceFolder();
  const folder = path.resolve(workspace, inputs.folder);
  const zip = path.resolve(workspace, inputs.solutionFile);
  await requireWritableOutput('solution-file', inputs.solutionFile, zip);
  const results: PackResult[] = await logger.group(`Pack ${inputs.folder}`, () =>
    namingSolutionInputs({ version: 'version' }, () =>
      packSolutionPackages(folder, zip, {
        packageType: inputs.packageType,
        ...(inputs.version ? { version: inputs.version } : {}),
        say: inputWords,
        // The managed zip of a folder of both exports goes beside it, as X_managed.zip: a link of that
        // name was written through wherever it led, out of the workspace too.
        checkOutput: (managed) =>
          requireWritableOutput(
            'solution-file',
            path.join(path.dirname(inputs.solutionFile), path.basename(managed)),
            managed,
          ),
      }),
    ),
  );
  // A zip under runner.temp by its absolute path, not as ../../_temp/… (see reportedPath).
  const shown = (file: string): string => reportedPath(workspace, file);
  for (const result of results) {
    logger.info(
      `${shown(result.zip)}: ${result.uniqueName} ${result.version} (${result.managed ? 'managed' : 'unmanaged'}), ${result.entries.length} entries.`,
    );
  }
  // Both zips of a folder of both exports leave the same files out: each is named once.
  const leftOut = [...new Set(results.flatMap((result) => result.leftOut))];
  for (const warning of leftOutWarnings(leftOut, (file) => shown(path.join(folder, file))))
    logger.warning(warning);
  const [first] = results;
  core.setOutput('solution-files', JSON.stringify(results.map((result) => shown(result.zip))));
  // By kind, so that a workflow can pick the one to deploy (the managed one where the folder gives
  // it) without knowing which the folder holds or in which order the zips were written.
  const ofKind = (managed: boolean): string => {
    const result = results.find((candidate) => candidate.managed === managed);
    return result ? shown(result.zip) : '';
  };
  core.setOutput('unmanaged-solution-file', ofKind(false));
  core.setOutput('managed-solution-file', ofKind(true));
  core.setOutput('unique-name', first!.uniqueName);
  core.setOutput('version', first!.version);
  core.setOutput('connectors', JSON.stringify(first!.connectors));
  // As the warnings name them and every file list of the actions does (unpack-solution's kept
  // names the same files): a later step can use them as they are.
  core.setOutput('left-out', JSON.stringify(leftOut.map((file) => shown(path.join(folder, file)))));
  await writeJobSummary(
    core.summary
      .addHeading(htmlText(`Packed ${first!.uniqueName} ${first!.version}`), 3)
      .addList(
        results.map((result) =>
          htmlText(
            `${shown(result.zip)} (${result.managed ? 'managed' : 'unmanaged'}, ${result.entries.length} entries)`,
          ),
        ),
      ),
  );
}
