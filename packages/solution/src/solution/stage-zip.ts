import { promises as fs } from 'node:fs';
import path from 'node:path';
import { prettyJson, prettyJsonIfJson, SOLUTION_JSON_HINT } from '../json/json-text.js';
import { EXPORTED_XML_HINT, parseXml } from '../xml/parse-xml.js';
import { serializeXml } from '../xml/serialize-xml.js';
import { UNPACKED_STYLE } from '../xml/xml-writer.js';
import { forEachConcurrently } from '../util/concurrency.js';
import { IN_MEMORY_ENTRY_BYTES } from '../zip/limits.js';
import { PathTree } from '../zip/path-tree.js';
import { ZipError } from '../zip/zip-errors.js';
import type { ZipReader } from '../zip/zip-reader.js';
import type { ZipEntryInfo } from '../zip/zip-entry-info.js';
import { connectorName, fileReferences } from './connector-element.js';
import { scanWriting } from './customizations.js';
import { takenConnectors, type CustomizationsScan } from './customizations-scan.js';
import {
  FOLDER_CONNECTOR_FOLDER,
  FOLDER_CUSTOMIZATIONS,
  FOLDER_SOLUTION,
  folderPathOf,
  isConnectorJson,
  isFlowJson,
  isRepositoryFile,
  ZIP_CONTENT_TYPES,
  ZIP_CUSTOMIZATIONS,
  ZIP_SOLUTION,
} from './layout.js';
import { readManifest, setManaged, setVersion, type ManagedFlag, type ManifestSummary } from './manifest.js';
import { isLeftOut, leftOutEntryError } from './left-out-files.js';
import { strayConnectorFolders } from './stray-connector-folders.js';
import { NotASolutionError, solutionError } from './solution-errors.js';
import { readPartBytes, readPartText } from './part-text.js';
import { EndingCounter, recordedEnding, type RecordedEnding } from '../text/line-endings.js';
import { MAX_RECORDED_BYTES } from './line-endings-file.js';
import { writeFailure } from '@connector-alm/core';

export interface StageOptions {
  /** Overrides `<Managed>`, e.g. 2 when unmanaged and managed exports are unpacked together. */
  managed?: ManagedFlag;
  /** Replaces `<Version>`, e.g. 0.0.0.0 so that version bumps do not show in every diff. */
  resetVersion?: string;
}

export interface StagedSolution {
  manifest: ManifestSummary;
  /** Connector names, sorted. */
  connectors: string[];
  /**
   * Where the connectors' `<Connector>` elements are in the zip, as errors name it: the zip and its
   * customizations.xml entry, in the entry's own case (`solution.zip/customizations.xml`).
   */
  connectorsAt: string;
  /** Files written, relative to the staging folder, sorted. */
  files: string[];
  /**
   * The line ending to record (see text/line-endings) of the files unpack wrote, undefined where
   * there is none to record: those unpack writes itself (it parses and lays them out, as pack does
   * again), the parts copied whole, and those streamed (seen as they streamed).
   */
  endings: Map<string, RecordedEnding | undefined>;
}

/**
 * Unpacks a checked solution archive into an empty staging folder in the canonical layout, one
 * entry at a time so that memory stays flat. A bad part stops it with a located error; the caller
 * then removes the staging folder, so the target never sees a half-unpacked solution.
 */
export async function stageSolutionZip(
  reader: ZipReader,
  staging: string,
  options: StageOptions = {},
): Promise<StagedSolution> {
  const archive = reader.displayName;
  const files = reader.files;
  const solutionEntry = findRoot(files, ZIP_SOLUTION);
  const customizationsEntry = findRoot(files, ZIP_CUSTOMIZATIONS);
  if (!solutionEntry || !customizationsEntry)
    throw new NotASolutionError(
      archive,
      files.map((entry) => entry.name),
    );

  const located = (entry: ZipEntryInfo): string => `${archive}/${entry.name}`;
  const readText = (entry: ZipEntryInfo): Promise<string> => readPartText(reader, entry, located(entry));

  // As text, which places a refused name or version at its line: the entry is a few kilobytes.
  const solutionText = await readText(solutionEntry);
  const solution = parseXml(solutionText, located(solutionEntry), EXPORTED_XML_HINT);
  const manifest = readManifest(solution, located(solutionEntry), solutionText);
  if (options.managed) setManaged(solution, located(solutionEntry), options.managed);
  if (options.resetVersion) setVersion(solution, located(solutionEntry), options.resetVersion);

  // Written as it is read (see scanWriting): the file stays in the staging folder, which goes with a
  // failure, whatever the reading finds wrong after.
  const customizations = await writeCustomizations(
    await readPartBytes(reader, customizationsEntry, located(customizationsEntry)),
    located(customizationsEntry),
    path.join(staging, FOLDER_CUSTOMIZATIONS),
  ).catch(entryNotWritten(archive, customizationsEntry.name));
  const connectors = takenConnectors(customizations).map((element) => ({
    element,
    name: connectorName(element, located(customizationsEntry)),
  }));

  // The files written, each with what it is unpacked from: two of them at one path, or a file where
  // another needs a folder (WebResources/a beside WebResources/a/b), could not both be written.
  const outputs = new PathTree<string>();
  const claim = (folderPath: string, source: string): void => {
    const clash = outputs.place(folderPath, false, source);
    if (clash === undefined) return;
    const problem =
      clash.kind === 'same-path'
        ? `${source} and ${clash.other} would both be unpacked to ${folderPath}.`
        : clash.kind === 'needed-as-folder'
          ? `${source} would be unpacked to ${folderPath}, which ${clash.other} needs as a folder.`
          : `${source} needs ${clash.folder} as a folder, but ${clash.other} would be unpacked to it as a file.`;
    throw solutionError(archive, problem, 'The archive is not a consistent solution.');
  };
  claim(FOLDER_SOLUTION, ZIP_SOLUTION);
  claim(FOLDER_CUSTOMIZATIONS, ZIP_CUSTOMIZATIONS);
  const byName = new Map(files.map((entry) => [entry.name, entry]));
  for (const { element, name } of connectors) {
    claim(`${FOLDER_CONNECTOR_FOLDER}${name}.xml`, `connector '${name}'`);
    for (const reference of fileReferences(
      element,
      `${located(customizationsEntry)} (connector '${name}')`,
    )) {
      if (!byName.has(reference.zipName)) {
        throw solutionError(
          located(customizationsEntry),
          `connector '${name}' refers to /${reference.zipName}, which the archive does not have.`,
        );
      }
    }
  }
  const others = files.filter(
    (entry) => entry !== solutionEntry && entry !== customizationsEntry && entry.name !== ZIP_CONTENT_TYPES,
  );
  // Checked here, once the zip is known to be a solution: another zip is refused as not one. A
  // repository file name (.gitignore) is refused by unpack with a message of its own.
  // A folder holding a connector's swagger is told by the entries, as pack tells it by the files.
  const strays = strayConnectorFolders(others.map((entry) => folderPathOf(entry.name)));
  const leftOut = others.find((entry) => {
    const folderPath = folderPathOf(entry.name);
    return isLeftOut(folderPath, strays) && !isRepositoryFile(folderPath);
  });
  if (leftOut !== undefined)
    throw leftOutEntryError(archive, leftOut.name, folderPathOf(leftOut.name), strays);
  for (const entry of others) claim(folderPathOf(entry.name), entry.name);

  const written: string[] = [FOLDER_CUSTOMIZATIONS];
  const endings = new Map<string, RecordedEnding | undefined>([[FOLDER_CUSTOMIZATIONS, undefined]]);
  // A thousand entries share a few folders: each is made once, not once per file.
  const folders = new Map<string, Promise<unknown>>();
  const makeFolderOf = (destination: string): Promise<unknown> => {
    const folder = path.dirname(destination);
    let made = folders.get(folder);
    if (!made) folders.set(folder, (made = fs.mkdir(folder, { recursive: true })));
    return made;
  };
  const write = async (folderPath: string, content: string | Buffer): Promise<void> => {
    const destination = path.join(staging, folderPath);
    await makeFolderOf(destination);
    await fs.writeFile(destination, content, { flag: 'wx' });
    written.push(folderPath);
    endings.set(folderPath, undefined);
  };
  const copyEntry = async (entry: ZipEntryInfo): Promise<void> => {
    const folderPath = folderPathOf(entry.name);
    if (isConnectorJson(folderPath)) {
      await write(folderPath, prettyJson(await readText(entry), located(entry), SOLUTION_JSON_HINT));
      return;
    }
    if (isFlowJson(folderPath) && entry.size <= IN_MEMORY_ENTRY_BYTES) {
      // Only when it is JSON: a flow file is the platform's, not ours to refuse, and pack minifies it
      // back only when it is JSON, so whatever else it holds goes through byte for byte.
      const text = new TextDecoder('utf-8', { fatal: false }).decode(await reader.readBuffer(entry));
      const laidOut = prettyJsonIfJson(text, located(entry), SOLUTION_JSON_HINT);
      if (laidOut !== undefined) {
        await write(folderPath, laidOut);
        return;
      }
    }
    const destination = path.join(staging, folderPath);
    await makeFolderOf(destination);
    // A streamed part's ending is found as it streams, not by reading the file back; one too large
    // to record gets none, as when read back (see lineEndingsXml).
    const counter = entry.size <= MAX_RECORDED_BYTES ? new EndingCounter() : undefined;
    const whole = await reader.copyToFile(entry, destination, {
      observe: counter && ((chunk) => counter.add(chunk)),
    });
    written.push(folderPath);
    if (whole) endings.set(folderPath, recordedEnding(whole));
    else endings.set(folderPath, counter?.recorded());
  };
  // All parts in one concurrent run: hundreds of connector files written one after the other
  // would each wait for their own open, write and close. Each part is made only when its turn
  // comes, so that memory stays flat.
  const parts: Array<[entry: string, part: () => Promise<void>]> = [
    [solutionEntry.name, () => write(FOLDER_SOLUTION, serializeXml(solution, UNPACKED_STYLE))],
    ...connectors.map(({ element, name }): [string, () => Promise<void>] => [
      customizationsEntry.name,
      () => write(`${FOLDER_CONNECTOR_FOLDER}${name}.xml`, serializeXml(element, UNPACKED_STYLE)),
    ]),
    ...others.map((entry): [string, () => Promise<void>] => [entry.name, () => copyEntry(entry)]),
  ];
  await forEachConcurrently(parts, 8, ([entry, part]) => part().catch(entryNotWritten(archive, entry)));
  return {
    manifest,
    connectors: connectors.map((c) => c.name).sort(),
    connectorsAt: located(customizationsEntry),
    files: written.sort(),
    endings,
  };
}

/**
 * customizations.xml without its connectors, written to `destination` as it is read; its scan. A file
 * with mixed content is written again from the scan (see scanWriting).
 */
async function writeCustomizations(
  bytes: Uint8Array,
  file: string,
  destination: string,
): Promise<CustomizationsScan> {
  await fs.mkdir(path.dirname(destination), { recursive: true });
  const handle = await fs.open(destination, 'wx');
  let result;
  try {
    const pass = scanWriting(bytes, file, EXPORTED_XML_HINT, UNPACKED_STYLE);
    let step = pass.next();
    for (; !step.done; step = pass.next()) await handle.writeFile(step.value);
    result = step.value;
  } finally {
    await handle.close();
  }
  if (result.again !== undefined) await fs.writeFile(destination, result.again);
  return result.scan;
}

/**
 * A folder or file the file system refuses (a path longer than it allows, a full disk) is the entry's
 * or the machine's problem, told with the entry, not a failure of ours; any other error goes on as it is.
 */
function entryNotWritten(archive: string, entry: string): (error: unknown) => never {
  return (error) => {
    const failure = writeFailure(error);
    if (failure === undefined) throw error;
    throw new ZipError(archive, entry, `cannot be written: ${failure.reason}.`, failure.hint);
  };
}

function findRoot(files: readonly ZipEntryInfo[], name: string): ZipEntryInfo | undefined {
  return (
    files.find((entry) => entry.name === name) ?? files.find((entry) => entry.name.toLowerCase() === name)
  );
}
