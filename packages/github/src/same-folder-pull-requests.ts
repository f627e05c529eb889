import { step } from './api-errors.js';
import { CallReads } from './call-reads.js';
import type { GitHubClient } from './octokit-client.js';
import { formatRepositoryName, type RepositoryName } from './repository-name.js';

/** An open pull request from another branch of the same owner that changes the connector's folder. */
export interface SameFolderPullRequest {
  number: number;
  url: string;
  /** "owner:branch". */
  head: string;
}

/**
 * The open pull requests against `base` that `owner` opened or heads from a branch other than the
 * run's, and that change a file of `targetFolder` (one opened by hand, or by connector-alm with
 * another branch prefix). The upstream's reviewers take one pull request per connector: a new one
 * beside such a pull request is a second copy for them to close. The list and the files of each
 * pull request are read once for all connectors of a call (`reads`).
 */
export async function sameFolderPullRequests(
  client: GitHubClient,
  upstream: RepositoryName,
  query: { base: string; owner: string; branch: string; targetFolder: string },
  reads: CallReads = new CallReads(),
): Promise<SameFolderPullRequest[]> {
  const name = formatRepositoryName(upstream);
  const owner = query.owner.toLowerCase();
  const pulls = await reads.once(`open pull requests of ${name}@${query.base}`, () =>
    step(`listing the open pull requests against ${query.base}`, name, () =>
      client.paginate(client.rest.pulls.list, {
        ...upstream,
        state: 'open',
        base: query.base,
        per_page: 100,
      }),
    ),
  );
  const theirs = pulls.filter(
    (pull) =>
      (pull.user?.login.toLowerCase() === owner || pull.head.repo?.owner.login.toLowerCase() === owner) &&
      !(pull.head.repo?.owner.login.toLowerCase() === owner && pull.head.ref === query.branch),
  );
  const found: SameFolderPullRequest[] = [];
  for (const pull of theirs) {
    const files = await reads.once(`files of ${name}#${pull.number}`, () =>
      step(`listing the files of pull request #${pull.number}`, name, () =>
        client.paginate(client.rest.pulls.listFiles, {
          ...upstream,
          pull_number: pull.number,
          per_page: 100,
        }),
      ),
    );
    const inFolder = (file: string | undefined) => file?.startsWith(`${query.targetFolder}/`) ?? false;
    if (files.some((file) => inFolder(file.filename) || inFolder(file.previous_filename)))
      found.push({ number: pull.number, url: pull.html_url, head: pull.head.label });
  }
  return found;
}

/** The warning for each such pull request: said, and the run goes on (see sameFolderPullRequests). */
export function sameFolderWarning(
  other: SameFolderPullRequest,
  words: { targetFolder: string; upstream: string },
): string {
  return `Pull request #${other.number} (${other.url}), from ${other.head}, changes ${words.targetFolder} too, and the reviewers of ${words.upstream} take one pull request per connector: close one of the two.`;
}
