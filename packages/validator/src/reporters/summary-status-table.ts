import type { Finding } from '../model/finding.js';
import { countBySeverity, type SeverityCounts } from '../validate.js';
import type { ConnectorResult } from '../connector-result.js';
import { judgedByFailOn } from '../thresholds.js';
import { countNewSinceBase } from './baseline-note.js';
import type { ConfigurationReport } from './configuration-findings.js';
import type { DeletedConnectorReport } from './deleted-connectors.js';
import type { JobSummaryOptions } from './job-summary-options.js';
import { escapeMarkdown, tableRow } from './markdown.js';
import type { SummaryBudget } from './summary-budget.js';

/**
 * ❌ when the findings fail-on judges reach it, or when there are breaking changes and they fail the
 * run (breakingChangesFail); ⚠️ when there are breaking changes that are left to reviewers; else ✅.
 * The same verdict as judgeRun's, per connector.
 */
export function statusIcon(
  failOn: NonNullable<JobSummaryOptions['failOn']>,
  breakingChangesFail: boolean,
): (findings: readonly Finding[]) => string {
  return (findings) => {
    const judged = judgedByFailOn(findings);
    const hasBreaking = judged.length < findings.length;
    if (fails(countBySeverity(judged), failOn) || (breakingChangesFail && hasBreaking)) return '❌';
    return hasBreaking ? '⚠️' : '✅';
  };
}

/**
 * A row per connector, then one per connector deleted (its deletion decides its status, as for any
 * breaking change), then one per configuration file the change loosened. Against a base, a column
 * counts the findings new since it, as the headline does for the run: a reviewer of a change to
 * several legacy connectors sees which one it made worse. A folder in no git work tree (`uncompared`)
 * has no such count: it is said not compared.
 */
export function writeStatusTable(
  budget: SummaryBudget,
  validated: readonly ConnectorResult[],
  deleted: readonly DeletedConnectorReport[],
  configuration: readonly ConfigurationReport[],
  againstBase: { uncompared: ReadonlySet<string> } | undefined,
  status: (findings: readonly Finding[]) => string,
  shown: (file: string) => string,
  omitted: { connectors: number },
): void {
  const uncompared = againstBase?.uncompared ?? new Set<string>();
  const connectors = [
    // A folder in no git work tree: its findings are neither new nor existing.
    ...validated.map(({ path, profile, findings }) =>
      uncompared.has(path)
        ? { name: `${shown(path)} (not compared)`, profile, findings, uncompared: true }
        : { name: shown(path), profile, findings },
    ),
    // No profile was resolved for a folder that is gone.
    ...deleted.map(({ path, findings }) => ({ name: `${shown(path)} (deleted)`, profile: '—', findings })),
    // What the change loosened in the configuration file: a row of its own, for a reviewer who reads only this table.
    ...configuration.map(({ path, findings }) => ({
      name: `${shown(path)} (configuration)`,
      profile: '—',
      findings,
    })),
  ];
  if (connectors.length === 0) return;
  const newColumn = againstBase ? ['New since the base'] : [];
  budget.add(
    tableRow(['Connector', 'Profile', 'Errors', 'Warnings', 'Info', ...newColumn, 'Status']),
    tableRow(['---', '---', '---:', '---:', '---:', ...newColumn.map(() => '---:'), ':---:']),
  );
  for (const [index, connector] of connectors.entries()) {
    const counts = countBySeverity(connector.findings);
    const fresh = countNewSinceBase(connector.findings);
    const row = tableRow([
      escapeMarkdown(connector.name),
      connector.profile,
      String(counts.error),
      String(counts.warning),
      String(counts.info),
      ...(againstBase ? ['uncompared' in connector ? '—' : String(fresh)] : []),
      status(connector.findings),
    ]);
    if (!budget.add(row)) {
      omitted.connectors += connectors.length - index;
      return;
    }
  }
  budget.add('');
  if (uncompared.size > 0)
    budget.add(
      "(not compared): the folder is in no git work tree (extract-connectors' output under runner.temp), so there is no base version to compare it with; its findings are neither new nor existing.",
      '',
    );
}

function fails(counts: SeverityCounts, failOn: JobSummaryOptions['failOn']): boolean {
  return counts.error > 0 || (failOn === 'warning' && counts.warning > 0);
}
