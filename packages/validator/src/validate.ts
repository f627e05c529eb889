import type { Dirent } from 'node:fs';
import { loadConnectorFolder, type GitIgnored, type GitIgnoredOf } from './loader/connector-folder.js';
import { discoverConnectorFolders, discoverConnectorTree, layoutProfile } from './loader/discover.js';
import { gitIgnoredEntries } from './git/git-ignored-entries.js';
import { DEFAULT_CONFIG, type ValidatorConfig } from './config/config-types.js';
import { isIgnored } from './config/ignore.js';
import {
  ignoredFoldersAskedFor,
  unmatchedIgnoreFindings,
  type IgnoredFolder,
} from './config/ignored-folders.js';
import { folderSettings } from './config/folder-settings.js';
import { unmatchedOverrideFindings } from './config/unmatched-override-globs.js';
import { refuseFoldersOfAnotherConfiguration } from './config/config-of-paths.js';
import { validateLoadedConnector } from './engine.js';
import { compareFindings, type Finding, type Profile, type Severity } from './model/finding.js';
import type { ConnectorResult } from './connector-result.js';
import type { RuleDefinition } from './model/rule.js';
import { ALL_RULES } from './rules/index.js';
import { bundledWorkerScript } from './parallel/bundled-worker.js';
import { workerCount, type Concurrency } from './parallel/concurrency.js';
import { validateFoldersInParallel } from './parallel/pool.js';
import { secretIdentityKey } from './rules/general-secrets/secret-identity.js';

export interface ValidateOptions {
  /** Forces a profile for every connector; otherwise it comes from each folder's place in the tree. */
  profile?: Profile;
  config?: ValidatorConfig;
  cwd?: string;
  rules?: readonly RuleDefinition[];
  /** Called after each connector, in the folders' order, e.g. for progress output. */
  onConnector?: (result: ConnectorResult) => void;
  /**
   * Worker threads for runs over many folders (default `auto`: one per core when there are enough
   * folders). Only with the built-in rules, which a worker has too, and a worker bundle to run.
   */
  concurrency?: Concurrency;
  /** The built worker bundle; by default the one beside the running bundle, if any. */
  workerScript?: string;
  /**
   * What is done with the files and folders git ignores in a connector folder: by default they are
   * validated as the folder is on disk, and marked (SET-NOT-IN-PR says nothing of a settings.json
   * no commit will hold); `leave-out` leaves them out, and a folder git ignores whole, as
   * `validate --base` checks what the change holds (validateAgainstBase).
   */
  gitIgnored?: GitIgnoredOf['handling'];
}

/** The connector folders a validation checks, and what git ignores in each (gitIgnoredEntries). */
export interface FoldersToValidate {
  folders: string[];
  gitIgnored: ReadonlyMap<string, GitIgnored>;
  /** The listings discovery read of the folders, which their loading reuses (DiscoveredTree.listings). */
  listings?: ReadonlyMap<string, readonly Dirent[]>;
  /** The folders asked for that the configuration's `ignore` skips (ignoredFoldersAskedFor). */
  ignored?: IgnoredFolder[];
  /** What the search proved of the configuration file: its `ignore` patterns that match nothing. */
  configurationFindings?: Finding[];
}

export type SeverityCounts = Record<Severity, number>;

export interface ValidationResult {
  connectors: ConnectorResult[];
  findings: Finding[];
  counts: SeverityCounts;
  /**
   * The connector folders asked for (a path naming one, or a tree of only such) that the
   * configuration's `ignore` skipped, for the reports to say so; absent when none.
   */
  ignored?: IgnoredFolder[];
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/**
 * The profile of one folder: forced, else the configuration's override that matches it, else from
 * the tree, else the configuration's, else custom. An override's `files` name the folder, so its
 * profile holds in the PowerPlatformConnectors layout too; the top-level `profile` is a default for
 * the folders the layout gives none.
 */
export function resolveProfile(
  folder: string,
  forced: Profile | undefined,
  config: ValidatorConfig,
): Profile {
  return (
    forced ?? folderSettings(folder, config).profile ?? layoutProfile(folder) ?? config.profile ?? 'custom'
  );
}

/** Finds every connector folder under `paths` and validates each one. */
export async function validatePaths(
  paths: readonly string[],
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  return validateFolders(await foldersToValidate(paths, options), options);
}

/** Validates the folders foldersToValidate found, each with what git ignores in it. */
export async function validateFolders(
  found: FoldersToValidate,
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? DEFAULT_CONFIG;
  const { folders, gitIgnored } = found;
  const handling = options.gitIgnored ?? 'mark';
  const workerScript = options.workerScript ?? bundledWorkerScript();
  const workers =
    workerScript && !options.rules ? workerCount(options.concurrency ?? 'auto', folders.length) : 1;
  let connectors: ConnectorResult[];
  if (workerScript && workers > 1) {
    connectors = await validateFoldersInParallel(
      folders,
      { cwd, profile: options.profile, config, secretIdentityKey: secretIdentityKey(), gitIgnored: handling },
      { workerScript, workers, onConnector: options.onConnector, gitIgnored },
    );
  } else {
    connectors = [];
    for (const folder of folders) {
      const ignored = gitIgnored.get(folder);
      const of = ignored === undefined ? undefined : { ignored, handling };
      const result = await validateFolder(folder, options, config, cwd, of, found.listings?.get(folder));
      connectors.push(result);
      options.onConnector?.(result);
    }
  }
  const findings = [
    ...connectors.flatMap((connector) => connector.findings),
    ...(found.configurationFindings ?? []),
  ];
  return {
    connectors,
    findings,
    counts: countBySeverity(findings),
    ...(found.ignored?.length && { ignored: found.ignored }),
  };
}

/**
 * The connector folders under `paths` that validation checks (checkedFoldersToValidate), and what
 * git ignores in each. With `gitIgnored: 'leave-out'`, a folder git ignores whole is not checked.
 */
export async function foldersToValidate(
  paths: readonly string[],
  options: ValidateOptions = {},
): Promise<FoldersToValidate> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? DEFAULT_CONFIG;
  const tree = await discoverConnectorTree(paths, cwd);
  const folders = checkedFolders(tree.folders, paths, cwd, config);
  const leaveOut = options.gitIgnored === 'leave-out';
  const gitIgnored = await gitIgnoredEntries(
    { ...tree, folders },
    { paths, cwd, onFailure: leaveOut ? 'throw' : 'ignore' },
  );
  return {
    folders: leaveOut ? folders.filter((folder) => gitIgnored.get(folder) !== 'all') : folders,
    gitIgnored,
    listings: tree.listings,
    ignored: ignoredFoldersAskedFor(tree.folders, paths, cwd, config),
    // In the file's order, as the reports list a file's findings.
    configurationFindings: [
      ...unmatchedIgnoreFindings(tree.folders, paths, cwd, config),
      ...unmatchedOverrideFindings(tree.folders, paths, cwd, config),
    ].sort(compareFindings),
  };
}

/**
 * The connector folders under `paths` that validation checks: those the configuration does not
 * ignore. Each of them must take the configuration in use: a UsageError (exit code 2) names the first
 * folder of each repository that would take another (refuseFoldersOfAnotherConfiguration), before
 * anything is validated or fixed.
 */
export async function checkedFoldersToValidate(
  paths: readonly string[],
  cwd: string,
  config: ValidatorConfig,
): Promise<string[]> {
  return checkedFolders(await discoverConnectorFolders(paths, cwd), paths, cwd, config);
}

function checkedFolders(
  found: readonly string[],
  paths: readonly string[],
  cwd: string,
  config: ValidatorConfig,
): string[] {
  const folders = found.filter((folder) => !isIgnored(folder, config));
  refuseFoldersOfAnotherConfiguration(paths, folders, config, cwd);
  return folders;
}

export async function validateFolder(
  folder: string,
  options: ValidateOptions,
  config: ValidatorConfig = options.config ?? DEFAULT_CONFIG,
  cwd: string = options.cwd ?? process.cwd(),
  gitIgnored?: GitIgnoredOf,
  listing?: readonly Dirent[],
): Promise<ConnectorResult> {
  const connector = await loadConnectorFolder(folder, cwd, gitIgnored, listing);
  const profile = resolveProfile(connector.absolutePath, options.profile, config);
  const findings = validateLoadedConnector(connector, {
    profile,
    rules: options.rules ?? ALL_RULES,
    overrides: folderSettings(connector.absolutePath, config).rules,
  });
  return { path: connector.displayPath, name: connector.name, profile, findings };
}
