import { UsageError } from '@connector-alm/core';
import { NotAWorkTreeError } from '@connector-alm/validator';

/**
 * A folder given in `path` that is in no git work tree (extract-connectors' folders under
 * runner.temp), with a base to compare with: git knows nothing of it. The validator says so in the
 * CLI's words ("leave out the base ref"); a workflow has no base ref to leave out, but `base: none`,
 * in a step of its own so that the repository's folders are still compared.
 */
export function outsideRepositoryError(error: unknown): unknown {
  if (!(error instanceof NotAWorkTreeError)) return error;
  return new UsageError(
    "is not inside the repository's git work tree, so it cannot be compared with the base.",
    {
      location: { file: error.folder },
      hint: "Validate folders outside the repository, such as extract-connectors' output, in a step of their own with base: none, or give only folders of the repository in path.",
    },
  );
}
