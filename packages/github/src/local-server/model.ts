import type { GitRepository } from './git-repository.js';

/** An account of the local server, and the token that signs in as it. */
export interface Account {
  login: string;
  id: number;
  name: string;
  email: string;
  token: string;
  type: 'User' | 'Organization';
  /**
   * False models a token that can read but not write public repositories (a fine-grained PAT for
   * another owner, a classic PAT without public_repo): every write answers 403.
   */
  canWrite: boolean;
  /**
   * False models a classic PAT without the workflow scope: GitHub refuses it any write that would
   * change a file of .github/workflows/ in a repository, a fork synced with its upstream's included.
   */
  workflowScope: boolean;
  /**
   * Organizations that enforce SAML single sign-on, which the token is not authorized for (a member's
   * classic PAT before Configure SSO): GitHub answers 403 on their repositories.
   */
  ssoUnauthorized: string[];
}

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface Repository {
  id: number;
  owner: Account;
  name: string;
  git: GitRepository;
  defaultBranch: string;
  parent?: Repository;
  /** Logins that may push, label and request reviews. The owner always may. */
  collaborators: Set<string>;
  labels: Label[];
  pulls: PullRequest[];
  createdAt: string;
  /** Git requests still to be answered 409 "Git Repository is empty" while a new fork is copied. */
  notReadyFor: number;
  /** An archived repository is read-only: GitHub answers its writes 403. */
  archived: boolean;
}

export interface PullRequest {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  /**
   * Set when it was closed: its head then, which GitHub keeps whatever becomes of the branch since,
   * and when, and when it was merged (null when it was closed without merging).
   */
  closed?: { headSha: string; at: string; mergedAt: string | null };
  draft: boolean;
  maintainerCanModify: boolean;
  user: Account;
  base: { repository: Repository; ref: string };
  head: { repository: Repository; ref: string };
  labels: string[];
  requestedReviewers: string[];
  createdAt: string;
  updatedAt: string;
}

export function fullName(repository: Repository): string {
  return `${repository.owner.login}/${repository.name}`;
}

export function canPush(account: Account, repository: Repository): boolean {
  return (
    account.canWrite &&
    (repository.owner.login === account.login || repository.collaborators.has(account.login))
  );
}
