import { readFile } from 'node:fs/promises';
import {
  errorMessage,
  fileReadError,
  plural,
  printable,
  type Logger,
  type SaySetting,
} from '@connector-alm/core';
import {
  isResetBuild,
  nextVersion,
  noHigherVersion,
  unpackedForZipError,
  versionAsRead,
} from '@connector-alm/solution';
import { DataverseError, RAISE_VERSION } from '../http/dataverse-errors.js';
import type { DataverseClient } from '../web-api/dataverse-client.js';
import { importJobPercent } from '../web-api/import-job-progress.js';
import type { SolutionRecord } from '../web-api/types.js';
import { readSolutionManifest, type SolutionManifest } from '../zip/solution-manifest.js';
import { folderForZipError } from './folder-for-zip.js';
import { followImportJob, progressLines } from './follow-import-job.js';
import { modeMismatchError } from './import-mode.js';
import { confirmImport } from './import-outcome.js';
import { sendImport, type ImportCall } from './send-import.js';
import { firstInstallNote, holdingAndUpgradeError, unmanagedUpgradeError } from './stage-and-upgrade.js';
import { compareVersions } from './versions.js';
import type { DeploymentSettings } from './deployment-settings.js';
import { checkedComponentParameters } from './settings-check.js';

/** Above this size an import runs asynchronously even when not asked to: sync imports die at ~4 minutes. */
export const SMALL_SOLUTION_BYTES = 2 * 1024 * 1024;

export interface ImportSolutionOptions {
  /** Absolute path of the solution zip. */
  file: string;
  /** The working directory advice names paths from (an unpacked solution's file given for the zip): process.cwd() by default. */
  cwd?: string;
  /** 'auto' runs small solutions synchronously and the rest asynchronously. */
  asynchronous: boolean | 'auto';
  maxAsyncWaitMs: number;
  overwriteUnmanagedCustomizations: boolean;
  publishWorkflows: boolean;
  convertToManaged: boolean;
  skipDependencyCheck: boolean;
  holdingSolution: boolean;
  /**
   * StageAndUpgradeAsync instead of an update: components the new version no longer holds are deleted
   * from the environment. Managed zips only; always asynchronous.
   */
  stageAndUpgrade: boolean;
  /** Skip when the environment already has this version or a later one. */
  skipLowerVersion: boolean;
  publishChanges: boolean;
  /** The environment variable values and connection references to set, from a deployment settings file. */
  deploymentSettings?: DeploymentSettings;
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
  if (options.stageAndUpgrade && options.holdingSolution) throw holdingAndUpgradeError(client.say);
  // A file or folder of an unpacked solution given for the zip, told where the solution's folder is.
  const unpackedPartGiven = () =>
    unpackedForZipError(options.file, 'import', { cwd: options.cwd ?? process.cwd(), say: client.say });
  const bytes = await readFile(options.file).catch(async (error: unknown) => {
    // A path of the wrong kind, or a missing one, is a usage error (exit code 2 on the CLI), as
    // everywhere else.
    if ((error as NodeJS.ErrnoException).code === 'EISDIR')
      throw await folderForZipError(options.file, client.say, unpackedPartGiven);
    // Not there (a link that leads nowhere or round in a loop included), or refused by the file
    // system: each in words, as for every file an option names.
    throw fileReadError(options.file, error, { hint: 'Check the path of the solution zip to import.' });
  });
  const zip = new Uint8Array(bytes);
  let manifest: SolutionManifest;
  try {
    manifest = readSolutionManifest(zip, { file: options.file });
  } catch (error) {
    throw (await unpackedPartGiven()) ?? error;
  }
  const summary = { solutionName: manifest.uniqueName, version: manifest.version, managed: manifest.managed };
  // A version Dataverse cannot hold (a part above Int32) never gets here: readSolutionManifest refuses
  // it at its line, before the upload.
  if (options.stageAndUpgrade && !manifest.managed)
    throw unmanagedUpgradeError(options.file, manifest.uniqueName, client.say);

  const { installed, read } = await readInstalled(
    client,
    manifest.uniqueName,
    options.skipLowerVersion,
    logger,
  );
  // Before the skip: a zip of the other mode is a mistake of the workflow or command (the package
  // type), which skipping at the same or a lower version would hide until the next version came.
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
  if (options.skipLowerVersion && installed && compareVersions(installed.version, manifest.version) >= 0) {
    // Escaped as the Imported line is.
    const skipped = `Skipped: ${printable(manifest.uniqueName)} ${printable(installed.version)} is installed, the file has ${printable(manifest.version)}.`;
    // A re-run of a build the environment has is what skip-lower-version is for. A lower version is
    // skipped on every run, and the edit it carries never arrives, with exit code 0: a zip of a reset
    // snapshot, or a build numbered below what the environment got elsewhere.
    // The advice quotes the environment's version too, which no one checked: the whole line escaped.
    if (isResetBuild(manifest.version))
      logger.warning(
        printable(`${skipped} ${resetBuildSkipped(manifest.version, installed.version, client.say)}`),
      );
    else if (compareVersions(installed.version, manifest.version) > 0)
      logger.warning(
        printable(`${skipped} ${lowerVersionSkipped(manifest.version, installed.version, client.say)}`),
      );
    else logger.info(skipped);
    return { ...summary, result: 'skipped', asynchronous: false, installedVersion: installed.version };
  }
  // Imported without a word, the environment shows a version that says nothing, and later builds left
  // at it are skipped: the first promote of a snapshot without a version into a fresh environment.
  if (isResetBuild(manifest.version))
    logger.warning(resetBuildImported(manifest.uniqueName, manifest.version, client.say));
  // Before the upload, which takes minutes for a big zip: a settings entry the solution does not know.
  const componentParameters = checkedComponentParameters(
    zip,
    options.file,
    manifest.uniqueName,
    options.deploymentSettings,
    logger,
    client.say,
    options.cwd ?? process.cwd(),
  );

  // StageAndUpgradeAsync has no synchronous twin.
  const asynchronous =
    options.stageAndUpgrade ||
    (options.asynchronous === 'auto' ? zip.length > SMALL_SOLUTION_BYTES : options.asynchronous);
  const call: ImportCall = options.stageAndUpgrade ? 'stage-and-upgrade' : asynchronous ? 'async' : 'sync';
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
    componentParameters,
  };
  const title = options.stageAndUpgrade
    ? `Import and upgrade managed solution ${manifest.uniqueName} ${manifest.version}`
    : `Import ${manifest.managed ? 'managed' : 'unmanaged'} solution ${manifest.uniqueName} ${manifest.version}${asynchronous ? ' asynchronously' : ''}`;
  const what = `Import of solution '${manifest.uniqueName}'`;
  await logger.group(title, async () => {
    if (options.stageAndUpgrade && read && !installed)
      logger.info(firstInstallNote(manifest.uniqueName, client.environment));
    if (componentParameters.length > 0)
      logger.info(
        `With ${plural(componentParameters.length, 'component parameter')} from the deployment settings.`,
      );
    // max-async-wait-time counts from here: the request may itself take minutes before any job is seen,
    // and a synchronous import whose answer was lost may be sent once more (sendImport).
    const wait = { sentAt: client.clock.now(), maxWaitMs: options.maxAsyncWaitMs };
    const sent = await sendImport(client, request, { call, solutionName: manifest.uniqueName }, logger);
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
  // Values escaped (printable), as the group title's are: the logger keeps line breaks for text of
  // several lines, and a value that started a line of its own could be a workflow command in a
  // `run:` step. readSolutionManifest refuses them in the zip; the environment's is not checked.
  logger.info(
    `${options.stageAndUpgrade ? 'Imported and upgraded' : 'Imported'} ${printable(manifest.uniqueName)} ${printable(manifest.version)} (import job ${importJobId}).`,
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
    `lower than any the environment has, so this file is skipped on every run. ${higherVersionAdvice(installedVersion, say)}`
  );
}

/** What importing a zip of a reset snapshot leaves behind, and what to do instead. */
function resetBuildImported(solutionName: string, version: string, say: SaySetting): string {
  return (
    `Importing ${solutionName} ${version}, the version of a snapshot unpacked with a reset version (0.0.0.0) or of a build of one, ` +
    `not a version of its own: the environment will show it, and every later build at it is skipped by skip-lower-version. ` +
    `Give the zip a version, e.g. 1.0.0.0 (${say(RAISE_VERSION)}).`
  );
}

/**
 * What to do about a zip skipped as lower than the environment's `installedVersion`: give it a higher
 * version, the next one for example; where none is higher, the solution cannot be updated there.
 */
function higherVersionAdvice(installedVersion: string, say: SaySetting): string {
  const next = nextVersion(installedVersion);
  // The environment's version, as it answered: a System.Version, which always reads.
  if (next === undefined && versionAsRead(installedVersion) !== undefined)
    return `No version is higher, though: ${noHigherVersion(installedVersion)}. Import it under another unique name, or remove the solution from the environment first.`;
  return `Give it a version higher than ${installedVersion}${next === undefined ? '' : `, e.g. ${next}`} (${say(RAISE_VERSION)}).`;
}

/**
 * Why a build of a version lower than the environment's is skipped, and what to do: the environment
 * got a higher one elsewhere (a manual import, a dev version carried into the snapshot), or the
 * numbering started again (a workflow's run number under a new file name).
 */
function lowerVersionSkipped(version: string, installedVersion: string, say: SaySetting): string {
  return (
    `${version} is lower than the installed version, so this file is skipped on every run and its changes never arrive. ` +
    higherVersionAdvice(installedVersion, say)
  );
}

/**
 * The solution the environment has under this name, for skip-lower-version, the mode check and the
 * note that an upgrade installs a new solution; `read` false when it could not be read.
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
): Promise<{ installed?: SolutionRecord; read: boolean }> {
  try {
    const installed = await client.findSolution(uniqueName);
    return installed ? { installed, read: true } : { read: true };
  } catch (error) {
    const readOnlyFailure = error instanceof DataverseError && (error.status === 403 || error.status >= 500);
    if (required || !readOnlyFailure) throw error;
    logger.warning(
      `Could not read which ${uniqueName} the environment has, so whether it is managed was not checked before the import: ${errorMessage(error)}`,
    );
    return { read: false };
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
