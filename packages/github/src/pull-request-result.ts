import type { Finding } from '@connector-alm/validator';

/**
 * `emptied`: the connector equals the upstream's again (the author reverted their change), so the
 * open pull request's branch now holds the upstream version and the pull request proposes no change.
 * It is left open for the author to close. `none`: nothing to send, the open pull request is up to
 * date, or the connector has not changed since its last pull request was closed (then `number` and
 * `url` are that pull request's, and a warning says what to do; see closedWithThisVersion).
 * `refused`: nothing was pushed and no pull request opened
 * or updated, for the reason in `refusal`.
 */
export type PullRequestOperation = 'created' | 'updated' | 'emptied' | 'none' | 'refused';

/**
 * Why a connector was refused: validation found problems at or above fail-on (they are in
 * `findings`), its folder has no apiDefinition.swagger.json (whatever fail-on: sending it would
 * propose deleting the upstream's connector; its findings are in `findings` too), its readme still
 * has the TODOs extract-connectors wrote (whatever fail-on; they are in `findings`), the upstream
 * already has it in another folder (`upstreamFolder`; only for a target folder not given), or its
 * branch name is another target folder's (in this run, or on the fork already), or a branch of the fork
 * is named like a folder of its branch, so git cannot create it (`branch-clash`: the fork's branch is in
 * `clashingBranch`), or its branch is the
 * head of an open pull request against another base branch (`other-base`), or it has breaking
 * changes against the upstream's version and fail-on-breaking is set (they are in `findings`), or
 * warnings about its change against the upstream's version reach fail-on (`change-warnings`: they are
 * in `changeWarnings`, as validate --base counts them among the findings fail-on judges), or git
 * ignores a file that validation reads as the connector's (apiProperties.json, icon.png, the readme,
 * script.csx), which the pull request would leave out (`git-ignored`).
 */
export type PullRequestRefusal =
  | 'findings'
  | 'no-swagger'
  | 'git-ignored'
  | 'readme-todo'
  | 'namesake'
  | 'branch'
  | 'branch-clash'
  | 'other-base'
  | 'breaking'
  | 'change-warnings';

/** What happened, as data: the action's outputs and the CLI's JSON are this object. */
export interface PullRequestResult {
  connector: string;
  targetFolder: string;
  operation: PullRequestOperation;
  /**
   * Why nothing was done, when operation is none or refused; what to do next, when it is emptied.
   */
  reason?: string;
  refusal?: PullRequestRefusal;
  /** The validation findings, located, when they refused the connector (or its readme's TODOs did). */
  findings?: Finding[];
  /**
   * The refusal's findings are none that validate-connector reports with the same configuration: it
   * ignores the connector (`ignore`), which pr checks all the same since it was named to be sent, or
   * they are readme TODOs at a README-PLACEHOLDER level that reports them not (off). A job that leaves
   * the annotations to its validate step (annotate-findings: false) annotates these all the same.
   */
  findingsOnlyHere?: true;
  /**
   * The breaking changes against the upstream's version of the connector, as findings of the
   * connector, when it has any (whether they refused it or were sent for the reviewers).
   */
  breakingChanges?: Finding[];
  /**
   * The changes against the upstream's version that break nothing but are warnings (a versioning
   * process half done: BRK-DEPRECATION-PROCESS), as findings of the connector, when it has any: listed
   * in the pull request apart from the breaking changes, never refused by fail-on-breaking, refused by
   * fail-on at their level (warning), as validate --base fails on them.
   */
  changeWarnings?: Finding[];
  /**
   * The folder's swagger written in YAML, when the folder has no apiDefinition.swagger.json but this
   * (refusal `no-swagger`): the advice is then to convert it.
   */
  yamlSwagger?: string;
  /**
   * The folder's apiDefinition.swagger.json is there but git ignores it (refusal `no-swagger`): the
   * advice is then to take it out of .gitignore, not to add it.
   */
  swaggerIgnored?: true;
  /**
   * The fork's branch named like a folder of `branch` (`connector-alm` for `connector-alm/…`), which
   * keeps git from creating the branch, when that refused the connector (refusal `branch-clash`).
   */
  clashingBranch?: string;
  /** The upstream's folder that has the connector already, when that refused it (refusal `namesake`). */
  upstreamFolder?: string;
  number?: number;
  url?: string;
  branch: string;
  headSha?: string;
  /**
   * What the author should know and nothing stopped: labels or reviewers that could not be set, a
   * branch commit replaced, a given title the upstream would not accept.
   */
  warnings: string[];
}
