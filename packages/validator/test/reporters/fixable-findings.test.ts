import { describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { formatText, renderJobSummary, toJsonReport } from '../../src/reporters/index.js';
import { validatePaths, type ValidationResult } from '../../src/validate.js';
import { validApiProperties, validReadme, validSwagger } from '../helpers/valid-connector.js';

// The findings whose fix `validate --fix` makes say so one by one; the reports count them, so that a
// maker who reads a long list learns that part of it needs no work by hand.

/** A certified connector with a trailing comma (GEN-JSON-PARSE), a misspelled apiProperties key and a capitalised visibility. */
async function fixableResult(): Promise<ValidationResult> {
  const root = temporaryFolder('fixable-');
  const folder = path.join(root, 'certified-connectors', 'Contoso Tasks');
  mkdirSync(folder, { recursive: true });
  const swagger = validSwagger();
  swagger.paths['/tasks'].get.parameters[0]['x-ms-visibility'] = 'Advanced';
  writeFileSync(
    path.join(folder, 'apiDefinition.swagger.json'),
    JSON.stringify(swagger, null, 2).replace('"https"\n  ]', '"https",\n  ]'),
  );
  const properties = validApiProperties();
  properties.properties.scriptOperation = [];
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify(properties, null, 2));
  writeFileSync(path.join(folder, 'readme.md'), validReadme());
  return validatePaths(['.'], { cwd: root, concurrency: 'off' });
}

describe('the reports count the findings validate --fix fixes', () => {
  it('marks each such finding, and only those, whose messages say --fix makes the fix', async () => {
    const result = await fixableResult();
    const fixable = result.findings.filter((finding) => finding.fixable).map((finding) => finding.ruleId);
    expect(fixable.sort()).toEqual(['GEN-JSON-PARSE', 'PROP-UNKNOWN-KEYS', 'SWG-VISIBILITY-ENUM']);
    for (const finding of result.findings) {
      expect([finding.ruleId, /`connector-alm validate --fix` /.test(finding.message)]).toEqual([
        finding.ruleId,
        finding.fixable === true,
      ]);
    }
    const unknownKey = result.findings.find((finding) => finding.ruleId === 'PROP-UNKNOWN-KEYS')!;
    expect(unknownKey.message).toMatch(
      /It is likely a misspelling of 'scriptOperations': rename it, the platform ignores 'scriptOperation'\. `connector-alm validate --fix` renames it\.$/,
    );
  });

  it('text: a line after the count says how many problems --fix fixes', async () => {
    const text = formatText(await fixableResult());
    expect(text).toMatch(
      /\n\d+ problems \([^)]*\) in 1 connector\.\n3 problems can be fixed by connector-alm validate --fix\.\n/,
    );
  });

  it('text: under --quiet, it counts only the findings listed', async () => {
    // GEN-JSON-PARSE is an error; PROP-UNKNOWN-KEYS and the visibility's case, warnings.
    const text = formatText(await fixableResult(), { quiet: 'error' });
    expect(text).toContain('\n1 problem can be fixed by connector-alm validate --fix.\n');
  });

  it('text: no such line where --fix fixes nothing', async () => {
    const result = await fixableResult();
    const none: ValidationResult = {
      ...result,
      findings: result.findings.map(({ fixable: _fixable, ...finding }) => finding),
    };
    expect(formatText(none)).not.toContain('can be fixed');
  });

  it('job summary: a line under the headline, with a link to what --fix fixes', async () => {
    const summary = renderJobSummary(await fixableResult());
    expect(summary).toContain(
      '🔧 3 problems can be fixed by `connector-alm validate --fix`. [What it fixes](https://github.com/connector-alm/connector-alm/blob/main/docs/cli.md#fixing-findings-validate---fix).',
    );
  });

  it('JSON: fixable: true on those findings, after the keys they always have', async () => {
    const report = toJsonReport(await fixableResult());
    const visibility = report.findings.find((finding) => finding.ruleId === 'SWG-VISIBILITY-ENUM')!;
    expect(Object.keys(visibility).pop()).toBe('fixable');
    expect(visibility.fixable).toBe(true);
    const others = report.findings.filter(
      (finding) => !['GEN-JSON-PARSE', 'PROP-UNKNOWN-KEYS', 'SWG-VISIBILITY-ENUM'].includes(finding.ruleId),
    );
    expect(others.filter((finding) => 'fixable' in finding)).toEqual([]);
  });
});
