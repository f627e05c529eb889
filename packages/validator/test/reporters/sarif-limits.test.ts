import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import type { Result } from 'sarif';
import { locatedFinding, severityRank, type Severity } from '../../src/model/finding.js';
import {
  FINGERPRINT_KEY,
  GITHUB_SARIF_LIMITS,
  RESULTS_LEFT_OUT_ID,
  describeLeftOut,
  sarifReport,
  type SarifOptions,
  type SarifReport,
} from '../../src/reporters/index.js';
import { validatePaths, type ValidationResult } from '../../src/validate.js';
import { CORPUS_DIR, corpusAvailable } from '../helpers/fixture.js';
import { SAMPLE_RULES, sampleResult } from './sample-result.js';
import { expectValidSarif } from './sarif-schema.js';

const SEVERITY_OF_LEVEL: Record<string, Severity> = { error: 'error', warning: 'warning', note: 'info' };
const rankOf = (result: Result) => severityRank(SEVERITY_OF_LEVEL[result.level!]!);
const resultsOf = (report: SarifReport) => report.log.runs[0]!.results!;
const printOf = (result: Result) => result.partialFingerprints![FINGERPRINT_KEY];
const ruleIdsOf = (report: SarifReport) => report.log.runs[0]!.tool.driver.rules!.map((rule) => rule.id);

/**
 * The text of the report with `count` results, as a cut to fit `gzipBytes` would write it: a cut to
 * `count` results says the same but for why, which is rewritten, so that sizes compare exactly.
 */
function sizeCutText(
  result: ValidationResult,
  options: SarifOptions,
  count: number,
  gzipBytes: number,
): string {
  const report = sarifReport(result, {
    ...options,
    limits: { results: count, gzipBytes: Number.MAX_SAFE_INTEGER },
  });
  if (!report.leftOut) return report.text;
  const byResults = `code scanning stores at most ${count} results of an upload`;
  const bySize = `code scanning rejects a SARIF file over ${gzipBytes} bytes gzip-compressed`;
  const reason = `"reason": "results",\n          "limit": ${count}\n`;
  expect(report.text).toContain(byResults);
  expect(report.text).toContain(reason);
  return report.text
    .replace(byResults, bySize)
    .replace(reason, `"reason": "size",\n          "limit": ${gzipBytes}\n`);
}

/** That the report describes the rules of its results and no other, and points each result at its own. */
function expectRulesOfResults(report: SarifReport): void {
  const ruleIds = ruleIdsOf(report);
  expect([...ruleIds].sort()).toEqual([...new Set(resultsOf(report).map((entry) => entry.ruleId!))].sort());
  for (const entry of resultsOf(report)) expect(ruleIds[entry.ruleIndex!]).toBe(entry.ruleId);
}

describe('SARIF within the limits of code scanning', () => {
  it('keeps the most severe results, in report order, when there are more findings than results allowed', async () => {
    const { root, result } = await sampleResult();
    const options = { rules: SAMPLE_RULES, cwd: root, baseDir: root };
    expect(result.findings.map((finding) => finding.severity).sort()).toEqual([
      'error',
      'info',
      'warning',
      'warning',
    ]);
    const whole = sarifReport(result, { ...options, limits: { results: 4 } });
    expect(whole.leftOut).toBeUndefined();
    expect(resultsOf(whole)).toHaveLength(4);
    expect(whole.log.runs[0]).not.toHaveProperty('invocations');

    const cut = sarifReport(result, { ...options, limits: { results: 3 } });
    // The note goes, and its rule's description with it; the others stay as they were, fingerprints
    // too, but for the place of their rule.
    const withoutRuleIndex = ({ ruleIndex: _index, ...rest }: Result) => rest;
    expect(resultsOf(cut).map(withoutRuleIndex)).toEqual(
      resultsOf(whole)
        .filter((entry) => entry.level !== 'note')
        .map(withoutRuleIndex),
    );
    expect(ruleIdsOf(whole)).toContain('TEST-README-TODO');
    expect(ruleIdsOf(cut)).toEqual(ruleIdsOf(whole).filter((id) => id !== 'TEST-README-TODO'));
    expectRulesOfResults(cut);
    expect(cut.leftOut).toEqual({
      total: 4,
      kept: 3,
      error: 0,
      warning: 0,
      info: 1,
      reason: 'results',
      limit: 3,
    });
    const run = cut.log.runs[0]!;
    expect(run.properties).toEqual({
      resultsLeftOut: { findings: 4, results: 3, error: 0, warning: 0, note: 1, reason: 'results', limit: 3 },
    });
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            descriptor: { id: RESULTS_LEFT_OUT_ID },
            level: 'warning',
            message: {
              text:
                'The SARIF report holds 3 of 4 findings: code scanning stores at most 3 results of an upload. ' +
                'It leaves out the least severe: 1 note. The text and JSON reports list every finding.',
            },
          },
        ],
      },
    ]);
    expect(cut.text).toBe(JSON.stringify(cut.log, null, 2) + '\n');
    expectValidSarif(cut.log);

    const errorOnly = sarifReport(result, { ...options, limits: { results: 1 } });
    expect(resultsOf(errorOnly).map((entry) => entry.ruleId)).toEqual(['TEST-TITLE-WORDS']);
    expect(ruleIdsOf(errorOnly)).toEqual(['TEST-TITLE-WORDS']);
    expect(resultsOf(errorOnly)[0]!.ruleIndex).toBe(0);
    expect(errorOnly.leftOut).toMatchObject({ kept: 1, error: 0, warning: 2, info: 1 });
  });

  it('keeps, of findings of one level, those a change introduced before those its base had', async () => {
    const { root, result } = await sampleResult();
    const warnings = result.findings.flatMap((finding, index) =>
      finding.severity === 'warning' ? [index] : [],
    );
    const later = warnings.at(-1)!;
    const marked: ValidationResult = {
      ...result,
      findings: result.findings.map((finding, index) => ({
        ...finding,
        baseline: index === later ? 'new' : 'existing',
      })),
    };
    const cut = sarifReport(marked, {
      rules: SAMPLE_RULES,
      cwd: root,
      baseDir: root,
      limits: { results: 2 },
    });
    expect(resultsOf(cut).map((entry) => entry.ruleId)).toEqual(
      [result.findings.findIndex((finding) => finding.severity === 'error'), later]
        .sort((a, b) => a - b)
        .map((index) => result.findings[index]!.ruleId),
    );
    expect(resultsOf(cut).map((entry) => entry.baselineState)).toContain('new');
  });

  it('leaves out the least severe results until the gzip-compressed file fits', async () => {
    const { root, result } = await sampleResult();
    const options = { rules: SAMPLE_RULES, cwd: root, baseDir: root };
    const whole = sarifReport(result, options);
    const limit = gzipSync(whole.text).length - 1;
    const cut = sarifReport(result, { ...options, limits: { gzipBytes: limit } });
    expect(gzipSync(cut.text).length).toBeLessThanOrEqual(limit);
    expect(cut.leftOut).toMatchObject({ total: 4, reason: 'size', limit });
    const kept = resultsOf(cut);
    expect(kept.length).toBe(cut.leftOut!.kept);
    expect(kept.length).toBeLessThan(4);
    // Nothing kept is less severe than anything left out.
    const keptPrints = new Set(kept.map(printOf));
    const leftOut = resultsOf(whole).filter((entry) => !keptPrints.has(printOf(entry)));
    expect(leftOut).toHaveLength(4 - kept.length);
    expect(Math.min(...kept.map(rankOf))).toBeGreaterThanOrEqual(Math.max(...leftOut.map(rankOf)));
    // As many as fit: one more would not.
    expect(gzipSync(sizeCutText(result, options, kept.length + 1, limit)).length).toBeGreaterThan(limit);
    expect(cut.log.runs[0]!.invocations![0]!.toolExecutionNotifications![0]!.message.text).toContain(
      `code scanning rejects a SARIF file over ${limit} bytes gzip-compressed`,
    );
    expectRulesOfResults(cut);
    expectValidSarif(cut.log);
  });

  it('serialises each size it tries once, and writes the log it returns, on a report cut by size', async () => {
    // 1,200 findings of the four kinds, each with its own line and message: a file cut by halving.
    const { root, result: sample } = await sampleResult();
    const findings = Array.from({ length: 1200 }, (_, index) => {
      const finding = sample.findings[index % sample.findings.length]!;
      return locatedFinding({
        ...finding,
        line: finding.line + index,
        message: `${finding.message} (${index})`,
      });
    });
    const result: ValidationResult = { ...sample, findings };
    const options = { rules: SAMPLE_RULES, cwd: root, baseDir: root };
    const limit = Math.floor(gzipSync(sarifReport(result, options).text).length / 3);
    const serialised: number[] = [];
    const stringify = JSON.stringify;
    const spy = jest.spyOn(JSON, 'stringify').mockImplementation((value, ...rest) => {
      const runs = (value as { runs?: { results?: unknown[] }[] } | undefined)?.runs;
      if (runs) serialised.push(runs[0]!.results!.length);
      return stringify(value, ...(rest as [undefined, number]));
    });
    let cut: SarifReport;
    try {
      cut = sarifReport(result, { ...options, limits: { gzipBytes: limit } });
    } finally {
      spy.mockRestore();
    }
    expect(cut.leftOut).toMatchObject({ total: 1200, reason: 'size', limit });
    expect(serialised.length).toBeGreaterThan(5);
    expect(new Set(serialised).size).toBe(serialised.length);
    expect(cut.text).toBe(JSON.stringify(cut.log, null, 2) + '\n');
    expect(gzipSync(cut.text).length).toBeLessThanOrEqual(limit);
    const oneMore = sizeCutText(result, options, resultsOf(cut).length + 1, limit);
    expect(gzipSync(oneMore).length).toBeGreaterThan(limit);
  });

  it('says what it left out by level', () => {
    expect(
      describeLeftOut({
        total: 19000,
        kept: 5000,
        error: 0,
        warning: 1,
        info: 13999,
        reason: 'results',
        limit: 5000,
      }),
    ).toBe(
      'The SARIF report holds 5000 of 19000 findings: code scanning stores at most 5000 results of an upload. ' +
        'It leaves out the least severe: 1 warning, 13999 notes.',
    );
  });
});

if (!corpusAvailable) {
  console.warn(
    `Skipping the SARIF corpus test: ${CORPUS_DIR} is absent (it sits beside the project in ../shared).`,
  );
}
const describeCorpus = corpusAvailable ? describe : describe.skip;

describeCorpus('the SARIF report of the whole PowerPlatformConnectors corpus', () => {
  let result: ValidationResult;
  beforeAll(async () => {
    result = await validatePaths([CORPUS_DIR], { cwd: CORPUS_DIR });
  }, 180_000);

  it('fits what code scanning stores, with every error, and says what it left out', () => {
    const report = sarifReport(result, { cwd: CORPUS_DIR, baseDir: CORPUS_DIR });
    expect(result.findings.length).toBeGreaterThan(GITHUB_SARIF_LIMITS.results);
    const results = resultsOf(report);
    expect(results).toHaveLength(GITHUB_SARIF_LIMITS.results);
    expect(gzipSync(report.text).length).toBeLessThanOrEqual(GITHUB_SARIF_LIMITS.gzipBytes);
    const errors = result.findings.filter((finding) => finding.severity === 'error').length;
    expect(results.filter((entry) => entry.level === 'error')).toHaveLength(
      Math.min(errors, GITHUB_SARIF_LIMITS.results),
    );
    const leftOut = report.leftOut!;
    expect(leftOut.total).toBe(result.findings.length);
    expect(leftOut.error + leftOut.warning + leftOut.info).toBe(result.findings.length - results.length);
    // The rules of the results kept, not the catalog: fewer than the rules that found something.
    expectRulesOfResults(report);
    expect(ruleIdsOf(report).length).toBeLessThan(new Set(result.findings.map((f) => f.ruleId)).size);
    expectValidSarif(report.log);
  });
});
