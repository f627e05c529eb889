import { notFound } from '../api-failure.js';
import type { Repository } from '../model.js';
import { repositoryOf, requireGitReady, type Handler, type RequestContext } from './context.js';

/** One side of a comparison: the repository it is read in and the commit it names. */
interface ComparedEnd {
  repository: Repository;
  sha: string;
}

/**
 * `branch`, a commit SHA, or `owner:branch` (`owner:sha`) of a repository of `repository`'s fork
 * network, as GitHub reads each side of `{base}...{head}`; undefined when it names nothing.
 */
async function endOf(
  context: RequestContext,
  repository: Repository,
  text: string,
): Promise<ComparedEnd | undefined> {
  const colon = text.indexOf(':');
  const owner = colon < 0 ? undefined : text.slice(0, colon);
  const name = colon < 0 ? text : text.slice(colon + 1);
  const holder =
    owner === undefined
      ? repository
      : context.state
          .network(repository)
          .find((candidate) => candidate.owner.login.toLowerCase() === owner.toLowerCase());
  if (!holder) return undefined;
  const sha =
    (await holder.git.readRef(`refs/heads/${name}`)) ??
    ((await holder.git.objectType(name)) === 'commit' ? name : undefined);
  return sha === undefined ? undefined : { repository: holder, sha };
}

/**
 * GET /repos/{owner}/{repo}/compare/{basehead}: how `head` stands to `base`. "ahead" by the commits
 * only head has, "behind" by those only base has, "diverged" with both, "identical" with neither;
 * the commits listed are head's own, oldest first, a page of them. Read in a fork when either side is
 * in one: a fork reads its network root's objects, as on GitHub, the root no fork's.
 */
export const compareCommits: Handler = async (context) => {
  const repository = repositoryOf(context);
  requireGitReady(repository);
  const sides = context.params.basehead!.split('...');
  if (sides.length !== 2) throw notFound();
  const [base, head] = await Promise.all(sides.map((side) => endOf(context, repository, side)));
  if (!base || !head) throw notFound();
  const reader =
    [head.repository, base.repository, repository].find((candidate) => candidate.parent) ?? repository;
  let mergeBase: string;
  try {
    mergeBase = (await reader.git.git(['merge-base', base.sha, head.sha])).trim();
  } catch {
    // GitHub answers 404 "No common ancestor between … and …" too.
    throw notFound();
  }
  // "<only base's> <only head's>", as git counts the two sides of base...head in one walk.
  const [behindBy, aheadBy] = (
    await reader.git.git(['rev-list', '--left-right', '--count', `${base.sha}...${head.sha}`])
  )
    .trim()
    .split(/\s+/)
    .map(Number) as [number, number];
  const status =
    aheadBy === 0 ? (behindBy === 0 ? 'identical' : 'behind') : behindBy === 0 ? 'ahead' : 'diverged';
  const perPage = Number(context.query.get('per_page') ?? 250);
  const page = Number(context.query.get('page') ?? 1);
  const own = (await reader.git.git(['rev-list', '--reverse', `${base.sha}..${head.sha}`]))
    .split('\n')
    .filter(Boolean)
    .slice((page - 1) * perPage, page * perPage);
  const commit = async (sha: string) => context.views.commit(repository, await reader.git.readCommit(sha));
  return {
    status: 200,
    body: context.views.commitComparison(repository, context.params.basehead!, {
      baseCommit: await commit(base.sha),
      mergeBaseCommit: await commit(mergeBase),
      status,
      aheadBy,
      behindBy,
      commits: await Promise.all(own.map(commit)),
    }),
  };
};
