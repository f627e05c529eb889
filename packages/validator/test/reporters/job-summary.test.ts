import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { locatedFinding, type Finding } from '../../src/model/finding.js';
import { buildJobSummary, GITHUB_SUMMARY_LIMIT, renderJobSummary } from '../../src/reporters/index.js';
import { countBySeverity, type ValidationResult } from '../../src/validate.js';
import { SAMPLE_RULES, sampleResult } from './sample-result.js';
import { tasksFinding, tasksResult } from '../helpers/one-connector-result.js';

function manyFindings(count: number, message: string): ValidationResult {
  const findings: Finding[] = Array.from({ length: count }, (_, i) =>
    locatedFinding({
      ruleId: `RULE-${i % 7}`,
      severity: 'warning',
      message: `${message} ${i}`,
      file: 'custom-connectors/Big/apiDefinition.swagger.json',
      line: i + 1,
      column: 1,
      connector: 'custom-connectors/Big',
    }),
  );
  return {
    connectors: [{ path: 'custom-connectors/Big', name: 'Big', profile: 'custom', findings }],
    findings,
    counts: countBySeverity(findings),
  };
}

describe('job summary', () => {
  it('has a status row per connector', async () => {
    const { result } = await sampleResult();
    const summary = renderJobSummary(result, { rules: SAMPLE_RULES });
    expect(summary).toContain('| Connector | Profile | Errors | Warnings | Info | Status |');
    expect(summary).toContain('| certified-connectors/Contoso Tasks | certified | 1 | 2 | 1 | ❌ |');
    expect(summary).toContain('| custom-connectors/Clean | custom | 0 | 0 | 0 | ✅ |');
    expect(summary).toContain('❌ 2 connectors checked: 1 error, 2 warnings, 1 info.');
  });

  it('counts the findings new since the base when the base had some of them', async () => {
    const { result } = await sampleResult();
    const findings = result.findings.map((finding, index) => ({
      ...finding,
      baseline: index === 0 ? ('new' as const) : ('existing' as const),
    }));
    expect(renderJobSummary({ ...result, findings }, { rules: SAMPLE_RULES })).toContain(
      '❌ 2 connectors checked: 1 error, 2 warnings, 1 info; 1 new since the base.',
    );
  });

  it('counts per connector the findings new since the base, when there is a base', async () => {
    const { result } = await sampleResult();
    const marked = (findings: readonly Finding[]) =>
      findings.map((finding, index) => ({
        ...finding,
        baseline: index === 0 ? ('new' as const) : ('existing' as const),
      }));
    const connectors = result.connectors.map((connector) => ({
      ...connector,
      findings: marked(connector.findings),
    }));
    const compared = {
      ...result,
      connectors,
      findings: connectors.flatMap((connector) => connector.findings),
      baseRef: 'dev',
      mergeBase: '0123456789abcdef0123456789abcdef01234567',
      diffs: [],
    };
    const summary = renderJobSummary(compared, { rules: SAMPLE_RULES });
    expect(summary).toContain(
      '| Connector | Profile | Errors | Warnings | Info | New since the base | Status |\n| --- | --- | ---: | ---: | ---: | ---: | :---: |\n',
    );
    expect(summary).toContain('| certified-connectors/Contoso Tasks | certified | 1 | 2 | 1 | 1 | ❌ |');
    expect(summary).toContain('| custom-connectors/Clean | custom | 0 | 0 | 0 | 0 | ✅ |');
    // Without a base, nothing is new or old: the table keeps its columns.
    expect(renderJobSummary(result, { rules: SAMPLE_RULES })).not.toContain('New since the base');
  });

  it('fails a connector on warnings when the threshold is warning', async () => {
    const { result } = await sampleResult();
    result.connectors[0]!.findings = result.connectors[0]!.findings.filter(
      (finding) => finding.severity !== 'error',
    );
    expect(renderJobSummary(result, { rules: SAMPLE_RULES })).toContain('| 0 | 2 | 1 | ✅ |');
    expect(renderJobSummary(result, { rules: SAMPLE_RULES, failOn: 'warning' })).toContain(
      '| 0 | 2 | 1 | ❌ |',
    );
  });

  it('shows ⚠️, not ❌, for a connector that only breaking changes fail when they do not fail the run', () => {
    const result = tasksResult([
      tasksFinding('BRK-OP-DELETED', 'error'),
      tasksFinding('SWG-OP-SUMMARY', 'warning'),
    ]);
    const reviewed = renderJobSummary(result, { breakingChangesFail: false });
    expect(reviewed).toContain('| certified-connectors/Tasks | certified | 1 | 1 | 0 | ⚠️ |');
    expect(reviewed).toContain('⚠️ 1 connector checked: 1 error, 1 warning, 0 info.');
    // A reader who has not seen ⚠️ here before is told what it means.
    expect(reviewed).toContain(
      '⚠️: breaking changes that fail-on-breaking (false) leaves to reviewers, who must acknowledge them; nothing else fails the check.',
    );
    expect(renderJobSummary(result)).not.toContain('⚠️');
    // The other findings still fail it at their threshold, and breaking changes do by default.
    expect(renderJobSummary(result, { breakingChangesFail: false, failOn: 'warning' })).toContain('| ❌ |');
    expect(renderJobSummary(result)).toContain('| certified-connectors/Tasks | certified | 1 | 1 | 0 | ❌ |');
  });

  it('judges a deprecation without the versioning process by fail-on, as the run is judged', () => {
    // BRK-DEPRECATION-PROCESS is a BRK-* finding but breaks nothing: fail-on-breaking does not
    // decide on it, so fail-on must, or the summary would show ❌ for a run that passes.
    const result = tasksResult([tasksFinding('BRK-DEPRECATION-PROCESS', 'warning')]);
    const row = (options: Parameters<typeof renderJobSummary>[1]) =>
      /\| certified-connectors\/Tasks \|.*\| (\S+) \|\n/.exec(renderJobSummary(result, options))?.[1];
    expect(row({ breakingChangesFail: true })).toBe('✅');
    expect(row({ breakingChangesFail: false })).toBe('✅');
    expect(row({ breakingChangesFail: false, failOn: 'warning' })).toBe('❌');
    expect(row({ breakingChangesFail: true, failOn: 'warning' })).toBe('❌');
  });

  it('shows ⚠️ for breaking changes left to reviewers whatever fail-on is', () => {
    const result = tasksResult([tasksFinding('BRK-HOST-BASEPATH', 'warning')]);
    // A breaking change of warning severity fails the run when fail-on-breaking is true, as judgeRun
    // counts it, though fail-on error would not reach a warning.
    expect(renderJobSummary(result, { breakingChangesFail: true })).toContain('| ❌ |');
    expect(renderJobSummary(result, { breakingChangesFail: false })).toContain('| ⚠️ |');
    expect(renderJobSummary(result, { breakingChangesFail: false, failOn: 'never' })).toContain('| ⚠️ |');
  });

  it('groups findings by rule, worst first, with a link to the rule documentation', async () => {
    const { result } = await sampleResult();
    const summary = renderJobSummary(result, { rules: SAMPLE_RULES, rulesDocUrl: 'https://x.test/rules.md' });
    const headings = summary.split('\n').filter((line) => line.startsWith('#### '));
    expect(headings[0]).toBe(
      '#### [TEST-TITLE-WORDS](https://x.test/rules.md#test-title-words): Keep &quot;API&quot; out of the title. (1 error)',
    );
    expect(headings.map((heading) => heading.match(/\[([A-Z-]+)\]/)![1])).toEqual([
      'TEST-TITLE-WORDS',
      'TEST-NO-SCRIPT',
      'TEST-OP-SUMMARY',
      'TEST-README-TODO',
    ]);
    expect(summary).toMatch(
      /^- info certified-connectors\/Contoso Tasks\/readme\.md:\d+:1: The readme still has a TODO\.$/m,
    );
  });

  it('lists first, within a severity, the rules with findings new since the base', () => {
    // Four existing findings of one rule, one new of another, and an error that outranks both.
    const of = (ruleId: string, baseline: 'new' | 'existing', severity: Finding['severity'] = 'warning') => ({
      ...tasksFinding(ruleId, severity),
      baseline,
    });
    const findings = [
      ...[1, 2, 3, 4].map(() => of('OLD-DEBT', 'existing')),
      of('PR-CAUSED', 'new'),
      of('OLD-ERROR', 'existing', 'error'),
    ];
    const summary = renderJobSummary(tasksResult(findings));
    const headings = summary.split('\n').filter((line) => line.startsWith('#### '));
    expect(headings.map((heading) => heading.match(/\[([A-Z-]+)\]/)![1])).toEqual([
      'OLD-ERROR',
      'PR-CAUSED',
      'OLD-DEBT',
    ]);
  });

  it("heads the breaking-change check's rules with their message from the change rules' catalog", () => {
    // validate --base reports changes as findings of BRK-* (and CHG-*) rules, which are no validation rules.
    const result = tasksResult([
      tasksFinding('BRK-OP-DELETED', 'error'),
      tasksFinding('CHG-JSON-SYNTAX', 'warning'),
      tasksFinding('SWG-OPID-REQ', 'warning'),
    ]);
    const summary = renderJobSummary(result, { rulesDocUrl: 'https://x.test/rules.md' });
    expect(summary.split('\n').filter((line) => line.startsWith('#### '))).toEqual([
      '#### [BRK-OP-DELETED](https://x.test/rules.md#brk-op-deleted): The operation has been deleted. This change breaks existing flows. (1 error)',
      '#### [CHG-JSON-SYNTAX](https://x.test/rules.md#chg-json-syntax): The file is not strict JSON; it was compared as far as it could be read. (1 warning)',
      '#### [SWG-OPID-REQ](https://x.test/rules.md#swg-opid-req): Give every operation an operationId. (1 warning)',
    ]);
  });

  it("shows the code in a rule's title as code, as the rule reference does, and escapes the rest", () => {
    const result = tasksResult([tasksFinding('PROP-OAUTH-REDIRECT', 'warning')]);
    const summary = renderJobSummary(result, { rulesDocUrl: 'https://x.test/rules.md' });
    expect(summary.split('\n').filter((line) => line.startsWith('#### '))).toEqual([
      '#### [PROP-OAUTH-REDIRECT](https://x.test/rules.md#prop-oauth-redirect): Use the per-connector redirect URL (`redirectMode: GlobalPerConnector`). (1 warning)',
    ]);
    // The title of a rule of our own with markup around and in its code spans.
    const rules = [{ id: 'PROP-OAUTH-REDIRECT', title: 'Keep <b>*`a|b`*</b> @octocat and `x`.' }];
    const heading = renderJobSummary(result, { rules, rulesDocUrl: 'https://x.test/rules.md' })
      .split('\n')
      .find((line) => line.startsWith('#### '));
    expect(heading).toBe(
      '#### [PROP-OAUTH-REDIRECT](https://x.test/rules.md#prop-oauth-redirect): Keep &lt;b&gt;\\*`a|b`\\*&lt;/b&gt; @\u200boctocat and `x`. (1 warning)',
    );
  });

  it('escapes markdown and HTML in user text', async () => {
    const { result } = await sampleResult();
    result.findings[0] = locatedFinding({
      ...result.findings[0]!,
      message: '<img src=x onerror=alert(1)> | **bold** [link](http://evil) @octocat\n# heading',
    });
    const summary = renderJobSummary(result, { rules: SAMPLE_RULES });
    expect(summary).not.toContain('<img');
    expect(summary).toContain(
      '&lt;img src=x onerror=alert(1)&gt; \\| \\*\\*bold\\*\\* \\[link\\](http://evil) @\u200boctocat # heading',
    );
  });

  it('says which folder a connector was renamed from, even when nothing else changed', async () => {
    const { result } = await sampleResult();
    const summary = renderJobSummary(result, {
      rules: SAMPLE_RULES,
      changes: [
        {
          connector: 'certified-connectors/Contoso Tasks',
          renamedFrom: 'certified-connectors/ContosoTasks',
          classification: 'no-change',
          changes: [],
        },
      ],
    });
    expect(summary).toContain(
      '**certified-connectors/Contoso Tasks** (renamed from certified-connectors/ContosoTasks): no-change\n\n###',
    );
    expect(summary).not.toContain('differs from the base');
  });

  it('names a connector the change added as new, not as one it left alone', async () => {
    const { result } = await sampleResult();
    const summary = renderJobSummary(result, {
      rules: SAMPLE_RULES,
      changes: [{ connector: 'custom-connectors/Clean', added: true, classification: 'new', changes: [] }],
    });
    expect(summary).toContain(
      '**custom-connectors/Clean** (new): no version at the base to compare with\n\n###',
    );
    expect(summary).not.toContain('differs from the base');
  });

  it('says why a connector whose folder the base has is new: the base version has no swagger', async () => {
    const { result } = await sampleResult();
    const summary = renderJobSummary(result, {
      rules: SAMPLE_RULES,
      changes: [
        {
          connector: 'custom-connectors/Clean',
          added: true,
          baseHadNoSwagger: true,
          classification: 'new',
          changes: [],
        },
      ],
    });
    expect(summary).toContain(
      '**custom-connectors/Clean** (new): the base version has no apiDefinition.swagger.json, so no connector to compare with\n\n###',
    );
  });

  it('shows breaking changes in their own section, breaking ones first', async () => {
    const { result } = await sampleResult();
    const summary = renderJobSummary(result, {
      rules: SAMPLE_RULES,
      rulesDocUrl: 'https://x.test/rules.md',
      changes: [
        {
          connector: 'certified-connectors/Contoso Tasks',
          classification: 'breaking',
          changes: [
            {
              ruleId: 'CHG-OP-ADDED',
              breaking: false,
              message: 'Operation CreateTask was added.',
              operationId: 'CreateTask',
            },
            {
              ruleId: 'CHG-OP-DELETED',
              breaking: true,
              message: 'Operation ListTasks was deleted.',
              operationId: 'ListTasks',
              file: 'certified-connectors/Contoso Tasks/apiDefinition.swagger.json',
              line: 12,
            },
          ],
        },
      ],
    });
    const section = summary.slice(
      summary.indexOf('### Changes against the base branch'),
      summary.indexOf('### Findings'),
    );
    expect(section).toContain(
      '**certified-connectors/Contoso Tasks**: breaking (1 breaking, 1 non-breaking)',
    );
    const lines = section.split('\n').filter((line) => line.startsWith('- '));
    expect(lines).toEqual([
      '- 💥 **breaking** [`CHG-OP-DELETED`](https://x.test/rules.md#chg-op-deleted) `ListTasks`: Operation ListTasks was deleted. (certified-connectors/Contoso Tasks/apiDefinition.swagger.json:12)',
      '- ➕ non-breaking [`CHG-OP-ADDED`](https://x.test/rules.md#chg-op-added) `CreateTask`: Operation CreateTask was added.',
    ]);
  });

  it("names each change's field by its ValuePath, as the text report and the annotations do", async () => {
    // A field deleted from a definition that two operations return: the message is the same for
    // both, and only the ValuePath says which field went.
    const { result } = await sampleResult();
    const deleted = (operationId: string, valuePath: string) => ({
      ruleId: 'BRK-OUTPUT-DELETED',
      breaking: true,
      message: 'The output field has been deleted.',
      operationId,
      valuePath,
      file: 'certified-connectors/Contoso Tasks/apiDefinition.swagger.json',
      line: 40,
    });
    const summary = renderJobSummary(result, {
      rules: SAMPLE_RULES,
      rulesDocUrl: 'https://x.test/rules.md',
      changes: [
        {
          connector: 'certified-connectors/Contoso Tasks',
          classification: 'breaking',
          changes: [
            deleted('GetTask', 'operation/GetTask/responses/200/schema/completed'),
            deleted('ListTasks', 'operation/ListTasks/responses/200/schema/items/completed'),
          ],
        },
      ],
    });
    expect(summary.split('\n').filter((line) => line.startsWith('- 💥'))).toEqual([
      '- 💥 **breaking** [`BRK-OUTPUT-DELETED`](https://x.test/rules.md#brk-output-deleted) `GetTask`: The output field has been deleted. ValuePath: `operation/GetTask/responses/200/schema/completed` (certified-connectors/Contoso Tasks/apiDefinition.swagger.json:40)',
      '- 💥 **breaking** [`BRK-OUTPUT-DELETED`](https://x.test/rules.md#brk-output-deleted) `ListTasks`: The output field has been deleted. ValuePath: `operation/ListTasks/responses/200/schema/items/completed` (certified-connectors/Contoso Tasks/apiDefinition.swagger.json:40)',
    ]);
  });

  it('lists a change that is a finding once, with its change, at the place and with the severity of its own finding', () => {
    // A field deleted from a definition that two operations return: two BRK-OUTPUT-DELETED changes
    // with the same message, each reported as a finding of its own. They were listed twice, under the
    // changes and again under the findings by rule.
    const file = 'certified-connectors/Tasks/apiDefinition.swagger.json';
    const deleted = (operationId: string, line: number) => {
      const valuePath = `operation/${operationId}/responses/200/schema/completed`;
      const finding = locatedFinding({
        ruleId: 'BRK-OUTPUT-DELETED',
        severity: 'error',
        message: `The output field has been deleted. ValuePath: ${valuePath} (In the base version: 0123456789ab:${file}:40:9.)`,
        file,
        line,
        column: 7,
        connector: 'certified-connectors/Tasks',
        baseline: 'new',
      });
      const change = {
        ruleId: 'BRK-OUTPUT-DELETED',
        breaking: true,
        message: 'The output field has been deleted.',
        operationId,
        valuePath,
        file: `0123456789ab:${file}`,
        line: 40,
        side: 'old' as const,
        finding,
      };
      return { finding, change };
    };
    const getTask = deleted('GetTask', 30);
    const listTasks = deleted('ListTasks', 31);
    const other = tasksFinding('SWG-OPID-REQ', 'warning');
    // In the order of the findings, which is not the changes' order.
    const result = tasksResult([getTask.finding, listTasks.finding, other]);
    const summary = renderJobSummary(result, {
      rulesDocUrl: 'https://x.test/rules.md',
      sourceUrl: (at, line) => `https://github.test/blob/head/${encodeURI(at)}#L${line}`,
      changes: [
        {
          connector: 'certified-connectors/Tasks',
          classification: 'breaking',
          changes: [listTasks.change, getTask.change],
        },
      ],
    });
    const link = (line: number) =>
      `[certified-connectors/Tasks/apiDefinition.swagger.json:${line}:7](https://github.test/blob/head/certified-connectors/Tasks/apiDefinition.swagger.json#L${line})`;
    expect(summary.split('\n').filter((line) => line.includes('The output field has been deleted.'))).toEqual(
      [
        `- 💥 **breaking** [\`BRK-OUTPUT-DELETED\`](https://x.test/rules.md#brk-output-deleted) \`ListTasks\`: The output field has been deleted. ValuePath: \`operation/ListTasks/responses/200/schema/completed\` (error ${link(31)}; in the base version 0123456789ab:${file}:40)`,
        `- 💥 **breaking** [\`BRK-OUTPUT-DELETED\`](https://x.test/rules.md#brk-output-deleted) \`GetTask\`: The output field has been deleted. ValuePath: \`operation/GetTask/responses/200/schema/completed\` (error ${link(30)}; in the base version 0123456789ab:${file}:40)`,
      ],
    );
    // The other findings by rule, with a word on where the rest are; the table counts them all.
    expect(summary.split('\n').filter((line) => line.startsWith('#### '))).toEqual([
      '#### [SWG-OPID-REQ](https://x.test/rules.md#swg-opid-req): Give every operation an operationId. (1 warning)',
    ]);
    expect(summary).toContain(
      '### Findings by rule\n\nThe findings of the breaking-change check (BRK-\\*) are not repeated here: each is listed above, with its change.\n',
    );
    expect(summary).toContain('| certified-connectors/Tasks | certified | 2 | 1 | 0 | ❌ |');
    expect(summary).toContain('❌ 1 connector checked: 2 errors, 1 warning, 0 info.');
    // Without the findings, the changes are listed as before, and the findings by rule have them.
    const bare = renderJobSummary(result, {
      changes: [
        {
          connector: 'certified-connectors/Tasks',
          classification: 'breaking',
          changes: [getTask.change, listTasks.change].map(({ finding: _, ...change }) => change),
        },
      ],
    });
    expect(bare).toContain(`(0123456789ab:${file}:40)`);
    expect(bare).toContain('#### [BRK-OUTPUT-DELETED]');
    expect(bare).not.toContain('not repeated here');
  });

  it('leaves the findings by rule out when every finding is listed with its change', () => {
    const finding = tasksFinding('BRK-OP-DELETED', 'error');
    const summary = renderJobSummary(tasksResult([finding]), {
      changes: [
        {
          connector: 'certified-connectors/Tasks',
          classification: 'breaking',
          changes: [{ ruleId: 'BRK-OP-DELETED', breaking: true, message: 'm', finding }],
        },
      ],
    });
    expect(summary).not.toContain('### Findings by rule');
    expect(summary.split('\n').filter((line) => line.startsWith('- '))).toEqual([
      expect.stringMatching(
        /^- 💥 \*\*breaking\*\* .*: m \(error certified-connectors\/Tasks\/apiDefinition\.swagger\.json:1:1\)$/,
      ),
    ]);
  });

  it("names the rule of a change's finding when another rule's finding reports it", () => {
    // A deleted apiProperties.json is reported by REPO-REQUIRED-FILES: the findings by rule leave that
    // finding out, so the change's line names it, as the annotation on the folder does.
    const finding = locatedFinding({
      ...tasksFinding('REPO-REQUIRED-FILES', 'error'),
      message: 'The connector has no apiProperties.json.',
      file: 'certified-connectors/Tasks',
    });
    const change = {
      ruleId: 'BRK-API-PROPERTIES-DELETED',
      breaking: true,
      message: 'The file apiProperties.json has been deleted.',
      file: '0123456789ab:certified-connectors/Tasks/apiProperties.json',
      line: 1,
      side: 'old' as const,
    };
    const summary = renderJobSummary(tasksResult([finding]), {
      rulesDocUrl: 'https://x.test/rules.md',
      changes: [
        {
          connector: 'certified-connectors/Tasks',
          classification: 'breaking',
          changes: [{ ...change, finding }],
        },
      ],
    });
    expect(summary.split('\n').filter((line) => line.startsWith('- '))).toEqual([
      '- 💥 **breaking** [`BRK-API-PROPERTIES-DELETED`](https://x.test/rules.md#brk-api-properties-deleted): The file apiProperties.json has been deleted. (error `REPO-REQUIRED-FILES` certified-connectors/Tasks; in the base version 0123456789ab:certified-connectors/Tasks/apiProperties.json:1)',
    ]);
    expect(summary).not.toContain('### Findings by rule');
  });

  it('counts a change that is a finding among the findings left out when the size limit cuts it', () => {
    const findings = Array.from({ length: 200 }, (_, index) =>
      locatedFinding({
        ...tasksFinding('BRK-OP-DELETED', 'error'),
        message: `Deleted ${index}.`,
        line: index + 1,
      }),
    );
    const summary = buildJobSummary(tasksResult(findings), {
      maxBytes: 6000,
      changes: [
        {
          connector: 'certified-connectors/Tasks',
          classification: 'breaking',
          changes: findings.map((finding) => ({
            ruleId: 'BRK-OP-DELETED',
            breaking: true,
            message: finding.message,
            finding,
          })),
        },
      ],
    });
    const shown = summary.markdown.split('\n').filter((line) => line.startsWith('- 💥')).length;
    expect(shown).toBeGreaterThan(10);
    expect(summary.omitted).toEqual({ findings: 200 - shown, changes: 200 - shown, connectors: 0 });
  });

  it('names a finding on a connector folder by the folder alone, without a line', async () => {
    const { result } = await sampleResult();
    const summary = renderJobSummary(result, { rules: SAMPLE_RULES });
    expect(summary).toContain(
      '- warning certified-connectors/Contoso Tasks: The folder has no script.csx.\n',
    );
  });

  it('names connectors and files from the repository root, as GitHub does, not from the working directory', async () => {
    const { root, result } = await sampleResult();
    const repository = path.dirname(root);
    const inRepository = (file: string) => `${path.basename(root)}/${file}`;
    const summary = renderJobSummary(result, {
      rules: SAMPLE_RULES,
      cwd: root,
      baseDir: repository,
      changes: [
        {
          connector: 'certified-connectors/Contoso Tasks',
          classification: 'breaking',
          changes: [
            {
              ruleId: 'CHG-OP-DELETED',
              breaking: true,
              message: 'Operation ListTasks was deleted.',
              file: 'certified-connectors/Contoso Tasks/apiDefinition.swagger.json',
              line: 12,
            },
          ],
        },
      ],
    });
    expect(summary).toContain(`| ${inRepository('certified-connectors/Contoso Tasks')} | certified |`);
    expect(summary).toContain(`**${inRepository('certified-connectors/Contoso Tasks')}**: breaking`);
    expect(summary).toContain(
      `(${inRepository('certified-connectors/Contoso Tasks/apiDefinition.swagger.json')}:12)`,
    );
    expect(summary).toMatch(
      new RegExp(`^- info ${inRepository('certified-connectors/Contoso Tasks/readme\\.md')}:\\d+:1: `, 'm'),
    );
    // A file outside the repository (a connector extracted under runner.temp) by its absolute path,
    // as the action's outputs name it; relative to the working directory it was `../../_temp/…`.
    const outside = renderJobSummary(result, {
      rules: SAMPLE_RULES,
      cwd: root,
      baseDir: path.join(root, 'custom-connectors'),
    });
    expect(outside).toContain(`| ${path.join(root, 'certified-connectors', 'Contoso Tasks')} | certified |`);
  });

  it('leaves the changes section out when no changes were given', async () => {
    const { result } = await sampleResult();
    expect(renderJobSummary(result, { rules: SAMPLE_RULES })).not.toContain('Changes against');
  });

  it('cuts the summary to the size limit and says how much is missing', () => {
    const summary = renderJobSummary(manyFindings(500, 'x'.repeat(80)), { maxBytes: 8000 });
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(8000);
    const shown = summary.split('\n').filter((line) => line.startsWith('- warning')).length;
    expect(shown).toBeGreaterThan(10);
    expect(summary).toContain(`${500 - shown} findings are not shown`);
  });

  it('says where every finding is when it is cut, and how many findings it left out', () => {
    const run = manyFindings(500, 'x'.repeat(80));
    const summary = buildJobSummary(run, {
      maxBytes: 8000,
      everyFinding: 'The SARIF report (out.sarif) lists every finding.',
    });
    expect(summary.markdown).toContain('are not shown. The SARIF report (out.sarif) lists every finding.');
    const shown = summary.markdown.split('\n').filter((line) => line.startsWith('- warning')).length;
    expect(summary.omitted).toEqual({ findings: 500 - shown, changes: 0, connectors: 0 });
    expect(summary.markdown).toBe(
      renderJobSummary(run, {
        maxBytes: 8000,
        everyFinding: 'The SARIF report (out.sarif) lists every finding.',
      }),
    );
    expect(buildJobSummary(run).omitted.findings).toBe(0);
  });

  it("stays within GitHub's 1 MiB by default", () => {
    const summary = renderJobSummary(manyFindings(20000, 'é'.repeat(100)));
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(GITHUB_SUMMARY_LIMIT);
    expect(summary).toMatch(/> \[!NOTE\]\n> This summary was cut/);
  });
});

describe('renderJobSummary source links', () => {
  it('links each finding to its line when given an address for files', async () => {
    const { result } = await sampleResult();
    const markdown = renderJobSummary(result, {
      sourceUrl: (file, line) =>
        `https://github.com/contoso/connectors/blob/abc123/${encodeURI(file)}#L${line}`,
    });
    // The first finding on a file: the sample's first is on its connector folder, which has no line.
    const finding = result.findings.find((each) => each.file !== each.connector)!;
    expect(markdown).toContain(
      `](https://github.com/contoso/connectors/blob/abc123/${encodeURI(finding.file)}#L${finding.line})`,
    );
  });

  // A finding on a connector folder asked for the address of its line 1, and got blob/…#L1.
  it('links a finding on a connector folder to the folder, with no line', () => {
    const connector = 'certified-connectors/Tasks';
    const onFolder = locatedFinding({
      ruleId: 'REPO-FOLDER-NAME',
      severity: 'warning',
      message: 'm',
      file: connector,
      line: 1,
      column: 1,
      connector,
    });
    const markdown = renderJobSummary(tasksResult([onFolder]), {
      sourceUrl: (file, line) =>
        line === undefined
          ? `https://github.com/contoso/connectors/tree/abc123/${file}`
          : `https://github.com/contoso/connectors/blob/abc123/${file}#L${line}`,
    });
    expect(markdown).toContain(
      `- warning [${connector}](https://github.com/contoso/connectors/tree/abc123/${connector}): m`,
    );
    expect(markdown).not.toContain('#L1');
  });

  it('writes plain locations without one', async () => {
    const { result } = await sampleResult();
    expect(renderJobSummary(result)).not.toMatch(/#L\d+\)/);
  });
});

// "This push fixed 1 and added 0" after a push that cleared 5 breaking changes: what the maker pushed
// for went unsaid, since a change put back as the base had it is no fixed finding.
describe("the job summary's line of what a push did", () => {
  const pushLine = (breaking?: { before: number; resolved: number; introduced: number }, fixedInPart = 0) =>
    renderJobSummary(tasksResult([]), {
      push: { before: '0123456789abcdef', fixed: 1, fixedInPart, added: 0, ...(breaking && { breaking }) },
    })
      .split('\n')
      .find((line) => line.startsWith('This push'));

  it('says how many of the breaking changes against the base the push resolved, and how many it introduced', () => {
    expect(pushLine({ before: 5, resolved: 5, introduced: 0 })).toBe(
      'This push fixed 1 and added 0, and resolved 5 of 5 breaking changes and introduced 0 (against `0123456789ab`, the head it replaced).',
    );
    expect(pushLine({ before: 0, resolved: 0, introduced: 2 })).toBe(
      'This push fixed 1 and added 0, and introduced 2 breaking changes (against `0123456789ab`, the head it replaced).',
    );
  });

  it('says nothing of breaking changes when neither head has any', () => {
    expect(pushLine({ before: 0, resolved: 0, introduced: 0 })).toBe(
      'This push fixed 1 and added 0 (against `0123456789ab`, the head it replaced).',
    );
  });

  // A push that listed five of the twelve operations a readme missed fixed no finding whole: "fixed 0"
  // was all it said of the progress.
  it('counts the findings the push fixed in part', () => {
    expect(pushLine(undefined, 2)).toBe(
      'This push fixed 1, 2 in part, and added 0 (against `0123456789ab`, the head it replaced).',
    );
  });
});
