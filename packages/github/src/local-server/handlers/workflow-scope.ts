import { unprocessable } from '../api-failure.js';
import type { Account, Repository } from '../model.js';

/**
 * Refuses a write that moves `repository`'s files under .github/workflows/ from `from` to `to`, for
 * a token without the workflow scope, in GitHub's words for a personal access token. GitHub checks it
 * on every write of a ref: a fork synced with its upstream (merge-upstream, cli/cli#7574, which
 * answers 422), a branch moved, and a branch created, which GitHub compares with the repository's
 * default branch (vercel/next.js#94596: "required for creating refs on branches that have diverged a
 * lot from the default branch", confirmed by GitHub support). So a pull request's branch built on an
 * upstream whose workflows changed since the fork last synced is refused such a token.
 */
export async function requireWorkflowScopeFor(
  account: Account,
  repository: Repository,
  from: string | undefined,
  to: string,
): Promise<void> {
  if (account.workflowScope || from === undefined || from === to) return;
  const workflow = (await repository.git.changedPaths(from, to)).find((file) =>
    file.startsWith('.github/workflows/'),
  );
  if (workflow)
    throw unprocessable(
      `refusing to allow a Personal Access Token to create or update workflow \`${workflow}\` without \`workflow\` scope`,
    );
}
