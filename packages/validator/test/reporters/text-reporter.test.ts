import { describe, expect, it } from '@jest/globals';
import { stripVTControlCharacters } from 'node:util';
import { locatedFinding, type Finding } from '../../src/model/finding.js';
import { formatFindingLine, formatText, summaryLine } from '../../src/reporters/index.js';
import { lineOf, sampleResult } from './sample-result.js';

const SWAGGER = 'certified-connectors/Contoso Tasks/apiDefinition.swagger.json';
/** The last line of a report that lists findings. */
const LOOK_UP_RULE = 'Run connector-alm rules <rule-id> for what a rule checks and how to fix it.';

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
    expect(text.trimEnd().split('\n').slice(-2)).toEqual([
      '4 problems (1 error, 2 warnings, 1 info) in 2 connectors.',
      LOOK_UP_RULE,
    ]);
  });

  it('lists only the findings at or above the level under quiet, with every count and what it left out', async () => {
    const { result } = await sampleResult();
    const lines = formatText(result, { quiet: 'error' }).trimEnd().split('\n');
    expect(lines).toEqual([
      'certified-connectors/Contoso Tasks [certified]: 1 error, 2 warnings, 1 info',
      expect.stringMatching(/ error TEST-TITLE-WORDS /),
      '',
      '4 problems (1 error, 2 warnings, 1 info) in 2 connectors.',
      '--quiet left out 2 warnings and 1 info, below --fail-on error; run without --quiet to list them.',
      LOOK_UP_RULE,
    ]);
    const warnings = formatText(result, { quiet: 'warning' }).trimEnd().split('\n');
    expect(warnings.filter((line) => / (error|warning|info) TEST-/.test(line))).toHaveLength(3);
    expect(warnings).not.toContain('custom-connectors/Clean [custom]: no problems');
    expect(warnings.slice(-2)).toEqual([
      '--quiet left out 1 info, below --fail-on warning; run without --quiet to list them.',
      LOOK_UP_RULE,
    ]);
    const errorsOnly = { ...result, findings: result.findings.filter((f) => f.severity === 'error') };
    expect(formatText(errorsOnly, { quiet: 'error' })).not.toContain('--quiet left out');
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

  it('counts the findings new since the base when the base had some of them', async () => {
    const { result } = await sampleResult();
    const marked = {
      ...result,
      findings: result.findings.map((finding, index) => ({
        ...finding,
        baseline: index === 0 ? ('new' as const) : ('existing' as const),
      })),
    };
    expect(formatText(marked).trimEnd().split('\n').at(-2)).toBe(
      '4 problems (1 error, 2 warnings, 1 info) in 2 connectors; 1 new since the base.',
    );
    // All new (a new connector, or --only-new): the count says it already.
    const allNew = {
      ...result,
      findings: result.findings.map((finding) => ({ ...finding, baseline: 'new' as const })),
    };
    expect(formatText(allNew).trimEnd().split('\n').at(-2)).toBe(
      '4 problems (1 error, 2 warnings, 1 info) in 2 connectors.',
    );
  });

  it('ends a report that lists findings with how to look their rules up, and one that lists none without', async () => {
    const { result } = await sampleResult();
    expect(formatText(result).trimEnd().split('\n').at(-1)).toBe(LOOK_UP_RULE);
    // Its only line without the finding lines' shape: not one more finding for a problem matcher.
    expect(
      formatText(result)
        .split('\n')
        .filter((line) => line.startsWith('Run ')),
    ).toEqual([LOOK_UP_RULE]);
    expect(formatText(result, { color: true }).trimEnd().split('\n').at(-1)).toBe(LOOK_UP_RULE);
    // --quiet with nothing at --fail-on lists no finding, so no rule id to look up.
    const belowError = (finding: Finding) => finding.severity !== 'error';
    const noErrors = {
      ...result,
      connectors: result.connectors.map((c) => ({ ...c, findings: c.findings.filter(belowError) })),
      findings: result.findings.filter(belowError),
      counts: { ...result.counts, error: 0 },
    };
    const quiet = formatText(noErrors, { quiet: 'error' });
    expect(quiet).not.toContain(LOOK_UP_RULE);
    expect(quiet.trimEnd().split('\n')).toEqual([
      '3 problems (0 errors, 2 warnings, 1 info) in 2 connectors.',
      '--quiet left out 2 warnings and 1 info, below --fail-on error; run without --quiet to list them.',
    ]);
  });

  it('keeps each finding on one line and marks existing ones', async () => {
    const { result } = await sampleResult();
    const finding = locatedFinding({
      ...result.findings[0]!,
      message: 'first line\nsecond line',
      baseline: 'existing',
    });
    expect(formatFindingLine(finding)).toMatch(/ first line second line \(existing\)$/);
  });

  it('shows escape sequences and other controls from connector files as text, with and without colour', async () => {
    const { result } = await sampleResult();
    // A folder and a swagger title of a stranger's connector: clear the screen, a disguised link,
    // a carriage return over the line, a CSI in C1 form, a right-to-left override.
    const folder = 'certified-connectors/Evil\x1b[1;32m OK\x1b[0m\nNo problems in 1 connector.';
    const title = 'Tasks\x1b[2J\x1b]8;;https://evil.example\x07docs\x1b]8;;\x07\r\u009b8m \u202eksaT';
    const connector = { ...result.connectors[0]!, path: folder };
    connector.findings = [
      locatedFinding({
        ...connector.findings[0]!,
        file: `${folder}/apiDefinition.swagger.json`,
        message: title,
      }),
    ];
    const evil = { ...result, connectors: [connector], findings: connector.findings };
    for (const color of [false, true]) {
      const text = stripVTControlCharacters(formatText(evil, { color }));
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
      expect(text.split('\n')[0]).toBe(
        'certified-connectors/Evil\\x1b[1;32m OK\\x1b[0m\\nNo problems in 1 connector. [certified]: 0 errors, 1 warning, 0 info',
      );
      expect(text).toContain(
        'Tasks\\x1b[2J\\x1b]8;;https://evil.example\\x07docs\\x1b]8;;\\x07 \\x9b8m \\u202eksaT',
      );
    }
  });
});

describe('summaryLine', () => {
  it('counts in a few words, singular and plural', () => {
    expect(summaryLine({ error: 1, warning: 0, info: 3 })).toBe('1 error, 0 warnings, 3 info');
    expect(summaryLine({ error: 2, warning: 1, info: 0 })).toBe('2 errors, 1 warning, 0 info');
  });
});
