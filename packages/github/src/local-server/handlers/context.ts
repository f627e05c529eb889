import { archivedReadOnly, conflict, notAccessible } from '../api-failure.js';
import type { Account, Repository } from '../model.js';
import type { Representations } from '../representations.js';
import type { ServerState } from '../server-state.js';

/** What a handler gets: the signed-in account, the decoded path parameters, query and JSON body. */
export interface RequestContext {
  state: ServerState;
  account: Account;
  params: Record<string, string>;
  /** The request's whole URL, as the client sent it: what a Link header to another page is built on. */
  url: URL;
  query: URLSearchParams;
  // The body has passed the OpenAPI request check before a handler sees it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  views: Representations;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (context: RequestContext) => Promise<HandlerResult>;

/** The repository named by {owner}/{repo}. */
export function repositoryOf(context: RequestContext): Repository {
  return context.state.repository(context.params.owner!, context.params.repo!);
}

/** Writes need a token that may write; GitHub answers 403 otherwise. */
export function requireWrite(context: RequestContext): void {
  if (!context.account.canWrite) throw notAccessible();
}

/** An archived repository takes no writes. */
export function requireUnarchived(repository: Repository): void {
  if (repository.archived) throw archivedReadOnly();
}

/**
 * Git data of a fork that GitHub is still copying: GitHub answers 409 "Git Repository is empty."
 * until the copy is done, which is why clients poll for readiness after creating a fork.
 */
export function requireGitReady(repository: Repository): void {
  if (repository.notReadyFor > 0) {
    repository.notReadyFor--;
    throw conflict('Git Repository is empty.');
  }
}
