import path from 'node:path';
import * as core from '@actions/core';
import { posixRelativePath, type Logger } from '@connector-alm/core';
import { packSolution, SolutionSettingError, type PackResult } from '@connector-alm/solution';
import { readPackSolutionInputs } from './inputs.js';
import { htmlText } from '@connector-alm/validator';

/** pack-solution: an unpacked solution folder of the workspace into an importable zip (or two). */
export async function packSolutionAction(logger: Logger): Promise<void> {
  const inputs = readPackSolutionInputs();
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const folder = path.resolve(workspace, inputs.folder);
  const zip = path.resolve(workspace, inputs.solutionFile);
  const version = inputs.version ? { version: inputs.version } : {};
  const results: PackResult[] = await logger.group(`Pack ${inputs.folder}`, () =>
    namingVersionInput(async () =>
      inputs.packageType === 'both'
        ? [
            await packSolution(folder, zip, { packageType: 'unmanaged', ...version }),
            await packSolution(folder, zip.replace(/(\.zip)$/i, '_managed$1'), {
              packageType: 'managed',
              ...version,
            }),
          ]
        : [await packSolution(folder, zip, { packageType: inputs.packageType, ...version })],
    ),
  );
  const relative = (file: string): string => posixRelativePath(workspace, file);
  for (const result of results) {
    logger.info(
      `${relative(result.zip)}: ${result.uniqueName} ${result.version} (${result.managed ? 'managed' : 'unmanaged'}), ${result.entries.length} entries.`,
    );
  }
  const [first] = results;
  core.setOutput('solution-files', JSON.stringify(results.map((result) => relative(result.zip))));
  core.setOutput('unique-name', first!.uniqueName);
  core.setOutput('version', first!.version);
  core.setOutput('connectors', JSON.stringify(first!.connectors));
  await core.summary
    .addHeading(htmlText(`Packed ${first!.uniqueName} ${first!.version}`), 3)
    .addList(
      results.map((result) =>
        htmlText(
          `${relative(result.zip)} (${result.managed ? 'managed' : 'unmanaged'}, ${result.entries.length} entries)`,
        ),
      ),
    )
    .write();
}

/** The version packSolution refuses is said of the input that gave it, in packSolution's words. */
async function namingVersionInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SolutionSettingError && error.setting === 'version')
      throw error.namedAs("Input 'version'");
    throw error;
  }
}
