import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AskGit } from '@connector-alm/core';
import { listFiles } from '../fs/list-files.js';
import { earlierTemplate, isNobodysWriting, isReadme } from './hand-written-files.js';
import { isTemplateReadme } from './readme-template.js';
import { previouslyWritten, sameAsWritten } from './makers-edits.js';
import { REPOSITORY_FILES } from './repository-layout.js';
import type { SolutionConnector } from './solution-connector.js';
import { uncommittedFiles, type Uncommitted } from './uncommitted-files.js';

/** A file of a folder about to be removed that nothing else has, and why. */
export interface UnsavedFile {
  /** Relative to the folder, with '/'. */
  file: string;
  why: Uncommitted;
}

/** The names extraction writes from the solution, by their lower case: a folder may have them in another. */
const EXTRACTED = new Map(
  Object.values(REPOSITORY_FILES)
    .filter((name) => name !== REPOSITORY_FILES.readme)
    .map((name) => [name.toLowerCase(), name]),
);

/**
 * The files of `folder` (absolute) whose content would be lost with it: those that are neither what
 * extraction wrote there from `connector` as last extracted (its API definition, icon and script,
 * apiProperties.json as written into a new folder, the template readme), nor held alike at their
 * place in `movedTo` (a renamed connector's new folder, which extraction carried them into; the
 * maker's keys of apiProperties.json merged into its file, isCarriedApiProperties), nor
 * committed in git as they are (`askGit`; undefined: as outside a work tree). Editors' and file
 * managers' leftovers (.DS_Store, name~) are nobody's writing: a renamed connector's move leaves them
 * behind too, and git mostly ignores them, so that they would hold a folder in place forever.
 * `connector` undefined: nothing is known of what extraction wrote.
 */
export async function unsavedFilesIn(
  folder: string,
  from: { connector: SolutionConnector | undefined; movedTo?: string | undefined },
  askGit: AskGit | undefined,
): Promise<UnsavedFile[]> {
  const { connector, movedTo } = from;
  const inNewFolder = movedTo === undefined ? [] : await fs.readdir(movedTo).catch(() => [] as string[]);
  const unknown: string[] = [];
  for (const file of await listFiles(folder)) {
    if (isNobodysWriting(file)) continue;
    const bytes = await fs.readFile(path.join(folder, file));
    if (connector && isAsExtracted(file, bytes, connector, path.join(folder, file))) continue;
    const held = movedTo === undefined ? undefined : await heldIn(movedTo, inNewFolder, file);
    if (held?.equals(bytes)) continue;
    if (connector && held && isCarriedApiProperties(file, bytes, connector, held, path.join(folder, file)))
      continue;
    unknown.push(file);
  }
  const uncommitted = await uncommittedFiles(
    unknown.map((file) => path.join(folder, file)),
    askGit,
  );
  return unknown.flatMap((file) => {
    const why = uncommitted.get(path.join(folder, file));
    return why === undefined ? [] : [{ file, why }];
  });
}

/** Whether a file of the folder's top is what extraction wrote from `connector` (in any case, as it finds them). */
function isAsExtracted(file: string, bytes: Buffer, connector: SolutionConnector, at: string): boolean {
  if (file.includes('/')) return false;
  if (isReadme(file)) return isTemplateReadme(bytes.toString('utf8'), earlierTemplate(connector));
  const name = EXTRACTED.get(file.toLowerCase());
  if (name === undefined) return false;
  const written = previouslyWritten(name, connector, undefined, at);
  return written !== undefined && sameAsWritten(name, bytes, written);
}

/**
 * Whether `bytes`, the apiProperties.json of a renamed or moved connector's earlier folder, is in its
 * new folder's (`held`): the keys the maker owns there carried (publisher, stackOwner …), and those
 * the solution holds either as they are or as `connector` (as last extracted) gives them, which can
 * be got back from it. Extraction merged the file into the new folder's, in another layout.
 */
function isCarriedApiProperties(
  file: string,
  bytes: Buffer,
  connector: SolutionConnector,
  held: Buffer,
  at: string,
): boolean {
  const name = REPOSITORY_FILES.apiProperties;
  if (file.toLowerCase() !== name.toLowerCase()) return false;
  if (sameAsWritten(name, bytes, held)) return true;
  const withPrevious = previouslyWritten(name, connector, held, at);
  return withPrevious !== undefined && sameAsWritten(name, bytes, withPrevious);
}

/** What `folder` holds at `file`, its top-level name in any case (as carrying finds it); undefined when nothing. */
async function heldIn(folder: string, names: readonly string[], file: string): Promise<Buffer | undefined> {
  const [top, ...rest] = file.split('/');
  const name = names.includes(top!)
    ? top!
    : names.find((entry) => entry.toLowerCase() === top!.toLowerCase());
  if (name === undefined) return undefined;
  return fs.readFile(path.join(folder, name, ...rest)).catch(() => undefined);
}
