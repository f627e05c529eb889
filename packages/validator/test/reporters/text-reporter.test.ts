import { describe, expect, it } from '@jest/globals';
import { stripVTControlCharacters } from 'node:util';
import { formatFindingLine, formatText, summaryLine } from '../../src/reporters/index.js';
import { lineOf, sampleResult } from './sample-result.js';

const SWAGGER = 'certified-connectors/Contoso Tasks/apiDefinition.swagger.json';

describe('text reporter', () => {
  it('prints file:line:col severity rule-id message, grouped under a header per connector', async () => {
    const { root, result } = await sampleResult();
    const text = formatText(result);
    const titleLine = lineOf(root, SWAGGER, '"title": "Contoso Tasks API"');
    expect(text).toContain(
      `${SWAGGER}:${titleLine}:5 error TEST-TITLE-WORDS The value 'Contoso Tasks API' contains at least one of the restricted words: 'api'.\n`,
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('certified-connectors/Contoso Tasks [certified]: 1 error, 2 warnings, 1 info');
    expect(lines).toContain('custom-connectors/Clean [custom]: no problems');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '4 problems (1 error, 2 warnings, 1 info) in 2 connectors.',
    );
  });

  it('has no escape codes unless colour is asked for', async () => {
    const { result } = await sampleResult();
    expect(formatText(result)).not.toContain('\x1b[');
    const coloured = formatText(result, { color: true });
    expect(coloured).toContain('\x1b[31merror\x1b[39m');
    expect(stripVTControlCharacters(coloured)).toBe(formatText(result));
  });

  it('says so when there is nothing to report', () => {
    const text = formatText({ connectors: [], findings: [], counts: { error: 0, warning: 0, info: 0 } });
    expect(text).toBe('No problems in 0 connectors.\n');
  });

  it('keeps each finding on one line and marks existing ones', async () => {
    const { result } = await sampleResult();
    const finding = {
      ...result.findings[0]!,
      message: 'first line\nsecond line',
      baseline: 'existing' as const,
    };
    expect(formatFindingLine(finding)).toMatch(/ first line second line \(existing\)$/);
  });
});

describe('summaryLine', () => {
  it('counts in a few words, singular and plural', () => {
    expect(summaryLine({ error: 1, warning: 0, info: 3 })).toBe('1 error, 0 warnings, 3 info');
    expect(summaryLine({ error: 2, warning: 1, info: 0 })).toBe('2 errors, 1 warning, 0 info');
  });
});
