import path from 'node:path';
import * as core from '@actions/core';
import { inputWords, type Logger } from '@connector-alm/core';
import { unpackSolution } from '@connector-alm/solution';
import { namingSolutionInputs } from '../runtime/solution-setting-inputs.js';
import { reportedPath } from '../runtime/reported-path.js';
import { requireWritableOutput, workspaceFolder } from '../runtime/workspace-path.js';
import { readUnpackSolutionInputs } from './inputs.js';
import { htmlText } from '@connector-alm/validator';
import { writeJobSummary } from '../runtime/job-summary.js';

/** unpack-solution: a solution zip into a canonical folder of the workspace, ready to commit. */
export async function unpackSolutionAction(logger: Logger): Promise<void> {
  const inputs = readUnpackSolutionInputs();
  const workspace = workspaceFolder();
  const folder = path.resolve(workspace, inputs.folder);
  await requireWritableOutput('folder', inputs.folder, folder, 'folder');
  const result = await logger.group(`Unpack ${inputs.solutionFile} into ${inputs.folder}`, () =>
    namingSolutionInputs({ resetVersion: 'reset-version' }, () =>
      unpackSolution(path.resolve(workspace, inputs.solutionFile), folder, {
        packageType: inputs.packageType,
        ...(inputs.resetVersion ? { resetVersion: inputs.resetVersion } : {}),
        stale: inputs.staleFiles,
        overwrite: inputs.overwrite,
        limits: { maxTotalBytes: inputs.maxSizeMb * 1024 * 1024 },
        ...(inputs.zipNameEncoding ? { zipNameEncoding: inputs.zipNameEncoding } : {}),
        say: inputWords,
      }),
    ),
  );
  // A folder under runner.temp by its absolute path, not as ../../_temp/… (see reportedPath).
  const shown = (file: string): string => reportedPath(workspace, path.join(folder, file));
  // Counted, not named, in the log: a readme beside the solution would be named on every run;
  // pack-solution names each file it leaves out, and the kept output lists them.
  const kept = result.kept.length;
  logger.info(
    `${result.uniqueName} ${result.version}: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.deleted.length} deleted${kept ? `; kept ${kept} ${kept === 1 ? 'file that is' : 'files that are'} not part of the solution` : ''}.`,
  );

  core.setOutput('folder', reportedPath(workspace, folder));
  core.setOutput('unique-name', result.uniqueName);
  core.setOutput('version', result.version);
  core.setOutput('connectors', JSON.stringify(result.connectors));
  core.setOutput('written', JSON.stringify(result.written.map(shown)));
  core.setOutput('deleted', JSON.stringify(result.deleted.map(shown)));
  core.setOutput('kept', JSON.stringify(result.kept.map(shown)));
  core.setOutput('changed', String(result.written.length + result.deleted.length > 0));

  await writeJobSummary(
    core.summary.addHeading(htmlText(`Unpacked ${result.uniqueName} ${result.version}`), 3).addTable([
      [
        { data: 'Written', header: true },
        { data: 'Unchanged', header: true },
        { data: 'Deleted', header: true },
        { data: 'Connectors', header: true },
      ],
      [
        String(result.written.length),
        String(result.unchanged.length),
        String(result.deleted.length),
        htmlText(result.connectors.join(', ')) || '—',
      ],
    ]),
  );
}
