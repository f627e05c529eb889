import {
  Git,
  fixedSinceBase,
  isBreakingChange,
  validateAgainstBase,
  type ValidateOptions,
} from '@connector-alm/validator';
import type { Logger } from '@connector-alm/core';

/** What one push to a pull request changed: findings it added and findings it fixed. */
export interface PushProgress {
  /** The pull request's head before the push (the synchronize event's `before`). */
  before: string;
  added: number;
  fixed: number;
}

/**
 * What the push of a synchronize event did, against the head it replaced: the same folders compared
 * with `before` as with the base, so "did this push make progress?" has an answer beside the counts
 * since the base. It costs a second comparison of the changed connectors (their validation at both
 * commits): a pull request's connector or two, a second or so, against the question every maker asks
 * after a push. The breaking changes are left out (a change restored is no finding to count as fixed)
 * and so are the pull request's own rules (its title), which the comparison reads nothing of at
 * `before`. Undefined when `before` cannot be compared: not fetched, or no longer an ancestor of the
 * head (a force push rewrote it), where "this push" has no meaning.
 */
export async function pushProgress(
  workspace: string,
  paths: readonly string[],
  before: string,
  options: ValidateOptions,
): Promise<PushProgress | undefined> {
  const git = new Git(workspace);
  const commit = await git.commitOf(before);
  if (!commit || (await git.mergeBase('HEAD', commit)) !== commit) return undefined;
  const result = await validateAgainstBase(paths, commit, {
    ...options,
    cwd: workspace,
    git,
    includeWorkingTree: false,
  });
  const added = result.findings.filter(
    (finding) => finding.baseline === 'new' && !isBreakingChange(finding),
  ).length;
  return { before: commit, added, fixed: fixedSinceBase(result.diffs).length };
}

/**
 * `pushProgress` in a log group that says what it found, or why it compared nothing: the push's line
 * is an addition to the summary, so a comparison that fails (a `before` git cannot read) is said in
 * the log and leaves the rest of the run as it was.
 */
export async function comparePush(
  workspace: string,
  paths: readonly string[],
  before: string,
  options: ValidateOptions,
  logger: Logger,
): Promise<PushProgress | undefined> {
  return logger.group(`Compare with the head before this push (${before.slice(0, 12)})`, async () => {
    try {
      const progress = await pushProgress(workspace, paths, before, options);
      logger.info(
        progress
          ? `This push fixed ${progress.fixed} and added ${progress.added}.`
          : 'The head before this push is not in the checkout, or not an ancestor of this one (a force push): not compared.',
      );
      return progress;
    } catch (error) {
      logger.info(`Not compared: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  });
}
