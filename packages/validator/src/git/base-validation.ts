import type { Change, DiffResult } from '../diff/change.js';
import type { Finding } from '../model/finding.js';
import type { PullRequestFacts } from '../repository/pull-request-facts.js';
import type { ValidateOptions, ValidationResult } from '../validate.js';
import type { Git } from './git.js';

export interface BaseValidationOptions extends ValidateOptions {
  /**
   * Count uncommitted and untracked files as changes of the branch (default true: validation reads
   * the work tree, so its edits must be compared too). CI checkouts are clean either way.
   */
  includeWorkingTree?: boolean;
  /** The git port; by default git run in `cwd`. */
  git?: Git;
  /** The pull request under check, for the rules about it (its title, its base branch). */
  pullRequest?: PullRequestFacts;
  /**
   * The validation of HEAD that an earlier comparison of the same paths, with the same options, made
   * (its result's `headValidation`), taken instead of validating HEAD again when it is of the same
   * folders: a second comparison, with another base (the head a push replaced), costs only the
   * validation of that base. The work tree must not have changed since.
   */
  headValidation?: HeadValidation;
}

/** The validation of the folders found at HEAD, before the comparison marked or added any finding. */
export interface HeadValidation {
  /** The folders validated, as validation found them under the paths. */
  folders: readonly string[];
  result: ValidationResult;
}

/**
 * `unchanged`: no file of the connector changed since the merge base; `changed`: compared with its
 * base version; `added`: absent at the merge base, or there without a swagger, which no connector is
 * made without: a brand-new connector (no breaking changes);
 * `deleted`: a connector of the merge base that the branch deleted (not renamed), a breaking change;
 * `uncompared`: a folder in no git work tree (extract-connectors' output under runner.temp, given
 * beside the repository's folders): validated, with nothing to compare it with, so its findings are
 * neither new nor existing.
 */
export type ConnectorChangeStatus = 'unchanged' | 'changed' | 'added' | 'deleted' | 'uncompared';

export interface ConnectorDiff {
  /**
   * The folder as reachable from the working directory (as in ConnectorResult.path); for a deleted
   * connector, where it was.
   */
  path: string;
  /** The folder relative to the repository's top level, `/`-separated; an `uncompared` one's as `path`. */
  repositoryPath: string;
  status: ConnectorChangeStatus;
  /**
   * An `added` connector whose folder is at the merge base, without a swagger: reports say why it
   * counts as new, where a reader sees that the folder was there.
   */
  baseHadNoSwagger?: true;
  /** The changes against the merge base (changed connectors, and the deletion of deleted ones). */
  diff?: DiffResult;
  /**
   * The finding each of its BRK-* changes is reported as, the same object as in `findings`: a report
   * that lists the changes too (the job summary) lists such a change once, at its finding's place.
   */
  reportedAs?: ReadonlyMap<Change, Finding>;
  /** Where the folder was at the merge base, when the branch renamed it. */
  renamedFrom?: string;
  /**
   * For a `changed` connector: the findings its base version had that no finding matches now (the
   * problems the change fixed), located in the base version, their files named
   * `<merge base, 12 digits>:<repository path>` (git/fixed-findings.ts). The repository rules' findings
   * (title, host and icon clashes) are not compared for it: only the connector's own validation.
   */
  fixed?: Finding[];
}

export interface BaseValidationResult extends ValidationResult {
  baseRef: string;
  mergeBase: string;
  /**
   * One per connector validated, in the order of `connectors`, then one per connector deleted: those
   * are in no ConnectorResult (there is nothing left to validate), but their BRK-CONNECTOR-DELETED
   * findings are in `findings`, with the deleted folder as their `connector`.
   */
  diffs: ConnectorDiff[];
  /**
   * Why the configuration file was not compared with the base's (the base's does not parse), for
   * the log. What the change loosened in it are REPO-CONFIG-LOOSENED findings in `findings`, on the
   * file, with its folder as their `connector`.
   */
  configurationNote?: string;
  /** What another comparison of the same paths takes as its `headValidation`. */
  headValidation?: HeadValidation;
}

/** True for the result of validateAgainstBase (as onlyNewFindings keeps it), which reports add the base to. */
export function comparedWithBase(result: ValidationResult): result is BaseValidationResult {
  return 'baseRef' in result && 'mergeBase' in result && 'diffs' in result;
}

/** The paths of the connectors validated without a comparison (`uncompared`): in no git work tree. */
export function uncomparedPaths(result: BaseValidationResult): Set<string> {
  return new Set(result.diffs.filter((entry) => entry.status === 'uncompared').map((entry) => entry.path));
}
