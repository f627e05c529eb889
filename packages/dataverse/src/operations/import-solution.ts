import { readFile } from 'node:fs/promises';
import {
  errorMessage,
  fileReadError,
  plural,
  printable,
  type Logger,
  type SaySetting,
} from '@connector-alm/core';
import { isResetBuild, nextVersion } from '@connector-alm/solution';
import { DataverseError, RAISE_VERSION } from '../http/dataverse-errors.js';
import type { DataverseClient } from '../web-api/dataverse-client.js';
import { importJobPercent } from '../web-api/import-job-progress.js';
import type { ComponentParameter, SolutionRecord } from '../web-api/types.js';
import { readSolutionManifest } from '../zip/solution-manifest.js';
import { folderForZipError } from './folder-for-zip.js';
import { followImportJob, progressLines } from './follow-import-job.js';
import { modeMismatchError } from './import-mode.js';
import { confirmImport } from './import-outcome.js';
import { sendImport } from './send-import.js';
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
  /** The version the environment has, when that made the import be skipped. */
  installedVersion?: string;
}

/** Imports one solution zip, with progress lines from the import job, and publishes if asked. */
export async function importSolution(
  client: DataverseClient,
  options: ImportSolutionOptions,
  logger: Logger,
): Promise<ImportSolutionResult> {
  const bytes = await readFile(options.file).catch(async (error: unknown) => {
    // A path of the wrong kind, or a missing one, is a usage error (exit code 2 on the CLI), as
    // everywhere else.
    if ((error as NodeJS.ErrnoException).code === 'EISDIR')
      throw await folderForZipError(options.file, client.say);
    // Not there (a link that leads nowhere or round in a loop included), or refused by the file
    // system: each in words, as for every file an option names.
    throw fileReadError(options.file, error, { hint: 'Check the path of the solution zip to import.' });
  });
  const zip = new Uint8Array(bytes);
  const manifest = readSolutionManifest(zip, { file: options.file });
  const summary = { solutionName: manifest.uniqueName, version: manifest.version, managed: manifest.managed };

  const installed = await readInstalled(client, manifest.uniqueName, options.skipLowerVersion, logger);
  if (options.skipLowerVersion && installed && compareVersions(installed.version, manifest.version) >= 0) {
    // Values escaped (printable) as the group title's are: the logger keeps line breaks for text of
    // several lines, and a value that started a line of its own could be a workflow command in a
    // `run:` step. readSolutionManifest refuses them in the zip; the environment's is not checked.
    const skipped = `Skipped: ${printable(manifest.uniqueName)} ${printable(installed.version)} is installed, the file has ${printable(manifest.version)}.`;
    // A re-run of a build the environment has is what skip-lower-version is for; a zip of a reset
    // snapshot is skipped on every run, and the edit it carries never arrives, with exit code 0.
    if (isResetBuild(manifest.version))
      logger.warning(`${skipped} ${resetBuildSkipped(manifest.version, installed.version, client.say)}`);
    else logger.info(skipped);
    return { ...summary, result: 'skipped', asynchronous: false, installedVersion: installed.version };
  }
  // Dataverse would refuse it after the upload (minutes for a big zip), in words that say neither
  // which zip to take nor how to move the environment to the other mode.
  if (installed && installed.ismanaged !== manifest.managed)
    throw modeMismatchError(
      {
        file: options.file,
        solutionName: manifest.uniqueName,
        environment: client.environment,
        installedVersion: installed.version,
        installedManaged: installed.ismanaged,
      },
      client.say,
    );

  const asynchronous =
    options.asynchronous === 'auto' ? zip.length > SMALL_SOLUTION_BYTES : options.asynchronous;
  const importJobId = client.newImportJobId();
  const request = {
    solutionName: manifest.uniqueName,
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
  const what = `Import of solution '${manifest.uniqueName}'`;
  await logger.group(title, async () => {
    if (options.componentParameters.length > 0)
      logger.info(
        `With ${plural(options.componentParameters.length, 'component parameter')} from the deployment settings.`,
      );
    // max-async-wait-time counts from here: the request may itself take minutes before any job is seen,
    // and a synchronous import whose answer was lost may be sent once more (sendImport).
    const wait = { sentAt: client.clock.now(), maxWaitMs: options.maxAsyncWaitMs };
    const sent = await sendImport(
      client,
      request,
      { asynchronous, solutionName: manifest.uniqueName },
      logger,
    );
    const progress = progressLines(logger);
    if (!sent.answered) {
      await followImportJob(client, importJobId, what, wait, progress);
      await confirmImport(client, importJobId, manifest.uniqueName, logger, 'the import job ended');
      return;
    }
    // A synchronous import is done once answered.
    if (sent.asyncOperationId === undefined) return;
    logger.info(`Import job ${importJobId} started (system job ${sent.asyncOperationId}).`);
    await client.waitForAsyncOperation(sent.asyncOperationId, what, wait, async () =>
      progress(await importProgress(client, importJobId)),
    );
    await confirmImport(client, importJobId, manifest.uniqueName, logger);
  });
  if (options.publishChanges) await logger.group('Publish all customizations', () => client.publishAll());
  // Escaped as the Skipped line is.
  logger.info(
    `Imported ${printable(manifest.uniqueName)} ${printable(manifest.version)} (import job ${importJobId}).`,
  );
  return { ...summary, result: 'imported', importJobId, asynchronous };
}

/**
 * Why a zip of a reset snapshot is skipped, and what to do: its version is the reset version
 * (0.0.0.0, as unpack-solution's reset-version writes it) or a build numbered from it, lower than any
 * the environment will have.
 */
function resetBuildSkipped(version: string, installedVersion: string, say: SaySetting): string {
  return (
    `${version} is the version of a snapshot unpacked with a reset version (0.0.0.0) or of a build of one, ` +
    `lower than any the environment has, so this file is skipped on every run. Give it a version higher than ` +
    `${installedVersion}, e.g. ${nextVersion(installedVersion)} (${say(RAISE_VERSION)}).`
  );
}

/**
 * The solution the environment has under this name, for skip-lower-version and the mode check.
 * Without skip-lower-version, a read the environment refuses on its own (a role that may import but
 * not read solutions: 403; a server error that outlasted the retries) only loses the early mode check:
 * Dataverse refuses a mismatch itself, and its refusal gets the same advice, so the import goes on.
 * Anything else (sign-in, an unreachable host, a wrong environment URL, throttling) would fail the
 * import the same way, so it fails here, once.
 */
async function readInstalled(
  client: DataverseClient,
  uniqueName: string,
  required: boolean,
  logger: Logger,
): Promise<SolutionRecord | undefined> {
  try {
    return await client.findSolution(uniqueName);
  } catch (error) {
    const readOnlyFailure = error instanceof DataverseError && (error.status === 403 || error.status >= 500);
    if (required || !readOnlyFailure) throw error;
    logger.warning(
      `Could not read which ${uniqueName} the environment has, so whether it is managed was not checked before the import: ${errorMessage(error)}`,
    );
    return undefined;
  }
}

/** The import job's progress; it appears a little after the system job starts, so a 404 means "not yet". */
async function importProgress(client: DataverseClient, importJobId: string): Promise<number | undefined> {
  try {
    return importJobPercent(await client.getImportJob(importJobId));
  } catch (error) {
    if (error instanceof DataverseError && error.status === 404) return undefined;
    throw error;
  }
}
