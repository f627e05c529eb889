import type { CommitObject, TreeEntry } from './git-repository.js';
import { fullName, type Account, type Label, type PullRequest, type Repository } from './model.js';
import type { PullFile } from './pull-files.js';

/**
 * JSON bodies in the shapes GitHub's OpenAPI description requires (simple-user, full-repository,
 * pull-request, git-ref, …). The contract check of the server proves each one against the spec.
 */
export class Representations {
  constructor(private readonly apiUrl: string) {}

  /** GitHub's web pages; the local server puts them beside the API on the same origin. */
  htmlUrl(...segments: (string | number)[]): string {
    return [this.apiUrl, ...segments].join('/');
  }

  simpleUser(account: Account): Record<string, unknown> {
    const url = `${this.apiUrl}/users/${account.login}`;
    return {
      login: account.login,
      id: account.id,
      node_id: nodeId('U', account.id),
      avatar_url: `${this.apiUrl}/avatars/${account.login}`,
      gravatar_id: '',
      url,
      html_url: this.htmlUrl(account.login),
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: account.type,
      site_admin: false,
    };
  }

  /** GET /user answers the private view of the signed-in account. */
  privateUser(account: Account, createdAt: string): Record<string, unknown> {
    return {
      ...this.simpleUser(account),
      name: account.name,
      company: null,
      blog: '',
      location: null,
      email: account.email,
      hireable: null,
      bio: null,
      public_repos: 1,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: createdAt,
      updated_at: createdAt,
      private_gists: 0,
      total_private_repos: 0,
      owned_private_repos: 0,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: true,
    };
  }

  /** The `repository` schema, as nested in pull requests. */
  repository(repository: Repository): Record<string, unknown> {
    const name = fullName(repository);
    const url = `${this.apiUrl}/repos/${name}`;
    const openPulls = repository.pulls.filter((pull) => pull.state === 'open').length;
    return {
      id: repository.id,
      node_id: nodeId('R', repository.id),
      name: repository.name,
      full_name: name,
      owner: this.simpleUser(repository.owner),
      private: false,
      html_url: this.htmlUrl(name),
      description: null,
      fork: repository.parent !== undefined,
      url,
      archive_url: `${url}/{archive_format}{/ref}`,
      assignees_url: `${url}/assignees{/user}`,
      blobs_url: `${url}/git/blobs{/sha}`,
      branches_url: `${url}/branches{/branch}`,
      collaborators_url: `${url}/collaborators{/collaborator}`,
      comments_url: `${url}/comments{/number}`,
      commits_url: `${url}/commits{/sha}`,
      compare_url: `${url}/compare/{base}...{head}`,
      contents_url: `${url}/contents/{+path}`,
      contributors_url: `${url}/contributors`,
      deployments_url: `${url}/deployments`,
      downloads_url: `${url}/downloads`,
      events_url: `${url}/events`,
      forks_url: `${url}/forks`,
      git_commits_url: `${url}/git/commits{/sha}`,
      git_refs_url: `${url}/git/refs{/sha}`,
      git_tags_url: `${url}/git/tags{/sha}`,
      git_url: `git://127.0.0.1/${name}.git`,
      hooks_url: `${url}/hooks`,
      issue_comment_url: `${url}/issues/comments{/number}`,
      issue_events_url: `${url}/issues/events{/number}`,
      issues_url: `${url}/issues{/number}`,
      keys_url: `${url}/keys{/key_id}`,
      labels_url: `${url}/labels{/name}`,
      languages_url: `${url}/languages`,
      merges_url: `${url}/merges`,
      milestones_url: `${url}/milestones{/number}`,
      notifications_url: `${url}/notifications{?since,all,participating}`,
      pulls_url: `${url}/pulls{/number}`,
      releases_url: `${url}/releases{/id}`,
      ssh_url: `git@127.0.0.1:${name}.git`,
      stargazers_url: `${url}/stargazers`,
      statuses_url: `${url}/statuses/{sha}`,
      subscribers_url: `${url}/subscribers`,
      subscription_url: `${url}/subscription`,
      tags_url: `${url}/tags`,
      teams_url: `${url}/teams`,
      trees_url: `${url}/git/trees{/sha}`,
      clone_url: `${this.htmlUrl(name)}.git`,
      mirror_url: null,
      svn_url: this.htmlUrl(name),
      homepage: null,
      language: null,
      forks: 0,
      forks_count: 0,
      stargazers_count: 0,
      watchers_count: 0,
      watchers: 0,
      size: 0,
      default_branch: repository.defaultBranch,
      open_issues: openPulls,
      open_issues_count: openPulls,
      has_issues: true,
      has_projects: true,
      has_wiki: true,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: repository.archived,
      disabled: false,
      license: null,
      pushed_at: repository.createdAt,
      created_at: repository.createdAt,
      updated_at: repository.createdAt,
    };
  }

  /** The `full-repository` schema: GET /repos/{owner}/{repo} and the fork creation answer. */
  fullRepository(repository: Repository, viewer: Account): Record<string, unknown> {
    const admin = repository.owner.login === viewer.login;
    const push = admin || repository.collaborators.has(viewer.login);
    const body: Record<string, unknown> = {
      ...this.repository(repository),
      permissions: { admin, maintain: admin, push, triage: push, pull: true },
      network_count: 0,
      subscribers_count: 0,
    };
    if (repository.parent) {
      let source = repository.parent;
      while (source.parent) source = source.parent;
      body.parent = this.repository(repository.parent);
      body.source = this.repository(source);
    }
    return body;
  }

  label(repository: Repository, label: Label): Record<string, unknown> {
    return {
      id: label.id,
      node_id: nodeId('LA', label.id),
      url: `${this.apiUrl}/repos/${fullName(repository)}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      description: label.description,
      color: label.color,
      default: false,
    };
  }

  /** The `pull-request-simple` schema (lists); `pullRequest` adds the counts of the full schema. */
  pullRequestSimple(pull: PullRequest, heads: { head: string; base: string }): Record<string, unknown> {
    const base = pull.base.repository;
    const name = fullName(base);
    const url = `${this.apiUrl}/repos/${name}/pulls/${pull.number}`;
    const issueUrl = `${this.apiUrl}/repos/${name}/issues/${pull.number}`;
    const html = this.htmlUrl(name, 'pull', pull.number);
    const labels = pull.labels.map((labelName) =>
      this.label(
        base,
        base.labels.find((label) => label.name === labelName)!,
      ),
    );
    return {
      url,
      id: pull.id,
      node_id: nodeId('PR', pull.id),
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issueUrl,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${this.apiUrl}/repos/${name}/pulls/comments{/number}`,
      comments_url: `${issueUrl}/comments`,
      statuses_url: `${this.apiUrl}/repos/${name}/statuses/${heads.head}`,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: this.simpleUser(pull.user),
      body: pull.body,
      labels,
      milestone: null,
      active_lock_reason: null,
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
      closed_at: pull.state === 'closed' ? (pull.closed?.at ?? pull.updatedAt) : null,
      merged_at: (pull.state === 'closed' && pull.closed?.mergedAt) || null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: pull.requestedReviewers.map((login) => this.simpleUser(accountStub(login))),
      requested_teams: [],
      head: this.branchEnd(pull.head.repository, pull.head.ref, heads.head),
      base: this.branchEnd(base, pull.base.ref, heads.base),
      _links: {
        self: { href: url },
        html: { href: html },
        issue: { href: issueUrl },
        comments: { href: `${issueUrl}/comments` },
        review_comments: { href: `${url}/comments` },
        review_comment: { href: `${this.apiUrl}/repos/${name}/pulls/comments{/number}` },
        commits: { href: `${url}/commits` },
        statuses: { href: `${this.apiUrl}/repos/${name}/statuses/${heads.head}` },
      },
      author_association: 'CONTRIBUTOR',
      auto_merge: null,
      draft: pull.draft,
    };
  }

  /** The `diff-entry` schema: a file of a pull request, at its head commit. */
  pullFile(pull: PullRequest, headSha: string, file: PullFile): Record<string, unknown> {
    const head = fullName(pull.head.repository);
    const path = file.filename.split('/').map(encodeURIComponent).join('/');
    return {
      sha: file.sha,
      filename: file.filename,
      status: file.status,
      additions: file.additions,
      deletions: file.deletions,
      changes: file.additions + file.deletions,
      blob_url: this.htmlUrl(head, 'blob', headSha, path),
      raw_url: this.htmlUrl(head, 'raw', headSha, path),
      contents_url: `${this.apiUrl}/repos/${head}/contents/${path}?ref=${headSha}`,
      ...(file.previousFilename === undefined ? {} : { previous_filename: file.previousFilename }),
    };
  }

  pullRequest(
    pull: PullRequest,
    heads: { head: string; base: string },
    changes: { commits: number; files: number },
  ): Record<string, unknown> {
    return {
      ...this.pullRequestSimple(pull, heads),
      merged: pull.state === 'closed' && Boolean(pull.closed?.mergedAt),
      mergeable: null,
      rebaseable: null,
      mergeable_state: 'unknown',
      merged_by: null,
      comments: 0,
      review_comments: 0,
      maintainer_can_modify: pull.maintainerCanModify,
      commits: changes.commits,
      additions: 0,
      deletions: 0,
      changed_files: changes.files,
    };
  }

  gitRef(repository: Repository, ref: string, sha: string): Record<string, unknown> {
    const url = `${this.apiUrl}/repos/${fullName(repository)}`;
    return {
      ref,
      node_id: `REF_${Buffer.from(`${fullName(repository)}:${ref}`).toString('base64url')}`,
      url: `${url}/git/${ref}`,
      object: { type: 'commit', sha, url: `${url}/git/commits/${sha}` },
    };
  }

  shortBlob(repository: Repository, sha: string): { url: string; sha: string } {
    return { url: `${this.apiUrl}/repos/${fullName(repository)}/git/blobs/${sha}`, sha };
  }

  /** A blob as GET git/blobs gives it: base64 in lines of 60 characters, as GitHub writes it. */
  gitBlob(repository: Repository, sha: string, content: Buffer): Record<string, unknown> {
    return {
      ...this.shortBlob(repository, sha),
      node_id: `B_${sha.slice(0, 20)}`,
      size: content.length,
      content: (content.toString('base64').match(/.{1,60}/g) ?? []).map((line) => `${line}\n`).join(''),
      encoding: 'base64',
    };
  }

  gitTree(repository: Repository, sha: string, entries: readonly TreeEntry[]): Record<string, unknown> {
    const url = `${this.apiUrl}/repos/${fullName(repository)}/git`;
    return {
      sha,
      url: `${url}/trees/${sha}`,
      truncated: false,
      tree: entries.map((entry) => ({
        path: entry.path,
        mode: entry.mode,
        type: entry.type,
        sha: entry.sha,
        ...(entry.size === undefined ? {} : { size: entry.size }),
        url: `${url}/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`,
      })),
    };
  }

  gitCommit(repository: Repository, commit: CommitObject): Record<string, unknown> {
    const url = `${this.apiUrl}/repos/${fullName(repository)}/git`;
    return {
      sha: commit.sha,
      node_id: `C_${commit.sha.slice(0, 20)}`,
      url: `${url}/commits/${commit.sha}`,
      html_url: this.htmlUrl(fullName(repository), 'commit', commit.sha),
      author: commit.author,
      committer: commit.committer,
      tree: { sha: commit.tree, url: `${url}/trees/${commit.tree}` },
      message: commit.message,
      parents: commit.parents.map((sha) => ({
        sha,
        url: `${url}/commits/${sha}`,
        html_url: this.htmlUrl(fullName(repository), 'commit', sha),
      })),
      // API commits made with a personal access token are not signed (see the reference, B.5).
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    };
  }

  /** A commit as the REST API's commits endpoints give it ("commit"), not as git/commits does. */
  commit(repository: Repository, commit: CommitObject): Record<string, unknown> {
    const url = `${this.apiUrl}/repos/${fullName(repository)}`;
    const git = this.gitCommit(repository, commit);
    return {
      url: `${url}/commits/${commit.sha}`,
      sha: commit.sha,
      node_id: git.node_id,
      html_url: git.html_url,
      comments_url: `${url}/commits/${commit.sha}/comments`,
      commit: {
        url: git.url,
        author: commit.author,
        committer: commit.committer,
        message: commit.message,
        comment_count: 0,
        tree: git.tree,
        verification: git.verification,
      },
      // The GitHub accounts of the author and committer: the local server links none to an email.
      author: null,
      committer: null,
      parents: git.parents,
    };
  }

  commitComparison(
    repository: Repository,
    basehead: string,
    comparison: {
      baseCommit: Record<string, unknown>;
      mergeBaseCommit: Record<string, unknown>;
      status: 'ahead' | 'behind' | 'diverged' | 'identical';
      aheadBy: number;
      behindBy: number;
      commits: Record<string, unknown>[];
    },
  ): Record<string, unknown> {
    const url = `${this.apiUrl}/repos/${fullName(repository)}/compare/${basehead}`;
    const html = this.htmlUrl(fullName(repository), 'compare', basehead);
    return {
      url,
      html_url: html,
      permalink_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      base_commit: comparison.baseCommit,
      merge_base_commit: comparison.mergeBaseCommit,
      status: comparison.status,
      ahead_by: comparison.aheadBy,
      behind_by: comparison.behindBy,
      total_commits: comparison.aheadBy,
      commits: comparison.commits,
    };
  }

  private branchEnd(repository: Repository, ref: string, sha: string): Record<string, unknown> {
    return {
      label: `${repository.owner.login}:${ref}`,
      ref,
      sha,
      user: this.simpleUser(repository.owner),
      repo: this.repository(repository),
    };
  }
}

/** GitHub's node ids are opaque base64 strings; a prefix and the numeric id keep them stable here. */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_kw${Buffer.from(String(id)).toString('base64url')}`;
}

function accountStub(login: string) {
  return {
    login,
    id: hashId(login),
    name: login,
    email: '',
    token: '',
    type: 'User' as const,
    canWrite: false,
    workflowScope: false,
    ssoUnauthorized: [],
  };
}

function hashId(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000;
  return hash + 1;
}
