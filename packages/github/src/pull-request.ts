import { optionWords, type Logger, type SaySetting } from '@connector-alm/core';
import {
  apiErrorText,
  apiStatus,
  ERROR_NODE_NOT_RESOLVED,
  ERROR_PR_ALREADY_EXISTS,
  isApiError,
  shownApiErrorText,
  step,
} from './api-errors.js';
import type { Sleep } from './clock.js';
import { answeredARetry } from './request-attempts.js';
import type { GitHubClient } from './octokit-client.js';
import { bodyUpdate } from './pull-request-text.js';
import { isAuthorsTitle } from './title-marker.js';
import { formatRepositoryName, type RepositoryName } from './repository-name.js';

export interface PullRequestSpec {
  upstream: RepositoryName;
  base: string;
  /** "forkOwner:branch". */
  head: string;
  title: string;
  body: string;
  draft: boolean;
  maintainerCanModify: boolean;
  /**
   * The branch got a new commit in this run: the body's Source line then names the commit it came
   * from. Otherwise a Source line that differs alone is no reason to touch the pull request.
   */
  branchMoved?: boolean;
}

export interface PullRequestRef {
  number: number;
  url: string;
  /** True when the title or body had to be changed (always true for a new pull request). */
  changed: boolean;
  created: boolean;
}

/**
 * Opens the pull request of a head that had none open when the run looked (openPullRequestsOfHead),
 * or updates the one another run opened since. Creation can race that run (GitHub answers 422 "A
 * pull request already exists for …"); that answer is taken as "update it", so both paths end in the
 * same state, without a second look before every creation. The same answer to a creation sent again
 * after its answer was lost is our own pull request, opened then.
 */
export async function createOrUpdatePullRequest(
  client: GitHubClient,
  spec: PullRequestSpec,
  logger: Logger,
  say: SaySetting = optionWords,
): Promise<PullRequestRef> {
  const upstreamName = formatRepositoryName(spec.upstream);
  try {
    const { data } = await client.rest.pulls.create({
      owner: spec.upstream.owner,
      repo: spec.upstream.repo,
      head: spec.head,
      base: spec.base,
      title: spec.title,
      body: spec.body,
      draft: spec.draft,
      maintainer_can_modify: spec.maintainerCanModify,
    });
    logger.info(`Opened pull request #${data.number}: ${data.html_url}`);
    return { number: data.number, url: data.html_url, changed: true, created: true };
  } catch (error) {
    if (apiStatus(error) === 422 && apiErrorText(error).includes(ERROR_PR_ALREADY_EXISTS)) {
      const raced = await findOpenPullRequest(client, spec);
      // Sent again after a lost answer: the first attempt opened it, with this title and body.
      if (raced && answeredARetry(error)) {
        logger.info(`Opened pull request #${raced.number} (its answer was lost): ${raced.html_url}`);
        return { number: raced.number, url: raced.html_url, changed: true, created: true };
      }
      logger.info('GitHub says the pull request already exists (another run was faster); updating it.');
      if (raced) return updatePullRequest(client, spec, raced, logger, say);
    }
    return step('opening the pull request', upstreamName, () => Promise.reject(error));
  }
}

/** An open pull request as the list of pull requests gives it. */
export interface OpenPull {
  number: number;
  html_url: string;
  title: string;
  body: string | null;
  draft?: boolean;
  head: { repo: { name: string; owner: { login: string } } | null };
}

async function findOpenPullRequest(
  client: GitHubClient,
  spec: Pick<PullRequestSpec, 'upstream' | 'base' | 'head'>,
): Promise<OpenPull | undefined> {
  const { data } = await step('looking for an open pull request', formatRepositoryName(spec.upstream), () =>
    client.rest.pulls.list({
      owner: spec.upstream.owner,
      repo: spec.upstream.repo,
      state: 'open',
      head: spec.head,
      base: spec.base,
      per_page: 10,
    }),
  );
  return data[0];
}

/** What only the single pull request tells, not the list of them. */
export interface PullRequestDetails {
  /** The commits it shows: those of its head that its base branch lacks. */
  commits: number;
  maintainer_can_modify: boolean;
}

/**
 * The pull request `number` of `upstream` as GET pulls/{number} gives it. A run reads it once, when
 * first asked (keepsBranch, then updatePullRequest): a scheduled rerun of an unchanged connector asked
 * for it twice. Both read what a push of the run does not change (its commits are read before one).
 */
export async function readPullRequest(
  client: GitHubClient,
  upstream: RepositoryName,
  number: number,
): Promise<PullRequestDetails> {
  const { data } = await step(`reading pull request #${number}`, formatRepositoryName(upstream), () =>
    client.rest.pulls.get({ owner: upstream.owner, repo: upstream.repo, pull_number: number }),
  );
  return data;
}

/**
 * Brings an open pull request's title, body and "Allow edits by maintainers" to `spec`; its head and
 * base stay as they are. Its draft state stays too (see draftNotice), and so does a title the author
 * edited on GitHub (see isAuthorsTitle).
 */
export async function updatePullRequest(
  client: GitHubClient,
  spec: PullRequestSpec,
  pull: OpenPull,
  logger: Logger,
  say: SaySetting = optionWords,
  details: () => Promise<PullRequestDetails> = () => readPullRequest(client, spec.upstream, pull.number),
): Promise<PullRequestRef> {
  const upstreamName = formatRepositoryName(spec.upstream);
  const body = bodyUpdate(spec.body, pull.body ?? '', { ignoreSource: !spec.branchMoved });
  // Only the single pull request says whether maintainers may edit it; the list leaves it out.
  const current = await details();
  const maintainerCanModify =
    current.maintainer_can_modify === spec.maintainerCanModify
      ? {}
      : { maintainer_can_modify: spec.maintainerCanModify };
  // A title the author edited on GitHub stays, as their ticked boxes do.
  const keepTitle = isAuthorsTitle(pull.title, pull.body ?? '', spec.title);
  const title = keepTitle || pull.title === spec.title ? {} : { title: spec.title };
  const changed = 'title' in title || body !== undefined || 'maintainer_can_modify' in maintainerCanModify;
  if (changed) {
    await step(`updating pull request #${pull.number}`, upstreamName, () =>
      client.rest.pulls.update({
        owner: spec.upstream.owner,
        repo: spec.upstream.repo,
        pull_number: pull.number,
        ...title,
        ...(body === undefined ? {} : { body }),
        ...maintainerCanModify,
      }),
    );
    logger.info(`Updated pull request #${pull.number}: ${pull.html_url}`);
  }
  if (keepTitle) {
    logger.info(
      `Pull request #${pull.number} keeps the title "${pull.title}" given on GitHub; connector-alm would title it "${spec.title}".`,
    );
  }
  const notice = draftNotice(pull, spec.draft, say);
  if (notice) logger.info(notice);
  return { number: pull.number, url: pull.html_url, changed, created: false };
}

/**
 * What to tell when the draft input differs from an open pull request's state, which is left as is:
 * GitHub's REST API cannot change it (only GraphQL's convertPullRequestToDraft and
 * markPullRequestReadyForReview can), and the author may have set it on GitHub on purpose: a rerun
 * with `draft: true` must not take back their "Ready for review".
 */
export function draftNotice(
  pull: Pick<OpenPull, 'number' | 'draft'>,
  draft: boolean,
  say: SaySetting = optionWords,
): string | undefined {
  if (pull.draft === undefined || pull.draft === draft) return undefined;
  return pull.draft
    ? `Pull request #${pull.number} is a draft, which ${say({ option: 'a run without --draft', input: 'draft: false' })} leaves as is on an open pull request. Mark it Ready for review on GitHub when it is.`
    : `Pull request #${pull.number} is ready for review, which ${say({ option: '--draft', input: 'draft: true' })} leaves as is on an open pull request (it applies when one is opened). Convert it to a draft on GitHub if you want one.`;
}

/**
 * Why a label or reviewer request failed. GitHub's refusal (403, or 404 for what the token may not
 * see) is the missing triage rights. Another answer says what it is: a 422 in GitHub's own words
 * ("Reviews may only be requested from collaborators"), a 5xx GitHub's own trouble; and a request
 * that got no answer (the client's error names the API and the network failure: refused, reset,
 * timed out) says so, as every other request's does. No rights would have helped those.
 */
function decorationWarning(error: unknown, what: string, number: number, upstream: string): string {
  const openAllTheSame = `The pull request is open all the same; ${what} on GitHub, or ask a maintainer of ${upstream} to.`;
  if (!isApiError(error))
    return `Could not ${what} on pull request #${number}: ${error instanceof Error ? error.message : String(error)} ${openAllTheSame}`;
  const status = apiStatus(error);
  const answer = [status, shownApiErrorText(error)].filter(Boolean).join(' ');
  if (status === 403 || status === 404)
    return `Could not ${what} on pull request #${number} (${answer}). This needs triage rights on ${upstream}; a maintainer can do it instead.`;
  if (status !== undefined && status >= 500)
    return `Could not ${what} on pull request #${number}: GitHub failed (${answer}), again after the retries. ${openAllTheSame}`;
  return `Could not ${what} on pull request #${number}: GitHub refused it (${answer}). ${openAllTheSame}`;
}

/**
 * Labels and reviewers need triage or write rights on the upstream, which contributors from a fork
 * seldom have; so a refusal is a warning, not a failure. Right after creation GitHub may not yet
 * resolve the new pull request ("Could not resolve to a node"), which is retried with backoff.
 */
export async function decoratePullRequest(
  client: GitHubClient,
  upstream: RepositoryName,
  number: number,
  wanted: { labels: string[]; reviewers: string[] },
  logger: Logger,
  sleep: Sleep,
): Promise<string[]> {
  const warnings: string[] = [];
  const attempt = async (what: string, call: () => Promise<unknown>) => {
    for (const delay of [1000, 2000, 4000, 0]) {
      try {
        await call();
        return;
      } catch (error) {
        if (delay > 0 && apiStatus(error) === 422 && apiErrorText(error).includes(ERROR_NODE_NOT_RESOLVED)) {
          logger.debug(
            `GitHub does not see pull request #${number} yet; trying ${what} again in ${delay / 1000} s.`,
          );
          await sleep(delay);
          continue;
        }
        const warning = decorationWarning(error, what, number, formatRepositoryName(upstream));
        logger.warning(warning);
        warnings.push(warning);
        return;
      }
    }
  };
  if (wanted.labels.length > 0) {
    await attempt(`add the labels ${wanted.labels.join(', ')}`, () =>
      client.rest.issues.addLabels({
        owner: upstream.owner,
        repo: upstream.repo,
        issue_number: number,
        labels: wanted.labels,
      }),
    );
  }
  if (wanted.reviewers.length > 0) {
    await attempt(`request reviews from ${wanted.reviewers.join(', ')}`, () =>
      client.rest.pulls.requestReviewers({
        owner: upstream.owner,
        repo: upstream.repo,
        pull_number: number,
        reviewers: wanted.reviewers,
      }),
    );
  }
  return warnings;
}
