import { describe, expect, it } from '@jest/globals';
import { formatJson, toJsonReport } from '../../src/reporters/index.js';
import path from 'node:path';
import { countBySeverity, validateFolder } from '../../src/validate.js';
import { writeConnector } from '../helpers/fixture.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
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

  it('gives the other places whose lines a message names as `related`, and nothing that matching alone uses', async () => {
    const key = '9f8c2e7d' + '4b1a6f3e0c5d8b2a7e4f1c6d';
    const folder = writeConnector({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': '{\n  "swagger": "2.0",\n  "host": "a",\n  "swagger": "2.0"\n}',
      'readme.md': `# Contoso\n\nhttps://api.contoso.com/x?api_key=${key}\n\nhttps://api.contoso.com/y?api_key=${key}\n`,
    });
    const connector = await validateFolder(folder, { cwd: path.dirname(folder) });
    const result = { connectors: [connector], findings: connector.findings, counts: countBySeverity([]) };
    const findings = toJsonReport(result).findings;
    const repeated = findings.find((finding) => finding.ruleId === 'GEN-JSON-DUPLICATE-KEY')!;
    expect(Object.keys(repeated)).toEqual([
      'ruleId',
      'severity',
      'message',
      'file',
      'pointer',
      'line',
      'column',
      'endLine',
      'endColumn',
      'related',
      'connector',
    ]);
    expect(repeated).toMatchObject({ pointer: '/swagger', line: 2, related: [{ line: 4, column: 3 }] });
    const secret = findings.find((finding) => finding.ruleId === 'GEN-SECRETS')!;
    expect(secret).toMatchObject({ line: 3, related: [{ line: 5, column: 35 }] });
    expect(secret.message).toMatch(/ The same value is in 1 more place, on line 5: remove it there too\.$/);
    for (const finding of findings) {
      expect(finding).not.toHaveProperty('messageWithoutPlaces');
      expect(finding).not.toHaveProperty('identity');
    }
  });

  it('gives the finding that counts the syntax errors past the 20 listed its message alone, not its count as data', async () => {
    const commas = `{\n  "swagger": "2.0",\n  "x": [\n${'    [1,],\n'.repeat(25)}    [1]\n  ]\n}`;
    const folder = writeConnector({ ...validConnectorFiles(), 'apiDefinition.swagger.json': commas });
    const connector = await validateFolder(folder, { cwd: path.dirname(folder) });
    expect(connector.findings.filter((finding) => finding.unlisted)).toHaveLength(1);
    const result = { connectors: [connector], findings: connector.findings, counts: countBySeverity([]) };
    const counted = toJsonReport(result).findings.filter((finding) => finding.message.includes('not listed'));
    expect(counted).toHaveLength(1);
    expect(counted[0]).not.toHaveProperty('unlisted');
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
