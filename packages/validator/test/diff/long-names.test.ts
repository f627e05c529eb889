import { describe, expect, it } from '@jest/globals';
import { MAX_MESSAGE_LENGTH } from '../../src/text/message-length.js';
import { MAX_NAME_LENGTH } from '../../src/text/message-values.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { validateEditAgainstDev } from '../git/pull-request-edit.js';
import { diffEdited, type Json } from './diff-fixture.js';

/*
 * operationIds and parameter names are values, as long as a pull request makes them (key-length.ts
 * bounds keys only). Every change carries its operation's id and a ValuePath built of such names, and
 * `validate --base` quotes the ValuePath in its finding: each is cut to MAX_NAME_LENGTH.
 */

const LONG = 20_000;

/** The valid swagger with one operation whose operationId and query parameter's name are LONG. */
function longNamed(): Json {
  const swagger = validSwagger() as Json;
  const operation = swagger.paths['/tasks'].get;
  operation.operationId = 'o'.repeat(LONG);
  operation.parameters.push({ name: 'n'.repeat(LONG), in: 'query', type: 'string', 'x-ms-summary': 'N' });
  return swagger;
}

function lastParameter(swagger: Json): Json {
  const parameters = swagger.paths['/tasks'].get.parameters;
  return parameters[parameters.length - 1];
}

describe('changes name long operations and parameters by excerpts', () => {
  it('cuts the operationId and the ValuePath of every change', () => {
    const result = diffEdited((swagger) => {
      lastParameter(swagger).type = 'integer';
      lastParameter(swagger).required = true;
    }, longNamed());
    const changes = result.changes.filter((change) => change.operationId !== undefined);
    expect(changes.map((change) => change.ruleId)).toContain('BRK-INPUT-TYPE');
    for (const change of changes) {
      expect(change.operationId === `${'o'.repeat(MAX_NAME_LENGTH - 1)}…`).toBe(true);
      const parameterPath = `operation/${change.operationId}/parameter/${'n'.repeat(MAX_NAME_LENGTH - 1)}…`;
      expect(change.valuePath!.startsWith(parameterPath)).toBe(true);
      expect(change.valuePath!.length).toBeLessThan(parameterPath.length + 20);
      expect(change.message.length).toBeLessThan(1000);
    }
  });

  it("bounds validate --base's finding of the change, which quotes the ValuePath", async () => {
    const base = validConnectorFiles() as Json;
    base['apiDefinition.swagger.json'] = longNamed();
    const { result } = await validateEditAgainstDev(
      'certified-connectors/Contoso',
      (files) => {
        files['apiDefinition.swagger.json'].paths['/tasks'].get.parameters.pop();
      },
      base,
    );
    const deleted = result.findings.filter((finding) => finding.ruleId === 'BRK-PARAM-DELETED');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!.message.length).toBeLessThan(3 * MAX_NAME_LENGTH);
    expect(deleted[0]!.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(deleted[0]!.message).toMatch(/ValuePath: operation\/o+…\/parameter\/n+… \(In the base version: /);
  });
});
