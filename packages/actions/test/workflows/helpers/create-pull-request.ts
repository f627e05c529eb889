import path from 'node:path';
import type { ExternalActionSpec } from '@connector-alm/testing';
import { git } from './git-actions.js';

/** The inputs of peter-evans/create-pull-request v8.1.1 (its action.yml), so that typos are refused. */
const INPUTS = [
  'token',
  'branch-token',
  'path',
  'add-paths',
  'commit-message',
  'committer',
  'author',
  'signoff',
  'branch',
  'delete-branch',
  'branch-suffix',
  'base',
  'push-to-fork',
  'sign-commits',
  'title',
  'body',
  'body-path',
  'labels',
  'assignees',
  'reviewers',
  'team-reviewers',
  'milestone',
  'draft',
  'maintainer-can-modify',
];

const BOT = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';

export interface PullRequestCall {
  operation: 'created' | 'updated' | 'none';
  inputs: Record<string, string>;
}

function identity(text: string): { name: string; email: string } {
  const match = /^(.*?)\s*<(.+)>$/.exec(text.trim());
  if (!match) throw new Error(`'${text}' is not "Display Name <email@address.com>"`);
  return { name: match[1]!, email: match[2]! };
}

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * peter-evans/create-pull-request, played with real git and the GitHub REST API, the way it works in a
 * same-repository setup: commits the working-tree changes under add-paths on top of the base, pushes
 * them to the fixed branch of `origin` (force, only when the branch's content differs), then opens the
 * pull request or updates the open one. No change against the base: no branch, no pull request.
 */
export function createPullRequest(github: { apiUrl: string; repository: string }): ExternalActionSpec & {
  calls: PullRequestCall[];
} {
  const calls: PullRequestCall[] = [];
  const api = async (token: string, method: string, route: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${github.apiUrl}/repos/${github.repository}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/vnd.github+json',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return response.json();
  };

  const run = async (
    inputs: Record<string, string>,
    workspace: string,
  ): Promise<{ outputs: Record<string, string> }> => {
    const repo = path.resolve(workspace, inputs.path ?? '');
    const branch = inputs.branch || 'create-pull-request/patch';
    const base = inputs.base || git(repo, ['rev-parse', '--abbrev-ref', 'HEAD']);
    const paths = list(inputs['add-paths']);
    git(repo, ['add', '-A', '--', ...(paths.length > 0 ? paths : ['.'])]);
    const tree = git(repo, ['write-tree']);
    git(repo, ['fetch', '--quiet', 'origin', base]);
    const baseSha = git(repo, ['rev-parse', 'FETCH_HEAD']);
    if (tree === git(repo, ['rev-parse', `${baseSha}^{tree}`])) {
      calls.push({ operation: 'none', inputs });
      return { outputs: { 'pull-request-operation': 'none' } };
    }

    const remote = git(repo, ['ls-remote', 'origin', `refs/heads/${branch}`]).split('\t')[0] || undefined;
    let headSha = remote;
    let pushed = false;
    if (remote) git(repo, ['fetch', '--quiet', 'origin', branch]);
    const upToDate =
      remote !== undefined &&
      git(repo, ['rev-parse', `${remote}^{tree}`]) === tree &&
      git(repo, ['rev-parse', `${remote}^`]) === baseSha;
    if (!upToDate) {
      const message = inputs['commit-message'] || '[create-pull-request] automated change';
      const committer = identity(inputs.committer || BOT);
      headSha = git(repo, ['commit-tree', tree, '-p', baseSha, '-m', message], committer);
      git(repo, ['push', '--quiet', '--force', 'origin', `${headSha}:refs/heads/${branch}`]);
      pushed = true;
    }

    const token = inputs.token!;
    const owner = github.repository.split('/')[0]!;
    const open = (await api(
      token,
      'GET',
      `/pulls?state=open&head=${encodeURIComponent(`${owner}:${branch}`)}&base=${encodeURIComponent(base)}`,
    )) as { number: number; html_url: string }[];
    const fields = {
      title: inputs.title || 'Changes by create-pull-request action',
      body: inputs.body ?? '',
    };
    let pull: { number: number; html_url: string };
    let operation: PullRequestCall['operation'];
    if (open.length === 0) {
      pull = (await api(token, 'POST', '/pulls', { ...fields, head: branch, base })) as typeof pull;
      const labels = list(inputs.labels);
      if (labels.length > 0) await api(token, 'POST', `/issues/${pull.number}/labels`, { labels });
      operation = 'created';
    } else {
      pull = (await api(token, 'PATCH', `/pulls/${open[0]!.number}`, fields)) as typeof pull;
      operation = pushed ? 'updated' : 'none';
    }
    calls.push({ operation, inputs });
    return {
      outputs: {
        'pull-request-number': String(pull.number),
        'pull-request-url': pull.html_url,
        'pull-request-operation': operation,
        'pull-request-head-sha': headSha!,
        'pull-request-branch': branch,
      },
    };
  };
  return { inputs: INPUTS, run, calls };
}
