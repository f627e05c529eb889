import type { ApiFailure } from '../api-failure.js';
import { notAccessible, notFound, unprocessable, validationFailed } from '../api-failure.js';
import { canPush, type PullRequest, type Repository } from '../model.js';
import { pageOf } from '../paging.js';
import { pullFiles } from '../pull-files.js';
import type { ServerState } from '../server-state.js';
import { repositoryOf, requireWrite, type Handler, type RequestContext } from './context.js';

/**
 * The head and base SHAs of a pull request, read from the branches as they are now; a closed pull
 * request's head is the one it had when it was closed, as GitHub keeps it.
 */
async function headsOf(pull: PullRequest): Promise<{ head: string; base: string }> {
  const head =
    (pull.state === 'closed' ? pull.closed?.headSha : undefined) ??
    (await pull.head.repository.git.readRef(`refs/heads/${pull.head.ref}`)) ??
    '0'.repeat(40);
  const base = (await pull.base.repository.git.readRef(`refs/heads/${pull.base.ref}`)) ?? '0'.repeat(40);
  return { head, base };
}

async function fullView(context: RequestContext, pull: PullRequest) {
  const heads = await headsOf(pull);
  const commits = await pull.head.repository.git.countCommitsBetween(heads.base, heads.head);
  const files = (await pull.head.repository.git.changedPaths(heads.base, heads.head)).length;
  return context.views.pullRequest(pull, heads, { commits, files });
}

/** "owner:branch" (or a bare branch of the base repository) resolved within the base's fork network. */
function resolveHead(
  state: ServerState,
  base: Repository,
  head: string,
): { repository: Repository; ref: string } | undefined {
  const colon = head.indexOf(':');
  if (colon < 0) return { repository: base, ref: head };
  const owner = head.slice(0, colon);
  const repository = state
    .network(base)
    .find((candidate) => candidate.owner.login.toLowerCase() === owner.toLowerCase());
  return repository ? { repository, ref: head.slice(colon + 1) } : undefined;
}

export const listPulls: Handler = async (context) => {
  const base = repositoryOf(context);
  const state = context.query.get('state') ?? 'open';
  const head = context.query.get('head');
  const baseRef = context.query.get('base');
  const wantedHead = head ? resolveHead(context.state, base, head) : undefined;
  if (head && !wantedHead) return { status: 200, body: [] };
  const pulls = base.pulls.filter(
    (pull) =>
      (state === 'all' || pull.state === state) &&
      (!baseRef || pull.base.ref === baseRef) &&
      (!wantedHead || (pull.head.repository === wantedHead.repository && pull.head.ref === wantedHead.ref)),
  );
  const page = pageOf(sortedPulls(pulls, context.query), context.url);
  const body = [];
  for (const pull of page.items) body.push(context.views.pullRequestSimple(pull, await headsOf(pull)));
  return { status: 200, body, ...(page.headers ? { headers: page.headers } : {}) };
};

/**
 * Pull requests in the order GitHub lists them by creation (`sort=created`, the default): newest
 * first unless `direction=asc`. Pull requests opened in the same second (the times have seconds)
 * are ordered by number, the order they were opened in.
 */
function sortedPulls(pulls: readonly PullRequest[], query: URLSearchParams): PullRequest[] {
  const sort = query.get('sort') ?? 'created';
  if (sort !== 'created') {
    // updated, popularity and long-running are GitHub's too; nothing here asks for them, and a test
    // that did should not get an order this server made up.
    throw unprocessable(`The local GitHub lists pull requests by creation only, not by '${sort}'.`);
  }
  const ascending = [...pulls].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.number - b.number,
  );
  return query.get('direction') === 'asc' ? ascending : ascending.reverse();
}

/**
 * GET pulls/{n}/files: what the pull request changes since the merge base of its base and head, a
 * page of per_page (30 by default, 100 at most) with the Link header to the others, as GitHub answers.
 */
export const listPullFiles: Handler = async (context) => {
  const pull = pullOf(context);
  const heads = await headsOf(pull);
  const files = await pullFiles(pull.head.repository.git, heads.base, heads.head);
  const page = pageOf(files, context.url);
  return {
    status: 200,
    body: page.items.map((file) => context.views.pullFile(pull, heads.head, file)),
    ...(page.headers ? { headers: page.headers } : {}),
  };
};

/** GET pulls/{n}: the full view, which alone carries maintainer_can_modify (the list does not). */
export const getPull: Handler = async (context) => ({
  status: 200,
  body: await fullView(context, pullOf(context)),
});

export const createPull: Handler = async (context) => {
  requireWrite(context);
  const base = repositoryOf(context);
  const input = context.body as {
    title: string;
    head: string;
    base: string;
    body?: string;
    draft?: boolean;
    maintainer_can_modify?: boolean;
  };
  const head = resolveHead(context.state, base, input.head);
  const headSha = head ? await head.repository.git.readRef(`refs/heads/${head.ref}`) : undefined;
  if (!head || !headSha)
    throw validationFailed([{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
  const baseSha = await base.git.readRef(`refs/heads/${input.base}`);
  if (!baseSha) throw validationFailed([{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
  const label = `${head.repository.owner.login}:${head.ref}`;
  const open = base.pulls.find(
    (pull) =>
      pull.state === 'open' &&
      pull.head.repository === head.repository &&
      pull.head.ref === head.ref &&
      pull.base.ref === input.base,
  );
  if (open) throw alreadyExists(label);
  if ((await head.repository.git.countCommitsBetween(baseSha, headSha)) === 0) {
    throw validationFailed([
      { resource: 'PullRequest', code: 'custom', message: `No commits between ${input.base} and ${label}` },
    ]);
  }
  const maintainerCanModify = input.maintainer_can_modify ?? true;
  if (maintainerCanModify && head.repository !== base && !canPush(context.account, head.repository)) {
    throw validationFailed([
      {
        resource: 'PullRequest',
        code: 'custom',
        field: 'fork_collab',
        message: "fork_collab Fork collab can't be granted by someone without permission",
      },
    ]);
  }
  const now = context.state.now();
  const pull: PullRequest = {
    id: context.state.newId(),
    number: base.pulls.length + 1,
    title: input.title,
    body: input.body ?? null,
    state: 'open',
    draft: input.draft ?? false,
    maintainerCanModify,
    user: context.account,
    base: { repository: base, ref: input.base },
    head,
    labels: [],
    requestedReviewers: [],
    createdAt: now,
    updatedAt: now,
  };
  base.pulls.push(pull);
  if (context.state.faults.pullRequestCreateRace > 0) {
    // Another run won the race: the PR exists, and this call is told so.
    context.state.faults.pullRequestCreateRace--;
    throw alreadyExists(label);
  }
  return {
    status: 201,
    body: await fullView(context, pull),
    headers: { location: context.views.htmlUrl('repos', base.owner.login, base.name, 'pulls', pull.number) },
  };
};

export const updatePull: Handler = async (context) => {
  requireWrite(context);
  const pull = pullOf(context);
  if (pull.user !== context.account && !canPush(context.account, pull.base.repository)) throw notAccessible();
  const input = context.body as {
    title?: string;
    body?: string;
    state?: 'open' | 'closed';
    maintainer_can_modify?: boolean;
  };
  if (input.title !== undefined) pull.title = input.title;
  if (input.body !== undefined) pull.body = input.body;
  if (input.state === 'closed' && pull.state === 'open') await closePull(pull, context.state.now());
  if (input.state === 'open') {
    pull.state = 'open';
    delete pull.closed;
  }
  if (input.maintainer_can_modify !== undefined) pull.maintainerCanModify = input.maintainer_can_modify;
  pull.updatedAt = context.state.now();
  return { status: 200, body: await fullView(context, pull) };
};

export const requestReviewers: Handler = async (context) => {
  requireWrite(context);
  const pull = pullOf(context);
  const base = pull.base.repository;
  if (!canPush(context.account, base)) throw notAccessible();
  consumeNodeNotResolved(context, pull);
  const reviewers: string[] = context.body?.reviewers ?? [];
  const strangers = reviewers.filter((login) => login !== base.owner.login && !base.collaborators.has(login));
  if (strangers.length > 0) {
    throw validationFailed(
      [],
      `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${base.owner.login}/${base.name} repository.`,
    );
  }
  for (const login of reviewers)
    if (!pull.requestedReviewers.includes(login)) pull.requestedReviewers.push(login);
  return { status: 201, body: context.views.pullRequestSimple(pull, await headsOf(pull)) };
};

/** POST issues/{n}/labels on a pull request: needs triage rights on the base repository. */
export const addLabels: Handler = async (context) => {
  requireWrite(context);
  const pull = pullOf(context, 'issue_number');
  const base = pull.base.repository;
  if (!canPush(context.account, base)) throw notAccessible();
  consumeNodeNotResolved(context, pull);
  const body = context.body as { labels?: (string | { name: string })[] } | string[];
  const names = (Array.isArray(body) ? body : (body.labels ?? [])).map((label) =>
    typeof label === 'string' ? label : label.name,
  );
  for (const name of names) {
    if (!base.labels.some((label) => label.name === name))
      base.labels.push({ id: context.state.newId(), name, color: 'ededed', description: null });
    if (!pull.labels.includes(name)) pull.labels.push(name);
  }
  return {
    status: 200,
    body: pull.labels.map((name) =>
      context.views.label(
        base,
        base.labels.find((label) => label.name === name)!,
      ),
    ),
  };
};

/**
 * Closes an open pull request, keeping its head as it is now; with `merged`, as a merge commit of its
 * head into its base (GitHub's "Create a merge commit"), which needs a head built on the base as it is.
 */
export async function closePull(pull: PullRequest, now: string, merged = false): Promise<void> {
  if (pull.state !== 'open') throw new Error(`pull request #${pull.number} is not open`);
  const { head, base } = await headsOf(pull);
  if (merged) {
    const git = pull.base.repository.git;
    // Brought into the base repository as GitHub keeps every pull request's head, under refs/pull/.
    await git.git([
      'fetch',
      '--quiet',
      pull.head.repository.git.directory,
      `refs/heads/${pull.head.ref}:refs/pull/${pull.number}/head`,
    ]);
    const made = await git.readCommit(head);
    if (!made.parents.includes(base))
      throw new Error(`pull request #${pull.number} is not built on its base as it is: merge it by hand`);
    const who = { name: pull.user.name, email: pull.user.email, date: now };
    const merge = await git.writeCommit(
      made.tree,
      [base, head],
      `Merge pull request #${pull.number}`,
      who,
      who,
    );
    await git.updateRef(`refs/heads/${pull.base.ref}`, merge);
  }
  pull.state = 'closed';
  pull.closed = { headSha: head, at: now, mergedAt: merged ? now : null };
  pull.updatedAt = now;
}

function pullOf(context: RequestContext, parameter = 'pull_number'): PullRequest {
  const pull = repositoryOf(context).pulls.find(
    (candidate) => candidate.number === Number(context.params[parameter]),
  );
  if (!pull) throw notFound();
  return pull;
}

function alreadyExists(label: string): ApiFailure {
  return validationFailed([
    { resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${label}.` },
  ]);
}

function consumeNodeNotResolved(context: RequestContext, pull: PullRequest): void {
  if (context.state.faults.nodeNotResolved <= 0) return;
  context.state.faults.nodeNotResolved--;
  throw validationFailed(
    [{ code: 'custom', message: `Could not resolve to a node with the global id of 'PR_kw${pull.id}'` }],
    `Could not resolve to a node with the global id of 'PR_kw${pull.id}'`,
  );
}
