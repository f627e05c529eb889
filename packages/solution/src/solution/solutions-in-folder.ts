import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { compareOrdinal } from '../fs/list-files.js';
import { FOLDER_SOLUTION, isRepositoryFile } from './layout.js';
import { nestedSolutions } from './nested-solution.js';

/** The solutions that a folder given where a solution zip goes holds, named relative to it. */
export interface SolutionsInFolder {
  /** The folder is itself an unpacked solution (it holds Other/Solution.xml). */
  unpacked: boolean;
  /** Its folders that hold an unpacked solution, as pack names them when given this folder (nestedSolutions). */
  nested: string[];
  /** Zips in it, then those in its folders. */
  zips: string[];
}

/**
 * What a folder given where a solution zip goes holds of solutions (`import customHIL`, whose
 * customHIL_1_0_0_3.zip was meant): the zips to give instead, or an unpacked solution to pack first.
 * Zips are looked for in the folder and its folders only, one listing each, and unpacked solutions
 * as pack looks for them (nestedSolutions, a bounded search): a folder given by mistake may be a home
 * folder or a drive, which a full listing would walk for minutes only to word an error. Links are not
 * followed; what cannot be listed holds nothing.
 */
export async function solutionsInFolder(folder: string): Promise<SolutionsInFolder> {
  const top = await entriesOf(folder);
  const zips = zipNames(top);
  const folders = top
    .filter((entry) => entry.isDirectory() && !isRepositoryFile(entry.name))
    .map((entry) => entry.name);
  const below: string[] = [];
  for (const name of folders) {
    const inside = await entriesOf(path.join(folder, name));
    below.push(...zipNames(inside).map((zip) => `${name}/${zip}`));
  }
  const unpacked = await isFile(path.join(folder, FOLDER_SOLUTION));
  return {
    unpacked,
    // An unpacked solution is to be packed itself: what its folders hold is not looked for.
    nested: unpacked ? [] : await nestedSolutions(folder),
    zips: [...zips, ...below],
  };
}

async function entriesOf(folder: string): Promise<Dirent[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries.sort((a, b) => compareOrdinal(a.name, b.name));
}

function zipNames(entries: readonly Dirent[]): string[] {
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.zip'))
    .map((entry) => entry.name);
}

async function isFile(file: string): Promise<boolean> {
  return (await fs.stat(file).catch(() => undefined))?.isFile() ?? false;
}
