import { UsageError } from '@connector-alm/core';
import { filesGitIgnores, repositoryRootOf, RepositoryOwnerError, trustHint } from '@connector-alm/validator';

/** The files of a connector folder that git ignores, and a warning when git cannot tell in a checkout. */
export interface GitIgnored {
  /** Relative to the connector folder, with forward slashes. */
  files: ReadonlySet<string>;
  /**
   * The folders git takes for repositories of their own (relative to the connector folder, ending
   * with `/`), whose files a commit does not carry; absent where git cannot tell, where a `.git` in a
   * folder is all there is to go by (readConnectorFiles).
   */
  nestedRepositories?: ReadonlySet<string>;
  /**
   * Those of nestedRepositories that git tracks as a link (committed or staged, mode 160000), which
   * .gitignore does not untrack; absent where nestedRepositories is.
   */
  linkedRepositories?: ReadonlySet<string>;
  warning?: string;
}

/**
 * The files of the connector folder that git ignores, which the pull request leaves out as a commit
 * would: the walkthrough's maker put settings.json into .gitignore, as SET-NOT-IN-PR told them to, and
 * it was sent all the same. Outside a git checkout there is no .gitignore to honour: none, quietly. In
 * one where git cannot tell (not installed: GitHub Desktop alone puts none on the PATH), a warning.
 * A repository git refuses for its owner stops the run before anything is sent, with the command that
 * lets git in: what it ignores may be a secret.
 */
export async function gitIgnoredFiles(folder: string, connector: string): Promise<GitIgnored> {
  let answer;
  try {
    answer = await filesGitIgnores(folder);
  } catch (error) {
    if (!(error instanceof RepositoryOwnerError)) throw error;
    throw new UsageError(
      `belongs to another user than the one running connector-alm, and git refuses to work in it ("detected dubious ownership"), so it cannot tell which files of ${connector} it ignores, to leave them out of the pull request. Nothing was pushed.`,
      { location: { file: error.repository }, hint: trustHint(error.repository) },
    );
  }
  if (answer.inWorkTree)
    return {
      files: new Set(answer.files),
      nestedRepositories: new Set(answer.nestedRepositories),
      linkedRepositories: new Set(answer.linkedRepositories),
    };
  if (repositoryRootOf(folder) === undefined) return { files: new Set() };
  const remedy = /not installed/.test(answer.why) ? ' Install git to leave them out.' : '';
  return {
    files: new Set(),
    warning: `git cannot tell which files of ${connector} it ignores (${answer.why}), so any that .gitignore names are sent all the same.${remedy}`,
  };
}
