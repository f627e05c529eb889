import { promises as fs } from 'node:fs';
import path from 'node:path';
import { compareOrdinal } from '../fs/list-files.js';
import { realPathOf } from '../fs/path-inside.js';
import { FOLDER_CUSTOMIZATIONS, FOLDER_SOLUTION, isRepositoryFile } from './layout.js';

/**
 * How far the search for unpacked solutions inside a folder that is none looks: solution folders up
 * to `depth` levels down (`solutions/Contoso/src` of a repository), reading at most `folders`
 * folders, breadth-first so that the nearest are found first. The folder was given by mistake and may
 * be a home folder or a drive, which a full listing would walk for minutes only to word an error.
 */
export const NESTED_SOLUTION_SEARCH = { depth: 3, folders: 500 };

/**
 * Whether `folder` has neither Other/Solution.xml nor Other/Customizations.xml, as anything (a file,
 * a folder, a link): then it holds no unpacked solution, not even one with a part lost or in the
 * way, and pack and extract-connectors refuse it before listing it.
 */
export async function lacksSolutionParts(folder: string): Promise<boolean> {
  for (const part of [FOLDER_SOLUTION, FOLDER_CUSTOMIZATIONS]) {
    if (await fs.lstat(path.join(folder, part)).catch(() => undefined)) return false;
  }
  return true;
}

/**
 * What to give instead of a folder that is not an unpacked solution: the unpacked solutions inside
 * it when it has some (a pac solution project keeps one in src/, beside its .cdsproj). They are
 * named relative to the folder, which the error's location already names.
 */
export async function nestedSolutionHint(folder: string): Promise<string> {
  const nested = await nestedSolutions(folder);
  if (nested.length === 1) return `It holds one in ${nested[0]}: give that folder.`;
  if (nested.length > 1) return `It holds several, in ${nested.join(', ')}: give one of them.`;
  return 'Give the folder that unpack wrote (the one holding Other/).';
}

/**
 * The folders below `folder` that hold Other/Solution.xml, within NESTED_SOLUTION_SEARCH, sorted:
 * what pack and extract-connectors name of a folder that is no solution, and import of a folder given
 * where a zip goes (solutions-in-folder.ts). Links are not followed and repository folders (.git, …)
 * not entered; what cannot be listed holds nothing.
 */
export async function nestedSolutions(folder: string): Promise<string[]> {
  const search = NESTED_SOLUTION_SEARCH;
  const nested: string[] = [];
  let level = [''];
  let read = 0;
  for (let depth = 0; depth <= search.depth && level.length > 0; depth++) {
    const next: string[] = [];
    for (const relative of level) {
      if (read === search.folders) return nested.sort(compareOrdinal);
      read++;
      const entries = await fs.readdir(path.join(folder, relative), { withFileTypes: true }).catch(() => []);
      for (const entry of entries.sort((a, b) => compareOrdinal(a.name, b.name))) {
        const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
        if (!entry.isDirectory() || isRepositoryFile(child)) continue;
        if (
          relative !== '' &&
          entry.name === 'Other' &&
          (await isFile(path.join(folder, child, 'Solution.xml')))
        )
          nested.push(relative);
        next.push(child);
      }
    }
    level = next;
  }
  return nested.sort(compareOrdinal);
}

/** A file itself, not a link to one, as pack reads the parts of a solution. */
async function isFile(file: string): Promise<boolean> {
  return (await fs.lstat(file).catch(() => undefined))?.isFile() ?? false;
}

/**
 * The unpacked solution that `folder` is, or lies in: the folder itself or the nearest folder above
 * it (links followed) that holds Other/Solution.xml, up to the top of the git repository it is in.
 * Connector folders written there would go into the solution with the next pack. Undefined when none.
 */
export async function enclosingSolution(folder: string): Promise<string | undefined> {
  for (let current = await realPathOf(folder); ; current = path.dirname(current)) {
    if (await fs.lstat(path.join(current, FOLDER_SOLUTION)).catch(() => undefined)) return current;
    // A repository's top ends the search: what lies above it is none of the repository's.
    const top = await fs.lstat(path.join(current, '.git')).catch(() => undefined);
    if (top || path.dirname(current) === current) return undefined;
  }
}
