import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  type AskGit,
  forgetTemporary,
  type MadeFolders,
  makeFolderWithParents,
  optionWords,
  removeTemporary,
  type SaySetting,
  temporarySibling,
  UsageError,
  writingTo,
} from '@connector-alm/core';
import { commitFolder } from '../fs/commit-folder.js';
import { refuseNonFolder } from '../fs/folder-path.js';
import { realPathOf, refuseInside } from '../fs/path-inside.js';
import { FOLDER_SOLUTION } from '../solution/layout.js';
import { enclosingSolution } from '../solution/nested-solution.js';
import { compareOrdinal } from '../fs/list-files.js';
import type { ZipLimits } from '../zip/limits.js';
import type { ExtractedConnector } from './extracted-connector.js';
import type { LeftAloneFolder } from './left-connectors.js';
import { isNobodysWriting, isReadme } from './hand-written-files.js';
import { prepare, type PreparedConnector } from './prepared-connector.js';
import { readSolutionConnectors } from './read-solution-connectors.js';
import { connectorHomes } from './own-folder-finder.js';
import { refuseFolderClashes } from './folder-clashes.js';
import { selectConnectors, type ConnectorSelection } from './connector-selection.js';
import { refuseNestedRoots } from './nested-roots.js';
import { sameConnectorIn, type EarlierFolder } from './renamed-connectors.js';
import { rootFoldersOnce, type RootFolderListing } from './root-folders.js';
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
  /** The working directory advice names paths from: process.cwd() by default. */
  cwd?: string;
  /**
   * The folder (relative to the destination root) a connector was extracted to before its display
   * name changed (see earlierFolderIn): a new folder without a readme gets that folder's readme and
   * other hand-written files instead of the template. When that folder is not there, the one that
   * held the connector under another name is looked for (connectorHomes).
   */
  earlierFolder?: (connector: SolutionConnector) => EarlierFolder | undefined;
  /**
   * The connectors of the solution as last extracted to the destination (previousSource): a file
   * extraction writes from the solution that is in the folder with content neither they nor the
   * solution give was edited by the maker since, and the warning says its edit is replaced.
   */
  previousConnectors?: readonly SolutionConnector[];
  /**
   * Asks git whether files of a connector folder are committed (the validator's commitStates): a
   * file extraction would replace or delete that holds content nothing else has is left as it is
   * (guardUnsavedEdits). Undefined: every folder is taken to be outside a git work tree.
   */
  askGit?: AskGit;
  /**
   * The connectors to extract, each by its logical name or display name in any case (CLI
   * `--connector`, the action's `connectors`); undefined extracts every one. See selectConnectors.
   */
  selection?: readonly string[];
  /**
   * The other roots (absolute) that the same solution's connectors are extracted to, one selection
   * each (CLI `--other-root`, the action's `other-roots`): with previousConnectors, a selected
   * connector that this root has no folder for, and another root has as extracted, moves from there
   * (folderInOtherRoot). Undefined or empty: none.
   */
  otherRoots?: readonly string[];
}

/**
 * Writes the custom connectors of a solution (zip or unpacked folder) into the PowerPlatformConnectors
 * layout, one folder per connector named after its display name, or the folder that already holds it
 * under another name (ownFolderFinder). Every connector is converted and checked before the first
 * folder is touched. An existing folder keeps what the solution does not
 * carry: its readme, publisher, stackOwner, capabilities and any other file.
 */
export async function extractConnectors(
  source: string,
  destinationRoot: string,
  options: ExtractOptions = {},
): Promise<ExtractedConnector[]> {
  return (await extractConnectorsLeavingAlone(source, destinationRoot, options)).connectors;
}

/**
 * extractConnectors, with the folders found under a renamed connector's earlier display name that
 * it left alone as nothing shows they were its (connectorHomes), each with its warning: the caller
 * that has the previous solution (extractAndRemoveLeftConnectors) reports them with the left ones.
 * `rootFolders` is the caller's when it reads the destination root's folders too, so that one
 * extraction reads them once.
 */
export async function extractConnectorsLeavingAlone(
  source: string,
  destinationRoot: string,
  options: ExtractOptions = {},
  rootFolders: RootFolderListing = rootFoldersOnce(destinationRoot),
): Promise<{
  connectors: ExtractedConnector[];
  leftAlone: LeftAloneFolder[];
  selection: ConnectorSelection;
}> {
  await refuseNonFolder(destinationRoot);
  refuseNestedRoots(destinationRoot, options.otherRoots ?? [], options.say ?? optionWords);
  const all = await readSolutionConnectors(source, {
    limits: options.limits,
    zipNameEncoding: options.zipNameEncoding,
    say: options.say,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  // Checked once the source is known to be a solution: a zip has no inside, and a folder that is no
  // solution is refused as that.
  await refuseInside(destinationRoot, source, {
    problem:
      'lies inside the unpacked solution to extract from: pack would put the connector folders into the solution, or leave them out of it with a warning.',
    hint: 'Give a folder outside it (e.g. beside it).',
    orEqual: true,
  });
  // Whatever the source (another zip of the solution, most often): pack ships what lies in the folder.
  await refuseSolutionDestination(destinationRoot);
  const say = options.say ?? optionWords;
  const selection = selectConnectors(options.selection, all, options.previousConnectors ?? [], source, say);
  const connectors = selection.selected;
  const earlierFolders = connectors.map((connector) => options.earlierFolder?.(connector));
  const homes = await connectorHomes(source, destinationRoot, rootFolders, connectors, earlierFolders, {
    ...options,
    // Not written, but the folders named after them, now or before a rename, are still theirs.
    notSelected: selection.notSelected.map((connector) => ({
      connector,
      earlier: options.earlierFolder?.(connector),
    })),
  });
  await refuseFolderClashes(
    source,
    destinationRoot,
    all,
    selection,
    homes,
    (connector) => options.earlierFolder?.(connector),
    say,
  );
  const prepared: PreparedConnector[] = [];
  for (const [index, connector] of connectors.entries()) {
    const { folder, found, earlier } = homes[index]!;
    const previous = options.previousConnectors && sameConnectorIn(options.previousConnectors, connector);
    const item = await prepare(connector, path.join(destinationRoot, folder), folder, destinationRoot, {
      earlier,
      previous,
      say,
      askGit: options.askGit,
    });
    prepared.push(found ? { ...item, foundUnder: found } : item);
  }
  const results: ExtractedConnector[] = [];
  for (const [index, item] of prepared.entries()) {
    const written = await write(item, path.join(destinationRoot, item.folder));
    const renameTo = homes[index]!.renameTo;
    results.push(renameTo === undefined ? written : await renameToCase(destinationRoot, written, renameTo));
  }
  return { connectors: results, leftAlone: homes.flatMap((home) => home.leftAlone ?? []), selection };
}

/**
 * The folder's files that extraction left as they are, but those listed otherwise (`excluded`): those
 * it removed after committing, and those it left for their uncommitted edit; readme first.
 */
function keptFiles(others: readonly string[], excluded: readonly string[]): string[] {
  const kept = others.filter((file) => !excluded.includes(file));
  return [...kept.filter(isReadme), ...kept.filter((file) => !isReadme(file))];
}

/**
 * The folder of a connector whose display name changed only in letter case, written under its
 * earlier name, renamed to `folder`, the new one (folderInEarlierCase): every file in it moves
 * with it, so none is carried or left behind.
 */
async function renameToCase(
  destinationRoot: string,
  written: ExtractedConnector,
  folder: string,
): Promise<ExtractedConnector> {
  const target = path.join(destinationRoot, folder);
  await writingTo(target, () => fs.rename(path.join(destinationRoot, written.folder), target));
  return {
    ...written,
    folder,
    renamedFrom: { folder: written.folder, kept: [], leftBehind: [], caseOnly: true },
  };
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
    // Listed, as stale files are kept anyway: the maker should see that their readme stayed theirs.
    const committed = await commitFolder(staging, destination, {
      stale: 'keep',
      keep: (file) => !isNobodysWriting(file),
    });
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
      // A file left as it is for its uncommitted edit is listed as such, not among the maker's own.
      kept: keptFiles(committed.kept, [
        ...item.remove,
        ...item.otherCase,
        ...item.notReplaced.map(({ file }) => file),
        ...(item.templateReadme ? [item.templateReadme] : []),
      ]),
      ...(item.templateReadme ? { templateReadme: item.templateReadme } : {}),
      warnings: item.warnings,
      notReplaced: item.notReplaced,
      ...(item.renamedFrom ? { renamedFrom: item.renamedFrom } : {}),
      ...(item.foundUnder ? { foundUnder: item.foundUnder } : {}),
    };
  } finally {
    await removeTemporary(staging);
    forgetTemporary(staging);
    if (done) madeFolders.keep();
    else await madeFolders.remove();
  }
}

/** Refuses a destination root that is, or lies inside, an unpacked solution (enclosingSolution). */
async function refuseSolutionDestination(destinationRoot: string): Promise<void> {
  const solution = await enclosingSolution(destinationRoot);
  if (solution === undefined) return;
  const above = path.relative(await realPathOf(destinationRoot), solution);
  throw new UsageError(
    `${above === '' ? 'is an unpacked solution' : `lies inside the unpacked solution at ${above}`} (it holds ${FOLDER_SOLUTION}): pack would put the connector folders into the solution, or leave them out of it with a warning.`,
    { location: { file: destinationRoot }, hint: 'Give a folder outside it (e.g. beside it).' },
  );
}
