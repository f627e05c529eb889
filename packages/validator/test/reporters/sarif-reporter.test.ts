import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import type { Log, Result } from 'sarif';
import { FINGERPRINT_KEY, formatSarif, toSarif } from '../../src/reporters/index.js';
import { fullDescriptionText } from '../../src/reporters/sarif-full-description.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { ALL_CHANGE_RULES } from '../../src/diff/documented-change-rules.js';
import { locatedFinding, type Finding } from '../../src/model/finding.js';
import { validateFolder, countBySeverity, type ValidationResult } from '../../src/validate.js';
import { writeConnector } from '../helpers/fixture.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import { SAMPLE_RULES, lineOf, sampleResult } from './sample-result.js';
import { expectValidSarif, validateSarif } from './sarif-schema.js';

function resultOf(log: Log, ruleId: string): Result {
  return log.runs[0]!.results!.find((result) => result.ruleId === ruleId)!;
}

const SWAGGER = 'certified-connectors/Contoso Tasks/apiDefinition.swagger.json';

describe('SARIF reporter', () => {
  it('writes a log that is valid against the SARIF 2.1.0 schema', async () => {
    const { root, result } = await sampleResult();
    const log = toSarif(result, { rules: SAMPLE_RULES, cwd: root, baseDir: root, toolVersion: '1.2.3' });
    expectValidSarif(log);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.tool.driver).toMatchObject({ name: 'connector-alm', version: '1.2.3' });
    expect(log.runs[0]!.results).toHaveLength(result.findings.length);
  });

  it('stays valid with the real rule catalog and a real finding', async () => {
    const folder = writeConnector({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': '{\n  "swagger": "2.0",\n}',
    });
    const cwd = path.dirname(folder);
    const connector = await validateFolder(folder, { cwd });
    const result: ValidationResult = {
      connectors: [connector],
      findings: connector.findings,
      counts: countBySeverity(connector.findings),
    };
    const log = toSarif(result, { cwd, baseDir: cwd });
    expectValidSarif(log);
    expect(resultOf(log, 'GEN-JSON-PARSE').locations![0]!.physicalLocation!.region).toMatchObject({
      startLine: 2,
      startColumn: 19,
    });
  });

  it('gives the other places a message names as relatedLocations, and stays valid', async () => {
    const folder = writeConnector({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': '{\n  "swagger": "2.0",\n  "host": "a",\n  "swagger": "2.0"\n}',
    });
    const cwd = path.dirname(folder);
    const connector = await validateFolder(folder, { cwd });
    const result: ValidationResult = {
      connectors: [connector],
      findings: connector.findings,
      counts: countBySeverity(connector.findings),
    };
    const log = toSarif(result, { cwd, baseDir: cwd });
    expectValidSarif(log);
    const repeated = resultOf(log, 'GEN-JSON-DUPLICATE-KEY');
    expect(repeated.message.text).toContain('appears again at line 4 of this object');
    expect(repeated.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: repeated.locations![0]!.physicalLocation!.artifactLocation,
          region: { startLine: 4, startColumn: 3 },
        },
      },
    ]);
    expect(log.runs[0]!.results!.filter((each) => each.relatedLocations)).toEqual([repeated]);
  });

  it('would notice an invalid log (the schema check can fail)', async () => {
    const { root, result } = await sampleResult();
    const log = toSarif(result, { rules: SAMPLE_RULES, cwd: root, baseDir: root });
    (log.runs[0]!.results![0] as { level: string }).level = 'info';
    expect(validateSarif(JSON.parse(JSON.stringify(log)))).toBe(false);
  });

  it('locates results on repository-relative, percent-encoded paths', async () => {
    const { root, result } = await sampleResult();
    const log = toSarif(result, { rules: SAMPLE_RULES, cwd: root, baseDir: root });
    const title = resultOf(log, 'TEST-TITLE-WORDS');
    const line = lineOf(root, SWAGGER, '"title": "Contoso Tasks API"');
    expect(title).toMatchObject({
      level: 'error',
      message: {
        text: "The value 'Contoso Tasks API' contains at least one of the restricted words: 'api'.",
      },
      properties: { pointer: '/info/title', connector: 'certified-connectors/Contoso Tasks' },
    });
    expect(title.locations![0]!.physicalLocation).toEqual({
      artifactLocation: {
        uri: 'certified-connectors/Contoso%20Tasks/apiDefinition.swagger.json',
        uriBaseId: '%SRCROOT%',
      },
      region: { startLine: line, startColumn: 5, endLine: line, endColumn: 12 },
    });
    expect(resultOf(log, 'TEST-README-TODO').level).toBe('note');
    // A folder finding names the folder, with no region.
    expect(resultOf(log, 'TEST-NO-SCRIPT').locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'certified-connectors/Contoso%20Tasks', uriBaseId: '%SRCROOT%' },
    });
  });

  it('makes paths relative to the repository root, not the working directory', async () => {
    const { root, result } = await sampleResult();
    const log = toSarif(result, { rules: SAMPLE_RULES, cwd: root, baseDir: path.dirname(root) });
    const title = resultOf(log, 'TEST-TITLE-WORDS');
    expect(title.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe(
      `${path.basename(root)}/certified-connectors/Contoso%20Tasks/apiDefinition.swagger.json`,
    );
    // The connector folder too, as the URI names it: with '/' on every OS.
    expect(title.properties!.connector).toBe(`${path.basename(root)}/certified-connectors/Contoso Tasks`);

    const outside = toSarif(result, {
      rules: SAMPLE_RULES,
      cwd: root,
      baseDir: path.join(root, 'custom-connectors'),
    });
    const location = resultOf(outside, 'TEST-TITLE-WORDS').locations![0]!.physicalLocation!.artifactLocation!;
    expect(location.uri).toMatch(/^file:\/\/\/.*Contoso%20Tasks\/apiDefinition\.swagger\.json$/);
    expect(location.uriBaseId).toBeUndefined();
    expectValidSarif(outside);
  });

  it('gives fingerprints that do not change when the finding moves to another line', async () => {
    const before = await sampleResult();
    const after = await sampleResult({ extraInfoLines: 3 });
    const logBefore = toSarif(before.result, { rules: SAMPLE_RULES, cwd: before.root, baseDir: before.root });
    const logAfter = toSarif(after.result, { rules: SAMPLE_RULES, cwd: after.root, baseDir: after.root });
    const titleBefore = resultOf(logBefore, 'TEST-TITLE-WORDS');
    const titleAfter = resultOf(logAfter, 'TEST-TITLE-WORDS');
    const startLine = (result: Result) => result.locations![0]!.physicalLocation!.region!.startLine!;
    expect(startLine(titleAfter)).toBe(startLine(titleBefore) + 3);
    expect(titleAfter.partialFingerprints![FINGERPRINT_KEY]).toBe(
      titleBefore.partialFingerprints![FINGERPRINT_KEY],
    );
    const all = logBefore.runs[0]!.results!.map((result) => result.partialFingerprints![FINGERPRINT_KEY]);
    expect(new Set(all).size).toBe(all.length);
  });

  it("keeps a repeated key's fingerprint when a repeat of it in another object is fixed", async () => {
    const swagger = (first: string): string =>
      `{\n  "swagger": "2.0",\n  "paths": {\n    "/a": {"get": {${first}}},\n    "/b": {"get": {"operationId": "C", "x-ms-visibility": "x", "operationId": "D", "x-ms-visibility": "y"}}\n  }\n}`;
    const printsOf = async (first: string): Promise<Map<string, string>> => {
      const folder = writeConnector({
        ...validConnectorFiles(),
        'apiDefinition.swagger.json': swagger(first),
      });
      const cwd = path.dirname(folder);
      const connector = await validateFolder(folder, { cwd });
      const result: ValidationResult = {
        connectors: [connector],
        findings: connector.findings,
        counts: countBySeverity(connector.findings),
      };
      const log = toSarif(result, { cwd, baseDir: cwd });
      const repeats = log.runs[0]!.results!.filter((entry) => entry.ruleId === 'GEN-JSON-DUPLICATE-KEY');
      return new Map(
        repeats.map((entry) => [
          `${entry.properties!.pointer as string} line ${entry.locations![0]!.physicalLocation!.region!.startLine}`,
          entry.partialFingerprints![FINGERPRINT_KEY]!,
        ]),
      );
    };
    const before = await printsOf('"operationId": "A", "operationId": "B"');
    const after = await printsOf('"operationId": "B"');
    expect([...before.keys()]).toEqual([
      '/paths/~1a/get/operationId line 4',
      '/paths/~1b/get/operationId line 5',
      '/paths/~1b/get/x-ms-visibility line 5',
    ]);
    expect(new Set(before.values()).size).toBe(3);
    // The two repeats left are the same findings, with the same fingerprints, as code scanning needs.
    expect(after).toEqual(new Map([...before].slice(1)));
  });

  it('numbers identical findings instead of giving them one fingerprint', async () => {
    const { root, result } = await sampleResult();
    const twice = { ...result, findings: [result.findings[1]!, result.findings[1]!] };
    const prints = toSarif(twice, { rules: SAMPLE_RULES, cwd: root, baseDir: root }).runs[0]!.results!.map(
      (entry) => entry.partialFingerprints![FINGERPRINT_KEY]!,
    );
    expect(prints[0]).toMatch(/:1$/);
    expect(prints[1]).toBe(prints[0]!.replace(/:1$/, ':2'));
  });

  it('describes each rule that has a result once, with help in the rule reference', async () => {
    const { root, result } = await sampleResult();
    const log = toSarif(result, {
      rules: SAMPLE_RULES,
      cwd: root,
      baseDir: root,
      rulesDocUrl: 'https://x.test/rules.md',
    });
    const rules = log.runs[0]!.tool.driver.rules!;
    // GEN-JSON-PARSE found nothing: it is not described.
    expect(rules.map((rule) => rule.id)).toEqual(
      SAMPLE_RULES.map((rule) => rule.id).filter((id) => id !== 'GEN-JSON-PARSE'),
    );
    for (const entry of log.runs[0]!.results!) expect(rules[entry.ruleIndex!]!.id).toBe(entry.ruleId);
    expect(rules[0]).toMatchObject({
      id: 'TEST-TITLE-WORDS',
      shortDescription: { text: 'Keep "API" out of the title.' },
      helpUri: 'https://x.test/rules.md#test-title-words',
      defaultConfiguration: { level: 'error' },
    });
    expect(rules[0]!.fullDescription!.text).toMatch(/^Reviewers reject titles/);
  });

  it('gives each rule what code scanning reads: its severity, precision, tags and help that links to the reference', async () => {
    const { root, result } = await sampleResult();
    const options = { rules: SAMPLE_RULES, cwd: root, baseDir: root, rulesDocUrl: 'https://x.test/rules.md' };
    const log = toSarif(result, options);
    const rules = log.runs[0]!.tool.driver.rules!;
    const rule = (id: string) => rules.find((entry) => entry.id === id)!;
    expect(rule('TEST-TITLE-WORDS').properties).toMatchObject({
      tags: ['power-platform-connector', 'swagger'],
      precision: 'very-high',
      'problem.severity': 'error',
    });
    expect(rule('TEST-OP-SUMMARY').properties!['problem.severity']).toBe('warning');
    // A note is what code scanning calls a recommendation.
    expect(rule('TEST-README-TODO').properties!['problem.severity']).toBe('recommendation');
    // Certification checks, not security rules: no security tag, no security-severity.
    for (const entry of rules) {
      expect(entry.properties!.tags).not.toContain('security');
      expect(entry.properties).not.toHaveProperty('security-severity');
    }
    expect(rule('TEST-TITLE-WORDS').help!.markdown).toMatch(
      /\n\nSee \[TEST-TITLE-WORDS\]\(https:\/\/x\.test\/rules\.md#test-title-words\) in the connector-alm rule reference\.$/,
    );
    // A rule that is off in the profile has no severity to show.
    const custom = toSarif(result, { ...options, profile: 'custom' }).runs[0]!.tool.driver.rules!;
    expect(custom.find((entry) => entry.id === 'TEST-OP-SUMMARY')!.properties).not.toHaveProperty(
      'problem.severity',
    );
    // upload-sarif fills automationDetails from its category input only when the run has none.
    expect(log.runs[0]).not.toHaveProperty('automationDetails');
    expectValidSarif(log);
  });

  it("takes the default levels from the chosen profile's", async () => {
    const { root, result } = await sampleResult();
    const rules = toSarif(result, { rules: SAMPLE_RULES, cwd: root, profile: 'custom' }).runs[0]!.tool.driver
      .rules!;
    expect(rules.find((rule) => rule.id === 'TEST-TITLE-WORDS')!.defaultConfiguration).toEqual({
      level: 'warning',
    });
    expect(rules.find((rule) => rule.id === 'TEST-OP-SUMMARY')!.defaultConfiguration).toEqual({
      level: 'none',
      enabled: false,
    });
  });

  it('describes no rule when there is no result: the catalog is not uploaded with every pull request', () => {
    const empty: ValidationResult = { connectors: [], findings: [], counts: countBySeverity([]) };
    // The real catalog: over 200 rules, which made this file some 480 KB.
    const text = formatSarif(empty);
    const log = JSON.parse(text) as Log;
    expect(log.runs[0]!.tool.driver.rules).toEqual([]);
    expect(log.runs[0]!.results).toEqual([]);
    expect(Buffer.byteLength(text)).toBeLessThan(1000);
    expectValidSarif(log);
  });

  it("cuts a rule's full description to the 1000 characters code scanning takes, after a sentence, and keeps it whole in the help", () => {
    // A finding of every rule of the catalog and of the breaking-change check, so that every rule is described.
    const ids = [...ALL_RULES.map((rule) => rule.id), ...ALL_CHANGE_RULES.map((rule) => rule.id)];
    const findings: Finding[] = ids.map((ruleId) =>
      locatedFinding({
        ruleId,
        severity: 'warning',
        message: 'A finding.',
        file: 'Contoso/apiDefinition.swagger.json',
        line: 1,
        column: 1,
        connector: 'Contoso',
      }),
    );
    const log = toSarif({ connectors: [], findings, counts: countBySeverity(findings) });
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules).toHaveLength(ids.length);
    const cut = rules.filter((rule) => rule.fullDescription!.text !== rule.help!.text);
    // The reference texts that are longer: REPO-CONFIG-LOOSENED and breaking-change rules among them.
    expect(cut.map((rule) => rule.id)).toEqual(
      expect.arrayContaining(['REPO-CONFIG-LOOSENED', 'BRK-POLICY-REROUTE']),
    );
    for (const rule of rules) expect(rule.fullDescription!.text.length).toBeLessThanOrEqual(1000);
    for (const rule of cut) {
      const shown = rule.fullDescription!.text;
      expect(shown).toMatch(/[.!?] …$/);
      expect(rule.help!.text.startsWith(shown.slice(0, -2))).toBe(true);
      expect(rule.help!.text.length).toBeGreaterThan(1000);
    }
    expectValidSarif(log);
  });

  it('cuts a description without a sentence end that fits at a space', () => {
    const text = `${'word '.repeat(300)}end.`;
    const shown = fullDescriptionText(text);
    expect(shown.length).toBeLessThanOrEqual(1000);
    expect(shown).toMatch(/^(word )+word…$/);
    expect(fullDescriptionText('Short. Enough.')).toBe('Short. Enough.');
    // A sentence is kept when it and " …" fit, to the last character, and not when they pass the limit by one.
    const sentences = `${'a'.repeat(5)}. ${'b'.repeat(10)}. ${'c'.repeat(10)}`;
    expect(fullDescriptionText(sentences, 20)).toBe('aaaaa. bbbbbbbbbb. …');
    expect(fullDescriptionText(sentences, 19)).toBe('aaaaa. …');
  });

  it('describes exactly the rules that have results, in catalog order, and points each result at its own', async () => {
    const { root, result } = await sampleResult();
    // Findings in reverse, one rule without any: the rules keep the catalog's order, less that one.
    const findings = result.findings.filter((finding) => finding.ruleId !== 'TEST-OP-SUMMARY').reverse();
    expect(findings.length).toBeGreaterThan(1);
    const log = toSarif(
      { ...result, findings, counts: countBySeverity(findings) },
      { rules: SAMPLE_RULES, cwd: root, baseDir: root },
    );
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules.map((rule) => rule.id)).toEqual(
      SAMPLE_RULES.map((rule) => rule.id).filter((id) => id !== 'TEST-OP-SUMMARY' && id !== 'GEN-JSON-PARSE'),
    );
    const results = log.runs[0]!.results!;
    expect(results.map((entry) => entry.ruleId)).toEqual(findings.map((finding) => finding.ruleId));
    for (const entry of results) expect(rules[entry.ruleIndex!]!.id).toBe(entry.ruleId);
    // The rules described keep what code scanning shows: the help with its example and link.
    expect(rules[0]!.help!.markdown).toContain('Fires on:');
    expect(rules[0]!.help!.markdown).toContain('in the connector-alm rule reference.');
    expectValidSarif(log);
  });

  it('describes rules that findings name but the list lacks', async () => {
    const { root, result } = await sampleResult();
    const log = toSarif(result, { rules: [], cwd: root, baseDir: root });
    expect(log.runs[0]!.tool.driver.rules!.map((rule) => rule.id).sort()).toEqual(
      [...new Set(result.findings.map((finding) => finding.ruleId))].sort(),
    );
    expectValidSarif(log);
  });

  it('describes a breaking change of validate --base from its reference entry, not with a stub', async () => {
    const { root, result } = await sampleResult();
    result.findings[0] = { ...result.findings[0]!, ruleId: 'BRK-OP-DELETED', severity: 'error' };
    const log = toSarif(result, {
      rules: [],
      cwd: root,
      baseDir: root,
      rulesDocUrl: 'https://x.test/rules.md',
    });
    const rule = log.runs[0]!.tool.driver.rules!.find((entry) => entry.id === 'BRK-OP-DELETED')!;
    expect(rule).toMatchObject({
      shortDescription: { text: 'The operation has been deleted. This change breaks existing flows.' },
      helpUri: 'https://x.test/rules.md#brk-op-deleted',
      defaultConfiguration: { level: 'error' },
    });
    expect(rule.fullDescription!.text).toMatch(
      /^An operationId of the base version .* Source: Microsoft change validator/,
    );
    expect(rule.help!.markdown).toContain('"operationId": "DeleteTask"');
    // As the reference page shows it: the base version is what the change is measured against, not
    // an example that passes.
    expect(rule.help!.markdown).toMatch(
      /Example, in [^\n]+\. Base version:\n\n```json\n[^`]+```\n\nFires on:\n/,
    );
    expect(rule.help!.markdown).not.toContain('Passes');
    expectValidSarif(log);
  });

  it('sets baselineState from the baseline', async () => {
    const { root, result } = await sampleResult();
    result.findings = result.findings.map((finding, index) => ({
      ...finding,
      baseline: index === 0 ? 'new' : 'existing',
    }));
    const log = toSarif(result, { rules: SAMPLE_RULES, cwd: root, baseDir: root });
    expect(log.runs[0]!.results!.map((entry) => entry.baselineState)).toEqual([
      'new',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expectValidSarif(log);
  });

  it('names the base of validate --base in the run, and stays valid', async () => {
    const { root, result } = await sampleResult();
    const mergeBase = '0123456789abcdef0123456789abcdef01234567';
    const compared = { ...result, baseRef: 'origin/dev', mergeBase, diffs: [] };
    const log = toSarif(compared, { rules: SAMPLE_RULES, cwd: root, baseDir: root });
    expect(log.runs[0]!.properties).toEqual({ base: { ref: 'origin/dev', mergeBase } });
    expectValidSarif(log);
    expect(toSarif(result, { rules: SAMPLE_RULES, cwd: root, baseDir: root }).runs[0]).not.toHaveProperty(
      'properties',
    );
  });
});
