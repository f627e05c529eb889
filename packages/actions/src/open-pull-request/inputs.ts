import * as core from '@actions/core';
import { DEFAULT_BRANCH_PREFIX } from '@connector-alm/github';
import { FAIL_ON_LEVELS, FAIL_ON_MEANT, type FailOn } from '@connector-alm/validator';
import { readBoolean, readChoice, readLines, readList, readString, InputError } from '../runtime/inputs.js';

/** The inputs of open-pull-request, parsed and checked; names mirror action.yml in camelCase. */
export interface OpenPullRequestInputs {
  token: string;
  upstream: string;
  base: string;
  connectors: string[];
  targetFolder: string;
  branchPrefix: string;
  title: string;
  body: string;
  draft: boolean;
  labels: string[];
  maintainerCanModify: boolean;
  syncFork: boolean;
  failOn: FailOn;
  failOnBreaking: boolean;
  resubmit: boolean;
  config: string;
  /** Whether a refused connector's findings on its own files are annotated (else listed in the log). */
  annotateFindings: boolean;
}

/**
 * The inputs, with `token` possibly empty: the action checks the connector paths first, as
 * `connector-alm pr` does, then asks requireToken.
 */
export function readOpenPullRequestInputs(): OpenPullRequestInputs {
  const token = readString('token');
  // Masked before anything else can print it.
  if (token !== '') core.setSecret(token);
  const connectors = readLines('connector');
  if (connectors.length === 0)
    throw new InputError(
      'connector',
      'is required but was empty.',
      'Give the connector folder, relative to the workspace.',
    );
  const targetFolder = readString('target-folder');
  if (targetFolder !== '' && connectors.length > 1) {
    throw new InputError(
      'target-folder',
      'can only be set for a single connector.',
      'Leave it empty to derive each target folder from its profile.',
    );
  }
  return {
    token,
    upstream: readString('upstream') || 'microsoft/PowerPlatformConnectors',
    base: readString('base') || 'dev',
    connectors,
    targetFolder,
    // Given empty (a calling workflow's unset input), the default, as upstream and base are: read as
    // no prefix, it put the branch beside the fork's own, named after the target folder alone.
    branchPrefix: readString('branch-prefix') || DEFAULT_BRANCH_PREFIX,
    title: readString('title'),
    body: readString('body'),
    draft: readBoolean('draft', false),
    labels: readList('labels'),
    maintainerCanModify: readBoolean('maintainer-can-modify', true),
    syncFork: readBoolean('sync-fork', false),
    failOn: readChoice('fail-on', FAIL_ON_LEVELS, 'error', FAIL_ON_MEANT),
    failOnBreaking: readBoolean('fail-on-breaking', false),
    resubmit: readBoolean('resubmit', false),
    config: readString('config'),
    annotateFindings: readBoolean('annotate-findings', true),
  };
}

/**
 * Refuses an empty token. An empty token is a secret that is not there: the step's with: block is
 * seldom the user's own (the publish workflow's is ours), so the hint names the secret to create.
 */
export function requireToken(token: string): void {
  if (token === '')
    throw new InputError(
      'token',
      'is required but was empty.',
      "Give a classic personal access token of the fork owner (public_repo scope) from a secret: create the repository secret (the example publish workflow reads CONNECTORS_PAT) and pass it, e.g. 'token: ${{ secrets.CONNECTORS_PAT }}'. An empty value is a secret that does not exist, or that a calling workflow did not pass on under secrets:.",
    );
}
