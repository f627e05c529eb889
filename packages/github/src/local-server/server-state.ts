import path from 'node:path';
import { notFound } from './api-failure.js';
import { noFaults, type Faults } from './faults.js';
import { GitRepository } from './git-repository.js';
import type { Account, PullRequest, Repository } from './model.js';

/** Everything the local server knows: accounts, repositories (each a bare git repository), faults. */
export class ServerState {
  readonly accounts: Account[] = [];
  readonly repositories: Repository[] = [];
  faults: Faults = noFaults();
  private nextId = 1000;

  constructor(
    /** Where the bare repositories live: <root>/<owner>/<name>.git. */
    readonly root: string,
    readonly clock: () => Date,
  ) {}

  newId(): number {
    return this.nextId++;
  }

  now(): string {
    return this.clock()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  }

  account(login: string): Account | undefined {
    return this.accounts.find((account) => account.login.toLowerCase() === login.toLowerCase());
  }

  accountByToken(token: string): Account | undefined {
    return this.accounts.find((account) => account.token === token);
  }

  findRepository(owner: string, name: string): Repository | undefined {
    return this.repositories.find(
      (repository) =>
        repository.owner.login.toLowerCase() === owner.toLowerCase() &&
        repository.name.toLowerCase() === name.toLowerCase(),
    );
  }

  /** The repository, or GitHub's 404 (which it also answers for what a token may not see). */
  repository(owner: string, name: string): Repository {
    const repository = this.findRepository(owner, name);
    if (!repository) throw notFound();
    return repository;
  }

  gitDirectory(owner: string, name: string): string {
    return path.join(this.root, owner, `${name}.git`);
  }

  async addRepository(
    owner: Account,
    name: string,
    defaultBranch: string,
    parent?: Repository,
  ): Promise<Repository> {
    // Forks read the objects of their network's root, as on GitHub, so upstream SHAs resolve in them.
    let networkRoot = parent;
    while (networkRoot?.parent) networkRoot = networkRoot.parent;
    const git = await GitRepository.init(this.gitDirectory(owner.login, name), networkRoot?.git.directory);
    const repository: Repository = {
      id: this.newId(),
      owner,
      name,
      git,
      defaultBranch,
      collaborators: new Set(),
      labels: [],
      pulls: [],
      createdAt: this.now(),
      notReadyFor: 0,
      archived: false,
    };
    if (parent) repository.parent = parent;
    this.repositories.push(repository);
    return repository;
  }

  /** Repositories of the same fork network as `repository`, itself included. */
  network(repository: Repository): Repository[] {
    const rootOf = (candidate: Repository): Repository =>
      candidate.parent ? rootOf(candidate.parent) : candidate;
    const root = rootOf(repository);
    return this.repositories.filter((candidate) => rootOf(candidate) === root);
  }

  allPulls(): PullRequest[] {
    return this.repositories.flatMap((repository) => repository.pulls);
  }
}
