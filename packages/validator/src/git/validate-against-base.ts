import { existsSync } from 'node:fs';
import path from 'node:path';
import { slashSeparated, toDisplayPath } from '@connector-alm/core';
import { loadConnectorFolder } from '../loader/connector-folder.js';
import { compareFindings, locatedFinding, type Finding } from '../model/finding.js';
import { markAllExisting, markAllNew, markBaseline } from '../diff/baseline.js';
import { classifyChanges, type Change, type DiffResult } from '../diff/change.js';
import { CHANGE_RULES } from '../diff/change-rules.js';
import { connectorVersion, diffConnectorFiles, type ConnectorVersion } from '../diff/connector-diff.js';
import { counterpartPointer } from '../diff/counterpart-pointer.js';
import {
  countBySeverity,
  validateFolder,
  validatePaths,
  type ConnectorResult,
  type ValidateOptions,
  type ValidationResult,
} from '../validate.js';
import { configSearchStart } from '../config/config-of-paths.js';
import { isIgnored } from '../config/ignore.js';
import { DEFAULT_CONFIG } from '../config/config-types.js';
import { checkChangedConnectors, type ValidatedChange } from '../repository/check-changed-connectors.js';
import type { PullRequestFacts } from '../repository/pull-request-facts.js';
import { ALL_RULES } from '../rules/index.js';
import { changedFilesSince, connectorFoldersOf } from './changed-connectors.js';
import {
  connectorDeletedChange,
  connectorDeletedFinding,
  deletedConnectorFolders,
  type DeletedConnector,
} from './deleted-connectors.js';
import { renamedFolderSources } from './renamed-folders.js';
import { checkConfigurationAgainstBase } from './config-at-base.js';
import { configurationInRepository } from './config-location.js';
import type { Git } from './git.js';
import { materializeFolder } from './materialize.js';
import { repositoryOfPaths } from './repository-of-paths.js';
import { realCasePath, toRepositoryPath } from './repository-paths.js';

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
}

/**
 * `unchanged`: no file of the connector changed since the merge base; `changed`: compared with its
 * base version; `added`: absent at the merge base, a brand-new connector (no breaking changes);
 * `deleted`: a connector of the merge base that the branch deleted (not renamed), a breaking change.
 */
export type ConnectorChangeStatus = 'unchanged' | 'changed' | 'added' | 'deleted';

export interface ConnectorDiff {
  /**
   * The folder as reachable from the working directory (as in ConnectorResult.path); for a deleted
   * connector, where it was.
   */
  path: string;
  /** The folder relative to the repository's top level, `/`-separated. */
  repositoryPath: string;
  status: ConnectorChangeStatus;
  /** The changes against the merge base (changed connectors, and the deletion of deleted ones). */
  diff?: DiffResult;
  /** Where the folder was at the merge base, when the branch renamed it. */
  renamedFrom?: string;
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
}

/** True for the result of validateAgainstBase (as onlyNewFindings keeps it), which reports add the base to. */
export function comparedWithBase(result: ValidationResult): result is BaseValidationResult {
  return 'baseRef' in result && 'mergeBase' in result && 'diffs' in result;
}

/**
 * Validates `paths` as `validatePaths` does, then compares every connector the branch changed with
 * its version at the merge base of HEAD and `baseRef`: its findings are marked `new` or `existing`
 * (those of untouched connectors are all `existing`, those of brand-new connectors all `new`), and
 * its breaking changes are added as BRK-* findings. A connector folder of the merge base under
 * `paths` that the branch deleted is a breaking change too (BRK-CONNECTOR-DELETED); a path may name
 * such a folder, which no longer exists. The base is the merge base, not the previous
 * commit, so a pull request with many commits, or with merges from its base branch, is judged on
 * what it changes as a whole.
 */
export async function validateAgainstBase(
  paths: readonly string[],
  baseRef: string,
  options: BaseValidationOptions = {},
): Promise<BaseValidationResult> {
  const cwd = options.cwd ?? process.cwd();
  // The repository of the paths, which the working directory need not be in.
  const git = options.git ?? (await repositoryOfPaths(paths, cwd));
  const topLevel = await realCasePath(await git.topLevel());
  const mergeBase = await git.mergeBase('HEAD', baseRef);
  const files = await changedFilesSince(git, mergeBase, {
    includeWorkingTree: options.includeWorkingTree ?? true,
  });
  const changedFolders = new Set(await connectorFoldersOf(files, git, topLevel, mergeBase));
  // A folder the branch renamed is compared with its old self, not taken for a new connector.
  const renamedFrom = renamedFolderSources(
    await git.renamedFiles(mergeBase, (options.includeWorkingTree ?? true) ? undefined : 'HEAD'),
    changedFolders,
  );
  // The configuration's ignore globs are relative to its file, whose path was resolved from cwd; the
  // top level is a real path, so a folder is named from cwd as validatePaths names it (cwd may be
  // reached through a link, as the temp folder is on macOS).
  const realCwd = await realCasePath(cwd);
  const fromCwd = (folder: string) => path.resolve(cwd, path.relative(realCwd, path.join(topLevel, folder)));
  const config = options.config ?? DEFAULT_CONFIG;
  const present: string[] = [];
  const gone: string[] = [];
  for (const folder of changedFolders)
    ((await isPresent(folder, topLevel, git)) ? present : gone).push(folder);
  // Not if the configuration ignores it, as validation does not validate it: its globs are read from cwd.
  const deleted = (await deletedConnectorFolders(gone, renamedFrom, git, mergeBase)).filter(
    (folder) => !isIgnored(fromCwd(folder.repositoryPath), config),
  );
  const scope = await deletionScope(paths, gone, deleted, { cwd, realCwd, topLevel });
  // The configuration in use is the change's own: what it loosens is said (without one given, the
  // caller did not read the change's, so there is nothing to compare).
  const configuration = options.config
    ? await checkConfigurationAgainstBase({
        git,
        mergeBase,
        topLevel,
        cwd,
        // The base's file is looked for from where loadConfig (given the paths) looked for the
        // change's: the top level when the working directory is outside the repository.
        searchStartInRepository:
          toRepositoryPath(topLevel, await realCasePath(configSearchStart(topLevel, cwd))) ?? '.',
        config,
        configInRepository: config.path
          ? await configurationInRepository(config.path, { cwd, realCwd, topLevel })
          : undefined,
        rules: options.rules ?? ALL_RULES,
        changedFolders: [...changedFolders],
      })
    : { findings: [] };

  const validation =
    scope.paths.length > 0
      ? await validatePaths(scope.paths, options)
      : { connectors: [], findings: [], counts: countBySeverity([]) };
  const connectors: ConnectorResult[] = [];
  const diffs: ConnectorDiff[] = [];
  const changedConnectors: ValidatedChange[] = [];
  const deletedPaths = new Set(deleted.map((folder) => folder.repositoryPath));
  for (const connector of validation.connectors) {
    const absolute = await realCasePath(path.resolve(cwd, connector.path));
    const repositoryPath = toRepositoryPath(topLevel, absolute);
    // A deleted folder that ignored files were left in: its deletion is what the branch did to it.
    if (repositoryPath !== undefined && deletedPaths.has(repositoryPath)) continue;
    if (repositoryPath === undefined || !changedFolders.has(repositoryPath)) {
      connectors.push({ ...connector, findings: markAllExisting(connector.findings) });
      diffs.push({
        path: connector.path,
        repositoryPath: repositoryPath ?? connector.path,
        status: 'unchanged',
      });
      continue;
    }
    const compared = await compareWithBase(
      connector,
      repositoryPath,
      renamedFrom.get(repositoryPath),
      git,
      mergeBase,
      options,
      cwd,
    );
    connectors.push({ ...connector, findings: compared.findings });
    diffs.push({
      path: connector.path,
      repositoryPath,
      status: compared.status,
      diff: compared.diff,
      ...(compared.basePath !== repositoryPath && compared.basePath
        ? { renamedFrom: compared.basePath }
        : {}),
    });
    changedConnectors.push({
      path: connector.path,
      repositoryPath,
      basePath: compared.basePath,
      profile: connector.profile,
      status: compared.status,
    });
  }
  // Nor a folder the configuration ignores: it is not validated, so it is not a connector of the change.
  const validatedFolders = present.filter((folder) => !isIgnored(fromCwd(folder), config));
  await addRepositoryFindings(connectors, changedConnectors, validatedFolders, {
    ...options,
    cwd,
    git,
    topLevel,
    mergeBase,
  });
  const deletions: Finding[] = [];
  for (const folder of scope.deleted) {
    const change = connectorDeletedChange(folder, mergeBase);
    const shown = toDisplayPath(cwd, fromCwd(folder.repositoryPath));
    deletions.push(connectorDeletedFinding(change, shown));
    diffs.push({
      path: shown,
      repositoryPath: folder.repositoryPath,
      status: 'deleted',
      diff: { changes: [change], classification: classifyChanges([change]) },
    });
  }
  const findings = [
    ...connectors.flatMap((connector) => connector.findings),
    ...deletions,
    ...configuration.findings,
  ].sort(compareFindings);
  return {
    connectors,
    findings,
    counts: countBySeverity(findings),
    baseRef,
    mergeBase,
    diffs,
    ...(configuration.note !== undefined && { configurationNote: configuration.note }),
  };
}

/**
 * Adds the findings of the repository rules (one connector per pull request, unique title, host and
 * icon, the pull request's branch and title) to the changed connectors. Only folders that still
 * exist count as changed (`changedFolders`): a deleted or renamed-away folder is not a second connector.
 */
async function addRepositoryFindings(
  connectors: ConnectorResult[],
  changed: readonly ValidatedChange[],
  changedFolders: readonly string[],
  options: BaseValidationOptions & { cwd: string; git: Git; topLevel: string; mergeBase: string },
): Promise<void> {
  if (changed.length === 0) return;
  const byPath = await checkChangedConnectors({
    cwd: options.cwd,
    topLevel: options.topLevel,
    git: options.git,
    mergeBase: options.mergeBase,
    connectors: changed,
    changedFolders,
    pullRequest: options.pullRequest,
    rules: options.rules ?? ALL_RULES,
    overrides: options.config?.rules,
  });
  for (const [index, connector] of connectors.entries()) {
    const added = byPath.get(connector.path);
    if (added)
      connectors[index] = { ...connector, findings: [...connector.findings, ...added].sort(compareFindings) };
  }
}

/**
 * In the work tree and known to git: not a folder deleted or renamed away, even when ignored files
 * were left in it, or when a case-insensitive file system finds it under its new capitalization.
 */
async function isPresent(folder: string, topLevel: string, git: Git): Promise<boolean> {
  return existsSync(path.join(topLevel, folder)) && (await git.hasFilesIn(folder));
}

/**
 * The paths to validate, and the deleted connectors that `paths` cover: those inside a path given,
 * and those a path names itself. A path that names a folder the branch deleted or moved away
 * (`gone`) is not validated: nothing of it is left (the action passes every folder a pull request
 * changed, those among them; on the command line it names the connector whose deletion to check).
 * Any other path that does not exist is left for validation to refuse, as without a base.
 */
async function deletionScope(
  paths: readonly string[],
  gone: readonly string[],
  deleted: readonly DeletedConnector[],
  where: { cwd: string; realCwd: string; topLevel: string },
): Promise<{ paths: string[]; deleted: DeletedConnector[] }> {
  const kept: string[] = [];
  const covered = new Set<DeletedConnector>();
  // Each path is looked up, not compared with every deleted folder: a pull request's run names
  // every folder it changed, which may be thousands, each deleted.
  const byPath = new Map<string, DeletedConnector>();
  for (const folder of deleted)
    if (!byPath.has(folder.repositoryPath)) byPath.set(folder.repositoryPath, folder);
  const goneSet = new Set(gone);
  const containing = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(where.cwd, given);
    const exists = existsSync(absolute);
    // Resolved from cwd's real path when it does not exist: there is nothing to ask the disk about.
    const real = exists
      ? await realCasePath(absolute)
      : path.resolve(where.realCwd, path.relative(where.cwd, absolute));
    const inRepository = toRepositoryPath(where.topLevel, real);
    const named = inRepository === undefined ? undefined : byPath.get(inRepository);
    if (named) covered.add(named);
    if (!named && !(inRepository !== undefined && goneSet.has(inRepository))) kept.push(given);
    if (!exists || inRepository === undefined) continue;
    containing.add(inRepository);
  }
  // A deleted folder is covered by a path given that is one of its parent folders (or the top).
  const isCovered = (folder: DeletedConnector): boolean =>
    covered.has(folder) ||
    containing.has('.') ||
    parentFolders(folder.repositoryPath).some((parent) => containing.has(parent));
  return { paths: kept, deleted: deleted.filter(isCovered) };
}

/** `a/b/c` → `a`, `a/b`: the folders a repository path is inside, not itself. */
function parentFolders(repositoryPath: string): string[] {
  const parts = repositoryPath.split('/');
  return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join('/'));
}

/** Keeps only the findings the branch introduced (`validate --only-new`). */
export function onlyNewFindings<T extends ValidationResult>(result: T): T {
  const connectors = result.connectors.map((connector) => ({
    ...connector,
    findings: connector.findings.filter((finding) => finding.baseline !== 'existing'),
  }));
  const findings = result.findings.filter((finding) => finding.baseline !== 'existing');
  return { ...result, connectors, findings, counts: countBySeverity(findings) };
}

async function compareWithBase(
  connector: ConnectorResult,
  repositoryPath: string,
  renamedFrom: string | undefined,
  git: Git,
  mergeBase: string,
  options: BaseValidationOptions,
  cwd: string,
): Promise<{ status: 'changed' | 'added'; findings: Finding[]; diff?: DiffResult; basePath?: string }> {
  // The folder where it is; where it was, when the branch moved it there.
  let basePath = repositoryPath;
  let base = await materializeFolder(git, mergeBase, repositoryPath);
  if (!base && renamedFrom !== undefined) {
    basePath = renamedFrom;
    base = await materializeFolder(git, mergeBase, renamedFrom);
  }
  if (!base) return { status: 'added', findings: markAllNew(connector.findings) };
  try {
    // The same profile as the current version: the comparison is about the change, not the rules.
    const baseResult = await validateFolder(
      base.path,
      { ...options, profile: connector.profile, onConnector: undefined },
      undefined,
      base.root,
    );
    const marked = markBaseline(connector.findings, baseResult.findings);
    const current = connectorVersion(await loadConnectorFolder(connector.path, cwd));
    const previous = relabel(
      connectorVersion(await loadConnectorFolder(base.path, base.root)),
      toRepositoryPath(base.root, base.path) ?? basePath,
      `${mergeBase.slice(0, 12)}:${basePath === '.' ? '' : `${basePath}/`}`,
    );
    const diff = withoutCurrentSyntaxErrors(diffConnectorFiles(previous, current));
    // BRK-* changes are reported as findings: the breaking ones and the process slips.
    const breaking = diff.changes
      .filter((change) => change.ruleId.startsWith('BRK-'))
      .map((change) => changeToFinding(change, connector, current, previous));
    return { status: 'changed', findings: [...marked, ...breaking].sort(compareFindings), diff, basePath };
  } finally {
    await base.cleanup();
  }
}

/**
 * The diff without the current version's JSON syntax errors: its GEN-JSON-PARSE findings report
 * them, and the job summary would list them twice. The base version's stay: nothing else says that
 * the comparison read a base that does not parse.
 */
function withoutCurrentSyntaxErrors(diff: DiffResult): DiffResult {
  const changes = diff.changes.filter(
    (change) => !(change.ruleId === CHANGE_RULES.jsonSyntax.id && change.side === 'new'),
  );
  if (changes.length === diff.changes.length) return diff;
  return { changes, classification: classifyChanges(changes) };
}

/**
 * A breaking change as a finding of the current version. Deletions are located in the old file,
 * which a pull request's annotations and code scanning cannot show (they are on the current files);
 * the finding goes to the nearest place of the current file that is still the same (the path item
 * of a deleted operation, the parameters of a deleted parameter: never the element that moved into
 * a deleted one's array index), and its message names the base version's file and line.
 */
export function changeToFinding(
  change: Change,
  connector: ConnectorResult,
  current: ConnectorVersion,
  previous: ConnectorVersion,
): Finding {
  const valuePath = change.valuePath ? ` ValuePath: ${change.valuePath}` : '';
  // A deletion's message names the base version's file and place too.
  const inBase =
    change.side === 'new' ? '' : ` (In the base version: ${change.file}:${change.line}:${change.column}.)`;
  // A ValuePath is made of the file's names, however long: locatedFinding bounds the message.
  const finding = locatedFinding({
    ruleId: change.ruleId,
    severity: change.severity,
    message: `${change.message}${valuePath}${inBase}`,
    file: change.file,
    pointer: change.pointer,
    line: change.line,
    column: change.column,
    connector: connector.path,
    baseline: 'new',
  });
  if (change.side === 'new') return finding;
  const isSwagger = !change.file.endsWith('apiProperties.json');
  const document = isSwagger ? current.swagger : current.apiProperties;
  const before = isSwagger ? previous.swagger : previous.apiProperties;
  const file = isSwagger ? current.swaggerPath : current.apiPropertiesPath;
  if (!document || !file) {
    return { ...finding, file: connector.path, pointer: undefined, line: 1, column: 1 };
  }
  const pointer = counterpartPointer(before?.value, document.value, change.pointer);
  const where = document.locate(pointer);
  return { ...finding, file, pointer, ...document.position(where.offset) };
}

/** Names the base version's files `<commit>:<repository path>`, as `git show` would. */
function relabel(version: ConnectorVersion, folderDisplay: string, prefix: string): ConnectorVersion {
  const rename = (display: string | undefined): string | undefined => {
    if (display === undefined) return undefined;
    const posix = slashSeparated(display);
    const inside = folderDisplay === '.' ? posix : posix.slice(folderDisplay.length + 1);
    return `${prefix}${inside}`;
  };
  return {
    ...version,
    swaggerPath: rename(version.swaggerPath),
    apiPropertiesPath: rename(version.apiPropertiesPath),
    readme: version.readme && { ...version.readme, path: rename(version.readme.path)! },
    script: version.script && { ...version.script, path: rename(version.script.path)! },
    icon: version.icon && { ...version.icon, path: rename(version.icon.path)! },
  };
}
