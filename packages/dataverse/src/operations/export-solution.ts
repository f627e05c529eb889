import { readFile } from 'node:fs/promises';
import { UserError, writeFileAtomically, type Logger } from '@connector-alm/core';
import type { DataverseClient } from '../web-api/dataverse-client.js';
import { asyncStatus } from '../web-api/async-operation.js';
import type { ExportSetting } from '../web-api/types.js';
import { readSolutionManifest } from '../zip/solution-manifest.js';
import { checkWritable, refuseFolder, sameZipContent, ZIP_PATH_HINT } from '@connector-alm/solution';
import { solutionNotFound } from './solution-not-found.js';
import { exportZipPath } from './export-destination.js';

export type ExportSolutionOptions = ExportSolutionSettings &
  (
    | {
        /** Absolute path of the zip to write. */
        outputFile: string;
      }
    | {
        /**
         * Absolute path of the folder to write the zip in, named after the solution's unique name as
         * Dataverse spells it (exportZipName), which is known only once the solution is found.
         */
        outputFolder: string;
      }
  );

export interface ExportSolutionSettings {
  /** The unique name as given; Dataverse finds it in any letter case. */
  solutionName: string;
  /**
   * How the message that it was written names the zip (default: its path): the CLI names it from
   * the working directory, the action from the workspace, as each names the files of its errors.
   */
  show?: (file: string) => string;
  /**
   * A check of the zip's path before the export runs, beyond the file system's: the action's, that it
   * stays in the workspace. Needed again when the zip is named in a folder: the folder was checked,
   * not a link named like the zip inside it.
   */
  checkOutput?: (file: string) => Promise<unknown>;
  managed: boolean;
  /** Async unless false: synchronous exports of big solutions die on the ~4 minute HTTP idle limit. */
  asynchronous: boolean;
  maxAsyncWaitMs: number;
  /** Publish all customizations first, so unpublished edits are exported too. */
  publish: boolean;
  settings?: Partial<Record<ExportSetting, boolean>>;
}

export interface ExportSolutionResult {
  file: string;
  solutionName: string;
  version: string;
  managed: boolean;
  /** False when the file already held a zip with exactly these entries. */
  changed: boolean;
  bytes: number;
}

/** Exports one solution to a zip file: lookup, optional publish, export (async + poll + download), write. */
export async function exportSolution(
  client: DataverseClient,
  options: ExportSolutionOptions,
  logger: Logger,
): Promise<ExportSolutionResult> {
  const solution = await client.findSolution(options.solutionName);
  if (!solution) throw await solutionNotFound(client, options.solutionName);
  if (solution.ismanaged) {
    throw new UserError(
      `Solution '${options.solutionName}' is managed in ${client.environment.origin}; managed solutions cannot be exported.`,
      {
        hint: 'Export it from the development environment where it is unmanaged.',
      },
    );
  }
  // As Dataverse spells it, for the log, the zip's name and the requests, whatever case was typed.
  // Only a spelling of the name typed: an answer can put no other name (a path) into the zip's.
  const solutionName =
    solution.uniquename?.toLowerCase() === options.solutionName.toLowerCase()
      ? solution.uniquename
      : options.solutionName;
  const outputFile =
    'outputFile' in options
      ? options.outputFile
      : exportZipPath({ folder: options.outputFolder }, solutionName, options.managed);
  // Told before a long export runs, not after its result is downloaded.
  await options.checkOutput?.(outputFile);
  await refuseFolder(outputFile, 'the exported zip', ZIP_PATH_HINT);
  await checkWritable(outputFile);
  if (options.publish) await logger.group('Publish all customizations', () => client.publishAll());

  const request = {
    solutionName,
    managed: options.managed,
    ...(options.settings ? { settings: options.settings } : {}),
  };
  const zip = await logger.group(
    `Export ${options.managed ? 'managed' : 'unmanaged'} solution ${solutionName} ${solution.version}`,
    async () => {
      if (!options.asynchronous) return client.exportSolution(request);
      // max-async-wait-time counts from here: throttling can hold the start request for minutes.
      const wait = { sentAt: client.clock.now(), maxWaitMs: options.maxAsyncWaitMs };
      const job = await client.startExportAsync(request);
      logger.info(`Export job ${job.exportJobId} started (system job ${job.asyncOperationId}).`);
      await client.waitForAsyncOperation(
        job.asyncOperationId,
        `Export of solution '${solutionName}'`,
        wait,
        async (record) =>
          logger.info(
            `Export: ${asyncStatus(record)} (statecode ${record.statecode}, statuscode ${record.statuscode})`,
          ),
      );
      return client.downloadExportData(job.exportJobId);
    },
  );

  const manifest = readSolutionManifest(zip, {
    description: `the exported solution '${solutionName}'`,
  });
  const previous = await readFile(outputFile).catch(() => undefined);
  const changed = previous === undefined || !(await sameZipContent(previous, zip));
  await writeFileAtomically(outputFile, zip);
  logger.info(
    `Wrote ${options.show ? options.show(outputFile) : outputFile} (${zip.length} bytes, version ${manifest.version}${changed ? '' : ', unchanged'}).`,
  );
  return {
    file: outputFile,
    solutionName: manifest.uniqueName,
    version: manifest.version,
    managed: manifest.managed,
    changed,
    bytes: zip.length,
  };
}
