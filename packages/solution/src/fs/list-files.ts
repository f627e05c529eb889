import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Every regular file under `root`, as sorted relative paths with forward slashes. Symbolic links are
 * not followed, so a link cannot pull files from outside the folder into a package.
 */
export async function listFiles(root: string, skip?: (relativePath: string) => boolean): Promise<string[]> {
  const files: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await fs.readdir(path.join(root, relative), { withFileTypes: true });
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (skip?.(child)) continue;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  await walk('');
  return files.sort(compareOrdinal);
}

/** Code-unit order, the same on every OS and locale. */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
