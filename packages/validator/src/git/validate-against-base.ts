import { existsSync } from 'node:fs';
import path from 'node:path';
import { toDisplayPath } from '@connector-alm/core';
import { compareFindings, type Finding } from '../model/finding.js';
import { markAllExisting, markAllNew } from '../diff/baseline.js';
import { classifyChanges } from '../diff/change.js';
import { countBySeverity, foldersToValidate, resolveProfile, validateFolders } from '../validate.js';
import type { GitIgnored } from '../loader/connector-folder.js';
import type { ConnectorResult } from '../connector-result.js';
import { configSearchStart } from '../config/config-of-paths.js';
import { isIgnored } from '../config/ignore.js';
import { folderSettings } from '../config/folder-settings.js';
import { DEFAULT_CONFIG } from '../config/config-types.js';
import { checkChangedConnectors, type ValidatedChange } from '../repository/check-changed-connectors.js';
import { isProposalFolder } from '../repository/proposal-folder.js';
import { checksAsSubmission } from '../repository/pull-request-facts.js';
import { checksLocalRunAsSubmission, localRepositoryFacts } from '../repository/submission-repository.js';
import { ALL_RULES } from '../rules/index.js';
import type { BaseValidationOptions, BaseValidationResult, ConnectorDiff } from './base-validation.js';
import { branchChanges, connectorFoldersOf } from './changed-connectors.js';
import { compareWithBase } from './compare-with-base.js';
import {
  connectorDeletedChange,
  connectorDeletedFinding,
  deletedConnectorFolders,
} from './deleted-connectors.js';
import { deletionScope } from './deletion-scope.js';
import { renamedFolderSources } from './renamed-folders.js';
import { checkConfigurationAgainstBase } from './config-at-base.js';
import { configurationInRepository } from './config-location.js';
import type { Git } from './git.js';
import { repositoryOfPaths } from './repository-of-paths.js';
import { realCasePath, toRepositoryPath } from './repository-paths.js';

/**
 * Validates `paths` as `validatePaths` does, then compares every connector the branch changed with
 * its version at the merge base of HEAD and `baseRef`: its findings are marked `new` or `existing`
 * (those of untouched connectors are all `existing`, those of brand-new connectors all `new`), and
 * its breaking changes are added as BRK-* findings. A connector folder of the merge base under
 * `paths` that the branch deleted is a breaking change too (BRK-CONNECTOR-DELETED); a path may name
 * such a folder, which no longer exists. The base is the merge base, not the previous
 * commit, so a pull request with many commits, or with merges from its base branch, is judged on
 * what it changes as a whole. A path outside the repository, in no git work tree, is validated and
 * reported `uncompared`, its findings unmarked (repositoryOfPaths refuses it when no path is in one).
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
  const files = await branchChanges(git, mergeBase, {
    includeWorkingTree: options.includeWorkingTree ?? true,
  });
  // The folders of what git knows, and of the untracked files too: a new connector not added yet is
  // validated as the change's, but only what git knows is in the pull request (REPO-ONE-PER-PR).
  const knownFolders = new Set(await connectorFoldersOf(files.known, git, topLevel, mergeBase));
  const changedFolders = new Set([
    ...knownFolders,
    ...(await connectorFoldersOf(files.untracked, git, topLevel, mergeBase)),
  ]);
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

  // What git ignores is no part of the change (a paconn settings.json, a .vscode/): validated, it was
  // "existing" while nothing else changed and "new" once anything did, where CI's checkout has none.
  const validating = { ...options, gitIgnored: 'leave-out' as const };
  const found =
    scope.paths.length > 0
      ? await foldersToValidate(scope.paths, validating)
      : { folders: [], gitIgnored: new Map<string, GitIgnored>() };
  // Another comparison of the same folders (with the head a push replaced) reuses this one's.
  const validation = sameFolders(options.headValidation?.folders, found.folders)
    ? options.headValidation!.result
    : await validateFolders(found, validating);
  const connectors: ConnectorResult[] = [];
  const diffs: ConnectorDiff[] = [];
  const changedConnectors: ValidatedChange[] = [];
  const deletedPaths = new Set(deleted.map((folder) => folder.repositoryPath));
  for (const connector of validation.connectors) {
    const absolute = await realCasePath(path.resolve(cwd, connector.path));
    const repositoryPath = toRepositoryPath(topLevel, absolute);
    // A deleted folder that ignored files were left in: its deletion is what the branch did to it.
    if (repositoryPath !== undefined && deletedPaths.has(repositoryPath)) continue;
    if (repositoryPath === undefined) {
      // In no work tree (repositoryOfPaths let it through beside the repository's folders): nothing
      // of it is in git, so its findings are neither new nor existing, and it is said not compared.
      connectors.push(connector);
      diffs.push({ path: connector.path, repositoryPath: connector.path, status: 'uncompared' });
      continue;
    }
    if (!changedFolders.has(repositoryPath)) {
      connectors.push({ ...connector, findings: markAllExisting(connector.findings) });
      diffs.push({
        path: connector.path,
        repositoryPath,
        status: 'unchanged',
      });
      continue;
    }
    const ignored = found.gitIgnored.get(path.resolve(cwd, connector.path));
    const gitIgnored = ignored === undefined ? undefined : { ignored, handling: 'leave-out' as const };
    const compared = await compareWithBase(
      connector,
      repositoryPath,
      renamedFrom.get(repositoryPath),
      git,
      mergeBase,
      options,
      cwd,
      gitIgnored,
    );
    connectors.push({ ...connector, findings: compared.findings });
    diffs.push({
      path: connector.path,
      repositoryPath,
      status: compared.status,
      ...(compared.baseHadNoSwagger && { baseHadNoSwagger: true }),
      diff: compared.diff,
      ...(compared.fixed && { fixed: compared.fixed }),
      ...(compared.reportedAs && { reportedAs: compared.reportedAs }),
      ...(compared.basePath !== repositoryPath && compared.basePath
        ? { renamedFrom: compared.basePath }
        : {}),
    });
    changedConnectors.push({
      path: connector.path,
      repositoryPath,
      basePath: compared.basePath,
      profile: connector.profile,
      overrides: folderSettings(path.resolve(cwd, connector.path), config).rules,
      status: compared.status,
      ...(gitIgnored && { gitIgnored }),
    });
  }
  // Nor a folder the configuration ignores: it is not validated, so it is not a connector of the change.
  const validatedFolders = present.filter((folder) => !isIgnored(fromCwd(folder), config));
  // Nor a proposal (a readme alone): it submits no connector (REPO-ONE-PER-PR). Told with the profile
  // validation gives the folder, as REPO-REQUIRED-FILES tells it, whether or not the paths include it.
  // Nor a folder of untracked files alone (a scratch copy beside the connector, notes): the pull
  // request holds what git knows, and a folder counts once a file of it is added.
  const connectorFolders = validatedFolders.filter(
    (folder) =>
      knownFolders.has(folder) &&
      !isProposalFolder(topLevel, folder, resolveProfile(fromCwd(folder), options.profile, config)),
  );
  await addRepositoryFindings(connectors, changedConnectors, connectorFolders, {
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
    const finding = connectorDeletedFinding(change, shown);
    deletions.push(finding);
    diffs.push({
      path: shown,
      repositoryPath: folder.repositoryPath,
      status: 'deleted',
      diff: { changes: [change], classification: classifyChanges([change]) },
      reportedAs: new Map([[change, finding]]),
    });
  }
  // What the search proved of the configuration (REPO-CONFIG-IGNORE-UNMATCHED) belongs to no connector
  // and is kept as a top-level validation keeps it. Existing when the file is the base's and no folder
  // was deleted or renamed: added folders can only give a pattern a match.
  const sameAsBase = configuration.unchanged === true && scope.deleted.length === 0 && renamedFrom.size === 0;
  const configurationFindings = (sameAsBase ? markAllExisting : markAllNew)(
    found.configurationFindings ?? [],
  );
  const findings = [
    ...connectors.flatMap((connector) => connector.findings),
    ...deletions,
    ...configuration.findings,
    ...configurationFindings,
  ].sort(compareFindings);
  return {
    connectors,
    findings,
    counts: countBySeverity(findings),
    baseRef,
    mergeBase,
    diffs,
    ...(found.ignored?.length && { ignored: found.ignored }),
    ...(configuration.note !== undefined && { configurationNote: configuration.note }),
    headValidation: { folders: found.folders, result: validation },
  };
}

function sameFolders(earlier: readonly string[] | undefined, now: readonly string[]): boolean {
  return (
    earlier !== undefined && earlier.length === now.length && earlier.every((folder, i) => folder === now[i])
  );
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
  const submission = options.pullRequest
    ? checksAsSubmission(options.pullRequest)
    : checksLocalRunAsSubmission(await localRepositoryFacts(options.git, options.topLevel));
  const byPath = await checkChangedConnectors({
    cwd: options.cwd,
    topLevel: options.topLevel,
    git: options.git,
    mergeBase: options.mergeBase,
    connectors: changed,
    changedFolders,
    pullRequest: options.pullRequest,
    submission,
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
