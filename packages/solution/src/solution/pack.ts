import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  missingPathError,
  optionWords,
  type SaySetting,
  unreadablePathError,
  UsageError,
  type UserError,
} from '@connector-alm/core';
import { listFiles } from '../fs/list-files.js';
import { refuseInside } from '../fs/path-inside.js';
import { lostPartError, partNotAFileError } from './lost-part.js';
import { forEachConcurrently } from '../util/concurrency.js';
import { checkJson, minifyJson, minifyJsonIfJson, SOLUTION_JSON_HINT } from '../json/json-text.js';
import { decodeUtf8Strict } from '../text/decode.js';
import { withRecordedEnding, type RecordedEnding } from '../text/line-endings.js';
import { parseUtf8Xml, parseXml, UNPACKED_XML_HINT } from '../xml/parse-xml.js';
import { EXPORT_STYLE } from '../xml/xml-writer.js';
import { serializeXml } from '../xml/serialize-xml.js';
import type { XmlElement } from '../xml/xml-tree.js';
import { DEFAULT_ZIP_LIMITS, IN_MEMORY_ENTRY_BYTES } from '../zip/limits.js';
import { writeZipAtomically, type ZipSource } from '../zip/zip-writer.js';
import { FOLDER_BOTH_NOTES, readBothNotes } from './both-notes-file.js';
import { filesOfPackage } from './both-packages.js';
import { connectorName, connectorText, fileReferences } from './connector-element.js';
import { inManifestOrder } from './connector-order.js';
import { FOLDER_LINE_ENDINGS, MAX_RECORDED_BYTES, readLineEndings } from './line-endings-file.js';
import { contentTypesXml } from './content-types.js';
import { scanWriting } from './customizations.js';
import { scanCustomizations } from './customizations-scan.js';
import {
  FOLDER_CUSTOMIZATIONS,
  FOLDER_SOLUTION,
  isConnectorDocument,
  isConnectorJson,
  isFlowJson,
  isRepositoryFile,
  ZIP_CONTENT_TYPES,
  ZIP_CUSTOMIZATIONS,
  ZIP_SOLUTION,
  zipPathOf,
} from './layout.js';
import { readManifest, setManaged, setVersion } from './manifest.js';
import { lacksSolutionParts, nestedSolutionHint } from './nested-solution.js';
import { misnamedPartsHint } from './misnamed-parts.js';
import { isStrayOtherFile, strayOtherFileError } from './other-folder.js';
import { isLeftOut } from './left-out-files.js';
import { strayConnectorFolders } from './stray-connector-folders.js';
import {
  carriesValue,
  environmentVariableDefinition,
  readEnvironmentVariables,
} from './environment-variables.js';
import { pacSplitFiles, pacSplitLayoutError } from './pac-split-files.js';
import { missingConnectorError } from './missing-connector-error.js';
import { missingConnectorPartError } from './missing-connector-part-error.js';
import { missingRootConnectors } from './root-connectors.js';
import { solutionError } from './solution-errors.js';
import { checkSolutionVersion } from './solution-settings.js';
import { compareVersions } from './solution-version.js';
import { isStrayTemplatesFile, strayTemplatesFileError } from './templates-folder.js';

export interface PackOptions {
  /**
   * Default auto: the folder's kind, the unmanaged one for a folder of both exports (one zip is
   * written here; packSolutionPackages writes both). `managed` needs a folder unpacked from a managed export.
   */
  packageType?: 'auto' | 'unmanaged' | 'managed';
  /** Sets `<Version>` in the zip, e.g. the release being built; one Dataverse refuses is a SolutionSettingError. */
  version?: string;
  /** Most entries the zip may hold (default DEFAULT_ZIP_LIMITS.maxEntries, what unpack reads). */
  maxEntries?: number;
  /** How advice names a setting: in the CLI's options (the default) or an action's inputs. */
  say?: SaySetting;
}

export interface PackResult {
  zip: string;
  uniqueName: string;
  version: string;
  managed: boolean;
  connectors: string[];
  /** Zip entries in the order written. */
  entries: string[];
  /**
   * Files of the folder that are not part of the solution and were left out of the zip (folder
   * relative, sorted): the ones at its root, those of a root folder holding a connector in the
   * PowerPlatformConnectors layout, and the leftovers of editors and git, see leftOutReason;
   * leftOutWarnings says each. Repository files are never listed.
   */
  leftOut: string[];
  /**
   * The schema names of the environment variables the zip gives no value (no default value, no
   * current value): an import must give them one (deployment settings), or the environment has to.
   */
  variablesWithoutValue: string[];
}

const decodeUtf8Lenient = (bytes: Uint8Array): string =>
  new TextDecoder('utf-8', { fatal: false }).decode(bytes);

/** Packs an unpacked solution folder into an importable zip, written atomically. */
export async function packSolution(
  folder: string,
  zipPath: string,
  options: PackOptions = {},
): Promise<PackResult> {
  if (options.version !== undefined) checkSolutionVersion(options.version);
  // A path pack cannot work on at all (missing, a file, a folder holding no unpacked solution) is a
  // usage error (exit code 2); a solution whose parts are wrong is not.
  const stat = await fs.stat(folder).catch(() => undefined);
  const hint = 'Give the folder that unpack wrote (the one holding Other/).';
  if (!stat) throw missingPathError(folder, hint);
  if (!stat.isDirectory()) throw new UsageError('is not a folder.', { location: { file: folder }, hint });
  // Refused before it is listed: a folder given by mistake may be a home folder or a drive.
  if (await lacksSolutionParts(folder)) throw await notAnUnpackedSolution(folder);
  const all = await listFiles(folder, isRepositoryFile);
  const hasManifest = all.includes(FOLDER_SOLUTION);
  const hasCustomizations = all.includes(FOLDER_CUSTOMIZATIONS);
  // Listed only when a file: a folder or link there is named as such, not as a missing part.
  if (!hasManifest || !hasCustomizations) {
    const notAFile = await partNotAFileError(folder);
    if (notAFile) throw notAFile;
  }
  // One of the two is a folder unpack wrote that lost a file: a solution with a part missing.
  if (hasManifest !== hasCustomizations) throw lostPartError(folder, hasManifest, all);
  // Both there under other names (other/solution.xml on a case-insensitive disk): no solution either,
  // and the hint names the rename.
  if (!hasManifest) throw await notAnUnpackedSolution(folder);
  // Once the folder is known to be a solution, so that a folder that is none is refused as that.
  await refuseInside(zipPath, folder, {
    problem: 'lies inside the folder to pack: the next pack would put it into the solution.',
    hint: 'Write the zip outside that folder (e.g. beside it).',
  });
  const located = (file: string): string => path.join(folder, file);
  // The zip writer turns '\' into '/', so such a file would be packed under another name (or twice).
  const backslashed = all.find((file) => file.includes('\\'));
  if (backslashed !== undefined)
    throw solutionError(
      located(backslashed),
      "has '\\' in its name, which a zip holds as a folder separator (Windows reads it so too).",
      "Rename the file without '\\'.",
    );
  // A folder of pac's split layout would pack into a zip without its tables, roles, apps, …
  const split = pacSplitFiles(all);
  if (split.length > 0) throw pacSplitLayoutError(folder, split);
  const readBytes = async (file: string): Promise<Buffer> => {
    const bytes = await readFolderFile(located(file));
    if (bytes.length > IN_MEMORY_ENTRY_BYTES)
      throw solutionError(located(file), 'is too large for a solution part.');
    return bytes;
  };
  const readText = async (file: string): Promise<string> =>
    decodeUtf8Strict(await readBytes(file), located(file));
  const readXml = async (file: string): Promise<XmlElement> =>
    parseUtf8Xml(await readBytes(file), located(file), UNPACKED_XML_HINT);

  // As text, which places a refused name or version at its line: the file is a few kilobytes.
  const readManifestFile = async (file: string) => {
    const text = await readText(file);
    const root = parseXml(text, located(file), UNPACKED_XML_HINT);
    return { root, manifest: readManifest(root, located(file), text) };
  };
  const { root: solution, manifest } = await readManifestFile(FOLDER_SOLUTION);
  // The managed zip's manifest of a folder of both, whose name and version go out as the unmanaged one's.
  const readManagedManifest = async (file: string) => (await readManifestFile(file)).root;
  const managed = resolveManaged(manifest.managed, options.packageType ?? 'auto', located(FOLDER_SOLUTION));
  const endings = await readLineEndings(folder, all);
  const strays = strayConnectorFolders(all);
  const leftOut = all.filter((file) => isLeftOut(file, strays));
  const packable = all.filter((file) => file !== FOLDER_LINE_ENDINGS && !isLeftOut(file, strays));
  const files = await selectPackageFiles(folder, packable, manifest.managed === '2', managed);
  // Files Dataverse would not read from the zip: lost at import without a word.
  for (const [logical, actual] of files) {
    if (isStrayOtherFile(logical)) throw strayOtherFileError(folder, actual, logical);
    if (isStrayTemplatesFile(logical)) throw strayTemplatesFileError(folder, actual, logical);
  }
  const solutionFile = files.get(FOLDER_SOLUTION)!;
  const solutionRoot = solutionFile === FOLDER_SOLUTION ? solution : await readManagedManifest(solutionFile);
  setManaged(solutionRoot, located(solutionFile), managed ? '1' : '0');
  if (options.version) setVersion(solutionRoot, located(solutionFile), options.version);
  // A version given is written into both manifests, which then agree whatever the folder says.
  if (manifest.managed === '2' && !options.version) {
    const managedFile = managed
      ? solutionFile
      : (await selectPackageFiles(folder, packable, true, true)).get(FOLDER_SOLUTION)!;
    if (managedFile !== FOLDER_SOLUTION) {
      const managedRoot = managedFile === solutionFile ? solutionRoot : await readXml(managedFile);
      const managedVersion = readManifest(managedRoot, located(managedFile)).version;
      if (compareVersions(managedVersion, manifest.version) !== 0)
        throw twoVersionsError(
          folder,
          managedFile,
          managedVersion,
          manifest.version,
          options.say ?? optionWords,
        );
    }
  }

  const customizationsFile = files.get(FOLDER_CUSTOMIZATIONS)!;
  const customizationsBytes = await readBytes(customizationsFile);
  const connectors: Array<{ name: string; element: XmlElement }> = [];
  const sources = new Map<string, ZipSource>();
  const parts = [...files].filter(
    ([logical]) => logical !== FOLDER_SOLUTION && logical !== FOLDER_CUSTOMIZATIONS,
  );
  await forEachConcurrently(parts, 8, async ([logical, actual]) => {
    if (isConnectorDocument(logical)) {
      const element = await readXml(actual);
      if (element.name !== 'Connector') {
        throw solutionError(
          located(actual),
          `has a <${element.name}> root; a connector file holds one <Connector>.`,
        );
      }
      connectors.push({ name: connectorName(element, located(actual)), element });
      return;
    }
    const name = zipPathOf(logical);
    if (isConnectorJson(logical)) {
      // Checked now, so a bad file stops the pack before the zip is started; minified when written.
      checkJson(await readText(actual), located(actual), SOLUTION_JSON_HINT);
      sources.set(name, {
        name,
        load: async () =>
          Buffer.from(minifyJson(await readText(actual), located(actual), SOLUTION_JSON_HINT)),
      });
    } else if (isFlowJson(logical)) {
      // Unpack pretty-printed it when it was JSON; the zip has it on one line, as exports do.
      sources.set(name, {
        name,
        load: async () => {
          const bytes = await readFolderFile(located(actual));
          const text = bytes.length <= IN_MEMORY_ENTRY_BYTES ? decodeUtf8Lenient(bytes) : '';
          const minified = minifyJsonIfJson(text, located(actual), SOLUTION_JSON_HINT);
          return minified === undefined ? bytes : Buffer.from(minified);
        },
      });
    } else sources.set(name, await copiedPart(name, located(actual), endings.get(actual)));
  }).catch((error: unknown) => {
    // customizations.xml is read once the connectors to put in it are (see below), but bad XML in it
    // is still told before what is wrong with the other files, as when it was read first.
    scanCustomizations(customizationsBytes, located(customizationsFile), UNPACKED_XML_HINT);
    throw error;
  });
  // Read concurrently, so in no particular order until put in the manifest's.
  const ordered = inManifestOrder(connectors, solutionRoot);
  // Written as it is read, with the connectors put in (see scanWriting); a megabyte of chunks for a
  // megabyte of XML, held until the zip is written.
  const customizationsChunks: Buffer[] = [];
  const pass = scanWriting(
    customizationsBytes,
    located(customizationsFile),
    UNPACKED_XML_HINT,
    EXPORT_STYLE,
    ordered,
  );
  let step = pass.next();
  for (; !step.done; step = pass.next()) customizationsChunks.push(step.value);
  const { scan: customizations, again } = step.value;
  // What was written in one pass is wrong then: the zip gets the second pass's chunks instead.
  if (again !== undefined) customizationsChunks.length = 0;
  for (const { name, element } of ordered) {
    for (const reference of fileReferences(element, located(`Connectors/${name}.xml`))) {
      if (!sources.has(reference.zipName))
        throw missingConnectorPartError(located(`Connectors/${name}.xml`), reference.zipName, files.keys());
    }
  }
  // A hand-made folder may keep <Connector> elements in the customizations; those are packed too.
  const missing = missingRootConnectors(solutionRoot, [
    ...ordered,
    ...customizations.connectors.map((element) => ({
      name: connectorText(element, 'name')?.trim() ?? '',
      element,
    })),
  ]);
  if (missing.length > 0)
    throw missingConnectorError(located(solutionFile), solutionFile, missing[0]!, files.keys());

  const entries: ZipSource[] = [
    { name: ZIP_CUSTOMIZATIONS, chunks: () => again ?? customizationsChunks },
    { name: ZIP_SOLUTION, data: Buffer.from(serializeXml(solutionRoot, EXPORT_STYLE)) },
    ...[...sources.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  ];
  entries.push({
    name: ZIP_CONTENT_TYPES,
    data: Buffer.from(contentTypesXml(entries.map((entry) => entry.name))),
  });
  // The folder is the repository's, so a pull request decides how many entries there are; the zip
  // writer (yazl) is quadratic in them (48,000: 21 s), and unpack would refuse such a zip anyway.
  const maxEntries = options.maxEntries ?? DEFAULT_ZIP_LIMITS.maxEntries;
  if (entries.length > maxEntries)
    throw solutionError(
      folder,
      `would pack into a zip of ${entries.length} entries, more than the limit of ${maxEntries} that unpack and extract-connectors read.`,
      'Remove the files the solution does not need, or raise the limit (--max-entries) if it really holds that many.',
    );
  // For the warning that the import must give these a value; a definition that is not XML is told here.
  const variablesWithoutValue = (await readEnvironmentVariables(folder, files, endings, folder))
    .filter((variable) => !carriesValue(variable))
    .map((variable) => environmentVariableDefinition(variable).schemaName);
  await writeZipAtomically(zipPath, entries);
  return {
    zip: zipPath,
    uniqueName: manifest.uniqueName,
    // The version of the manifest written, which for a managed zip is Solution_managed.xml's.
    version: readManifest(solutionRoot, located(solutionFile)).version,
    managed,
    connectors: connectors.map((c) => c.name).sort(),
    entries: entries.map((entry) => entry.name),
    leftOut,
    variablesWithoutValue,
  };
}

const GIVE_VERSION = { option: '--solution-version', input: 'the version input' };

/**
 * A folder of both exports whose two manifests name different versions (hand-edited, or unpacked
 * before unpack refused such a pair): its unmanaged and managed zips would be different builds,
 * where every environment is meant to get the same one.
 */
function twoVersionsError(
  folder: string,
  managedFile: string,
  managedVersion: string,
  version: string,
  say: SaySetting,
): UserError {
  return solutionError(
    path.join(folder, managedFile),
    `has version ${managedVersion} but ${FOLDER_SOLUTION} has ${version}: the managed zip and the unmanaged zip would be different builds.`,
    `Give the version to pack (${say(GIVE_VERSION)}), which both zips get, or make the two <Version> elements the same.`,
  );
}

/**
 * A folder that holds no unpacked solution: a usage error (exit code 2), naming its parts in other
 * letter case to rename (other/), else the unpacked solutions inside it.
 */
async function notAnUnpackedSolution(folder: string): Promise<UsageError> {
  return new UsageError(
    `is not an unpacked solution: it has no ${FOLDER_SOLUTION} and ${FOLDER_CUSTOMIZATIONS}.`,
    {
      location: { file: folder },
      hint: (await misnamedPartsHint(folder)) ?? (await nestedSolutionHint(folder)),
    },
  );
}

/**
 * A part unpack copied as it is: its bytes, with the line endings the export had whatever a git
 * checkout made of them (see text/line-endings); one too large to record, streamed as it is.
 */
async function copiedPart(
  name: string,
  file: string,
  recorded: RecordedEnding | undefined,
): Promise<ZipSource> {
  const { size } = await fs.stat(file).catch(unreadable(file));
  if (size > MAX_RECORDED_BYTES) return { name, file };
  return { name, load: async () => withRecordedEnding(await readFolderFile(file), recorded) };
}

/**
 * A file of the folder, read now or as the zip is written: a refusal of the file system (no
 * permission, a failing disk) is said of the file, as unpack and validate say it, not thrown bare
 * (then "failed unexpectedly … a bug").
 */
function readFolderFile(file: string): Promise<Buffer> {
  return fs.readFile(file).catch(unreadable(file));
}

/** Rethrows a read error of `file` as unreadablePathError says it, if it is a refusal. */
function unreadable(file: string): (error: unknown) => never {
  return (error) => {
    throw unreadablePathError(file, error) ?? error;
  };
}

/**
 * Whether the zip of a folder whose `<Managed>` is `flag` is managed, for the package type asked;
 * throws for the kind a folder of one export cannot give.
 */
export function resolveManaged(
  flag: '0' | '1' | '2',
  requested: 'auto' | 'unmanaged' | 'managed',
  file: string,
): boolean {
  if (requested === 'auto') return flag === '1';
  const managed = requested === 'managed';
  // SolutionPackager cannot turn one kind into the other either: the managed parts are not there.
  if (flag === '0' && managed)
    throw solutionError(
      file,
      'is unmanaged (<Managed>0</Managed>); it cannot be packed as managed.',
      'Unpack both exports (package type both) to pack either kind.',
    );
  if (flag === '1' && !managed)
    throw solutionError(file, 'is managed (<Managed>1</Managed>); it cannot be packed as unmanaged.');
  return managed;
}

/**
 * The folder files that make up one package type, as path in the zip's layout → file to read. A
 * folder of one export is that package as it is; one that holds both is split by `filesOfPackage`.
 */
async function selectPackageFiles(
  folder: string,
  all: readonly string[],
  holdsBoth: boolean,
  managed: boolean,
): Promise<Map<string, string>> {
  if (!holdsBoth) return new Map(all.map((file) => [file, file]));
  const notes = await readBothNotes(folder, all);
  return filesOfPackage(
    all.filter((file) => file !== FOLDER_BOTH_NOTES),
    notes,
    managed,
  );
}
