import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  forgetTemporary,
  isUserError,
  makeFolderWithParents,
  optionWords,
  temporarySibling,
  UserError,
  writingTo,
  type MadeFolders,
  type SaySetting,
} from '@connector-alm/core';
import { commitFolder } from '../fs/commit-folder.js';
import { refuseNonFolder } from '../fs/folder-path.js';
import { refuseInside } from '../fs/path-inside.js';
import { checkJson, prettyJson, SOLUTION_JSON_HINT } from '../json/json-text.js';
import { sameJsonTokens } from '../json/same-json-tokens.js';
import { compareOrdinal, listFiles } from '../fs/list-files.js';
import { editorLeftover } from '../solution/editor-leftovers.js';
import { isMetadataName } from '../solution/layout.js';
import { decodeUtf8Strict } from '../text/decode.js';
import type { ZipLimits } from '../zip/limits.js';
import { mergeApiProperties, parseExistingApiProperties } from './api-properties.js';
import { makersEditWarning } from './makers-edits.js';
import { readSolutionConnectors } from './read-solution-connectors.js';
import { readmeFromTemplate } from './readme-template.js';
import { connectorFolder, sameConnectorIn, type EarlierFolder } from './renamed-connectors.js';
import { isIndependentPublisherFolder, isPng, REPOSITORY_FILES } from './repository-layout.js';
import type { SolutionConnector } from './solution-connector.js';

export interface ExtractOptions {
  limits?: Partial<ZipLimits>;
  /**
   * The code page of zip entry names without the UTF-8 flag, e.g. shift_jis for a zip made on
   * Japanese Windows (see zip/name-encoding).
   */
  zipNameEncoding?: string;
  /** How advice names a setting: the CLI's options by default, or an action's inputs. */
  say?: SaySetting;
  /**
   * The folder (relative to the destination root) a connector was extracted to before its display
   * name changed (see earlierFolderIn): a new folder without a readme gets that folder's readme and
   * other hand-written files instead of the template.
   */
  earlierFolder?: (connector: SolutionConnector) => EarlierFolder | undefined;
  /**
   * The connectors of the solution as last extracted to the destination (previousSource): a file
   * extraction writes from the solution that is in the folder with content neither they nor the
   * solution give was edited by the maker since, and the warning says its edit is replaced.
   */
  previousConnectors?: readonly SolutionConnector[];
}

export interface ExtractedConnector {
  name: string;
  displayName: string;
  /** The connector folder, relative to the destination root. */
  folder: string;
  /** The files whose content changed: `created` and `updated` together, sorted. */
  written: string[];
  /** Files the folder did not have. */
  created: string[];
  /** Files the folder had with other content: the solution's (or the merge's) replaced it. */
  updated: string[];
  unchanged: string[];
  deleted: string[];
  warnings: string[];
  /** When the connector had another folder before its display name changed (ExtractOptions.earlierFolder). */
  renamedFrom?: RenamedFrom;
}

export interface RenamedFrom {
  /** The earlier folder, relative to the destination root. */
  folder: string;
  /**
   * The maker's files copied from it into the new folder (relative to both), readme.md first: none
   * when the new folder had a readme already, or the earlier folder is gone.
   */
  kept: string[];
  /**
   * The files of the earlier folder that are nobody's writing and were not copied: file manager and
   * repository metadata (.DS_Store, Thumbs.db, .git*, …) and editors' leftovers (name~, .swp, .orig,
   * …), by the rules pack leaves them out of a solution by. They go with the earlier folder.
   */
  leftBehind: string[];
}

interface PreparedConnector {
  connector: SolutionConnector;
  folder: string;
  files: Map<string, string | Buffer>;
  /** The files of `files` that the folder has already, in any case. */
  present: Set<string>;
  remove: string[];
  /**
   * The folder's names of files of `files` that it has in another case (apidefinition.swagger.json,
   * Script.csx): the file extraction read is the one it replaces.
   */
  otherCase: string[];
  warnings: string[];
  renamedFrom?: RenamedFrom;
}

/**
 * Writes the custom connectors of a solution (zip or unpacked folder) into the PowerPlatformConnectors
 * layout, one folder per connector named after its display name. Every connector is converted and
 * checked before the first folder is touched. An existing folder keeps what the solution does not
 * carry: its readme, publisher, stackOwner, capabilities and any other file.
 */
export async function extractConnectors(
  source: string,
  destinationRoot: string,
  options: ExtractOptions = {},
): Promise<ExtractedConnector[]> {
  await refuseNonFolder(destinationRoot);
  const connectors = await readSolutionConnectors(source, {
    limits: options.limits,
    zipNameEncoding: options.zipNameEncoding,
    say: options.say,
  });
  // Checked once the source is known to be a solution: a zip has no inside, and a folder that is no
  // solution is refused as that.
  refuseInside(destinationRoot, source, {
    problem:
      'lies inside the unpacked solution to extract from: pack would put the connector folders into the solution.',
    hint: 'Give a folder outside it (e.g. beside it).',
    orEqual: true,
  });
  const folders = new Map<string, string>();
  const prepared: PreparedConnector[] = [];
  for (const connector of connectors) {
    const folder = connectorFolder(connector);
    const clash = folders.get(folder.toLowerCase());
    if (clash)
      throw new UserError(
        `has connectors '${clash}' and '${connector.name}' that would both be extracted to '${folder}'.`,
        { location: { file: source }, hint: 'Give them different display names.' },
      );
    folders.set(folder.toLowerCase(), connector.name);
    const earlier = options.earlierFolder?.(connector);
    const previous = options.previousConnectors && sameConnectorIn(options.previousConnectors, connector);
    prepared.push(
      await prepare(connector, path.join(destinationRoot, folder), folder, destinationRoot, {
        earlier,
        previous,
        say: options.say ?? optionWords,
      }),
    );
  }
  const results: ExtractedConnector[] = [];
  for (const item of prepared) results.push(await write(item, path.join(destinationRoot, item.folder)));
  return results;
}

async function prepare(
  connector: SolutionConnector,
  destination: string,
  folder: string,
  destinationRoot: string,
  before: {
    earlier: EarlierFolder | undefined;
    previous: SolutionConnector | undefined;
    say: SaySetting;
  },
): Promise<PreparedConnector> {
  const { earlier, previous } = before;
  const files = new Map<string, string | Buffer>();
  const warnings: string[] = [];
  const remove: string[] = [];
  const definition = connector.files.openapidefinition;
  if (!definition)
    throw new UserError(
      `Connector '${connector.name}' has no API definition (openapidefinition) in the solution.`,
    );
  // Where the connector came from: its side file in an unpacked folder, else the name it has in the solution.
  const definitionFile = definition.file ?? `${connector.name}_openapidefinition${definition.extension}`;
  const swaggerText = decodeUtf8Strict(definition.bytes, definitionFile);
  files.set(REPOSITORY_FILES.swagger, prettyJson(swaggerText, definitionFile, SOLUTION_JSON_HINT));

  await refuseNonFolder(destination);
  const existingNames = await fs.readdir(destination).catch(() => [] as string[]);
  // In any case, as the validator finds them: on Windows and macOS ApiProperties.json is the file
  // that apiProperties.json is written over. The name itself first: on Linux a folder may have both.
  const existing = (name: string): string | undefined =>
    existingNames.includes(name)
      ? name
      : existingNames.find((entry) => entry.toLowerCase() === name.toLowerCase());
  const apiPropertiesName = existing(REPOSITORY_FILES.apiProperties);
  const presentApiProperties =
    apiPropertiesName === undefined
      ? undefined
      : await fs.readFile(path.join(destination, apiPropertiesName));
  const existingApiProperties =
    apiPropertiesName === undefined
      ? undefined
      : parseExistingApiProperties(
          presentApiProperties!.toString('utf8'),
          path.join(destination, apiPropertiesName),
        );
  files.set(REPOSITORY_FILES.apiProperties, mergeApiProperties(connector, existingApiProperties));
  // What the folder holds under a name extraction writes; undefined where it holds none, or a
  // folder in the file's place (commitFolder replaces it and reports what it held).
  const presentBytes = (name: string): Promise<Buffer | undefined> | Buffer | undefined => {
    const present = existing(name);
    if (present === undefined) return undefined;
    if (name === REPOSITORY_FILES.apiProperties) return presentApiProperties;
    return fs.readFile(path.join(destination, present)).catch(() => undefined);
  };
  // The folder's formatting is the maker's (or the upstream repository's): a JSON file that holds
  // what extraction gives, but indented or spaced otherwise, stays byte for byte, as unchanged.
  for (const name of [REPOSITORY_FILES.swagger, REPOSITORY_FILES.apiProperties]) {
    const bytes = await presentBytes(name);
    if (bytes !== undefined && sameJsonTokens(bytes, files.get(name) as string)) files.set(name, bytes);
  }

  const icon = connector.files.iconblob;
  // The independent-publisher layout has no icons (upstream shows the generic one): extracting the
  // solution's would fail validation (ICON-IP-NONE).
  if (isIndependentPublisherFolder(destination)) {
    const iconName = existing(REPOSITORY_FILES.icon);
    if (iconName) {
      const present = await fs.readFile(path.join(destination, iconName));
      // Extraction wrote the solution's icon there before it stopped; that one goes, or the snapshot
      // keeps failing validation. Another is the maker's (or an older icon nobody can tell apart
      // from one): left alone, with a word on why it still fails.
      if (icon && present.equals(icon.bytes)) remove.push(iconName);
      else
        warnings.push(
          `${folder}/${iconName} is left alone: it is not the icon of '${connector.name}' in the solution, the only one extraction removes here. An independent-publisher connector has no icon.png (validation reports it as ICON-IP-NONE): delete it.`,
        );
    }
  } else if (icon && isPng(icon.bytes)) files.set(REPOSITORY_FILES.icon, icon.bytes);
  else if (icon)
    warnings.push(
      `The icon of '${connector.name}' is not a PNG (${icon.extension}); icon.png was not written.`,
    );

  const script = connector.files.customcodeblobcontent;
  if (script) files.set(REPOSITORY_FILES.script, script.bytes);
  else if (existing(REPOSITORY_FILES.script)) remove.push(existing(REPOSITORY_FILES.script)!);

  // The files extraction writes from the solution, against the solution as last extracted: a
  // difference from both is the maker's edit, and they should hear that it is replaced.
  if (previous)
    for (const [name, content] of files) {
      // A folder in a file's place holds no edit of it.
      const bytes = await presentBytes(name);
      if (bytes === undefined) continue;
      const warning = makersEditWarning(
        name,
        bytes,
        content,
        previous,
        path.join(destination, existing(name)!),
        before.say,
      );
      if (warning) warnings.push(warning);
    }

  // A renamed connector's new folder: the maker's readme is in the folder it had, which is about to
  // be removed as a connector that left. A folder with a readme of its own is the maker's already.
  const renamedFrom: RenamedFrom | undefined =
    earlier === undefined
      ? undefined
      : {
          folder: earlier.folder,
          ...(existing(REPOSITORY_FILES.readme)
            ? { kept: [], leftBehind: [] }
            : await keepHandWritten(destinationRoot, earlier, existing, files)),
        };
  if (!existing(REPOSITORY_FILES.readme) && !renamedFrom?.kept.some(isReadme)) {
    files.set(
      REPOSITORY_FILES.readme,
      readmeFromTemplate(
        checkJson(swaggerText, REPOSITORY_FILES.swagger, SOLUTION_JSON_HINT),
        connector.displayName,
      ),
    );
  }
  // Top-level names only: the files carried from a renamed connector's earlier folder are all new here.
  const present = new Set([...files.keys()].filter((name) => existing(name) !== undefined));
  const otherCase = [...present].map((name) => existing(name)!).filter((name) => !files.has(name));
  return {
    connector,
    folder,
    files,
    present,
    remove,
    otherCase,
    warnings,
    ...(renamedFrom ? { renamedFrom } : {}),
  };
}

const isReadme = (file: string): boolean => file.toLowerCase() === REPOSITORY_FILES.readme;

/** The readme extract would have written for a connector, if its API definition can be read. */
function earlierTemplate(connector: SolutionConnector): string | undefined {
  const definition = connector.files.openapidefinition;
  if (!definition) return undefined;
  try {
    const swagger = checkJson(decodeUtf8Strict(definition.bytes, 'earlier'), 'earlier', SOLUTION_JSON_HINT);
    return readmeFromTemplate(swagger, connector.displayName);
  } catch (error) {
    // An earlier definition that does not parse: its folder's readme is then kept as the maker's.
    if (isUserError(error)) return undefined;
    throw error;
  }
}

/** Files extract writes from the solution: the earlier folder's copies are stale, not the maker's. */
const EXTRACTED = new Set(
  Object.values(REPOSITORY_FILES)
    .filter((name) => name !== REPOSITORY_FILES.readme)
    .map((name) => name.toLowerCase()),
);

/**
 * A file that no one wrote: metadata of the repository or a file manager, or an editor's leftover,
 * by the rules pack leaves such files out of a solution by (layout, editor-leftovers). Carried into
 * a renamed connector's new folder, it would only be noise there and in the report.
 */
function isNobodysWriting(file: string): boolean {
  const segments = file.split('/');
  return segments.some(isMetadataName) || editorLeftover(segments[segments.length - 1]!) !== undefined;
}

/**
 * Adds to `files` what the maker wrote in the earlier folder of a renamed connector: its readme and
 * any other file that extract never writes (notes, images), those the new folder does not have.
 * Returns them (`kept`), and the files that no one wrote, which stay behind (`leftBehind`).
 */
async function keepHandWritten(
  destinationRoot: string,
  earlier: EarlierFolder,
  existing: (name: string) => string | undefined,
  files: Map<string, string | Buffer>,
): Promise<Omit<RenamedFrom, 'folder'>> {
  const folder = path.join(destinationRoot, earlier.folder);
  const stat = await fs.lstat(folder).catch(() => undefined);
  if (!stat?.isDirectory()) return { kept: [], leftBehind: [] };
  const kept: string[] = [];
  const leftBehind: string[] = [];
  for (const file of await listFiles(folder)) {
    const top = file.split('/')[0]!;
    if ((file === top && EXTRACTED.has(file.toLowerCase())) || existing(top)) continue;
    if (isNobodysWriting(file)) {
      leftBehind.push(file);
      continue;
    }
    const bytes = await fs.readFile(path.join(folder, file));
    // The template extract wrote for the old name, never edited: the new name gets its own.
    if (isReadme(file) && bytes.toString('utf8') === earlierTemplate(earlier.connector)) continue;
    files.set(file, bytes);
    kept.push(file);
  }
  // The readme first: it is what the maker looks for in the output.
  return { kept: [...kept.filter(isReadme), ...kept.filter((file) => !isReadme(file))], leftBehind };
}

function write(item: PreparedConnector, destination: string): Promise<ExtractedConnector> {
  return writingTo(destination, () => writeStaged(item, destination));
}

async function writeStaged(item: PreparedConnector, destination: string): Promise<ExtractedConnector> {
  const staging = temporarySibling(destination);
  // The output folder and its parents, when missing, are made for the first connector's staging
  // folder: kept once a connector is written there, removed when none is.
  let madeFolders: MadeFolders;
  try {
    madeFolders = makeFolderWithParents(staging);
  } catch (error) {
    forgetTemporary(staging);
    throw error;
  }
  let done = false;
  try {
    for (const [name, content] of item.files) {
      // Files kept from a renamed connector's earlier folder may lie in subfolders.
      await fs.mkdir(path.dirname(path.join(staging, name)), { recursive: true });
      await fs.writeFile(path.join(staging, name), content);
    }
    const committed = await commitFolder(staging, destination, { stale: 'keep' });
    for (const name of item.remove) await fs.rm(path.join(destination, name), { force: true });
    // Windows and macOS renamed such a file to the name written (commitFolder); Linux wrote that
    // name beside it, and the folder would hold two swaggers. Listed, not looked up: on the former
    // the old name finds the file just written.
    const names = await fs.readdir(destination);
    for (const name of item.otherCase) if (names.includes(name)) await fs.rm(path.join(destination, name));
    done = true;
    return {
      name: item.connector.name,
      displayName: item.connector.displayName,
      folder: item.folder,
      written: committed.written,
      created: committed.written.filter((file) => !item.present.has(file)),
      updated: committed.written.filter((file) => item.present.has(file)),
      unchanged: committed.unchanged,
      deleted: [...item.remove, ...item.otherCase].sort(compareOrdinal),
      warnings: item.warnings,
      ...(item.renamedFrom ? { renamedFrom: item.renamedFrom } : {}),
    };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
    forgetTemporary(staging);
    if (done) madeFolders.keep();
    else await madeFolders.remove();
  }
}
