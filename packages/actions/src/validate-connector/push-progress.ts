import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  Git,
  changeProgress,
  changesAtCommit,
  restoredAtCommit,
  type RestoredConnector,
  fixedInPart,
  fixedSinceBase,
  validateAgainstBase,
  type BaseValidationResult,
  type Finding,
  pushFixes,
  type PushCounts,
  type ValidateOptions,
} from '@connector-alm/validator';
import { isWithin, type Logger } from '@connector-alm/core';

/**
 * What pushProgress reads of this head's comparison with the base: the base, the connectors compared
 * (none when the pull request changes none any more) and their validation, reused.
 */
export type HeadComparison = Pick<BaseValidationResult, 'baseRef' | 'diffs' | 'headValidation'>;

/** The comparison of a head whose pull request changes no connector folder against `baseRef`. */
export function noConnectorComparison(baseRef: string): HeadComparison {
  return { baseRef, diffs: [] };
}

/**
 * What the push of a synchronize event did, against the head it replaced (`result`: this head's
 * comparison with the base): the same folders compared with `before` as with the base, so "did this
 * push make progress?" has an answer beside the counts since the base. The findings it fixed and
 * added are those of the two heads' validation, this head's reused from `result` (only `before`'s is
 * made: a pull request's connector or two, a second or so). The changes against the base are set
 * against those `before` had against its own merge base with it (the files of both versions are read
 * and compared, not validated): the breaking ones count apart, as resolved and introduced (a change
 * put back as the base had it is no fixed finding), and the warnings (BRK-DEPRECATION-PROCESS) among
 * the findings fixed and added, as the summary counts them among the warnings. The pull request's own
 * rules (its title) are left out, which the comparison reads nothing of at `before`. A connector that
 * `before` changed and this push put back exactly as the base has it counts too, though the run no
 * longer checks it: what it had then, this push resolved. `scope` is where the run looks (its path
 * input, else the workspace): a connector outside it counts not. Undefined when
 * `before` cannot be compared: not fetched, or no longer an ancestor of the head (a force push
 * rewrote it), where "this push" has no meaning.
 */
export async function pushProgress(
  workspace: string,
  paths: readonly string[],
  scope: readonly string[],
  before: string,
  options: ValidateOptions,
  result: HeadComparison,
): Promise<PushCounts | undefined> {
  const git = new Git(workspace);
  const commit = await git.commitOf(before);
  if (!commit || (await git.mergeBase('HEAD', commit)) !== commit) return undefined;
  // No connector left to check (the push put back every one): only the restored ones count.
  const compared =
    paths.length === 0
      ? undefined
      : await validateAgainstBase(paths, commit, {
          ...options,
          cwd: workspace,
          git,
          includeWorkingTree: false,
          headValidation: result.headValidation,
        });
  const added = compared ? addedFindings(compared) : 0;
  const earlier = await changesAtCommit(git, commit, result.baseRef, result.diffs);
  // The connectors this push put back exactly as the base has them: no longer the pull request's,
  // the run checks them not, but what they had at `before` this push resolved.
  const restored = await restoredAtCommit(
    git,
    commit,
    result.baseRef,
    result.diffs,
    scope.map((place) => path.resolve(workspace, place)),
  );
  const restoredFindings = await restoredFindingsProgress(workspace, paths, restored, commit, options, git);
  const changes = changeProgress([
    ...result.diffs.map((entry) => ({ earlier: earlier.get(entry) ?? [], later: entry.diff?.changes ?? [] })),
    // As the base has them: no change any more.
    ...restored.map((connector) => ({ earlier: connector.changes, later: [] })),
  ]);
  return {
    before: commit,
    added: added + restoredFindings.added + changes.warningsAdded,
    fixed:
      (compared ? fixedSinceBase(compared.diffs).length : 0) + restoredFindings.fixed + changes.warningsFixed,
    fixedInPart: (compared ? fixedInPart(compared.findings) : 0) + restoredFindings.fixedInPart,
    breaking: { before: changes.breakingBefore, resolved: changes.resolved, introduced: changes.introduced },
  };
}

/**
 * The findings the restored connectors' folders (those still there: the base has them) had at `before`
 * and have not now, and the reverse, counted as the checked connectors' are: their folders compared
 * with `before`. Apart from the checked paths' comparison, which reuses the head's validation of
 * those; a folder under a checked path is counted there already.
 */
async function restoredFindingsProgress(
  workspace: string,
  paths: readonly string[],
  restored: readonly RestoredConnector[],
  before: string,
  options: ValidateOptions,
  git: Git,
): Promise<{ fixed: number; fixedInPart: number; added: number }> {
  const checked = paths.map((place) => path.resolve(workspace, place));
  const folders = restored
    .map((connector) => connector.folder)
    .filter((folder) => existsSync(folder) && !checked.some((place) => isWithin(place, folder)));
  if (folders.length === 0) return { fixed: 0, fixedInPart: 0, added: 0 };
  const compared = await validateAgainstBase(folders, before, {
    ...options,
    cwd: workspace,
    git,
    includeWorkingTree: false,
  });
  return {
    fixed: fixedSinceBase(compared.diffs).length,
    fixedInPart: fixedInPart(compared.findings),
    added: addedFindings(compared),
  };
}

/** The findings new against the head a push replaced, but those of the changes between the two heads. */
function addedFindings(compared: BaseValidationResult): number {
  // The findings of the changes between the two heads say nothing of the changes against the base.
  const ofChanges = new Set<Finding>(
    compared.diffs.flatMap((entry) => [...(entry.reportedAs?.values() ?? [])]),
  );
  return compared.findings.filter((finding) => finding.baseline === 'new' && !ofChanges.has(finding)).length;
}

/**
 * `pushProgress` in a log group that says what it found, or why it compared nothing: the push's line
 * is an addition to the summary, so a comparison that fails (a `before` git cannot read, a
 * configuration file that does not load) is said in the log and leaves the rest of the run as it was.
 */
export async function comparePush(
  workspace: string,
  paths: readonly string[],
  scope: readonly string[],
  before: string,
  options: () => Promise<ValidateOptions>,
  result: HeadComparison,
  logger: Logger,
): Promise<PushCounts | undefined> {
  return logger.group(`Compare with the head before this push (${before.slice(0, 12)})`, async () => {
    try {
      const progress = await pushProgress(workspace, paths, scope, before, await options(), result);
      const breaking = progress?.breaking;
      logger.info(
        progress
          ? `This push ${pushFixes(progress)} and added ${progress.added}${breaking ? `; of the breaking changes against the base, it resolved ${breaking.resolved} of ${breaking.before} and introduced ${breaking.introduced}` : ''}.`
          : 'The head before this push is not in the checkout, or not an ancestor of this one (a force push): not compared.',
      );
      return progress;
    } catch (error) {
      logger.info(`Not compared: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  });
}

/** Whether a push did anything the counts show: a push that touched no connector says nothing. */
export function pushCounted(push: PushCounts): boolean {
  const breaking = push.breaking;
  return (
    push.fixed > 0 ||
    push.fixedInPart > 0 ||
    push.added > 0 ||
    (breaking !== undefined && (breaking.before > 0 || breaking.introduced > 0))
  );
}
