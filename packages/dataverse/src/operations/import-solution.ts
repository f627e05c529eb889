import { readFile } from 'node:fs/promises';
import { UserError, type Logger } from '@connector-alm/core';
import { DataverseError } from '../http/dataverse-errors.js';
import type { DataverseClient } from '../web-api/dataverse-client.js';
import type { ComponentParameter } from '../web-api/types.js';
import { readSolutionManifest } from '../zip/solution-manifest.js';
import { confirmImport } from './import-outcome.js';
import { compareVersions } from './versions.js';

/** Above this size an import runs asynchronously even when not asked to: sync imports die at ~4 minutes. */
export const SMALL_SOLUTION_BYTES = 2 * 1024 * 1024;

export interface ImportSolutionOptions {
  /** Absolute path of the solution zip. */
  file: string;
  /** 'auto' runs small solutions synchronously and the rest asynchronously. */
  asynchronous: boolean | 'auto';
  maxAsyncWaitMs: number;
  overwriteUnmanagedCustomizations: boolean;
  publishWorkflows: boolean;
  convertToManaged: boolean;
  skipDependencyCheck: boolean;
  holdingSolution: boolean;
  /** Skip when the environment already has this version or a later one. */
  skipLowerVersion: boolean;
  publishChanges: boolean;
  componentParameters: ComponentParameter[];
}

export interface ImportSolutionResult {
  result: 'imported' | 'skipped';
  solutionName: string;
  version: string;
  managed: boolean;
  importJobId?: string;
  asynchronous: boolean;
}

/** Imports one solution zip, with progress lines from the import job, and publishes if asked. */
export async function importSolution(
  client: DataverseClient,
  options: ImportSolutionOptions,
  logger: Logger,
): Promise<ImportSolutionResult> {
  const bytes = await readFile(options.file).catch((error: unknown) => {
    throw new UserError(
      `Cannot read the solution file: ${error instanceof Error ? error.message : String(error)}`,
      { location: { file: options.file }, cause: error },
    );
  });
  const zip = new Uint8Array(bytes);
  const manifest = readSolutionManifest(zip, `Solution file ${options.file}`);
  const summary = { solutionName: manifest.uniqueName, version: manifest.version, managed: manifest.managed };

  if (options.skipLowerVersion) {
    const installed = await client.findSolution(manifest.uniqueName);
    if (installed && compareVersions(installed.version, manifest.version) >= 0) {
      logger.info(
        `Skipped: ${manifest.uniqueName} ${installed.version} is installed, the file has ${manifest.version}.`,
      );
      return { ...summary, result: 'skipped', asynchronous: false };
    }
  }

  const asynchronous =
    options.asynchronous === 'auto' ? zip.length > SMALL_SOLUTION_BYTES : options.asynchronous;
  const importJobId = client.newImportJobId();
  const request = {
    customizationFile: zip,
    importJobId,
    overwriteUnmanagedCustomizations: options.overwriteUnmanagedCustomizations,
    publishWorkflows: options.publishWorkflows,
    convertToManaged: options.convertToManaged,
    skipProductUpdateDependencies: options.skipDependencyCheck,
    holdingSolution: options.holdingSolution,
    componentParameters: options.componentParameters,
  };
  const title = `Import ${manifest.managed ? 'managed' : 'unmanaged'} solution ${manifest.uniqueName} ${manifest.version}${asynchronous ? ' asynchronously' : ''}`;
  await logger.group(title, async () => {
    if (options.componentParameters.length > 0)
      logger.info(
        `With ${options.componentParameters.length} component parameters from the deployment settings.`,
      );
    if (!asynchronous) {
      await client.importSolution(request);
      return;
    }
    const job = await client.startImportAsync(request);
    logger.info(`Import job ${importJobId} started (system job ${job.asyncOperationId}).`);
    let lastProgress = -1;
    await client.waitForAsyncOperation(
      job.asyncOperationId,
      `Import of solution '${manifest.uniqueName}'`,
      options.maxAsyncWaitMs,
      async () => {
        const progress = await importProgress(client, importJobId);
        if (progress !== undefined && progress !== lastProgress) logger.info(`Import: ${progress}%`);
        if (progress !== undefined) lastProgress = progress;
      },
    );
    await confirmImport(client, importJobId, manifest.uniqueName, logger);
  });
  if (options.publishChanges) await logger.group('Publish all customizations', () => client.publishAll());
  logger.info(`Imported ${manifest.uniqueName} ${manifest.version} (import job ${importJobId}).`);
  return { ...summary, result: 'imported', importJobId, asynchronous };
}

/** The import job's progress; it appears a little after the system job starts, so a 404 means "not yet". */
async function importProgress(client: DataverseClient, importJobId: string): Promise<number | undefined> {
  try {
    const job = await client.getImportJob(importJobId);
    // A job just created reports no progress yet (null): that is "not yet", not NaN %.
    return typeof job.progress === 'number' && Number.isFinite(job.progress)
      ? Math.round(job.progress)
      : undefined;
  } catch (error) {
    if (error instanceof DataverseError && error.status === 404) return undefined;
    throw error;
  }
}
