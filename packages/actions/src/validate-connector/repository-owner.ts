import { UsageError } from '@connector-alm/core';
import { trustWorkspace, type RepositoryOwnerError } from '@connector-alm/validator';

/**
 * git's refusal of the workspace's repository for its owner, in the words of a workflow: the step
 * that marks it safe, and `base: none` to check without git. The CLI's words ("leave out the base
 * ref", a command for a laptop) fit no workflow, which may not have given a base at all.
 */
export function repositoryOwnerInWorkflow(error: RepositoryOwnerError): UsageError {
  return new UsageError(
    `git refuses to work in the repository (${error.repository}): it belongs to another user than the one this step runs as ("detected dubious ownership"), so the connectors cannot be compared with the base.`,
    {
      hint: `Add a step before this one that runs ${trustWorkspace()} (actions/checkout marks it safe for its own commands only), or set base: none to check the connector folders without comparing them with the base.`,
    },
  );
}
