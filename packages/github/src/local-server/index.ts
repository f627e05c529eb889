import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Faults } from './faults.js';
import { LocalGitHubHttpServer, type RecordedRequest } from './http-server.js';
import type { Account, PullRequest, Repository } from './model.js';
import { OpenApiContract, type ContractViolation } from './openapi-contract.js';
import { ServerState } from './server-state.js';
import { closePull } from './handlers/pulls.js';

export type { Account, Faults, PullRequest, RecordedRequest, Repository, ContractViolation };
export { GitRepository } from './git-repository.js';

/** Files of a commit: path → content (text or exact bytes). */
export type FileTree = Record<string, string | Buffer>;

export interface LocalGitHub {
  /** The API base URL (GITHUB_API_URL), on 127.0.0.1. */
  url: string;
  /** The folder holding the bare repositories. */
  root: string;
  state: ServerState;
  /** Requests answered so far, in order. */
  requests: RecordedRequest[];
  /** Bodies that did not match GitHub's OpenAPI description; a passing test expects none. */
  violations: ContractViolation[];
  addAccount(
    login: string,
    options?: {
      canWrite?: boolean;
      workflowScope?: boolean;
      ssoUnauthorized?: string[];
      type?: Account['type'];
    },
  ): Account;
  /** A repository whose default branch holds `files` in one commit. */
  addRepository(
    owner: string,
    name: string,
    options: { defaultBranch?: string; files: FileTree },
  ): Promise<Repository>;
  /** Adds a commit with `files` changed on a branch, as a merge into the upstream would. */
  commit(repository: Repository, branch: string, files: FileTree, message?: string): Promise<string>;
  /**
   * Closes an open pull request as a maintainer would on GitHub, keeping its head; `merged` merges it
   * first, with a merge commit (its head must be built on its base as it is).
   */
  closePull(pull: PullRequest, options?: { merged?: boolean }): Promise<void>;
  setFaults(faults: Partial<Faults>): void;
  close(): Promise<void>;
}

/**
 * The contract every server of this process checks bodies against, made once: Ajv compiles each
 * operation's schema on its first use, which cost a test of the pull-request suite about a second
 * (the pull-request schemas are large) when every server compiled its own. Its validators keep no
 * state between checks, so servers running at the same time can share it.
 */
let sharedContract: OpenApiContract | undefined;

/**
 * Starts a GitHub REST API on 127.0.0.1 for tests: accounts with tokens, repositories backed by bare
 * git repositories in a temporary folder, forks sharing their network's objects, pull requests and
 * labels, and faults that can be switched on. Every body is checked against GitHub's OpenAPI
 * description.
 */
export async function startLocalGitHub(options: { clock?: () => Date } = {}): Promise<LocalGitHub> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'local-github-'));
  const state = new ServerState(root, options.clock ?? (() => new Date()));
  const server = new LocalGitHubHttpServer(state, (sharedContract ??= new OpenApiContract()));
  const url = await server.listen();

  const commit = async (
    repository: Repository,
    branch: string,
    files: FileTree,
    message = 'Update',
  ): Promise<string> => {
    const git = repository.git;
    const parent = await git.readRef(`refs/heads/${branch}`);
    const baseTree = parent ? (await git.readCommit(parent)).tree : undefined;
    // Written together: the blob writer takes them down its pipe at once.
    const changes = await Promise.all(
      Object.entries(files).map(async ([file, content]) => ({
        path: file,
        mode: '100644',
        sha: await git.writeBlob(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8')),
      })),
    );
    const tree = await git.writeTree(baseTree, changes);
    const who = { name: repository.owner.name, email: repository.owner.email, date: state.now() };
    const sha = await git.writeCommit(tree, parent ? [parent] : [], message, who, who);
    await git.updateRef(`refs/heads/${branch}`, sha);
    return sha;
  };

  return {
    url,
    root,
    state,
    requests: server.requests,
    violations: server.violations,
    addAccount(login, accountOptions = {}) {
      const account: Account = {
        login,
        id: state.newId(),
        name: login,
        email: `${login}@users.noreply.local`,
        token: `ghp_local_${login}_${Math.random().toString(36).slice(2)}`,
        type: accountOptions.type ?? 'User',
        canWrite: accountOptions.canWrite ?? true,
        workflowScope: accountOptions.workflowScope ?? true,
        ssoUnauthorized: accountOptions.ssoUnauthorized ?? [],
      };
      state.accounts.push(account);
      return account;
    },
    async addRepository(owner, name, repositoryOptions) {
      const account = state.account(owner);
      if (!account) throw new Error(`add the account ${owner} first`);
      const repository = await state.addRepository(account, name, repositoryOptions.defaultBranch ?? 'main');
      await commit(repository, repository.defaultBranch, repositoryOptions.files, 'Initial commit');
      return repository;
    },
    commit,
    closePull: (pull, closeOptions = {}) => closePull(pull, state.now(), closeOptions.merged),
    setFaults(faults) {
      state.faults = { ...state.faults, ...faults };
    },
    async close() {
      await server.close();
      // Each repository's object reader is a git process: none may outlive the server.
      await Promise.all(state.repositories.map((repository) => repository.git.close()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
