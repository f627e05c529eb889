import * as core from '@actions/core';
import { readBoolean, readLines, readRequiredString, readString, InputError } from '../runtime/inputs.js';

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
}

export function readOpenPullRequestInputs(): OpenPullRequestInputs {
  const token = readRequiredString('token');
  // Masked before anything else can print it.
  core.setSecret(token);
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
    branchPrefix: readString('branch-prefix'),
    title: readString('title'),
    body: readString('body'),
    draft: readBoolean('draft', false),
    labels: readLines('labels').flatMap((line) =>
      line
        .split(',')
        .map((label) => label.trim())
        .filter(Boolean),
    ),
    maintainerCanModify: readBoolean('maintainer-can-modify', true),
    syncFork: readBoolean('sync-fork', false),
  };
}
