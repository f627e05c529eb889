import { effectiveLevel, type RuleOverrides } from '../engine.js';
import type { ConnectorFolder } from '../loader/connector-folder.js';
import { compareFindings, type Finding, type Profile, type Severity } from '../model/finding.js';
import type { RepositoryRuleDefinition } from '../model/rule.js';
import type { PullRequestFacts } from './pull-request-facts.js';
import type { RepositoryIndex } from './repository-index.js';
import type { ChangedConnector, RepositoryReport, RepositoryRuleContext } from './repository-rule-context.js';

export interface RepositoryRuleInput {
  connector: ChangedConnector;
  profile: Profile;
  changedFolders: readonly string[];
  pullRequest: PullRequestFacts | undefined;
  repository: RepositoryIndex;
  rules: readonly RepositoryRuleDefinition[];
  overrides?: RuleOverrides;
}

/** A repository rule's report, with the rule and the severity it has for the connector's profile. */
export interface RepositoryRuleReport {
  rule: RepositoryRuleDefinition;
  severity: Severity;
  report: RepositoryReport;
}

/**
 * Runs the repository rules that are not off for the connector's profile. As in the folder engine, a
 * rule that throws is a bug of ours and becomes an internal-error report on the folder.
 */
export function runRepositoryRules(input: RepositoryRuleInput): RepositoryRuleReport[] {
  const reports: RepositoryRuleReport[] = [];
  for (const rule of input.rules) {
    const level = effectiveLevel(rule, input.profile, input.overrides);
    if (level === 'off') continue;
    const context: RepositoryRuleContext = {
      connector: input.connector,
      profile: input.profile,
      changedFolders: input.changedFolders,
      pullRequest: input.pullRequest,
      repository: input.repository,
      report: (report) => reports.push({ rule, severity: report.severity ?? level, report }),
    };
    try {
      rule.check(context);
    } catch (error) {
      reports.push({
        rule,
        severity: 'error',
        report: {
          file: 'folder',
          message: `Internal error in rule ${rule.id}: ${(error as Error).message}. Please report this with the connector folder.`,
        },
      });
    }
  }
  return reports;
}

/** The rules of a list that are on in at least one of the profiles. */
export function activeRepositoryRules(
  rules: readonly RepositoryRuleDefinition[],
  profiles: readonly Profile[],
  overrides: RuleOverrides | undefined,
): RepositoryRuleDefinition[] {
  return rules.filter((rule) =>
    profiles.some((profile) => effectiveLevel(rule, profile, overrides) !== 'off'),
  );
}

/**
 * Reports as findings of the loaded connector: on its folder, its icon, or a JSON pointer of its
 * swagger located to line and column (the swagger's top when the pointer is not there).
 */
export function toFindings(reports: readonly RepositoryRuleReport[], connector: ConnectorFolder): Finding[] {
  return reports
    .map(({ rule, severity, report }) => {
      const kind = report.file ?? rule.file;
      const finding: Finding = {
        ruleId: rule.id,
        severity,
        message: report.message,
        file: connector.displayPath,
        line: 1,
        column: 1,
        connector: connector.displayPath,
      };
      if (rule.msCode) finding.msCode = rule.msCode;
      if (kind === 'icon' && connector.files.icon) finding.file = connector.files.icon.displayPath;
      const swagger = connector.files.swagger;
      if (kind === 'swagger' && swagger) {
        finding.file = swagger.displayPath;
        const document = swagger.document;
        if (document && report.pointer !== undefined) {
          finding.pointer = report.pointer;
          const where = document.locate(report.pointer);
          Object.assign(finding, document.range(where.offset, where.length));
        }
      }
      return finding;
    })
    .sort(compareFindings);
}
