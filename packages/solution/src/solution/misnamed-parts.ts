import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { compareOrdinal } from '../fs/list-files.js';
import { caseOnlyRenameHint } from './case-only-rename.js';
import { FOLDER_CUSTOMIZATIONS, FOLDER_SOLUTION } from './layout.js';

/** `Other`, the folder that holds both parts. */
const OTHER = path.posix.dirname(FOLDER_SOLUTION);

/**
 * What to rename when `folder` lacks Other/Solution.xml or Other/Customizations.xml but has it in
 * other letter case (other/, Other/solution.xml): renamed on Windows or macOS, whose disks take either
 * name, then refused on Linux as a folder that holds no solution or lost its manifest. Undefined when
 * no part has such a twin. Reads the folder's top level and its folders named other in any case only:
 * a folder given by mistake may be a home folder or a drive, which pack refuses without listing it.
 */
export async function misnamedPartsHint(folder: string): Promise<string | undefined> {
  const files: string[] = [];
  for (const entry of await entriesOf(folder)) {
    if (!entry.isDirectory() || entry.name.toLowerCase() !== OTHER.toLowerCase()) continue;
    for (const inside of await entriesOf(path.join(folder, entry.name)))
      if (inside.isFile()) files.push(`${entry.name}/${inside.name}`);
  }
  // The folder first (other/), then each file as named once the folder is renamed (other/solution.xml
  // is Other/solution.xml then), so that one round of renames does. A renamed other/ gives both parts
  // the same hint: said once.
  const inOther = files.map((file) => `${OTHER}${file.slice(OTHER.length)}`);
  const hints = new Set<string>();
  for (const part of [FOLDER_SOLUTION, FOLDER_CUSTOMIZATIONS]) {
    for (const names of [files, inOther]) {
      const hint = caseOnlyRenameHint(part, names);
      if (hint !== undefined) hints.add(hint);
    }
  }
  return hints.size === 0 ? undefined : [...hints].join(' ');
}

async function entriesOf(folder: string): Promise<Dirent[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries.sort((a, b) => compareOrdinal(a.name, b.name));
}
