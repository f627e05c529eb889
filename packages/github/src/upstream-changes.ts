import {
  CHANGE_RULES,
  changeStanding,
  changeToFinding,
  compareFindings,
  diffConnectorFiles as diffConnectorVersions,
  kindOfFileName,
  type ConnectorResult,
  type ConnectorVersion,
  type Finding,
} from '@connector-alm/validator';

/**
 * The files of a connector folder that decide its breaking changes: the swagger and apiProperties.json
 * at its top. Only these of the upstream's version are read over the API.
 */
export function definitionFiles<File extends { path: string }>(files: readonly File[]): File[] {
  return files.filter((file) => {
    if (file.path.includes('/')) return false;
    const kind = kindOfFileName(file.path);
    return kind === 'swagger' || kind === 'apiProperties';
  });
}

/** The connector's changes against the upstream's version of it that its reviewers must see, as findings. */
export interface UpstreamChangeFindings {
  /** Those that break flows using the connector today: fail-on-breaking refuses them. */
  breaking: Finding[];
  /**
   * Those that break nothing but are warnings all the same (changeStanding: BRK-DEPRECATION-PROCESS, a
   * versioning process half done), which reviewers ask to be put right: fail-on-breaking lets them by.
   */
  warnings: Finding[];
}

/**
 * The connector's breaking changes and warnings against the upstream's version of it, as `diff` and
 * `validate --base` find them, each a finding of the connector as `validate --base` reports it (a
 * deletion is placed on the nearest place of the connector's file and names the upstream's line).
 * None against an upstream version without a swagger, which no flow can have used (`validate --base`
 * takes such a connector for a new one). The connector's own JSON syntax errors are left to its
 * validation findings, which report them.
 */
export function changesToReview(
  upstream: ConnectorVersion,
  local: ConnectorVersion,
  connector: ConnectorResult,
): UpstreamChangeFindings {
  const found: UpstreamChangeFindings = { breaking: [], warnings: [] };
  if (!upstream.swagger) return found;
  for (const change of diffConnectorVersions(upstream, local).changes) {
    if (change.ruleId === CHANGE_RULES.jsonSyntax.id && change.side === 'new') continue;
    const standing = changeStanding(change);
    if (standing === 'other') continue;
    const finding = changeToFinding(change, connector, local, upstream);
    (standing === 'breaking' ? found.breaking : found.warnings).push(finding);
  }
  found.breaking.sort(compareFindings);
  found.warnings.sort(compareFindings);
  return found;
}
