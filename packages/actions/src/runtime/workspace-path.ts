import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isWithin } from '@connector-alm/core';

/**
 * Where a path that an input names really is, when it stays inside the workspace; undefined when it
 * leads out: by `..`, as an absolute path elsewhere (or on another drive), or through a symbolic
 * link in the workspace. The path need not exist yet: its deepest existing folder is resolved.
 * A lexical check alone let `reports -> /tmp/elsewhere` carry a report out of the workspace.
 */
export async function realPathInsideWorkspace(workspace: string, given: string): Promise<string | undefined> {
  const root = await fs.realpath(workspace);
  const real = await realPathOfNew(path.resolve(workspace, given));
  return isWithin(root, real) ? real : undefined;
}

/** The real path of a file that may not exist yet: its deepest existing ancestor, resolved, plus the rest. */
async function realPathOfNew(absolute: string): Promise<string> {
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(await fs.realpath(current), ...missing.reverse());
    } catch (error) {
      const parent = path.dirname(current);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) throw error;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
