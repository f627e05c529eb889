import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { diffPaths } from '../../src/diff/diff-paths.js';
import { validateFolder } from '../../src/validate.js';
import { writeConnector } from '../helpers/fixture.js';
import { validApiProperties, validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';

// The diff compares what the tolerant parser recovers of a file that does not parse. Without a word
// about the syntax errors, a broken swagger compared with itself was a "no-change".

/** The swagger with a trailing comma in `schemes` and one in `consumes`: two slips, one message. */
function brokenSwagger(): string {
  return JSON.stringify(validSwagger(), null, 2)
    .replace('"https"\n', '"https",\n')
    .replace('"application/json"\n', '"application/json",\n');
}

/** As the diff names the files: relative to the working directory. */
function shown(folder: string, file: string): string {
  return path.relative(process.cwd(), path.join(folder, file));
}

const SWAGGER = 'apiDefinition.swagger.json';

async function parseFindings(folder: string) {
  const result = await validateFolder(folder, {});
  return result.findings
    .filter((finding) => finding.ruleId === 'GEN-JSON-PARSE')
    .map(({ message, line, column }) => ({ message, line, column }));
}

describe('diff of a version whose JSON has syntax errors', () => {
  it('reports each error of the new version where validate reports it, as breaking', async () => {
    const broken = brokenSwagger();
    const before = writeConnector(validConnectorFiles());
    const after = writeConnector({ ...validConnectorFiles(), [SWAGGER]: broken });
    const result = await diffPaths(before, after);
    const syntax = result.changes.filter((change) => change.ruleId === 'CHG-JSON-SYNTAX');
    const expected = await parseFindings(after);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(syntax).toEqual(
      expected.map(({ message, line, column }) =>
        expect.objectContaining({
          file: shown(after, SWAGGER),
          side: 'new',
          impact: 'breaking',
          breaking: true,
          message: `The file is not strict JSON; it was compared as far as it could be read. ${message}`,
          line,
          column,
        }),
      ),
    );
    expect(result.classification).toBe('breaking');
  });

  it('calls a broken file compared with itself breaking, not a no-change', async () => {
    const broken = brokenSwagger();
    const before = writeConnector({ ...validConnectorFiles(), [SWAGGER]: broken });
    const after = writeConnector({ ...validConnectorFiles(), [SWAGGER]: broken });
    const result = await diffPaths(before, after);
    const told = result.changes.map((change) => `${change.ruleId} ${change.side} ${change.impact}`);
    // Sorted: the changes are in file order, and the temporary folders' names are random.
    expect(told.sort()).toEqual([
      'CHG-JSON-SYNTAX new breaking',
      'CHG-JSON-SYNTAX new breaking',
      'CHG-JSON-SYNTAX old major',
      'CHG-JSON-SYNTAX old major',
    ]);
    expect(result.classification).toBe('breaking');
  });

  it('tells a base version that does not parse as major, located in the base version', async () => {
    const before = writeConnector({ ...validConnectorFiles(), [SWAGGER]: brokenSwagger() });
    const after = writeConnector(validConnectorFiles());
    const result = await diffPaths(before, after);
    const expected = await parseFindings(before);
    expect(result.changes).toEqual(
      expected.map(({ line, column }) =>
        expect.objectContaining({
          ruleId: 'CHG-JSON-SYNTAX',
          file: shown(before, SWAGGER),
          side: 'old',
          impact: 'major',
          breaking: false,
          line,
          column,
        }),
      ),
    );
    expect(result.classification).toBe('major-update');
  });

  it('reads apiProperties.json too', async () => {
    const properties = JSON.stringify(validApiProperties(), null, 2).replace(/\n}$/, ',\n}');
    const before = writeConnector(validConnectorFiles());
    const after = writeConnector({ ...validConnectorFiles(), 'apiProperties.json': properties });
    const result = await diffPaths(before, after);
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-JSON-SYNTAX',
        file: shown(after, 'apiProperties.json'),
        side: 'new',
        breaking: true,
        message: expect.stringMatching(/trailing comma/),
      }),
    ]);
  });

  it('leaves an empty file to CHG-UNCOMPARABLE', async () => {
    const before = writeConnector(validConnectorFiles());
    const after = writeConnector({ ...validConnectorFiles(), [SWAGGER]: '' });
    const result = await diffPaths(before, after);
    expect(result.changes.map((change) => change.ruleId)).toContain('CHG-UNCOMPARABLE');
    expect(result.changes.map((change) => change.ruleId)).not.toContain('CHG-JSON-SYNTAX');
  });

  it('calls an unreadable new version breaking, as a broken one, and an unreadable base version major', async () => {
    const valid = writeConnector(validConnectorFiles());
    const yaml = writeConnector({ ...validConnectorFiles(), [SWAGGER]: 'swagger: "2.0"\n' });
    const unreadableNew = await diffPaths(valid, yaml);
    expect(unreadableNew.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ruleId: 'CHG-UNCOMPARABLE',
          side: 'new',
          impact: 'breaking',
          breaking: true,
        }),
      ]),
    );
    expect(unreadableNew.classification).toBe('breaking');
    const unreadableBase = await diffPaths(yaml, valid);
    expect(unreadableBase.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ruleId: 'CHG-UNCOMPARABLE',
          side: 'old',
          impact: 'major',
          breaking: false,
        }),
      ]),
    );
    expect(unreadableBase.classification).toBe('major-update');
  });
});
