import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  forgetTemporary,
  makeFolderWithParents,
  temporarySibling,
  writeTarget,
  writingTo,
} from '@connector-alm/core';
import { refusePathThroughFile } from './folder-path.js';

/**
 * Creates and removes a temporary file where `writeFileAtomically` will write one, so that a folder
 * which refuses it is told before a long piece of work runs, not after its result is made. A folder
 * path through a file is refused as such first: mkdir would only say EEXIST or ENOTDIR. The
 * folders it makes for the probe are removed again, whatever its result: the write itself makes
 * them when its work is done, and a work that fails in between leaves none.
 */
export async function checkWritable(file: string): Promise<void> {
  refusePathThroughFile(file);
  const target = writeTarget(file);
  await writingTo(file, async () => {
    const made = makeFolderWithParents(path.dirname(target));
    const temporary = temporarySibling(target);
    try {
      await fs.writeFile(temporary, '');
      await fs.rm(temporary, { force: true });
    } finally {
      forgetTemporary(temporary);
      await made.remove();
    }
  });
}
