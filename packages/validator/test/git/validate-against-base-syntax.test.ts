import { describe, expect, it } from '@jest/globals';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from './repository-fixture.js';
import type { Json } from '../diff/diff-fixture.js';

// The breaking-change comparison reads both versions with the tolerant parser. GEN-JSON-PARSE
// already reports the current version's syntax errors; the base version's are told by the diff.

const FOLDER = 'certified-connectors/Contoso';
const SWAGGER = `${FOLDER}/apiDefinition.swagger.json`;
const BROKEN = JSON.stringify(validSwagger(), null, 2).replace('"https"\n', '"https",\n');

/** Commits `base` on dev, then `files` on a pull-request branch, and validates against dev. */
async function validated(base: Json, files: Json) {
  const repo = createRepository('dev');
  repo.write(connectorFiles(FOLDER, base));
  repo.commitAll('dev: the connector');
  repo.git('checkout', '--quiet', '-b', 'pr');
  repo.write(connectorFiles(FOLDER, files));
  repo.commitAll('pr: the edit');
  const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir });
  return { result, diff: result.diffs[0]!.diff! };
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
});
