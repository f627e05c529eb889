import { UserError } from '@connector-alm/core';

/** Texts of GitHub's error answers that change what we do; matched as substrings, as they are in messages. */
export const ERROR_PR_ALREADY_EXISTS = 'A pull request already exists for';
export const ERROR_NODE_NOT_RESOLVED = 'Could not resolve to a node';
export const ERROR_REF_ALREADY_EXISTS = 'Reference already exists';
export const ERROR_REF_UPDATE_FAILED = 'Reference update failed';

/** The shape of Octokit's RequestError that we rely on, without importing its class into every module. */
export interface ApiError {
  status: number;
  message: string;
  response?: { data?: unknown };
}

export function isApiError(error: unknown): error is ApiError {
  return (
    typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
  );
}

export function apiStatus(error: unknown): number | undefined {
  return isApiError(error) ? error.status : undefined;
}

/** The message and every `errors[].message` of a GitHub error answer, for substring matches. */
export function apiErrorText(error: unknown): string {
  return apiErrorParts(error).join(' ');
}

function apiErrorParts(error: unknown): string[] {
  if (!isApiError(error)) return [String(error)];
  const data = error.response?.data as
    { message?: string; errors?: { message?: string; field?: string }[] } | undefined;
  const details = (data?.errors ?? []).map((item) => `${item.message ?? ''} ${item.field ?? ''}`);
  return [error.message, data?.message ?? '', ...details];
}

/**
 * apiErrorText for a person. Octokit's message is GitHub's own again, with the documentation link (or
 * the errors as JSON) after it, which read "403 Resource not accessible by personal access token -
 * https://docs.github.com/rest Resource not accessible by personal access token": GitHub's message
 * stands for it. A part that an earlier part already says is left out ("502 Server Error").
 */
export function shownApiErrorText(error: unknown): string {
  const [, , ...details] = apiErrorParts(error);
  const parts = [gitHubMessage(error), ...details].map((part) => part.trim()).filter(Boolean);
  return parts
    .filter((part, index) => !parts.slice(0, index).some((earlier) => earlier.includes(part)))
    .join(' ');
}

/** GitHub's own message of an error answer, without the documentation link octokit adds to it. */
export function gitHubMessage(error: unknown): string {
  return isApiError(error)
    ? ((error.response?.data as { message?: string } | undefined)?.message ?? error.message)
    : String(error);
}

/**
 * Whether GitHub refused a write for a token without the workflow scope (an app's token: without the
 * workflows permission), in its own words: "refusing to allow a Personal Access Token to create or
 * update workflow `…` without `workflow` scope".
 */
export function refusedForWorkflowScope(error: unknown): boolean {
  return isApiError(error) && /`workflows?` (scope|permission)/.test(gitHubMessage(error));
}

const SERVER_ERROR_HINT =
  'GitHub answered with an error of its own, again after the retries: run the job again later; https://www.githubstatus.com says whether GitHub knows of trouble.';

const TOKEN_HINT =
  'Use a classic personal access token of the fork owner with the public_repo scope (repo for private forks); GITHUB_TOKEN and fine-grained tokens cannot open pull requests across owners.';

const WORKFLOW_SCOPE_HINT =
  "The branch is built on the upstream's base branch, whose files under .github/workflows changed since the fork's branch was written (for a new branch, since the fork's default branch), and GitHub writes such a branch only for a token with the workflow scope. Give the token the workflow scope (on GitHub, Settings, Developer settings, Personal access tokens, the token, then tick workflow), then run again. For a new branch, the Sync fork button on the fork's page does it too.";

/**
 * A GitHub error in words a workflow author can act on: what we were doing, what GitHub said, and
 * which permission is missing. Only 401/403/404 are translated; other errors keep their own text.
 * `named` is what a 404 asks to check, where the repository's name was given: "the name" by
 * default, or the setting that gave it ("the upstream input").
 */
export function describeApiFailure(
  error: unknown,
  doing: string,
  repository: string,
  named = 'the name',
): Error {
  const status = apiStatus(error);
  const said = gitHubMessage(error);
  if (status === 401) {
    return new UserError(`GitHub rejected the token while ${doing} (401 ${said}).`, {
      hint: `The token is wrong or expired. ${TOKEN_HINT}`,
      cause: error,
    });
  }
  if ((status === 403 || status === 429) && /rate limit/i.test(said)) {
    // The client already waited out the limit a few times (octokit-client): this is the last answer.
    return new UserError(`GitHub's rate limit stopped ${doing} on ${repository} (${status} ${said}).`, {
      hint: 'Too many requests for this token: run the job again later, or spread the runs that use it.',
      cause: error,
    });
  }
  if (refusedForWorkflowScope(error)) {
    // The token may write the repository, but not a change to its workflows: GitHub asks for the
    // workflow scope on any ref whose .github/workflows/ files it changes, and a branch rebuilt on an
    // upstream whose workflows changed does (the local GitHub's workflow-scope.ts says when).
    return new UserError(`GitHub refused ${doing} on ${repository} (${status} ${said}).`, {
      hint: WORKFLOW_SCOPE_HINT,
      cause: error,
    });
  }
  if (status === 403 && /\barchived\b/i.test(said)) {
    // Not the token's fault: an archived repository (a fork archived after its last pull request) takes
    // no writes, whoever asks.
    return new UserError(`GitHub refused ${doing} on ${repository} (403 ${said}).`, {
      hint: `${repository} is archived, and GitHub takes no writes to an archived repository: unarchive it on GitHub (Settings, Danger Zone, Unarchive this repository) if it is yours, then run again.`,
      cause: error,
    });
  }
  if (status === 403 && /SAML enforcement/i.test(said)) {
    // A member's token, refused by the organization's single sign-on: another token would be refused
    // alike until it is authorized.
    const organization = repository.split('/')[0];
    return new UserError(`GitHub refused ${doing} on ${repository} (403 ${said}).`, {
      hint: `${organization} enforces SAML single sign-on for its members, and the token is not authorized for it: on GitHub, Settings, Developer settings, Personal access tokens, choose Configure SSO beside the token and authorize it for ${organization}, then run again.`,
      cause: error,
    });
  }
  if (status === 403) {
    return new UserError(`GitHub refused ${doing} on ${repository} (403 ${said}).`, {
      // Not "write access to the upstream": nobody needs it for a pull request from a fork, and asking
      // the upstream's maintainers for it is the wrong fix.
      hint: `The token is not allowed to do this on ${repository}: a scope is missing, or it is a fine-grained token, which reaches only its owner's repositories. ${TOKEN_HINT}`,
      cause: error,
    });
  }
  if (status === 404) {
    return new UserError(`GitHub answered 404 while ${doing} on ${repository}.`, {
      hint: `Check ${named}; GitHub also answers 404 when the token may not see the repository. ${TOKEN_HINT}`,
      cause: error,
    });
  }
  if (isApiError(error))
    return new UserError(
      `GitHub failed while ${doing} on ${repository} (${status} ${shownApiErrorText(error)}).`,
      {
        // 5xx: GitHub's own trouble, and the client has tried again already.
        ...(status !== undefined && status >= 500 ? { hint: SERVER_ERROR_HINT } : {}),
        cause: error,
      },
    );
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Runs one API step and turns its failure into an error that says what we were doing; `named` as
 * describeApiFailure's.
 */
export async function step<T>(
  doing: string,
  repository: string,
  call: () => Promise<T>,
  named?: string,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw describeApiFailure(error, doing, repository, named);
  }
}
