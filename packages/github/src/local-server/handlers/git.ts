import { conflict, notFound, unprocessable } from '../api-failure.js';
import type { IndexChange } from '../git-repository.js';
import type { Repository } from '../model.js';
import {
  repositoryOf,
  requireGitReady,
  requireUnarchived,
  requireWrite,
  type Handler,
  type RequestContext,
} from './context.js';
import { requireWorkflowScopeFor } from './workflow-scope.js';

/** The repository of a git-data request, once its git data exists. */
async function gitRepository(context: RequestContext, write = false): Promise<Repository> {
  if (write) requireWrite(context);
  const repository = repositoryOf(context);
  if (write) requireUnarchived(repository);
  requireGitReady(repository);
  if (!write && (await repository.git.listRefs('refs/')).size === 0)
    throw conflict('Git Repository is empty.');
  return repository;
}

export const getRef: Handler = async (context) => {
  const repository = await gitRepository(context);
  const ref = `refs/${context.params.ref}`;
  const sha = await repository.git.readRef(ref);
  if (!sha || !(await repository.git.listRefs(ref)).has(ref)) throw notFound();
  return { status: 200, body: context.views.gitRef(repository, ref, sha) };
};

export const createRef: Handler = async (context) => {
  const repository = await gitRepository(context, true);
  const { ref, sha } = context.body as { ref: string; sha: string };
  if (!/^refs\/[^/]+\/.+/.test(ref)) throw unprocessable('Reference name is invalid');
  if ((await repository.git.objectType(sha)) !== 'commit') throw unprocessable('Object does not exist');
  if ((await repository.git.listRefs(ref)).has(ref)) throw unprocessable('Reference already exists');
  // git keeps refs as files and folders: no `refs/heads/a/b` beside a branch `a`, nor `a` beside
  // `a/b`. GitHub answers such a name with its 422 for any ref it cannot write.
  if (await clashingRef(repository, ref)) throw unprocessable('Reference update failed');
  const defaultBranch = await repository.git.readRef(`refs/heads/${repository.defaultBranch}`);
  await requireWorkflowScopeFor(context.account, repository, defaultBranch, sha);
  await repository.git.updateRef(ref, sha);
  return { status: 201, body: context.views.gitRef(repository, ref, sha), headers: { location: `${ref}` } };
};

/** A ref that is a folder of `ref` (refs/heads/a for refs/heads/a/b) or lies under it, which git cannot hold beside it. */
async function clashingRef(repository: Repository, ref: string): Promise<string | undefined> {
  const refs = await repository.git.listRefs('refs/');
  return [...refs.keys()].find((other) => ref.startsWith(`${other}/`) || other.startsWith(`${ref}/`));
}

export const updateRef: Handler = async (context) => {
  const repository = await gitRepository(context, true);
  const ref = `refs/${context.params.ref}`;
  const { sha, force } = context.body as { sha: string; force?: boolean };
  const current = (await repository.git.listRefs(ref)).get(ref);
  if (!current) throw unprocessable('Reference does not exist');
  if ((await repository.git.objectType(sha)) !== 'commit') throw unprocessable('Object does not exist');
  if (!force && !(await repository.git.isAncestor(current, sha)))
    throw unprocessable('Update is not a fast forward');
  await requireWorkflowScopeFor(context.account, repository, current, sha);
  await repository.git.updateRef(ref, sha);
  return { status: 200, body: context.views.gitRef(repository, ref, sha) };
};

export const createBlob: Handler = async (context) => {
  const repository = await gitRepository(context, true);
  const { content, encoding } = context.body as { content: string; encoding?: string };
  const bytes = encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
  const sha = await repository.git.writeBlob(bytes);
  const body = context.views.shortBlob(repository, sha);
  return { status: 201, body, headers: { location: body.url } };
};

export const getBlob: Handler = async (context) => {
  const repository = await gitRepository(context);
  const sha = context.params.file_sha!;
  if ((await repository.git.objectType(sha)) !== 'blob') throw notFound();
  return { status: 200, body: context.views.gitBlob(repository, sha, await repository.git.readBlob(sha)) };
};

interface TreeItem {
  path?: string;
  mode?: string;
  type?: string;
  sha?: string | null;
  content?: string;
}

/**
 * POST git/trees: the entries are applied on `base_tree` with git's own index, so the resulting tree
 * SHA is the one git (and GitHub) computes. `sha: null` deletes a path, which must exist in the base.
 * Only blob entries are modelled; submodule and tree entries answer 422.
 */
export const createTree: Handler = async (context) => {
  const repository = await gitRepository(context, true);
  const { base_tree: baseTree, tree } = context.body as { base_tree?: string; tree: TreeItem[] };
  if (baseTree && (await repository.git.objectType(baseTree)) !== 'tree')
    throw unprocessable('base_tree is not a valid tree oid');
  const existing = baseTree
    ? new Set((await repository.git.listTree(baseTree, true)).map((entry) => entry.path))
    : new Set<string>();
  const changes: IndexChange[] = [];
  for (const [index, item] of tree.entries()) {
    if (!item.path || !item.mode || item.type === 'commit' || (item.type === 'tree' && item.sha !== null)) {
      throw unprocessable(
        `tree.${index} is not a supported entry in the local server: ${JSON.stringify(item)}`,
      );
    }
    if (item.sha === null) {
      if (!existing.has(item.path))
        throw unprocessable(`GitRPC::BadObjectState: ${item.path} does not exist in base_tree`);
      changes.push({ path: item.path, remove: true });
    } else if (item.content !== undefined) {
      changes.push({
        path: item.path,
        mode: item.mode,
        sha: await repository.git.writeBlob(Buffer.from(item.content, 'utf8')),
      });
    } else {
      if (!item.sha || (await repository.git.objectType(item.sha)) !== 'blob')
        throw unprocessable(`tree.sha ${item.sha} is not a valid blob`);
      changes.push({ path: item.path, mode: item.mode, sha: item.sha });
    }
  }
  const sha = await repository.git.writeTree(baseTree, changes);
  return { status: 201, body: context.views.gitTree(repository, sha, await repository.git.listTree(sha)) };
};

export const getTree: Handler = async (context) => {
  const repository = await gitRepository(context);
  const sha = context.params.tree_sha!;
  if ((await repository.git.objectType(sha)) !== 'tree') throw notFound();
  const recursive =
    context.query.has('recursive') && !['0', 'false'].includes(context.query.get('recursive')!);
  return {
    status: 200,
    body: context.views.gitTree(repository, sha, await repository.git.listTree(sha, recursive)),
  };
};

export const createCommit: Handler = async (context) => {
  const repository = await gitRepository(context, true);
  const body = context.body as {
    message: string;
    tree: string;
    parents?: string[];
    author?: { name: string; email: string; date?: string };
  };
  if ((await repository.git.objectType(body.tree)) !== 'tree') throw unprocessable('Tree SHA does not exist');
  for (const parent of body.parents ?? []) {
    if ((await repository.git.objectType(parent)) !== 'commit')
      throw unprocessable('Parent SHA does not exist or is not a commit object');
  }
  const now = context.state.now();
  const committer = { name: context.account.name, email: context.account.email, date: now };
  const author = body.author ? { ...body.author, date: body.author.date ?? now } : committer;
  const sha = await repository.git.writeCommit(
    body.tree,
    body.parents ?? [],
    body.message,
    author,
    committer,
  );
  return { status: 201, body: context.views.gitCommit(repository, await repository.git.readCommit(sha)) };
};

export const getCommit: Handler = async (context) => {
  const repository = await gitRepository(context);
  const sha = context.params.commit_sha!;
  if ((await repository.git.objectType(sha)) !== 'commit') throw notFound();
  return { status: 200, body: context.views.gitCommit(repository, await repository.git.readCommit(sha)) };
};
