import { conflict, validationFailed } from '../api-failure.js';
import { fullName, type Repository } from '../model.js';
import { repositoryOf, requireGitReady, requireWrite, type Handler } from './context.js';
import { requireWorkflowScopeFor } from './workflow-scope.js';

export const getRepository: Handler = async (context) => ({
  status: 200,
  body: context.views.fullRepository(repositoryOf(context), context.account),
});

/**
 * POST /repos/{owner}/{repo}/forks: answers 202 at once with the fork (an existing fork of the
 * account is returned again); its git data becomes readable only after `faults.forkNotReadyFor`
 * git requests, as GitHub copies it in the background.
 */
export const createFork: Handler = async (context) => {
  requireWrite(context);
  const upstream = repositoryOf(context);
  const owner = context.body?.organization
    ? context.state.account(context.body.organization)
    : context.account;
  if (!owner) throw validationFailed([{ resource: 'Fork', field: 'organization', code: 'invalid' }]);
  const existing = context.state
    .network(upstream)
    .find((repository) => repository.owner === owner && repository !== upstream);
  if (existing) return { status: 202, body: context.views.fullRepository(existing, context.account) };

  // A name already taken by an unrelated repository gets a numeric suffix, as on GitHub.
  const wanted: string = context.body?.name ?? upstream.name;
  let name = wanted;
  for (let suffix = 1; context.state.findRepository(owner.login, name); suffix++)
    name = `${wanted}-${suffix}`;

  const fork = await context.state.addRepository(owner, name, upstream.defaultBranch, upstream);
  const heads = await upstream.git.listRefs('refs/heads/');
  for (const [ref, sha] of heads) {
    if (context.body?.default_branch_only && ref !== `refs/heads/${upstream.defaultBranch}`) continue;
    await fork.git.updateRef(ref, sha);
  }
  fork.notReadyFor = context.state.faults.forkNotReadyFor;
  context.state.faults.forkNotReadyFor = 0;
  return { status: 202, body: context.views.fullRepository(fork, context.account) };
};

/** POST /repos/{owner}/{repo}/merge-upstream: fast-forwards a fork's branch to its parent's. */
export const mergeUpstream: Handler = async (context) => {
  requireWrite(context);
  const fork = repositoryOf(context);
  requireGitReady(fork);
  const branch: string = context.body.branch;
  const parent: Repository | undefined = fork.parent;
  const ours = await fork.git.readRef(`refs/heads/${branch}`);
  const theirs = parent ? await parent.git.readRef(`refs/heads/${branch}`) : undefined;
  if (!parent || !ours || !theirs)
    throw validationFailed([{ resource: 'Repository', field: 'branch', code: 'invalid' }]);
  const base_branch = `${parent.owner.login}:${branch}`;
  if (ours === theirs || (await fork.git.isAncestor(theirs, ours))) {
    return {
      status: 200,
      body: { message: 'This branch is not behind the upstream', merge_type: 'none', base_branch },
    };
  }
  if (!(await fork.git.isAncestor(ours, theirs)))
    throw conflict(`This branch has conflicts that must be resolved (${fullName(fork)})`);
  // GitHub's answer since 2023 (cli/cli#7574, #7612).
  await requireWorkflowScopeFor(context.account, fork, ours, theirs);
  await fork.git.updateRef(`refs/heads/${branch}`, theirs);
  return {
    status: 200,
    body: {
      message: `Successfully fetched and fast-forwarded from upstream ${base_branch}.`,
      merge_type: 'fast-forward',
      base_branch,
    },
  };
};
