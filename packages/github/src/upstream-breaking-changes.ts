import {
  CHANGE_RULES,
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

/**
 * The connector's breaking changes against the upstream's version of it, as `diff` and `validate --base`
 * find them, each a finding of the connector as `validate --base` reports it (a deletion is placed on
 * the nearest place of the connector's file and names the upstream's line). None against an upstream
 * version without a swagger, which no flow can have used (`validate --base` takes such a connector for
 * a new one). The connector's own JSON syntax errors are left to its validation findings, which report
 * them.
 */
export function breakingChangesAgainst(
  upstream: ConnectorVersion,
  local: ConnectorVersion,
  connector: ConnectorResult,
): Finding[] {
  if (!upstream.swagger) return [];
  return diffConnectorVersions(upstream, local)
    .changes.filter(
      (change) => change.breaking && !(change.ruleId === CHANGE_RULES.jsonSyntax.id && change.side === 'new'),
    )
    .map((change) => changeToFinding(change, connector, local, upstream))
    .sort(compareFindings);
}
