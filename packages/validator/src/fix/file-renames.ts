import { promises as fs } from 'node:fs';
import { compareCodeUnits } from '@connector-alm/core';
import { displayPathIn, entryPath, type ConnectorFolder } from '../loader/connector-folder.js';
import type { FileRename } from '../model/report.js';

/** A connector file `validate --fix` renamed, as findings name files: from the working directory. */
export interface RenamedFile {
  file: string;
  to: string;
}

/** What came of the renames asked for in one folder: those made, and those left with the reason. */
export interface FileRenameOutcome {
  renamed: RenamedFile[];
  notRenamed: { file: string; reason: string }[];
}

/**
 * Renames the connector files of `connector` that folder rules name the canonical name of
 * (`apiProperty.json` → `apiProperties.json`), each within the folder: both names are names of its
 * listing, never a path. A rename is left when the new name is taken by another file (a case-only
 * rename on a file system that ignores case finds the file itself there, which is no other file), and
 * when the system refuses it (a folder the user may not write); the reason says so.
 */
export async function renameConnectorFiles(
  connector: ConnectorFolder,
  renames: readonly FileRename[],
): Promise<FileRenameOutcome> {
  const outcome: FileRenameOutcome = { renamed: [], notRenamed: [] };
  const done = new Set<string>();
  // In the folder's listing order, whichever rules asked first.
  const ordered = [...renames].sort((a, b) => compareCodeUnits(a.from, b.from));
  for (const { from, to } of ordered) {
    if (done.has(from)) continue;
    done.add(from);
    const source = entryPath(connector.absolutePath, from);
    const target = entryPath(connector.absolutePath, to);
    const file = displayPathIn(connector.displayPath, from);
    try {
      if (await isOtherFile(target, source)) {
        outcome.notRenamed.push({ file, reason: `it was not renamed: the folder has a ${to} already.` });
        continue;
      }
      await fs.rename(source, target);
      outcome.renamed.push({ file, to: displayPathIn(connector.displayPath, to) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      outcome.notRenamed.push({
        file,
        reason: `it could not be renamed to ${to} (${code}); rename it by hand, or make the folder writable and run validate --fix again.`,
      });
    }
  }
  return outcome;
}

/** Whether `target` names a file other than `source` (lstat: a link is the entry, not where it leads). */
async function isOtherFile(target: string, source: string): Promise<boolean> {
  let there;
  try {
    there = await fs.lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const self = await fs.lstat(source);
  return there.ino !== self.ino || there.dev !== self.dev;
}
