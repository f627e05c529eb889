import path from 'node:path';
import { shellWord, type CommitState, type AskGit } from '@connector-alm/core';
import { Git } from './git.js';
import { whyNoWorkTree } from './no-work-tree.js';
import { RepositoryOwnerError } from './refused-ownership.js';
import { realCasePath, toRepositoryPath } from './repository-paths.js';

/**
 * What git has of `files` (absolute paths of files in one folder): whether their content is safe in
 * the last commit. Extraction asks before it replaces a file that holds what it did not write: an
 * edit that exists nowhere else must not be lost. Outside a git work tree, or without git, nothing
 * is: the answer says why, for the warning to say it.
 */
export const commitStates: AskGit = async (files) => {
  if (files.length === 0) return { inWorkTree: true, states: new Map() };
  const folder = await realCasePath(path.dirname(files[0]!));
  let top: string;
  try {
    top = await realCasePath(await new Git(folder).topLevel());
  } catch (error) {
    // Not a work tree, no git, or a repository git refuses for its owner.
    return {
      inWorkTree: false,
      why: error instanceof RepositoryOwnerError ? ownerRefusal(error.repository) : whyNoWorkTree(error),
    };
  }
  const paths = new Map<string, string>();
  for (const file of files) {
    const inRepository = toRepositoryPath(top, path.join(folder, path.basename(file)));
    if (inRepository === undefined) return { inWorkTree: false, why: 'it is not in a git work tree' };
    paths.set(file, inRepository);
  }
  const git = new Git(top);
  const head = await git.resolveCommit('HEAD').catch(() => undefined);
  const atHead = new Set(
    head === undefined ? [] : (await git.listFiles(head, [...paths.values()])).map((entry) => entry.path),
  );
  const changed = new Set(
    head === undefined ? [] : await git.changedFiles(head, undefined, [...paths.values()]),
  );
  const notAtHead = [...paths.values()].filter((inRepository) => !atHead.has(inRepository));
  // A file git ignores is told apart: "commit it" is no advice for a local secret or setting. Git,
  // which runs at the top level, is asked about those files alone (no path would ask about all).
  const ignored = new Set(notAtHead.length === 0 ? [] : await git.ignoredFiles(notAtHead));
  const states = new Map<string, CommitState>();
  for (const [file, inRepository] of paths) {
    states.set(
      file,
      !atHead.has(inRepository)
        ? ignored.has(inRepository)
          ? 'ignored'
          : 'untracked'
        : changed.has(inRepository)
          ? 'changed'
          : 'committed',
    );
  }
  return { inWorkTree: true, states };
};

/** Why git cannot tell, in a repository it refuses for its owner, with the command that lets it in. */
function ownerRefusal(repository: string): string {
  return `git refuses its repository ${repository}, which belongs to another user; git config --global --add safe.directory ${shellWord(repository)} lets git in`;
}
