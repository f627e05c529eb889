import { promises as fs } from 'node:fs';
import { inputWords, UnreadablePathError, UsageError } from '@connector-alm/core';
import { checkConnectorArguments } from '@connector-alm/github';
import { InputError } from '../runtime/inputs.js';
import { inputReadRefusal } from '../runtime/read-refused-input.js';
import { refusePathsOnOneLine } from '../runtime/paths-on-one-line.js';
import { realPathInsideWorkspace } from '../runtime/workspace-path.js';

/**
 * Every path of the `connector` input names one connector folder inside the workspace, checked before
 * the token and before any request, as `connector-alm pr` checks its arguments: a mistyped folder is
 * told as such, not as a missing secret, and a later one's stops the run before the first is sent.
 * Each refusal names the input, since the input is all a workflow author can find in the step.
 */
export async function requireConnectorsInConnectorInput(
  connectors: readonly string[],
  workspace: string,
): Promise<void> {
  refusePathsOnOneLine('connector', connectors, workspace);
  for (const connector of connectors) {
    // A connector from outside the checkout (or linked in from outside) would publish files the
    // workflow never meant to share.
    const real = await realPathInsideWorkspace('connector', workspace, connector);
    if (real === undefined || real === (await fs.realpath(workspace))) {
      throw new InputError(
        'connector',
        `must name a folder inside the workspace; got '${connector}'.`,
        "Give the connector's folder as a path relative to the workspace, such as 'certified-connectors/Contoso', that no '..' or symbolic link leads out of.",
      );
    }
  }
  try {
    await checkConnectorArguments(connectors, workspace, inputWords);
  } catch (error) {
    // A path the file system refused to read (a folder the runner's user may not read): the words of
    // the input's other refusals, realPathInsideWorkspace's.
    if (error instanceof UnreadablePathError) throw inputReadRefusal('connector', error);
    // The CLI's located errors ("does not exist.", "holds the connector folder 'X', not a connector
    // itself."), said of the input that named the path; their hints (give 'X' instead) still fit.
    if (error instanceof UsageError && error.location)
      throw new InputError('connector', `gives a path that ${error.message}`, error.hint, error.location);
    throw error;
  }
}
