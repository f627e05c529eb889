import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  forgetTemporary,
  makeFolderWithParents,
  optionWords,
  rememberTemporary,
  removeTemporary,
  type SaySetting,
  slashSeparated,
  temporarySibling,
  UsageError,
  UserError,
  writingTo,
} from '@connector-alm/core';
import { commitFolder, type CommitResult, type StalePolicy } from '../fs/commit-folder.js';
import { listFiles } from '../fs/list-files.js';
import { refuseInside } from '../fs/path-inside.js';
import type { ZipLimits } from '../zip/limits.js';
import { ZipReader } from '../zip/zip-reader.js';
import { bothNotesXml, FOLDER_BOTH_NOTES } from './both-notes-file.js';
import { refuseUnreadableDefinitions } from './environment-variables.js';
import { notesFor } from './both-packages.js';
import { refuseKeptInTheWay } from './kept-in-the-way.js';
import { isLeftOut } from './left-out-files.js';
import { FOLDER_LINE_ENDINGS, lineEndingsXml } from './line-endings-file.js';
import { readStrayConnectorFolders } from './stray-connector-folders.js';
import {
  FOLDER_CUSTOMIZATIONS,
  FOLDER_SOLUTION,
  isRepositoryFile,
  managedVariantOf,
  zipPathOf,
} from './layout.js';
import type { ManagedFlag } from './manifest.js';
import { unchangedButPlatformVersion } from './platform-version.js';
import { stageSolutionZip, type StagedSolution, type StageOptions } from './stage-zip.js';
import { checkSolutionVersion } from './solution-settings.js';
import { compareVersions } from './solution-version.js';
import { refuseOtherSolution, refuseUnpackTarget } from './unpack-target.js';
import { unpackableEntryError } from './unpackable-entries.js';
import { unpackedForZipError } from './unpacked-for-zip.js';

export type PackageType = 'unmanaged' | 'managed' | 'both';

export interface UnpackOptions {
  /**
   * `both` unpacks `X.zip` and `X_managed.zip` (either may be named) into one folder with
   * `<Managed>2</Managed>`; files that differ get a `_managed` twin, and what names cannot say is
   * noted in Other/PackageFiles.xml (see both-notes-file). Otherwise the one zip as it is.
   */
  packageType?: 'auto' | PackageType;
  /**
   * Replaces the solution version, e.g. `0.0.0.0`, so release bumps do not touch the folder; one
   * Dataverse refuses is a SolutionSettingError. Empty keeps the version.
   */
  resetVersion?: string;
  /**
   * Files in the folder that the solution no longer has: deleted (default) or kept. Files that are
   * not part of a solution (UnpackResult.kept, repository files) are kept either way; an update
   * that would have to delete one to make way for the solution is refused (see kept-in-the-way).
   */
  stale?: StalePolicy;
  /** Allow updating a folder that already has content (default: refuse). */
  overwrite?: boolean;
  limits?: Partial<ZipLimits>;
  /**
   * The code page of zip entry names without the UTF-8 flag, e.g. shift_jis for a zip made on
   * Japanese Windows (see zip/name-encoding).
   */
  zipNameEncoding?: string;
  /**
   * How advice names a setting: in the CLI's options (`--overwrite`, the default) or an action's
   * inputs (`overwrite: true`).
   */
  say?: SaySetting;
  /** The working directory paths in advice are named from (an unpacked folder given for the zip): process.cwd() by default. */
  cwd?: string;
}

/**
 * `kept` (of CommitResult): the files of the folder that are not part of the solution, which unpack
 * never deletes and pack leaves out with a warning (at the root, editors' and git's leftovers; see
 * left-out-files). Repository files (.git, .gitignore, .DS_Store, …) are kept too but not listed.
 */
export interface UnpackResult extends CommitResult {
  folder: string;
  uniqueName: string;
  version: string;
  managed: ManagedFlag;
  connectors: string[];
}

/** Unpacks a solution zip into a canonical SolutionPackager-style folder. */
export async function unpackSolution(
  zipPath: string,
  folder: string,
  options: UnpackOptions = {},
): Promise<UnpackResult> {
  if (options.resetVersion) checkSolutionVersion(options.resetVersion, 'resetVersion');
  const stale = options.stale ?? 'delete';
  // (Both exports of --package-type both lie in one folder: the zip given stands for the two.)
  await refuseInside(zipPath, folder, {
    problem: `lies inside the folder to unpack it into: ${zipInsideProblem(path.relative(folder, zipPath), stale, await readStrayConnectorFolders(folder))}.`,
    hint: 'Keep the zip outside that folder (e.g. beside it), or unpack into another folder.',
  });
  const say = options.say ?? optionWords;
  await refuseUnpackTarget(folder, {
    overwrite: options.overwrite ?? false,
    stale: options.stale ?? 'delete',
    say,
  });
  if (options.packageType === 'both') await refuseMissingPair(zipPath, pairedZipPaths(zipPath), say);
  const staging = temporarySibling(folder);
  const madeFolders = await writingTo(folder, async () => makeFolderWithParents(staging)).catch(
    (error: unknown) => {
      forgetTemporary(staging);
      throw error;
    },
  );
  let done = false;
  try {
    const staged =
      options.packageType === 'both'
        ? await stageBoth(zipPath, staging, options)
        : await stageOne(zipPath, staging, { resetVersion: options.resetVersion }, options);
    if (options.packageType === 'managed' && staged.manifest.managed !== '1')
      throw new UserError('is an unmanaged solution, not a managed one.', { location: { file: zipPath } });
    if (options.packageType === 'unmanaged' && staged.manifest.managed !== '0')
      throw new UserError('is a managed solution, not an unmanaged one.', { location: { file: zipPath } });
    await refuseOtherSolution(folder, staged.manifest.uniqueName, zipPath);
    const endings = await lineEndingsXml(staging, staged.files, staged.endings);
    if (endings !== undefined) await fs.writeFile(path.join(staging, FOLDER_LINE_ENDINGS), endings);
    // The maker's connector folders at its root, which pack leaves out whole (see left-out-files).
    const strays = await readStrayConnectorFolders(folder);
    await refuseKeptInTheWay(folder, await listFiles(staging), stale, strays);
    const committed = await writingTo(folder, async () => {
      await keepCommittedPlatformVersion(staging, folder);
      // One rule with pack: what it leaves out is the maker's, never stale (see left-out-files).
      return commitFolder(staging, folder, {
        stale,
        protect: isRepositoryFile,
        keep: (file) => isLeftOut(file, strays),
      });
    });
    done = true;
    return {
      folder,
      uniqueName: staged.manifest.uniqueName,
      // Empty keeps the version (UnpackOptions), as the staging read it.
      version: options.resetVersion || staged.manifest.version,
      managed: options.packageType === 'both' ? '2' : staged.manifest.managed,
      connectors: staged.connectors,
      ...committed,
    };
  } finally {
    await removeTemporary(staging);
    forgetTemporary(staging);
    if (done) madeFolders.keep();
    else await madeFolders.remove();
  }
}

/**
 * What would become of the zip given if it were unpacked into a folder it lies in (`relative`, its
 * path there): deleted as stale, packed into the solution, or, as a file that is not part of a
 * solution (at the root, in a connector folder there, named like a backup), kept to be committed
 * with the folder and warned of by every pack.
 */
function zipInsideProblem(relative: string, stale: StalePolicy, strays: ReadonlySet<string>): string {
  if (isLeftOut(slashSeparated(relative), strays))
    return 'unpack would keep it there, where pack leaves it out of the solution with a warning each time';
  return stale === 'delete'
    ? 'unpack would delete it there as a file the solution does not have'
    : "unpack would keep it there among the solution's files";
}

/**
 * Puts the committed manifest and customizations back into the staging folder where the export
 * differs from them only in the Dataverse build number (see unchangedButPlatformVersion).
 */
async function keepCommittedPlatformVersion(staging: string, folder: string): Promise<void> {
  for (const file of [FOLDER_SOLUTION, FOLDER_CUSTOMIZATIONS]) {
    const committed = await fs.readFile(path.join(folder, file), 'utf8').catch(() => undefined);
    if (committed === undefined) continue;
    const exported = await fs.readFile(path.join(staging, file), 'utf8').catch(() => undefined);
    const kept = exported === undefined ? undefined : unchangedButPlatformVersion(exported, committed);
    if (kept !== undefined) await fs.writeFile(path.join(staging, file), kept);
  }
}

async function stageOne(
  zipPath: string,
  staging: string,
  options: StageOptions,
  reading: Pick<UnpackOptions, 'limits' | 'zipNameEncoding' | 'say' | 'cwd'>,
): Promise<StagedSolution> {
  const reader = await ZipReader.open(zipPath, {
    limits: reading.limits,
    nameEncoding: reading.zipNameEncoding,
    say: reading.say,
  }).catch(async (error: unknown) => {
    const say = reading.say ?? optionWords;
    throw (await unpackedForZipError(zipPath, 'unpack', { cwd: reading.cwd ?? process.cwd(), say })) ?? error;
  });
  try {
    // Refused with messages of their own below (and, when both are unpacked, in stageBoth).
    const refusedLater = (file: string): boolean =>
      file === FOLDER_LINE_ENDINGS || (options.managed === '2' && file === FOLDER_BOTH_NOTES);
    const unpackable = unpackableEntryError(
      reader.displayName,
      reader.files.map((entry) => entry.name),
      refusedLater,
    );
    if (unpackable) throw unpackable;
    const staged = await stageSolutionZip(reader, staging, options);
    await refuseUnreadableDefinitions(staging, staged.files, reader.displayName);
    // pack leaves repository files out and unpack never deletes them: such an entry could not
    // come back, so it is refused rather than lost on the next pack.
    const metadata = staged.files.find(isRepositoryFile);
    if (metadata !== undefined)
      throw new UserError(`has ${zipPathOf(metadata)}, which is a repository file name.`, {
        location: { file: zipPath },
        hint: 'Pack leaves repository files (dot files at the root, .git*, .DS_Store, Thumbs.db, desktop.ini) out of a solution; remove or rename the entry.',
      });
    // Refused, not overwritten: the line endings of the unpacked files are recorded there.
    if (staged.files.includes(FOLDER_LINE_ENDINGS))
      throw new UserError(
        `has ${FOLDER_LINE_ENDINGS}, where unpack records which files have CRLF line endings.`,
        {
          location: { file: zipPath },
        },
      );
    return staged;
  } finally {
    reader.close();
  }
}

const EXPORT_MANAGED = { option: 'export --managed', input: 'export-solution with managed: true' };
const EXPORT_UNMANAGED = { option: 'export without --managed', input: 'export-solution with managed: false' };
const ONE_PACKAGE = { option: '--package-type auto', input: 'package-type: auto' };

/**
 * The unmanaged/managed pair that a `both` unpack reads, from either file name. The extension keeps
 * the case it was given in (`HIL.ZIP` pairs with `HIL_managed.ZIP`), and the name given is one of the
 * pair as it is: on a case-sensitive disk another case is another file.
 */
export function pairedZipPaths(zipPath: string): { unmanaged: string; managed: string } {
  const match = /^(.*?)(_managed)?(\.zip)$/i.exec(zipPath);
  if (!match) return { unmanaged: `${zipPath}.zip`, managed: `${zipPath}_managed.zip` };
  const [, stem, managedSuffix, extension] = match;
  return {
    unmanaged: `${stem}${extension}`,
    managed: managedSuffix ? zipPath : `${stem}_managed${extension}`,
  };
}

/**
 * The export that `both` reads beside the one given, when it is not there: told as what `both` needs,
 * with how to make it, not as a file of the user's that went missing.
 */
async function refuseMissingPair(
  given: string,
  pair: { unmanaged: string; managed: string },
  say: SaySetting,
): Promise<void> {
  const kind = path.resolve(given) === path.resolve(pair.managed) ? 'unmanaged' : 'managed';
  const other = pair[kind];
  const exists = async (file: string) => (await fs.stat(file).catch(() => undefined)) !== undefined;
  if (!(await exists(given)) || (await exists(other))) return;
  const name = path.basename(given);
  throw new UsageError(`does not exist; unpacking both exports reads the ${kind} export beside ${name}.`, {
    location: { file: other },
    hint: `Export the solution as ${kind} too (${say(kind === 'managed' ? EXPORT_MANAGED : EXPORT_UNMANAGED)}) into that file, or unpack ${name} alone (${say(ONE_PACKAGE)}).`,
  });
}

async function stageBoth(zipPath: string, staging: string, options: UnpackOptions): Promise<StagedSolution> {
  const { unmanaged, managed } = pairedZipPaths(zipPath);
  const common: StageOptions = { managed: '2', resetVersion: options.resetVersion };
  const base = await stageOne(unmanaged, staging, common, options);
  // Beside the staging folder, and like it removed by the signal clean-up until done with.
  const managedStaging = `${staging}.managed`;
  rememberTemporary(managedStaging);
  try {
    await fs.mkdir(managedStaging);
    const other = await stageOne(managed, managedStaging, common, options);
    // Located at the zip that is not what its name says; the other one is named in the message.
    if (base.manifest.managed !== '0') {
      throw new UserError('is a managed solution; unpacking both exports reads the unmanaged one from it.', {
        location: { file: unmanaged },
        hint: `Give the unmanaged export this name and the managed one ${path.basename(managed)}.`,
      });
    }
    if (other.manifest.managed !== '1') {
      throw new UserError('is an unmanaged solution; unpacking both exports reads the managed one from it.', {
        location: { file: managed },
        hint: 'Give the managed export of the same solution this name.',
      });
    }
    if (other.manifest.uniqueName !== base.manifest.uniqueName) {
      throw new UserError(
        `holds ${other.manifest.uniqueName} but ${path.basename(unmanaged)} holds ${base.manifest.uniqueName}.`,
        { location: { file: managed }, hint: 'Give the two exports of one solution.' },
      );
    }
    // Refused even with a reset version, which would hide it: the folder would hold two builds, and
    // pack would send one to the environments that take the unmanaged zip and the other to those
    // that take the managed one (the promote workflow's test and production get the same zip).
    if (compareVersions(other.manifest.version, base.manifest.version) !== 0) {
      throw new UserError(
        `holds ${other.manifest.uniqueName} ${other.manifest.version} but ${path.basename(unmanaged)} holds ${base.manifest.version}: the two exports are of different builds.`,
        {
          location: { file: managed },
          hint: 'Export the solution as unmanaged and as managed at the same time, with no change in between (the snapshot workflow exports both in one run), and unpack the two again.',
        },
      );
    }
    for (const staged of [base, other]) {
      // Refused, not overwritten: the notes below are written there.
      if (staged.files.includes(FOLDER_BOTH_NOTES))
        throw new UserError(`has ${FOLDER_BOTH_NOTES}, where unpacking both exports keeps its notes.`, {
          location: { file: staged === base ? unmanaged : managed },
        });
    }
    const notes = bothNotesXml(notesFor(base.files, other.files));
    if (notes !== undefined) await fs.writeFile(path.join(staging, FOLDER_BOTH_NOTES), notes);
    const baseFiles = new Set(base.files);
    const endings = new Map(base.endings);
    for (const file of other.files) {
      const from = path.join(managedStaging, file);
      if (
        baseFiles.has(file) &&
        (await fs.readFile(from)).equals(await fs.readFile(path.join(staging, file)))
      )
        continue;
      const variant = managedVariantOf(file);
      if (baseFiles.has(variant))
        throw new UserError(`has ${variant}, which is also the name of the managed copy of ${file}.`, {
          location: { file: unmanaged },
        });
      await fs.mkdir(path.dirname(path.join(staging, variant)), { recursive: true });
      await fs.rename(from, path.join(staging, variant));
      if (other.endings.has(file)) endings.set(variant, other.endings.get(file));
    }
    return { ...base, files: await listFiles(staging), endings };
  } finally {
    await removeTemporary(managedStaging);
    forgetTemporary(managedStaging);
  }
}
