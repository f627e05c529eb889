import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { diffPaths } from '../../src/diff/diff-paths.js';
import { writeConnector } from '../helpers/fixture.js';
import { validApiProperties, validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { validateFilesAgainstDev } from './pull-request-edit.js';
import type { Json } from '../diff/diff-fixture.js';
import type { Finding } from '../../src/model/finding.js';

// The breaking-change comparison reads both versions with the tolerant parser. GEN-JSON-PARSE
// already reports the current version's syntax errors; the base version's are told by the diff.

const FOLDER = 'certified-connectors/Contoso';
const SWAGGER = `${FOLDER}/apiDefinition.swagger.json`;
const BROKEN = JSON.stringify(validSwagger(), null, 2).replace('"https"\n', '"https",\n');

/**
 * `json` as pretty JSON with an extension of `entries` one-entry arrays, the first `commas` of them
 * written with a trailing comma: `[\n 0,\n ]`, one JSON syntax error each.
 */
function withTrailingCommas(json: Record<string, unknown>, entries: number, commas: number): string {
  const slips = Array.from({ length: entries }, (_, index) => [index]);
  const text = JSON.stringify({ ...json, 'x-slips': slips }, null, 2);
  let written = 0;
  return text.replace(/^( +\d+)$/gm, (line) => (written++ < commas ? `${line},` : line));
}

/** Commits `base` on dev, then `files` on a pull-request branch, and validates against dev. */
async function validated(base: Json, files: Json) {
  const { result, dir } = await validateFilesAgainstDev(FOLDER, base, files);
  return { result, diff: result.diffs[0]!.diff!, folder: path.join(dir, FOLDER) };
}

/**
 * `json` as pretty JSON with an extension of 30 one-entry arrays, those at `indexes` written with a
 * trailing comma: one JSON syntax error each, 3 lines apart.
 */
function withTrailingCommasAt(json: Record<string, unknown>, indexes: readonly number[]): string {
  const slips = Array.from({ length: 30 }, (_, index) => [index]);
  const text = JSON.stringify({ ...json, 'x-slips': slips }, null, 2);
  let entry = 0;
  return text.replace(/^( +\d+)$/gm, (line) => (indexes.includes(entry++) ? `${line},` : line));
}

/** The entries from `first` to `last`, both included. */
function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

describe('validateAgainstBase with JSON syntax errors', () => {
  it('reports a current swagger that does not parse once, as GEN-JSON-PARSE, not again in the diff', async () => {
    const { result, diff } = await validated(validConnectorFiles(), {
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': BROKEN,
    });
    expect(result.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'GEN-JSON-PARSE', file: SWAGGER, baseline: 'new' }),
    );
    expect(diff.changes.filter((change) => change.ruleId === 'CHG-JSON-SYNTAX')).toEqual([]);
    expect(result.findings.filter((finding) => finding.ruleId === 'CHG-JSON-SYNTAX')).toEqual([]);
  });

  it('tells that the base swagger did not parse, in its file and line, as a major change', async () => {
    const { result, diff } = await validated(
      { ...validConnectorFiles(), 'apiDefinition.swagger.json': BROKEN },
      validConnectorFiles(),
    );
    expect(diff.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-JSON-SYNTAX',
        side: 'old',
        impact: 'major',
        file: expect.stringMatching(
          /^[0-9a-f]{12}:certified-connectors\/Contoso\/apiDefinition\.swagger\.json$/,
        ),
        line: BROKEN.slice(0, BROKEN.indexOf('"https",')).split('\n').length,
        message: expect.stringMatching(/trailing comma/),
      }),
    ]);
    expect(diff.classification).toBe('major-update');
    // The fixed version has nothing to report, and the base's error is no finding of the pull request.
    expect(result.findings.filter((finding) => /JSON/.test(finding.ruleId))).toEqual([]);
  });

  // diff called the same trailing comma in both versions a breaking change (exit 1), told twice;
  // validate --base called the update a major one. Both now tell it once, as diff does.
  it('tells an error both versions have once, in the current version, as a major change, as diff does', async () => {
    const broken = { ...validConnectorFiles(), 'apiDefinition.swagger.json': BROKEN };
    const { result, diff } = await validated(broken, { ...broken, 'readme.md': '# Contoso\n\nEdited.\n' });
    expect(diff.changes.filter((change) => change.ruleId === 'CHG-JSON-SYNTAX')).toEqual([
      expect.objectContaining({
        side: 'new',
        impact: 'major',
        file: SWAGGER,
        line: BROKEN.slice(0, BROKEN.indexOf('"https",')).split('\n').length,
        message: expect.stringMatching(/trailing comma.* The base version has the same error/),
      }),
    ]);
    expect(diff.classification).toBe('major-update');
    expect(result.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'GEN-JSON-PARSE', file: SWAGGER, baseline: 'existing' }),
    );
  });

  it('keeps the errors both versions have existing when an error --fix cannot make joins them, as diff tells them in both', async () => {
    // The base's trailing comma is fixable, so its message ends "`validate --fix` repairs it."; an
    // unclosed comment added at the end makes the file unfixable, and the sentence goes from every error.
    // The new error is GEN-JSON-PARSE's to tell; the diff tells the one in both.
    const unfixable = `${BROKEN}\n/* to do`;
    const { result, diff } = await validated(
      { ...validConnectorFiles(), 'apiDefinition.swagger.json': BROKEN },
      { ...validConnectorFiles(), 'apiDefinition.swagger.json': unfixable },
    );
    const findings = result.findings.filter((finding) => finding.ruleId === 'GEN-JSON-PARSE');
    expect(
      findings.map((finding) => [finding.line, finding.baseline, /--fix/.test(finding.message)]),
    ).toEqual([
      [BROKEN.slice(0, BROKEN.indexOf('"https",')).split('\n').length, 'existing', false],
      [BROKEN.split('\n').length + 1, 'new', false],
    ]);
    expect(
      diff.changes
        .filter((change) => change.ruleId === 'CHG-JSON-SYNTAX')
        .map(({ side, impact, message }) => [
          side,
          impact,
          /The base version has the same error/.test(message),
        ]),
    ).toEqual([['new', 'major', true]]);
  });

  it('has a trailing comma made elsewhere than the one fixed come out new, and breaking in neither report', async () => {
    const elsewhere = JSON.stringify(validSwagger(), null, 2).replace(
      '"application/json"\n',
      '"application/json",\n',
    );
    const { result, diff } = await validated(
      { ...validConnectorFiles(), 'apiDefinition.swagger.json': BROKEN },
      { ...validConnectorFiles(), 'apiDefinition.swagger.json': elsewhere },
    );
    const findings = result.findings.filter((finding) => finding.ruleId === 'GEN-JSON-PARSE');
    expect(findings.map((finding) => finding.baseline)).toEqual(['new']);
    // The new error is GEN-JSON-PARSE's to tell; the diff keeps the base version's, fixed.
    expect(diff.changes.map(({ ruleId, side, impact }) => ({ ruleId, side, impact }))).toEqual([
      { ruleId: 'CHG-JSON-SYNTAX', side: 'old', impact: 'major' },
    ]);
  });

  // GEN-JSON-PARSE lists 20 errors per file and counts the rest in one more finding: that count is of
  // the file, not of the rule over the connector as the engine's cap of 1,000 findings is.
  describe('a swagger whose syntax errors were counted past the 20 listed', () => {
    const SLIPS = 25;
    const parseFindings = (findings: readonly Finding[]) =>
      findings.filter((finding) => finding.ruleId === 'GEN-JSON-PARSE');
    const baseFiles = () => ({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': withTrailingCommas(validSwagger(), SLIPS, SLIPS),
    });

    it('has new errors in another file come out new, though the swagger has fewer', async () => {
      const { result } = await validated(baseFiles(), {
        ...validConnectorFiles(),
        'apiDefinition.swagger.json': withTrailingCommas(validSwagger(), SLIPS, 20),
        'apiProperties.json': withTrailingCommas(validApiProperties(), 3, 3),
      });
      const findings = parseFindings(result.findings);
      expect(findings.filter((finding) => finding.file === SWAGGER).map((f) => f.baseline)).toEqual(
        Array(20).fill('existing'),
      );
      expect(findings.filter((finding) => finding.file !== SWAGGER).map((f) => [f.file, f.baseline])).toEqual(
        Array(3).fill([`${FOLDER}/apiProperties.json`, 'new']),
      );
    });

    it('has them all existing when one of them was fixed, the 21st listed now and the count one less', async () => {
      const { result } = await validated(baseFiles(), {
        ...validConnectorFiles(),
        'apiDefinition.swagger.json': withTrailingCommas(validSwagger(), SLIPS, SLIPS - 1),
      });
      const findings = parseFindings(result.findings);
      expect(findings).toHaveLength(21);
      expect(findings.at(-1)!.message).toMatch(/^4 more findings of this rule are not listed/);
      expect(findings.filter((finding) => finding.baseline !== 'existing')).toEqual([]);
    });

    // The listed errors are matched at their places; the count of the rest changed, but the file has
    // fewer errors than the base had: the count is told once, in the current version, as major.
    it('tells the listed errors both versions have as major, and the smaller count as in both', async () => {
      const { diff } = await validated(baseFiles(), {
        ...validConnectorFiles(),
        'apiDefinition.swagger.json': withTrailingCommas(validSwagger(), SLIPS, SLIPS - 1),
      });
      const changes = diff.changes.filter((change) => change.ruleId === 'CHG-JSON-SYNTAX');
      expect(changes.filter((change) => change.side === 'new')).toHaveLength(21);
      expect(changes.filter((change) => change.side === 'old')).toEqual([]);
      expect(changes.at(-1)!.message).toBe(
        'The file is not strict JSON; it was compared as far as it could be read. 4 more changes of this rule are not listed: a file lists at most 20 JSON syntax errors. The base version counted unlisted errors too, and this update did not add to the errors of the file.',
      );
      expect(changes.filter((change) => change.impact !== 'major')).toEqual([]);
      expect(diff.classification).toBe('major-update');
    });

    it('tells the diff the base errors past the 20 listed as changes', async () => {
      const { diff } = await validated(baseFiles(), validConnectorFiles());
      const changes = diff.changes.filter((change) => change.ruleId === 'CHG-JSON-SYNTAX');
      expect(changes).toHaveLength(21);
      expect(changes.at(-1)!.message).toBe(
        'The file is not strict JSON; it was compared as far as it could be read. 5 more changes of this rule are not listed: a file lists at most 20 JSON syntax errors.',
      );
    });
  });

  // GEN-JSON-PARSE lists 20 errors a file; `validate --base` settled such a listing whole when its
  // total did not grow, while `diff` matched each listed error on its place: an update that fixed one
  // trailing comma and made another among the listed ones was breaking in `diff` and all existing in
  // `validate --base`. Both commands now run on the same repository and must give one verdict: each
  // current error the diff calls the update's (breaking) is a new finding, each it tells as in both
  // versions (major) an existing one.
  describe('diff and validate --base on a swagger whose errors were counted past the 20 listed', () => {
    const BASE = range(5, 29);

    async function bothVerdicts(updated: readonly number[]) {
      const files = (indexes: readonly number[]) => ({
        ...validConnectorFiles(),
        'apiDefinition.swagger.json': withTrailingCommasAt(validSwagger(), indexes),
      });
      const { result, folder } = await validated(files(BASE), files(updated));
      const diff = await diffPaths(
        path.join(writeConnector(files(BASE)), 'apiDefinition.swagger.json'),
        path.join(folder, 'apiDefinition.swagger.json'),
      );
      const findings = result.findings.filter((finding) => finding.ruleId === 'GEN-JSON-PARSE');
      const changes = diff.changes.filter(
        (change) => change.ruleId === 'CHG-JSON-SYNTAX' && change.side === 'new',
      );
      return {
        validate: findings.map((finding) => [finding.line, finding.baseline === 'new' ? 'new' : 'existing']),
        diff: changes.map((change) => [change.line, change.impact === 'breaking' ? 'new' : 'existing']),
        classification: diff.classification,
      };
    }

    it('calls a trailing comma made among the listed ones new in both, where one was fixed', async () => {
      const verdicts = await bothVerdicts([0, ...BASE.filter((entry) => entry !== 10)]);
      expect(verdicts.validate).toEqual(verdicts.diff);
      expect(verdicts.validate.filter(([, verdict]) => verdict === 'new')).toHaveLength(1);
      expect(verdicts.classification).toBe('breaking');
    });

    it('calls nothing new in either when the last error was fixed: the count of the rest is one less', async () => {
      const verdicts = await bothVerdicts(range(5, 28));
      expect(verdicts.validate).toEqual(verdicts.diff);
      expect(verdicts.validate).toHaveLength(21);
      expect(verdicts.validate.filter(([, verdict]) => verdict === 'new')).toEqual([]);
      expect(verdicts.classification).toBe('major-update');
    });

    // Neither knows the base's unlisted errors: the 21st listed now may be one of them or one made.
    it('calls an error listed now that the base only counted new in both, the count existing', async () => {
      const verdicts = await bothVerdicts(BASE.filter((entry) => entry !== 10));
      expect(verdicts.validate).toEqual(verdicts.diff);
      expect(verdicts.validate.filter(([, verdict]) => verdict === 'new')).toHaveLength(1);
      expect(verdicts.validate.at(-1)![1]).toBe('existing');
    });

    it('calls the count new in both when the file has more errors than the base had', async () => {
      const verdicts = await bothVerdicts([0, ...BASE]);
      expect(verdicts.validate).toEqual(verdicts.diff);
      expect(verdicts.validate.filter(([, verdict]) => verdict === 'new')).toHaveLength(2);
      expect(verdicts.classification).toBe('breaking');
    });
  });
});
