import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  makeScratchFolder,
  missingPathError,
  optionWords,
  removeScratchFolder,
  UsageError,
  type SaySetting,
} from '@connector-alm/core';
import { listFiles } from '../fs/list-files.js';
import { decodeUtf8Strict } from '../text/decode.js';
import { parseXml, UNPACKED_XML_HINT } from '../xml/parse-xml.js';
import type { ZipLimits } from '../zip/limits.js';
import { ZipReader } from '../zip/zip-reader.js';
import { connectorName, connectorText, fileReferences } from '../solution/connector-element.js';
import { FOLDER_BOTH_NOTES, readBothNotes } from '../solution/both-notes-file.js';
import { filesOfEither } from '../solution/both-packages.js';
import {
  FOLDER_CONNECTOR_FOLDER,
  FOLDER_CUSTOMIZATIONS,
  FOLDER_SOLUTION,
  isConnectorDocument,
} from '../solution/layout.js';
import { lostPartError, partNotAFileError } from '../solution/lost-part.js';
import { readManifest } from '../solution/manifest.js';
import { manifestSettings, type ManifestSettings } from '../solution/manifest-settings.js';
import { firstChild, type XmlElement } from '../xml/xml-tree.js';
import { scanCustomizations } from '../solution/customizations-scan.js';
import { missingConnectorError } from '../solution/missing-connector-error.js';
import { missingConnectorPartError } from '../solution/missing-connector-part-error.js';
import { missingRootConnectors } from '../solution/root-connectors.js';
import { stageSolutionZip } from '../solution/stage-zip.js';
import { unpackedForZipError } from '../solution/unpacked-for-zip.js';
import type { SolutionConnector } from './solution-connector.js';
import { lacksSolutionParts, nestedSolutionHint } from '../solution/nested-solution.js';
import { misnamedPartsHint } from '../solution/misnamed-parts.js';
import { readLineEndings } from '../solution/line-endings-file.js';
import {
  readEnvironmentVariables,
  type SolutionEnvironmentVariable,
} from '../solution/environment-variables.js';

/** How a solution zip is read: its limits, and the code page of names without the UTF-8 flag. */
export interface SolutionZipReading {
  limits?: Partial<ZipLimits>;
  /** E.g. shift_jis for a zip made on Japanese Windows (see zip/name-encoding). */
  zipNameEncoding?: string;
  /** How advice names a setting: the CLI's options by default, or an action's inputs. */
  say?: SaySetting;
  /** The working directory paths in advice are named from (an unpacked folder's file given for the zip): process.cwd() by default. */
  cwd?: string;
}

/** How readSolution reads a solution: as a zip is read, and whether to read more than its connectors. */
export interface SolutionReading extends SolutionZipReading {
  /**
   * Read its environment variables too (and, for an unpacked folder, the Other/LineEndings.xml that
   * gives their bytes as pack writes them). Only build-solution --existing needs them: a reader that
   * wants the connectors alone (extract-connectors) is not failed by a file it has no use for.
   */
  environmentVariables?: boolean;
}

/** A solution's custom connectors, and what its manifest says of it (build-solution's defaults). */
export interface SolutionWithConnectors {
  connectors: SolutionConnector[];
  settings: ManifestSettings;
  /**
   * Its environment variables, which its connectors may refer to (`@environmentVariables("…")`):
   * build-solution carries those of the solution the connectors came from. Read only when asked
   * (`SolutionReading.environmentVariables`).
   */
  environmentVariables?: SolutionEnvironmentVariable[];
}

/**
 * The custom connectors of a solution zip or of an unpacked solution folder. A zip is unpacked into
 * a temporary folder first (with every check of unpack), so both inputs take the same path.
 */
export async function readSolutionConnectors(
  source: string,
  reading: SolutionZipReading = {},
): Promise<SolutionConnector[]> {
  return (await readSolution(source, reading)).connectors;
}

/** readSolutionConnectors, with the settings of the solution's manifest, and its environment variables when asked. */
export async function readSolution(
  source: string,
  reading: SolutionReading = {},
): Promise<SolutionWithConnectors> {
  const withVariables = reading.environmentVariables === true;
  const stat = await fs.stat(source).catch(() => undefined);
  if (!stat) throw missingPathError(source, 'Give a solution zip, or the folder that unpack wrote.');
  if (stat.isDirectory()) {
    // A folder of an unpacked solution (its Connectors/), not the solution's own: its root named.
    if (await lacksSolutionParts(source)) {
      const inside = await unpackedForZipError(source, 'read', adviceSetting(reading));
      if (inside) throw inside;
    }
    return readFolderConnectors(source, withVariables);
  }
  const reader = await ZipReader.open(source, {
    limits: reading.limits,
    nameEncoding: reading.zipNameEncoding,
    say: reading.say,
  }).catch(async (error: unknown) => {
    throw (await unpackedForZipError(source, 'read', adviceSetting(reading))) ?? error;
  });
  // Staged under the OS temp folder, not beside the zip: nothing is renamed into place, and the
  // zip's folder may be read-only or belong to the person.
  let staging: string | undefined;
  try {
    staging = makeScratchFolder('connector-alm-');
    const { connectorsAt } = await stageSolutionZip(reader, staging);
    return await readFolderConnectors(staging, withVariables, source, connectorsAt);
  } finally {
    reader.close();
    if (staging !== undefined) await removeScratchFolder(staging);
  }
}

function adviceSetting(reading: SolutionZipReading): { cwd: string; say: SaySetting } {
  return { cwd: reading.cwd ?? process.cwd(), say: reading.say ?? optionWords };
}

/**
 * `zipConnectorsAt` for a zip unpacked into `folder` as it is (StagedSolution.connectorsAt): its parts
 * have the zip's bytes already, and errors in a connector's element are located at the zip's
 * customizations.xml, which holds it, not at the Connectors/ file only the staging folder has.
 */
async function readFolderConnectors(
  folder: string,
  withVariables: boolean,
  displayRoot = folder,
  zipConnectorsAt?: string,
): Promise<SolutionWithConnectors> {
  const staged = zipConnectorsAt !== undefined;
  // Refused before it is listed: a folder given by mistake may be a home folder or a drive.
  if (await lacksSolutionParts(folder)) throw await notASolution(folder, displayRoot);
  const files = await listFiles(folder);
  // Its connectors need the manifest alone; a folder that lost it is still a solution.
  if (!files.includes(FOLDER_SOLUTION)) {
    const notAFile = await partNotAFileError(folder, [FOLDER_SOLUTION], displayRoot);
    if (notAFile) throw notAFile;
  }
  if (!files.includes(FOLDER_SOLUTION) && files.includes(FOLDER_CUSTOMIZATIONS))
    throw lostPartError(displayRoot, false, files);
  // Both there under other names (other/solution.xml on a case-insensitive disk): no solution either,
  // and the hint names the rename.
  if (!files.includes(FOLDER_SOLUTION)) throw await notASolution(folder, displayRoot);
  const connectors: SolutionConnector[] = [];
  const elements: Array<{ name: string; element: XmlElement }> = [];
  const { parts, settings, manifestRoot } = await solutionParts(folder, displayRoot, files);
  for (const [document, file] of parts) {
    if (!isConnectorDocument(document)) continue;
    const shown = zipConnectorsAt ?? path.join(displayRoot, file);
    const element = parseXml(
      decodeUtf8Strict(await fs.readFile(path.join(folder, file)), shown),
      shown,
      UNPACKED_XML_HINT,
    );
    const connector: SolutionConnector = {
      name: connectorName(element, shown),
      connectorId: connectorText(element, 'connectorid')?.trim() ?? '',
      displayName: connectorText(element, 'displayname') ?? '',
      description: connectorText(element, 'description') ?? '',
      iconBrandColor: connectorText(element, 'iconbrandcolor')?.trim() ?? '',
      connectorType: connectorText(element, 'connectortype')?.trim() ?? '1',
      files: {},
      definedIn: shown,
    };
    const scriptOperations = connectorText(element, 'scriptoperations');
    if (scriptOperations !== undefined && scriptOperations.trim() !== '')
      connector.scriptOperations = scriptOperations;
    for (const reference of fileReferences(element, shown)) {
      const fileName = reference.zipName.slice('Connector/'.length);
      const part = parts.get(`${FOLDER_CONNECTOR_FOLDER}${fileName}`);
      const bytes =
        part === undefined ? undefined : await fs.readFile(path.join(folder, part)).catch(() => undefined);
      if (bytes === undefined) throw missingConnectorPartError(shown, reference.zipName, parts.keys());
      connector.files[reference.column] = {
        extension: fileName.slice(fileName.lastIndexOf('.')),
        bytes,
        file: path.join(displayRoot, part!),
      };
    }
    connectors.push(connector);
    elements.push({ name: connector.name, element });
  }
  // A zip's parts are the export's; a folder's may have lost a connector's files.
  if (!staged) await refuseMissingConnectors(folder, displayRoot, parts, manifestRoot, elements);
  if (!withVariables) return { connectors, settings };
  // An unpacked folder's parts as pack writes them: with the line endings the export had.
  const endings = staged ? 'as-is' : await readLineEndings(folder, files);
  const environmentVariables = await readEnvironmentVariables(folder, parts, endings, displayRoot);
  return { connectors, settings, environmentVariables };
}

/**
 * Refuses a folder whose manifest lists a connector it has no file of (deleted by hand, or Connectors/
 * renamed to another case), as pack does: read as a solution without it, extraction would report no
 * such connector and, with the last snapshot, remove its folder as one that left the solution. A
 * hand-made folder may keep the <Connector> element in Other/Customizations.xml, which pack takes:
 * that file is read only when a connector is missing from Connectors/.
 */
async function refuseMissingConnectors(
  folder: string,
  displayRoot: string,
  parts: ReadonlyMap<string, string>,
  manifestRoot: XmlElement,
  connectors: ReadonlyArray<{ name: string; element: XmlElement }>,
): Promise<void> {
  if (missingRootConnectors(manifestRoot, connectors).length === 0) return;
  const customizations = parts.get(FOLDER_CUSTOMIZATIONS) ?? FOLDER_CUSTOMIZATIONS;
  const shown = path.join(displayRoot, customizations);
  const inline = scanCustomizations(
    await fs.readFile(path.join(folder, customizations)),
    shown,
    UNPACKED_XML_HINT,
  ).connectors.map((element) => ({ name: connectorText(element, 'name')?.trim() ?? '', element }));
  const missing = missingRootConnectors(manifestRoot, [...connectors, ...inline]);
  if (missing.length > 0)
    throw missingConnectorError(
      path.join(displayRoot, FOLDER_SOLUTION),
      FOLDER_SOLUTION,
      missing[0]!,
      parts.keys(),
    );
}

/**
 * A folder holding no solution: a usage error (exit code 2), as a missing path is; its parts in other
 * letter case (other/) are named to rename, else the unpacked solutions inside it.
 */
async function notASolution(folder: string, displayRoot: string): Promise<UsageError> {
  return new UsageError(
    `is neither a solution zip nor an unpacked solution folder (no ${FOLDER_SOLUTION}).`,
    {
      location: { file: displayRoot },
      hint: (await misnamedPartsHint(folder)) ?? (await nestedSolutionHint(folder)),
    },
  );
}

/**
 * The parts of the solution as path in the solution's layout → file to read. In a folder unpacked
 * with both package types, a connector whose managed copy differs has that copy beside it
 * (Connectors/X_managed.xml): the same connector, read once from the unmanaged export, while a
 * connector whose own name ends in _managed is a connector of its own; `filesOfEither` knows which.
 */
async function solutionParts(
  folder: string,
  displayRoot: string,
  files: readonly string[],
): Promise<{ parts: Map<string, string>; settings: ManifestSettings; manifestRoot: XmlElement }> {
  const manifestFile = path.join(displayRoot, FOLDER_SOLUTION);
  const text = decodeUtf8Strict(await fs.readFile(path.join(folder, FOLDER_SOLUTION)), manifestFile);
  const root = parseXml(text, manifestFile, UNPACKED_XML_HINT);
  const manifest = readManifest(root, manifestFile, text);
  // readManifest found it: <ImportExportXml><SolutionManifest>.
  const settings = manifestSettings(firstChild(root, 'SolutionManifest')!);
  if (manifest.managed !== '2')
    return { parts: new Map(files.map((file) => [file, file])), settings, manifestRoot: root };
  const notes = await readBothNotes(folder, files);
  return {
    parts: filesOfEither(
      files.filter((file) => file !== FOLDER_BOTH_NOTES),
      notes,
    ),
    settings,
    manifestRoot: root,
  };
}
