import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  ALL_CHANGE_RULES,
  ALL_RULES,
  countBySeverity,
  renderJobSummary,
  renderRulesMarkdown,
  toSarif,
  validateAgainstBase,
  type Finding,
  type ValidationResult,
} from '@connector-alm/validator';
import { ALL_PACKAGE_RULES } from '@connector-alm/solution';
import { tasksFinding, validConnectorFiles } from '@connector-alm/validator/testing';
import { REPO_ROOT, temporaryFolder } from '@connector-alm/testing';
import { headingAnchors } from './heading-anchors.js';

const committed = (): string => readFileSync(path.join(REPO_ROOT, 'docs/rules.md'), 'utf8');

/** The anchors of every link into docs/rules.md in a report. */
function ruleLinks(report: string): string[] {
  return [...report.matchAll(/docs\/rules\.md#([a-z0-9_-]+)/g)].map((match) => match[1]!);
}

function result(findings: Finding[]): ValidationResult {
  return {
    connectors: [{ path: 'Contoso', name: 'Contoso', profile: 'certified', findings }],
    findings,
    counts: countBySeverity(findings),
  };
}

describe('docs/rules.md', () => {
  it('is the generated rule reference for the current rules (run npm run docs after changing a rule)', () => {
    expect(
      committed() ===
        renderRulesMarkdown(ALL_RULES, { changeRules: ALL_CHANGE_RULES, packageRules: ALL_PACKAGE_RULES }),
    ).toBe(true);
  });

  it('has an entry for every rule id, validation, change and package rules alike', () => {
    const text = committed();
    const ids = [...ALL_RULES, ...ALL_CHANGE_RULES, ...ALL_PACKAGE_RULES].map((rule) => rule.id);
    expect(ids.filter((id) => !text.includes(`\n### ${id}\n`))).toEqual([]);
  });

  it('has the anchor of every rule link that SARIF and the job summary give, for any rule id', () => {
    const findings = [...ALL_RULES, ...ALL_CHANGE_RULES].map((rule) => tasksFinding(rule.id, 'warning'));
    const reports = [JSON.stringify(toSarif(result(findings))), renderJobSummary(result(findings))];
    const links = reports.flatMap(ruleLinks);
    expect(new Set(links).size).toBe(findings.length);
    const anchors = headingAnchors(committed());
    expect(links.filter((anchor) => !anchors.has(anchor))).toEqual([]);
  });

  it('has the anchor of the breaking-change rule a real pull request links to', async () => {
    const root = temporaryFolder('docs-links-');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e.x', ...args], { cwd: root });
    const write = (files: Record<string, string | object>) => {
      mkdirSync(path.join(root, 'Contoso'), { recursive: true });
      for (const [name, content] of Object.entries(files))
        writeFileSync(
          path.join(root, 'Contoso', name),
          typeof content === 'string' ? content : JSON.stringify(content, null, 2),
        );
    };
    const files = validConnectorFiles() as Record<string, any>;
    write(files);
    git('init', '-q', '-b', 'dev');
    git('add', '-A');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'pr');
    delete files['apiDefinition.swagger.json'].paths['/tasks/{taskId}'];
    write(files);
    git('commit', '-qam', 'delete GetTask');
    const validation = await validateAgainstBase(['.'], 'dev', { cwd: root });
    expect(validation.findings.map((finding) => finding.ruleId)).toContain('BRK-OP-DELETED');
    const links = [JSON.stringify(toSarif(validation)), renderJobSummary(validation)].flatMap(ruleLinks);
    expect(links).toContain('brk-op-deleted');
    const anchors = headingAnchors(committed());
    expect(links.filter((anchor) => !anchors.has(anchor))).toEqual([]);
  });
});
