/** An action that is not ours (actions/checkout, codeql upload-sarif…), played by the test. */
export type ExternalAction = (
  inputs: Record<string, string>,
  workspace: string,
) =>
  | { outputs?: Record<string, string>; exitCode?: number }
  | Promise<{ outputs?: Record<string, string>; exitCode?: number }>;

/** An external action with the input names its action.yml declares, so that typos are refused as for ours. */
export interface ExternalActionSpec {
  inputs: readonly string[];
  run: ExternalAction;
}

/** What a GitHub environment gives a job that names it in `environment:`. */
export interface GitHubEnvironment {
  vars?: Record<string, string>;
  secrets?: Record<string, string>;
}

/** The runner's OIDC endpoint (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN). */
export interface IdTokenEndpoint {
  requestUrl: string;
  requestToken: string;
}

/** A finished job as the `needs` context shows it to the jobs after it. */
export interface NeedsEntry {
  result: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
}

export interface RunJobOptions {
  workspace: string;
  eventName: string;
  event?: Record<string, unknown>;
  /** `inputs` of workflow_call / workflow_dispatch; defaults come from the workflow. */
  inputs?: Record<string, unknown>;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** Fields of the `github` context to set or override (ref, actor, repository…). */
  github?: Record<string, unknown>;
  apiUrl?: string;
  /** Extra process environment for every step. */
  env?: Record<string, string>;
  /** Handlers for `uses:` that are not this repository's actions, by name without the @ref. */
  externalActions?: Record<string, ExternalAction | ExternalActionSpec>;
  /** GitHub environments by name; a job's `environment:` adds their vars and secrets. */
  environments?: Record<string, GitHubEnvironment>;
  /** Handed to the steps only when the job's permissions grant id-token: write, as GitHub does. */
  idToken?: IdTokenEndpoint;
  /** Results of the jobs this one needs (runWorkflow fills it in). */
  needs?: Record<string, NeedsEntry>;
}
