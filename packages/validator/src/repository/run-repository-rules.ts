import { effectiveLevel, internalErrorFinding, reportSeverity, type RuleOverrides } from '../engine.js';
import type { PendingFinding } from '../model/pending-finding.js';
import type { Profile } from '../model/finding.js';
import type { RepositoryRuleDefinition } from '../model/rule.js';
import type { PullRequestFacts } from './pull-request-facts.js';
import type { RepositoryIndex } from './repository-index.js';
import type { ChangedConnector, RepositoryRuleContext } from './repository-rule-context.js';

export interface RepositoryRuleInput {
  connector: ChangedConnector;
  profile: Profile;
  changedFolders: readonly string[];
  pullRequest: PullRequestFacts | undefined;
  submission: boolean;
  repository: RepositoryIndex;
  rules: readonly RepositoryRuleDefinition[];
  overrides?: RuleOverrides;
}

/**
 * Runs the repository rules that are not off for the connector's profile. Their reports are located
 * by the folder engine's locateFindings; a rule that throws becomes an internal-error finding, as
 * there.
 */
export function runRepositoryRules(input: RepositoryRuleInput): PendingFinding[] {
  const reports: PendingFinding[] = [];
  for (const rule of input.rules) {
    const level = effectiveLevel(rule, input.profile, input.overrides);
    if (level === 'off') continue;
    const context: RepositoryRuleContext = {
      connector: input.connector,
      profile: input.profile,
      changedFolders: input.changedFolders,
      pullRequest: input.pullRequest,
      submission: input.submission,
      repository: input.repository,
      report: (report) => reports.push({ rule, severity: reportSeverity(report.severity, level), report }),
    };
    try {
      rule.check(context);
    } catch (error) {
      reports.push(internalErrorFinding(rule, error));
    }
  }
  return reports;
}

/** The rules of a list that are on for at least one of the connectors (its profile and rule levels). */
export function activeRepositoryRules(
  rules: readonly RepositoryRuleDefinition[],
  connectors: readonly { profile: Profile; overrides: RuleOverrides | undefined }[],
): RepositoryRuleDefinition[] {
  return rules.filter((rule) =>
    connectors.some(({ profile, overrides }) => effectiveLevel(rule, profile, overrides) !== 'off'),
  );
}
