import { inputWords, UnreadablePathError, UsageError } from '@connector-alm/core';
import {
  AS_CONNECTOR_PATH,
  extractFirstHint,
  pathsWithoutConnectors,
  solutionGiven,
  solutionGivenProblem,
} from '@connector-alm/validator';
import { InputError } from '../runtime/inputs.js';
import { inputReadRefusal } from '../runtime/read-refused-input.js';
import { refusePathsOnOneLine } from '../runtime/paths-on-one-line.js';

const WHAT_TO_GIVE =
  'Give connector folders (each holds apiDefinition.swagger.json and apiProperties.json), or folders that hold them, relative to the workspace, one per line.';

/**
 * Every path given in the `path` input must lead to a connector folder, as the CLI's validate
 * requires: one that leads to none validated nothing and passed, hiding a typo'd path in a workflow.
 * A path whose connector folders the configuration ignores leads to some (leaving them out was asked).
 * A path that does not exist, or a file outside any connector folder, fails here too, with the input
 * named, before anything is validated; so does a line that lists several paths ('a, b').
 */
export async function requireConnectorsInPathInput(
  paths: readonly string[],
  workspace: string,
): Promise<void> {
  refusePathsOnOneLine('path', paths, workspace);
  let empty: string[];
  try {
    empty = await pathsWithoutConnectors(paths, workspace);
  } catch (error) {
    // A path the file system refused to read (a folder the runner's user may not read): the words of
    // the input's other refusals, realPathInsideWorkspace's.
    if (error instanceof UnreadablePathError) throw inputReadRefusal('path', error);
    // Discovery's own located errors ("does not exist.", "is not a file of a connector folder."),
    // said of the input that named the path.
    if (error instanceof UsageError && error.location)
      throw new InputError(
        'path',
        `gives a path that ${error.message}`,
        solutionHint(error.location.file, workspace) ?? WHAT_TO_GIVE,
        error.location,
      );
    throw error;
  }
  const solution = empty.length === 1 ? solutionGiven(empty[0]!, workspace) : undefined;
  if (solution)
    throw new InputError(
      'path',
      `gives a path that ${solutionGivenProblem(solution, AS_CONNECTOR_PATH.instead)}`,
      extractFirstHint(solution, 'give those folders in path', inputWords),
      { file: empty[0]! },
    );
  if (empty.length === 1)
    throw new InputError('path', 'gives a folder that holds no connector folder.', WHAT_TO_GIVE, {
      file: empty[0]!,
    });
  if (empty.length > 1)
    throw new InputError(
      'path',
      `gives folders that hold no connector folder: ${empty.map((given) => `'${given}'`).join(', ')}.`,
      WHAT_TO_GIVE,
    );
}

/** The extract-connectors advice, in a workflow's words, for a path that is a solution zip or a file of an unpacked one. */
function solutionHint(given: string, workspace: string): string | undefined {
  const solution = solutionGiven(given, workspace);
  return solution && extractFirstHint(solution, 'give those folders in path', inputWords);
}

/**
 * Whether the whole workspace holds no connector folder at all (ignored ones count as held), for the
 * warning of the empty `path` input outside a pull request.
 */
export async function workspaceHoldsNoConnector(workspace: string): Promise<boolean> {
  return (await pathsWithoutConnectors(['.'], workspace)).length > 0;
}
