import path from 'node:path';
import { realpathSync } from 'node:fs';
import { isWithin, posixRelativePath } from '@connector-alm/core';
import { Git, lineAfterChanges } from '@connector-alm/validator';

/**
 * Where the lines of the checked commit are at the pull request's head. On pull_request,
 * actions/checkout checks out GitHub's merge of the head into the base branch (GITHUB_SHA), and the
 * findings' lines are counted there; GitHub shows the annotations on the head's files, and the job
 * summary links to the head. Where the base branch changed a file above a finding, both pointed at
 * another line.
 */
export interface HeadLines {
  /** The commit the workspace holds, which was validated. */
  checked: string;
  /** The pull request's head. */
  head: string;
  /**
   * The head's line that line `line` of `file` (as a finding names it) is on: the same line in a file
   * the head has as it was checked; undefined when the head does not have that line.
   */
  lineAtHead(file: string, line: number): number | undefined;
}

/**
 * The head's lines of `files` (as findings name them, relative to the workspace), from one
 * `git diff --unified=0` of their folders; undefined when the workspace holds the head itself,
 * or when git cannot compare the two (the head not fetched): the lines are then taken as they are, as
 * before. A file outside the repository, or gone from the workspace, keeps its lines.
 */
export async function headLinesOf(
  workspace: string,
  headSha: string | undefined,
  files: Iterable<string>,
): Promise<HeadLines | undefined> {
  if (!headSha) return undefined;
  try {
    const top = realpathSync(await new Git(workspace).topLevel());
    const git = new Git(top);
    const [checked, head] = await Promise.all([git.resolveCommit('HEAD'), git.resolveCommit(headSha)]);
    if (checked === head) return undefined;
    const inRepository = new Map<string, string>();
    for (const file of new Set(files)) {
      const real = realPathOf(path.resolve(workspace, file));
      if (real !== undefined && isWithin(top, real)) inRepository.set(file, posixRelativePath(top, real));
    }
    const changes = await git.lineChanges(checked, head, pathspecsOf(inRepository.values()));
    return {
      checked,
      head,
      lineAtHead: (file, line) => {
        const repositoryPath = inRepository.get(file);
        const lines = repositoryPath === undefined ? undefined : changes.get(repositoryPath);
        return lines ? lineAfterChanges(lines, line) : line;
      },
    };
  } catch {
    return undefined;
  }
}

/**
 * The folders of `files` (and a file at the top level itself): a pull request of many connectors
 * names thousands of files, more than a Windows command line holds, in a few hundred folders.
 */
function pathspecsOf(files: Iterable<string>): string[] {
  const specs = new Set<string>();
  for (const file of files) {
    const folder = path.posix.dirname(file);
    specs.add(folder === '.' ? file : folder);
  }
  return [...specs];
}

function realPathOf(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}
