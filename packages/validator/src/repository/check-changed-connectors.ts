import path from 'node:path';
import { markAllNew, markBaseline } from '../diff/baseline.js';
import { locateFindings, type RuleOverrides } from '../engine.js';
import type { Git } from '../git/git.js';
import { fileNameReadAs, loadConnectorFolder, type GitIgnoredOf } from '../loader/connector-folder.js';
import type { Finding, Profile } from '../model/finding.js';
import { isRepositoryRule, type RuleDefinition } from '../model/rule.js';
import { baseConnectorOf, changedConnectorOf } from './changed-connector.js';
import type { PullRequestFacts } from './pull-request-facts.js';
import { readRepositoryIndex, swaggerFileName } from './read-repository-index.js';
import type { ChangedConnector, RepositoryFact } from './repository-rule-context.js';
import { activeRepositoryRules, runRepositoryRules } from './run-repository-rules.js';

/** A connector the change touches and that was validated. */
export interface ValidatedChange {
  /** The folder as reachable from the working directory (ConnectorResult.path). */
  path: string;
  /** The folder relative to the repository's top level, `/`-separated. */
  repositoryPath: string;
  /** Where the folder was at the merge base, when the branch renamed it (else repositoryPath). */
  basePath?: string;
  profile: Profile;
  /** The rule levels of the folder (the configuration's overrides that match it applied); else the run's. */
  overrides?: RuleOverrides;
  /** `added`: absent at the base, so all its findings are new. */
  status: 'changed' | 'added';
  /** What git ignores in the folder, which the change does not hold (its validation left it out). */
  gitIgnored?: GitIgnoredOf;
}

export interface RepositoryCheckOptions {
  cwd: string;
  /** The repository's top level, real path. */
  topLevel: string;
  git: Git;
  mergeBase: string;
  connectors: readonly ValidatedChange[];
  /**
   * Every connector folder the change touches that still exists and is not ignored, repository-relative;
   * proposals (a readme alone) left out.
   */
  changedFolders: readonly string[];
  pullRequest?: PullRequestFacts;
  /** Whether the change is checked as a submission to PowerPlatformConnectors (RepositoryRuleContext). */
  submission: boolean;
  rules: readonly RuleDefinition[];
  overrides?: RuleOverrides;
}

/**
 * Runs the repository rules on each changed connector and returns their findings by connector path,
 * marked `new` or `existing`: the findings of a changed connector are compared with those its base
 * version would get (same index, no pull request), so an old title clash stays `existing` until the
 * title changes. The other folders are indexed only for the facts the active rules use, and icons
 * only when a changed connector has one.
 */
export async function checkChangedConnectors(
  options: RepositoryCheckOptions,
): Promise<Map<string, Finding[]>> {
  const byPath = new Map<string, Finding[]>();
  const rules = activeRepositoryRules(
    options.rules.filter(isRepositoryRule),
    options.connectors.map((connector) => ({
      profile: connector.profile,
      overrides: connector.overrides ?? options.overrides,
    })),
  );
  if (rules.length === 0 || options.connectors.length === 0) return byPath;

  const facts = new Set<RepositoryFact>(rules.flatMap((rule) => rule.uses));
  const loaded = await Promise.all(
    options.connectors.map(async (change) => {
      const folder = await loadConnectorFolder(change.path, options.cwd, change.gitIgnored);
      const connector = changedConnectorOf(folder, change.repositoryPath, facts.has('connector-icons'));
      return { change, folder, connector };
    }),
  );
  if (!loaded.some(({ connector }) => connector.iconHash)) facts.delete('connector-icons');
  const repository = await readRepositoryIndex(options.topLevel, facts);

  for (const { change, folder, connector } of loaded) {
    const run = (
      subject: ChangedConnector,
      changedFolders: readonly string[],
      pullRequest?: PullRequestFacts,
    ) =>
      locateFindings(
        folder,
        runRepositoryRules({
          connector: subject,
          profile: change.profile,
          changedFolders,
          pullRequest,
          submission: options.submission,
          repository,
          rules,
          overrides: change.overrides ?? options.overrides,
        }),
      );
    const findings = run(connector, options.changedFolders, options.pullRequest);
    if (findings.length === 0) continue;
    if (change.status === 'added') {
      byPath.set(change.path, markAllNew(findings));
      continue;
    }
    const base = await readBaseConnector(
      options.git,
      options.mergeBase,
      change.basePath ?? change.repositoryPath,
      connector,
      facts,
    );
    // The base version alone in its change and without a pull request: pull-request findings stay new.
    byPath.set(change.path, markBaseline(findings, run(base, [connector.repositoryPath])));
  }
  return byPath;
}

/** The changed connector's swagger and icon at the base commit, through git. */
async function readBaseConnector(
  git: Git,
  mergeBase: string,
  basePath: string,
  current: ChangedConnector,
  facts: ReadonlySet<RepositoryFact>,
): Promise<ChangedConnector> {
  const entries = (await git.listFolder(mergeBase, basePath)).filter((entry) => entry.type === 'blob');
  const byName = new Map(entries.map((entry) => [path.posix.basename(entry.path), entry.object]));
  const swaggerName = swaggerFileName([...byName.keys()]);
  const iconName = facts.has('connector-icons') ? fileNameReadAs('icon', [...byName.keys()]) : undefined;
  const wanted = [swaggerName, iconName].flatMap((name) => (name ? [byName.get(name)!] : []));
  const blobs = await git.readBlobs(wanted);
  const blob = (name: string | undefined) => (name ? blobs.get(byName.get(name)!) : undefined);
  return baseConnectorOf(current, blob(swaggerName)?.toString('utf8'), blob(iconName));
}
