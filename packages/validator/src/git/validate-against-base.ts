import { existsSync, realpath } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConnectorFolder } from '../loader/connector-folder.js';
import { compareFindings, type Finding } from '../model/finding.js';
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
import { isIgnored } from '../config/ignore.js';
import { DEFAULT_CONFIG } from '../config/config-types.js';
import { checkChangedConnectors, type ValidatedChange } from '../repository/check-changed-connectors.js';
import type { PullRequestFacts } from '../repository/pull-request-facts.js';
import { ALL_RULES } from '../rules/index.js';
import { changedFilesSince, connectorFoldersOf } from './changed-connectors.js';
import { renamedFolderSources } from './renamed-folders.js';
import { Git } from './git.js';
import { materializeFolder } from './materialize.js';

/**
 * A path with its links resolved and each name as the disk has it. Git names folders as they are on
 * disk, while on Windows and macOS `Certified-Connectors\contoso` (typed so, or the working
 * directory entered so) finds certified-connectors/Contoso: compared with git's names as typed, the
 * connector would not be found changed. The OS's realpath gives the disk's case; Node's own does not.
 */
const realCasePath = (file: string): Promise<string> => promisify(realpath.native)(file);

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
 * base version; `added`: absent at the merge base, a brand-new connector (no breaking changes).
 */
export type ConnectorChangeStatus = 'unchanged' | 'changed' | 'added';

export interface ConnectorDiff {
  /** The folder as reachable from the working directory (as in ConnectorResult.path). */
  path: string;
  /** The folder relative to the repository's top level, `/`-separated. */
  repositoryPath: string;
  status: ConnectorChangeStatus;
  /** The changes against the merge base (changed connectors only). */
  diff?: DiffResult;
  /** Where the folder was at the merge base, when the branch renamed it. */
  renamedFrom?: string;
}

export interface BaseValidationResult extends ValidationResult {
  baseRef: string;
  mergeBase: string;
  diffs: ConnectorDiff[];
}

/** True for the result of validateAgainstBase (as onlyNewFindings keeps it), which reports add the base to. */
export function comparedWithBase(result: ValidationResult): result is BaseValidationResult {
  return 'baseRef' in result && 'mergeBase' in result && 'diffs' in result;
}

/**
 * Validates `paths` as `validatePaths` does, then compares every connector the branch changed with
 * its version at the merge base of HEAD and `baseRef`: its findings are marked `new` or `existing`
 * (those of untouched connectors are all `existing`, those of brand-new connectors all `new`), and
 * its breaking changes are added as BRK-* findings. The base is the merge base, not the previous
 * commit, so a pull request with many commits, or with merges from its base branch, is judged on
 * what it changes as a whole.
 */
export async function validateAgainstBase(
  paths: readonly string[],
  baseRef: string,
  options: BaseValidationOptions = {},
): Promise<BaseValidationResult> {
  const cwd = options.cwd ?? process.cwd();
  const git = options.git ?? new Git(cwd);
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

  const validation = await validatePaths(paths, options);
  const connectors: ConnectorResult[] = [];
  const diffs: ConnectorDiff[] = [];
  const changedConnectors: ValidatedChange[] = [];
  for (const connector of validation.connectors) {
    const absolute = await realCasePath(path.resolve(cwd, connector.path));
    const repositoryPath = toRepositoryPath(topLevel, absolute);
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
    if (compared.status !== 'unchanged') {
      changedConnectors.push({
        path: connector.path,
        repositoryPath,
        basePath: compared.basePath,
        profile: connector.profile,
        status: compared.status,
      });
    }
  }
  await addRepositoryFindings(connectors, changedConnectors, changedFolders, {
    ...options,
    cwd,
    git,
    topLevel,
    mergeBase,
  });
  const findings = connectors.flatMap((connector) => connector.findings).sort(compareFindings);
  return { connectors, findings, counts: countBySeverity(findings), baseRef, mergeBase, diffs };
}

/**
 * Adds the findings of the repository rules (one connector per pull request, unique title, host and
 * icon, the pull request's branch and title) to the changed connectors. Only folders that still
 * exist count as changed: a deleted or renamed-away folder is not a second connector.
 */
async function addRepositoryFindings(
  connectors: ConnectorResult[],
  changed: readonly ValidatedChange[],
  changedFolders: ReadonlySet<string>,
  options: BaseValidationOptions & { cwd: string; git: Git; topLevel: string; mergeBase: string },
): Promise<void> {
  if (changed.length === 0) return;
  // The configuration's ignore globs are relative to its file, whose path was resolved from cwd; the
  // top level is a real path, so a folder is named from cwd as validatePaths names it (cwd may be
  // reached through a link, as the temp folder is on macOS).
  const realCwd = await realCasePath(options.cwd);
  const fromCwd = (folder: string) =>
    path.resolve(options.cwd, path.relative(realCwd, path.join(options.topLevel, folder)));
  const config = options.config ?? DEFAULT_CONFIG;
  // In the work tree and known to git: not a folder deleted or renamed away, even when ignored files
  // were left in it, or when a case-insensitive file system finds it under its new capitalization.
  // Nor a folder the configuration ignores: it is not validated, so it is not a connector of the change.
  const existing: string[] = [];
  for (const folder of changedFolders) {
    if (isIgnored(fromCwd(folder), config)) continue;
    if (existsSync(path.join(options.topLevel, folder)) && (await options.git.hasFilesIn(folder)))
      existing.push(folder);
  }
  const byPath = await checkChangedConnectors({
    cwd: options.cwd,
    topLevel: options.topLevel,
    git: options.git,
    mergeBase: options.mergeBase,
    connectors: changed,
    changedFolders: existing,
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
): Promise<{ status: ConnectorChangeStatus; findings: Finding[]; diff?: DiffResult; basePath?: string }> {
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
  const finding: Finding = {
    ruleId: change.ruleId,
    severity: change.severity,
    message: `${change.message}${valuePath}`,
    file: change.file,
    pointer: change.pointer,
    line: change.line,
    column: change.column,
    connector: connector.path,
    baseline: 'new',
  };
  if (change.side === 'new') return finding;
  const isSwagger = !change.file.endsWith('apiProperties.json');
  const document = isSwagger ? current.swagger : current.apiProperties;
  const before = isSwagger ? previous.swagger : previous.apiProperties;
  const file = isSwagger ? current.swaggerPath : current.apiPropertiesPath;
  finding.message += ` (In the base version: ${change.file}:${change.line}:${change.column}.)`;
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
    const posix = display.split(path.sep).join('/');
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

/** `/`-separated path of `absolute` inside `topLevel` (`.` for the top level), or undefined outside it. */
function toRepositoryPath(topLevel: string, absolute: string): string | undefined {
  const relative = path.relative(topLevel, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}
