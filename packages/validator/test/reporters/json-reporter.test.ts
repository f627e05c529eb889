import { describe, expect, it } from '@jest/globals';
import { formatJson, toJsonReport } from '../../src/reporters/index.js';
import { lineOf, sampleResult } from './sample-result.js';

const SWAGGER = 'certified-connectors/Contoso Tasks/apiDefinition.swagger.json';

describe('JSON reporter', () => {
  it('lists findings with the contract keys in a stable order', async () => {
    const { root, result } = await sampleResult();
    const report = toJsonReport(result);
    const title = report.findings.find((finding) => finding.ruleId === 'TEST-TITLE-WORDS')!;
    expect(Object.keys(title)).toEqual([
      'ruleId',
      'severity',
      'message',
      'file',
      'pointer',
      'line',
      'column',
      'endLine',
      'endColumn',
      'connector',
      'msCode',
    ]);
    expect(title).toMatchObject({
      severity: 'error',
      file: SWAGGER,
      pointer: '/info/title',
      line: lineOf(root, SWAGGER, '"title": "Contoso Tasks API"'),
      column: 5,
    });
  });

  it('leaves out the pointer for files that are not JSON', async () => {
    const { result } = await sampleResult();
    const readme = toJsonReport(result).findings.find((finding) => finding.ruleId === 'TEST-README-TODO')!;
    expect(readme).not.toHaveProperty('pointer');
    expect(readme.file).toBe('certified-connectors/Contoso Tasks/readme.md');
  });

  it('counts per connector and in total', async () => {
    const { result } = await sampleResult();
    const report = toJsonReport(result);
    expect(Object.keys(report)).toEqual(['findings', 'connectors', 'counts']);
    expect(report.connectors).toEqual([
      {
        path: 'certified-connectors/Contoso Tasks',
        name: 'Contoso Tasks',
        profile: 'certified',
        counts: { error: 1, warning: 2, info: 1 },
      },
      {
        path: 'custom-connectors/Clean',
        name: 'Clean',
        profile: 'custom',
        counts: { error: 0, warning: 0, info: 0 },
      },
    ]);
    expect(report.counts).toEqual({ error: 1, warning: 2, info: 1 });
  });

  it('passes the baseline through, last', async () => {
    const { result } = await sampleResult();
    result.findings = result.findings.map((finding, index) => ({
      ...finding,
      baseline: index === 0 ? 'new' : 'existing',
    }));
    const findings = toJsonReport(result).findings;
    expect(findings.map((finding) => finding.baseline)).toEqual(['new', 'existing', 'existing', 'existing']);
    expect(Object.keys(findings[0]!).at(-1)).toBe('baseline');
  });

  it('prints parseable, indented JSON with a final newline', async () => {
    const { result } = await sampleResult();
    const text = formatJson(result);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(toJsonReport(result));
  });
});
