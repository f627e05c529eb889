import { promises as fs } from 'node:fs';
import path from 'node:path';
import { editorLeftover, isUserError } from '@connector-alm/core';
import { checkJson, SOLUTION_JSON_HINT } from '../json/json-text.js';
import { listFiles } from '../fs/list-files.js';
import { isMetadataName } from '../solution/layout.js';
import { decodeUtf8Strict } from '../text/decode.js';
import { parseExistingApiProperties } from './api-properties.js';
import type { RenamedFrom } from './extracted-connector.js';
import { isTemplateReadme, readmeFromTemplate } from './readme-template.js';
import type { EarlierFolder } from './renamed-connectors.js';
import { REPOSITORY_FILES } from './repository-layout.js';
import type { SolutionConnector } from './solution-connector.js';

export const isReadme = (file: string): boolean => file.toLowerCase() === REPOSITORY_FILES.readme;

/** The readme extract would have written for a connector, if its API definition can be read. */
export function earlierTemplate(connector: SolutionConnector): string | undefined {
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
 * by the rules pack leaves such files out of a solution by (layout, core's editor-leftovers). Carried into
 * a renamed connector's new folder, it would only be noise there and in the report.
 */
export function isNobodysWriting(file: string): boolean {
  const segments = file.split('/');
  return segments.some(isMetadataName) || editorLeftover(segments[segments.length - 1]!) !== undefined;
}

/**
 * What the new folder holds at `file` (a path of the earlier folder): its bytes; `missing` when it
 * has nothing there; `other` when something else is in the way (a folder, or a file where the path
 * has a folder). Its top-level name is looked up in any case, as the validator finds files.
 */
async function heldAt(
  destination: string,
  file: string,
  existing: (name: string) => string | undefined,
): Promise<Buffer | 'missing' | 'other'> {
  const [top, ...rest] = file.split('/');
  const name = existing(top!);
  if (name === undefined) return 'missing';
  const target = path.join(destination, name, ...rest);
  const stat = await fs
    .lstat(target)
    .catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : ('other' as const)));
  if (stat === undefined) return 'missing';
  if (stat === 'other' || !stat.isFile()) return 'other';
  return fs.readFile(target);
}

/**
 * Adds to `files` what the maker wrote in the earlier folder of a renamed connector: its readme and
 * any other file that extract never writes (notes, images), those the new folder (`destination`)
 * does not have. Returns them (`kept`), the files that no one wrote, which stay behind
 * (`leftBehind`), and the maker's files it could not carry because the new folder has another file
 * (or a folder) in their place (`notCarried`): the earlier folder must then stay, or they are lost.
 */
export async function keepHandWritten(
  destinationRoot: string,
  destination: string,
  earlier: EarlierFolder,
  existing: (name: string) => string | undefined,
  files: Map<string, string | Buffer>,
): Promise<Omit<RenamedFrom, 'folder'>> {
  const folder = path.join(destinationRoot, earlier.folder);
  const stat = await fs.lstat(folder).catch(() => undefined);
  if (!stat?.isDirectory()) return { kept: [], leftBehind: [] };
  const kept: string[] = [];
  const leftBehind: string[] = [];
  const notCarried: string[] = [];
  for (const file of await listFiles(folder)) {
    const top = file.split('/')[0]!;
    if (file === top && EXTRACTED.has(file.toLowerCase())) continue;
    if (isNobodysWriting(file)) {
      leftBehind.push(file);
      continue;
    }
    const bytes = await fs.readFile(path.join(folder, file));
    // The template extract wrote for the old name, never edited: the new name gets its own.
    if (isReadme(file) && isTemplateReadme(bytes.toString('utf8'), earlierTemplate(earlier.connector)))
      continue;
    const held = await heldAt(destination, file, existing);
    // The new folder has it already, as it is: nothing is lost when the earlier folder goes.
    if (Buffer.isBuffer(held) && held.equals(bytes)) continue;
    if (held !== 'missing') {
      notCarried.push(file);
      continue;
    }
    files.set(file, bytes);
    kept.push(file);
  }
  // The readme first: it is what the maker looks for in the output.
  return {
    kept: [...kept.filter(isReadme), ...kept.filter((file) => !isReadme(file))],
    leftBehind,
    ...(notCarried.length ? { notCarried } : {}),
  };
}

/**
 * The apiProperties.json of a renamed or moved connector's earlier folder (its name in any case, as
 * extraction finds it), parsed: extraction writes the file afresh from the solution, and merged with
 * this one it keeps the keys the maker owns there (publisher, stackOwner, capabilities …), which no
 * solution holds, as an extraction over the same folder keeps them. Undefined when the folder has
 * none; a file that does not read is refused at its place, as the folder's own would be.
 */
export async function earlierApiProperties(
  destinationRoot: string,
  earlier: EarlierFolder,
): Promise<Record<string, unknown> | undefined> {
  const folder = path.join(destinationRoot, earlier.folder);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const wanted = REPOSITORY_FILES.apiProperties;
  const name = names.includes(wanted)
    ? wanted
    : names.find((entry) => entry.toLowerCase() === wanted.toLowerCase());
  if (name === undefined) return undefined;
  const file = path.join(folder, name);
  // Not through a link: it may lead out of the root.
  if (!(await fs.lstat(file)).isFile()) return undefined;
  return parseExistingApiProperties(await fs.readFile(file), file);
}
