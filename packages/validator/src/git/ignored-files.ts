import { Git } from './git.js';
import { whyNoWorkTree } from './no-work-tree.js';
import { RepositoryOwnerError } from './refused-ownership.js';

/**
 * The files of a folder that git ignores and the repositories nested in it (Git.nestedRepositories),
 * or why git cannot tell (`it is not in a git work tree`).
 */
export type IgnoredFiles =
  | {
      inWorkTree: true;
      files: string[];
      nestedRepositories: string[];
      /** Those of nestedRepositories that git tracks as a link (NestedRepository.linked). */
      linkedRepositories: string[];
    }
  | { inWorkTree: false; why: string };

/**
 * The files under `folder` that git ignores (.gitignore and the like), relative to it and
 * `/`-separated: no commit carries them, and they are often a local secret or setting (paconn's
 * settings.json, with the maker's environment id). A pull request made from the folder leaves them
 * out, as a commit would, and the files of the repositories nested in it (`nestedRepositories`), of
 * which a commit carries a link. Outside a git work tree, or without git, git cannot tell: the answer says
 * why. A repository git refuses for its owner is thrown (RepositoryOwnerError): nobody can tell then
 * what git would leave out, and the user can let git in.
 */
export async function filesGitIgnores(folder: string): Promise<IgnoredFiles> {
  const git = new Git(folder);
  try {
    await git.topLevel();
  } catch (error) {
    if (error instanceof RepositoryOwnerError) throw error;
    return { inWorkTree: false, why: whyNoWorkTree(error) };
  }
  const [files, nested] = await Promise.all([git.ignoredFiles(), git.nestedRepositories()]);
  return {
    inWorkTree: true,
    files,
    nestedRepositories: nested.map((repository) => repository.path),
    linkedRepositories: nested.filter((repository) => repository.linked).map((repository) => repository.path),
  };
}
