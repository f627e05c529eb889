import { promises as fs } from 'node:fs';
import path from 'node:path';
import { shellWord, UsageError } from '@connector-alm/core';
import { repositoryOfPaths } from '../git/repository-of-paths.js';

/**
 * The error for a diff argument that is no path but a git ref, as a maker types it who wants to
 * compare with a branch (`diff dev certified-connectors/AikiDocs`): "does not exist. Give a connector
 * folder" sent them looking for a folder named dev. `validate --base` is the command that compares
 * with a branch, at the merge base, and the hint gives it with the maker's own arguments. Git is asked
 * only when nothing at all is at the path (a path that is there but cannot be read, or that runs
 * through a file, keeps its own error), in the repository `validate --base` would compare in: the
 * one that holds the other argument. Undefined when the argument names no commit there, or git
 * cannot answer (no repository, no git).
 */
export async function gitRefGivenError(
  given: string,
  other: string,
  cwd: string,
): Promise<UsageError | undefined> {
  if (!(await isNothingAt(path.resolve(cwd, given)))) return undefined;
  try {
    const git = await repositoryOfPaths([other], cwd);
    await git.resolveCommit(given);
  } catch {
    return undefined;
  }
  // A connector path that is not there either would be refused by validate too: a placeholder instead.
  const connector = (await isNothingAt(path.resolve(cwd, other))) ? '<connector folder>' : shellWord(other);
  return new UsageError(
    'is no file or folder but a git ref of this repository, and diff compares two versions on disk.',
    {
      location: { file: given },
      hint: `To compare with a branch, use connector-alm validate --base ${shellWord(given)} ${connector}, which compares the connector with its version at the merge base.`,
    },
  );
}

/** Whether nothing is at the path: not a file, a folder or a link (a link that leads nowhere is there). */
async function isNothingAt(absolute: string): Promise<boolean> {
  try {
    await fs.lstat(absolute);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
