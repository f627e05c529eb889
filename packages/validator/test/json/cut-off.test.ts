import { describe, expect, it } from '@jest/globals';
import { JsonDocument } from '../../src/json/json-document.js';
import { validateFolder } from '../../src/validate.js';
import { writeConnector } from '../helpers/fixture.js';
import { swaggerCutBefore } from '../helpers/cut-swagger.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';

// Read as far as it goes, a swagger cut off mid-save lacked every operation, definition and
// extension past the cut: each was a finding (a $ref to a lost definition, a readme operation the
// swagger "lacks") and, against a base, a breaking change.
describe('text cut off', () => {
  it('has no value to judge, and says where it was cut', () => {
    const text = swaggerCutBefore('"operationId": "GetTask"');
    const document = JsonDocument.parse(text);
    expect(document.value).toBeUndefined();
    const cut = document.syntaxIssues.find(({ offset }) => offset === document.syntaxRepair?.cutOffAt);
    expect(cut?.message).toMatch(/^The file ends before .* are closed: it looks cut off; restore its end/);
  });

  it('is cut off inside a string with brackets open beyond the root', () => {
    const text = swaggerCutBefore('Lists the tasks of the current user.').concat('Lists the');
    const document = JsonDocument.parse(text);
    expect(document.value).toBeUndefined();
    expect(document.syntaxRepair?.cutOffAt).toBe(text.length);
  });

  // An interrupted save leaves a word half written: `tr` of `true` was an issue of its own ("tr is not
  // a JSON value: strings take double quotes"), said before the cut.
  it('says nothing of the half-written token the file ends in', () => {
    for (const end of [
      '"required": tr',
      '"required": fals',
      '"default": nu',
      '"minimum": -',
      '"minLength": 1e',
    ]) {
      const text = swaggerCutBefore('"operationId": "GetTask"').concat(end);
      const document = JsonDocument.parse(text);
      expect(document.syntaxRepair?.cutOffAt).toBeDefined();
      expect(document.syntaxIssues.map(({ message }) => message)).toEqual([
        expect.stringMatching(/it looks cut off/),
      ]);
    }
  });

  it('is not said of a slip: one closer missing after a whole value, or a string of the root left open', () => {
    const missingCloser = JsonDocument.parse('{\n  "swagger": "2.0",\n  "info": { "title": "Contoso" }\n');
    expect(missingCloser.syntaxRepair?.cutOffAt).toBeUndefined();
    expect(missingCloser.value).toEqual({ swagger: '2.0', info: { title: 'Contoso' } });
    const openString = JsonDocument.parse('{ "swagger": "2.0", "host": "contoso.com');
    expect(openString.syntaxRepair?.cutOffAt).toBeUndefined();
    expect(openString.value).toEqual(expect.objectContaining({ swagger: '2.0' }));
  });

  it('is not said of a missing closer that the indentation places mid-file', () => {
    const text =
      '{\n  "info": {\n    "title": "Contoso",\n    "version": "1.0"\n  ,\n  "host": "contoso.com"\n}\n';
    const document = JsonDocument.parse(text);
    expect(document.syntaxIssues[0]?.message).toMatch(/going by the indentation, add '}' after this value/);
    expect(document.syntaxRepair?.cutOffAt).toBeUndefined();
    expect(document.value).toEqual({ info: { title: 'Contoso', version: '1.0' }, host: 'contoso.com' });
  });

  it('gets its one GEN-JSON-PARSE finding, and no finding of what was lost', async () => {
    const folder = writeConnector({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': swaggerCutBefore('"definitions"'),
    });
    const result = await validateFolder(folder, { profile: 'certified' });
    const onSwagger = result.findings.filter(({ file }) => file.endsWith('apiDefinition.swagger.json'));
    expect(onSwagger.map(({ ruleId }) => ruleId)).toEqual(['GEN-JSON-PARSE']);
    expect(onSwagger[0]!.message).toMatch(/it looks cut off/);
    // Nor does the readme's list of operations meet a swagger that "lacks" them.
    expect(result.findings.filter(({ ruleId }) => ruleId === 'README-OPS-MATCH')).toEqual([]);
  });
});
